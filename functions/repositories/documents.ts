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
  'GetObjectCommand' | 'PutObjectCommand' | 'NoSuchKey'
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
      ({ S3Client, GetObjectCommand, PutObjectCommand, NoSuchKey }) => ({
        s3: new S3Client({
          region: config.AWS_REGION,
          // s3rver answers path-style addresses only; on AWS the SDK chooses.
          ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}),
        }),
        GetObjectCommand,
        PutObjectCommand,
        NoSuchKey,
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
