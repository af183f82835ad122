import { randomBytes } from 'node:crypto';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';

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

/**
 * A scanner's PDF: `pdf`'s pages, then one page of `megabytes` MiB of image (random grey, so nothing
 * compresses it). Pages, not an attachment: the final record copies a scan's pages.
 */
export async function scannedPdf(pdf: Uint8Array, megabytes: number): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  const side = Math.floor(Math.sqrt(megabytes * 1024 * 1024));
  const image = document.context.register(
    document.context.stream(randomBytes(side * side), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: side,
      Height: side,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    }),
  );
  const page = document.addPage([595, 842]);
  page.node.setXObject(PDFName.of('Skan'), image);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(595, 0, 0, 842, 0, 0),
    drawObject('Skan'),
    popGraphicsState(),
  );
  return document.save({ useObjectStreams: false });
}
