import { SignatureV4 } from '@smithy/signature-v4';
import type { DocumentStore } from './documents.ts';

/**
 * The scans of cards that came by post or e-mail, on their way in: a coordinator's upload arrives in parts
 * (each one API request, see SCAN_PART_BYTES) under a key of its own, which the registration reads back,
 * checks and stores as the card's document (documents.ts); the parts are then deleted. Keys hold the
 * uploader's hash, so a registration reads only its own coordinator's parts.
 */

export function scanPartKey(
  upload: { callId: string; teryt: string; owner: string; uploadId: string },
  part: number,
): string {
  return `uploads/${upload.callId}/${upload.teryt}/${upload.owner}/${upload.uploadId}/${part}`;
}

/**
 * A part of an agreement's PDF on its way in (a signatory's signed copy, a coordinator's scan of the paper):
 * `owner` is the uploader's (a coordinator's e-mail or the signing link's hash, hashed), so taking the file
 * reads only parts its own uploader sent.
 */
export function agreementUploadPartKey(
  upload: { callId: string; teryt: string; owner: string; uploadId: string },
  part: number,
): string {
  return `uploads/agreements/${upload.callId}/${upload.teryt}/${upload.owner}/${upload.uploadId}/${part}`;
}

// The S3 client and its commands come from the store, loaded on first use (documents.ts): a function that
// imports this module for its keys does not load the S3 client at start.
export async function putScanPart(store: DocumentStore, key: string, body: Uint8Array): Promise<void> {
  const { s3, PutObjectCommand } = await store.client();
  await s3.send(
    new PutObjectCommand({
      Bucket: store.bucket,
      Key: key,
      Body: body,
      ContentType: 'application/octet-stream',
    }),
  );
}

/** The parts in order, or undefined if one is missing (never uploaded, or already used). */
export async function readScanParts(store: DocumentStore, keys: string[]): Promise<Uint8Array[] | undefined> {
  const { s3, GetObjectCommand, NoSuchKey } = await store.client();
  const parts = await Promise.all(
    keys.map(async (Key) => {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: store.bucket, Key }));
        return await object.Body?.transformToByteArray();
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    }),
  );
  return parts.every((part) => part !== undefined) ? (parts as Uint8Array[]) : undefined;
}

export async function deleteScanParts(store: DocumentStore, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const { s3, DeleteObjectsCommand } = await store.client();
  await s3.send(
    new DeleteObjectsCommand({
      Bucket: store.bucket,
      Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
    }),
  );
}

/**
 * A link that downloads one document for `seconds`, signed with the function's own credentials (SigV4
 * query parameters): a scan of up to 10 MB cannot pass through Lambda's 6 MB response, so the browser
 * fetches it from S3 itself. The file name and type are fixed in the signature; the bucket stays private.
 */
export async function presignedDownload(
  store: DocumentStore,
  input: { key: string; filename: string; contentType: string; seconds: number; now: Date },
): Promise<string> {
  const { config } = (await store.client()).s3;
  const endpoint = store.endpoint
    ? new URL(`${store.endpoint.replace(/\/$/, '')}/${store.bucket}/${input.key}`)
    : new URL(`https://${store.bucket}.s3.${await config.region()}.amazonaws.com/${input.key}`);
  const signer = new SignatureV4({
    service: 's3',
    region: await config.region(),
    credentials: config.credentials,
    sha256: config.sha256,
    uriEscapePath: false,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
      path: endpoint.pathname,
      query: {
        'response-content-disposition': `attachment; filename="${input.filename}"`,
        'response-content-type': input.contentType,
      },
      headers: {
        host: endpoint.host,
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
    },
    { expiresIn: input.seconds, signingDate: input.now },
  );
  // RFC 3986 escapes, as the signature's canonical query has them (URLSearchParams would write "+").
  const rfc3986 = (text: string) =>
    encodeURIComponent(text).replace(
      /[!'()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  const query = Object.entries(signed.query ?? {})
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => [name, one ?? '']))
    .map(([name, value]) => `${rfc3986(name ?? '')}=${rfc3986(value ?? '')}`)
    .join('&');
  return `${endpoint.origin}${endpoint.pathname}?${query}`;
}
