import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../lib/config.ts';

/**
 * The documents bucket: scans of cards sent by post, agreements, signed uploads. Every document is referenced
 * from its item by key and SHA-256, so what was stored can be proved unchanged; objects are never overwritten
 * (a key holds the digest).
 */
export interface DocumentStore {
  /** The S3 client and the commands used here, loaded on the first read or write (see createDocumentStore). */
  client: () => Promise<S3>;
  bucket: string;
  /** Only locally: the S3-compatible server's address, for links signed to it (scans.ts). */
  endpoint?: string | undefined;
}

type S3 = { s3: S3Client } & Pick<
  typeof import('@aws-sdk/client-s3'),
  | 'GetObjectCommand'
  | 'PutObjectCommand'
  | 'NoSuchKey'
  | 'ListObjectsCommand'
  | 'DeleteObjectCommand'
  | 'DeleteObjectsCommand'
>;

export interface StoredDocument {
  key: string;
  sha256: string;
  size: number;
  contentType: string;
}

export function createDocumentStore(
  config: Pick<Config, 'AWS_REGION' | 'DOCUMENTS_BUCKET' | 'S3_ENDPOINT'>,
): DocumentStore {
  if (!config.DOCUMENTS_BUCKET) throw new Error('Invalid configuration: DOCUMENTS_BUCKET is required here');
  // Loaded on first use from the Lambda runtime (external in infra/bundling.ts), as the SES client is: the
  // outbox sweeper reads the bucket only for a mail with an attachment, and bundled the S3 client was 107 KB
  // of its code. Created once, then reused.
  let client: Promise<S3> | undefined;
  const load = () =>
    (client ??= import('@aws-sdk/client-s3').then(
      ({
        S3Client,
        GetObjectCommand,
        PutObjectCommand,
        NoSuchKey,
        ListObjectsCommand,
        DeleteObjectCommand,
        DeleteObjectsCommand,
      }) => ({
        s3: new S3Client({
          region: config.AWS_REGION,
          // s3rver answers path-style addresses only; on AWS the SDK chooses.
          ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}),
        }),
        GetObjectCommand,
        PutObjectCommand,
        NoSuchKey,
        ListObjectsCommand,
        DeleteObjectCommand,
        DeleteObjectsCommand,
      }),
    ));
  return { client: load, bucket: config.DOCUMENTS_BUCKET, endpoint: config.S3_ENDPOINT };
}

/** Where a card's scan lives: by call, gmina and digest, so two uploads of one file are one object. */
export function cardScanKey(
  callId: string,
  teryt: string,
  sha256: string,
  extension: 'pdf' | 'jpg' | 'png',
): string {
  return `cards/${callId}/${teryt}/scan-${sha256}.${extension}`;
}

export function sha256Of(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

export async function putDocument(
  store: DocumentStore,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<StoredDocument> {
  const sha256 = sha256Of(body);
  const { s3, PutObjectCommand } = await store.client();
  await s3.send(
    new PutObjectCommand({
      Bucket: store.bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      Metadata: { sha256 },
    }),
  );
  return { key, sha256, size: body.byteLength, contentType };
}

/** The document and its digest checked again: a changed object is an error, never shown as the original. */
export async function getDocument(
  store: DocumentStore,
  key: string,
  sha256: string,
): Promise<{ body: Uint8Array; contentType: string } | undefined> {
  const { s3, GetObjectCommand, NoSuchKey } = await store.client();
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: store.bucket, Key: key }));
    const body = await object.Body?.transformToByteArray();
    if (!body) return undefined;
    if (sha256Of(body) !== sha256) throw new Error(`Document ${key} does not match its SHA-256`);
    return { body, contentType: object.ContentType ?? 'application/octet-stream' };
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}

/** Where a call's documents live: its gminas' scans, its agreements and its own attachments. */
export function callDocumentPrefixes(callId: string): string[] {
  return [`cards/${callId}/`, `agreements/${callId}/`, `calls/${callId}/`];
}

/**
 * Deletes every object under `prefix` (the retention job, at a call's retention date), page by page, one
 * object at a time: a call has at most a few hundred, and each delete is then its own plain request. On the
 * versioned bucket this leaves delete markers; the bucket's lifecycle rule removes the older versions
 * 30 days later (infra/stacks/data-stack.ts). Returns how many objects went.
 */
export async function deleteDocumentsUnder(
  store: DocumentStore,
  prefix: string,
  /** Objects per listing (S3's most is 1,000); smaller only in tests of the paging. */
  pageSize = 1000,
): Promise<number> {
  const { s3, ListObjectsCommand, DeleteObjectCommand } = await store.client();
  let deleted = 0;
  // Each listing starts over (the keys listed before are gone by then), so no marker is needed. The first
  // version of ListObjects: s3rver 3.7, the local bucket, answers a truncated ListObjectsV2 with a 500.
  for (;;) {
    const page = await s3.send(
      new ListObjectsCommand({ Bucket: store.bucket, Prefix: prefix, MaxKeys: pageSize }),
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
      await s3.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: object.Key }));
      deleted += 1;
    }
    if (!page.IsTruncated || !page.Contents?.length) return deleted;
  }
}
