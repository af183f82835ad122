import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { config } from '../../functions/lib/config.ts';
import {
  cardScanKey,
  createDocumentStore,
  getDocument,
  putDocument,
} from '../../functions/repositories/documents.ts';

describe('documents bucket (the S3-compatible server locally)', () => {
  const store = createDocumentStore(config());

  it('keeps a document with its digest and gives it back unchanged', async () => {
    const body = new TextEncoder().encode('%PDF-1.4 skan karty — Łopuszno');
    const key = cardScanKey('nabor-2018', '2604062', 'x'.repeat(64), 'pdf');

    const stored = await putDocument(store, key, body, 'application/pdf');
    const read = await getDocument(store, stored.key, stored.sha256);

    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.size).toBe(body.byteLength);
    expect(read?.contentType).toBe('application/pdf');
    expect(new TextDecoder().decode(read?.body)).toBe('%PDF-1.4 skan karty — Łopuszno');
  });

  it('says a missing document is missing, and refuses one changed since it was stored', async () => {
    const key = 'cards/nabor-2018/2604062/changed.pdf';
    const stored = await putDocument(store, key, new TextEncoder().encode('first'), 'application/pdf');
    await (await store.client()).s3.send(
      new PutObjectCommand({ Bucket: store.bucket, Key: key, Body: 'second' }),
    );

    await expect(getDocument(store, 'cards/none.pdf', stored.sha256)).resolves.toBeUndefined();
    await expect(getDocument(store, key, stored.sha256)).rejects.toThrow('does not match its SHA-256');
  });
});
