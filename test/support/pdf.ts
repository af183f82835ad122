import { randomBytes } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';

/**
 * A valid PDF of `megabytes` MiB more than `pdf`: the same document with that much random data attached
 * (random, so nothing compresses it), as a scanner's or a signing program's large PDF would be.
 */
export async function pdfWithAttachment(pdf: Uint8Array, megabytes: number): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  await document.attach(randomBytes(megabytes * 1024 * 1024), 'zalacznik.bin', {
    mimeType: 'application/octet-stream',
  });
  return document.save({ useObjectStreams: false });
}
