import { PDFDocument } from 'pdf-lib';
import { formatWarsaw } from '../../shared/time.ts';
import { agreementBlocks, type TextBlock } from './agreement-template.ts';
import { embedFonts, numberPages, PageWriter, type Style } from './pdf-writer.ts';

/** The agreement's text as a PDF, and the final record (the HTML is in agreement-html.ts, without pdf-lib). */

const STYLE: Record<TextBlock['kind'], Style> = {
  title: { font: 'bold', size: 13, align: 'center', before: 0 },
  heading: { font: 'bold', size: 11, align: 'center', before: 12 },
  paragraph: { font: 'regular', size: 10, before: 6 },
};

export interface DocumentMeta {
  agreementId: string;
  textVersion: number;
  /** Fixed dates and names, so the same text and version always give the same bytes. */
  createdAt: string;
  title: string;
}

function describe(pdf: PDFDocument, meta: DocumentMeta): void {
  pdf.setTitle(meta.title);
  pdf.setAuthor('Kooperacja');
  pdf.setCreator('Kooperacja');
  pdf.setProducer('Kooperacja (pdf-lib)');
  pdf.setSubject(`Porozumienie ${meta.agreementId}, wersja treści ${meta.textVersion}`);
  pdf.setLanguage('pl-PL');
  pdf.setCreationDate(new Date(meta.createdAt));
  pdf.setModificationDate(new Date(meta.createdAt));
}

/** The agreement as a PDF: the text, every page numbered and marked with the agreement's id and version. */
export async function agreementPdf(text: string, meta: DocumentMeta): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  describe(pdf, meta);
  const fonts = await embedFonts(pdf);
  const writer = new PageWriter(pdf, fonts);
  for (const block of agreementBlocks(text)) writer.write(block.text, STYLE[block.kind]);
  numberPages(pdf, fonts, `Porozumienie ${meta.agreementId}, wersja treści ${meta.textVersion}`);
  return pdf.save({ useObjectStreams: false });
}

export interface SignatureEntry {
  party: string;
  signatory: string;
  role?: string | undefined;
  method: string;
  signedAt: string;
  documentSha256: string;
  ip?: string | undefined;
}

export interface TrailEntry {
  at: string;
  type: string;
  actor: string;
  ip?: string | undefined;
  userAgent?: string | undefined;
  hashBefore?: string | undefined;
  hashAfter?: string | undefined;
  note?: string | undefined;
}

/** What the final record is made of (agreement-flow.ts gathers it, without pdf-lib). */
export interface FinalRecordInput {
  document: Uint8Array;
  /** Signed on paper: the scan's pages follow the document's (a scan that is not a readable PDF is left out). */
  scan?: Uint8Array;
  documentSha256: string;
  meta: DocumentMeta;
  completedAt: string;
  signatures: readonly SignatureEntry[];
  trail: readonly TrailEntry[];
  verifyUrl: string;
}

/**
 * The final record: the signed document's pages as they were, then a signature page (who signed for each
 * party, how, when, over which hash) and the audit trail. Sealed afterwards (seal.ts), so it is saved
 * without object streams, which the seal's placeholder needs.
 */
export async function finalAgreementPdf(input: FinalRecordInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  describe(pdf, { ...input.meta, createdAt: input.completedAt });
  const signed = await PDFDocument.load(input.document, { updateMetadata: false });
  const copied = await pdf.copyPages(signed, signed.getPageIndices());
  for (const page of copied) pdf.addPage(page);
  if (input.scan) {
    try {
      const scan = await PDFDocument.load(input.scan, { updateMetadata: false, ignoreEncryption: true });
      for (const page of await pdf.copyPages(scan, scan.getPageIndices())) {
        pdf.addPage(page);
        copied.push(page);
      }
    } catch {
      // Kept in the bucket with its hash, named on the signature page; not every scanner's PDF can be copied.
    }
  }
  const fonts = await embedFonts(pdf);
  const writer = new PageWriter(pdf, fonts);
  writer.write('Strona podpisów', { font: 'bold', size: 13, align: 'center' });
  writer.write(
    `Porozumienie ${input.meta.agreementId} (wersja treści ${input.meta.textVersion}) podpisały wszystkie Strony. Podpisany dokument (strony powyżej) ma skrót SHA-256:\n${input.documentSha256}`,
    { font: 'regular', size: 10, before: 10 },
  );
  for (const signature of input.signatures) {
    writer.keep(90);
    writer.write(signature.party, { font: 'bold', size: 11, before: 14 });
    writer.write(
      [
        `Podpisał(a): ${signature.signatory}${signature.role ? `, ${signature.role}` : ''}`,
        `Sposób: ${signature.method}`,
        `Czas: ${formatWarsaw(signature.signedAt)} (czas polski), ${signature.signedAt}`,
        ...(signature.ip ? [`Adres IP: ${signature.ip}`] : []),
        `Skrót podpisanego dokumentu: ${signature.documentSha256}`,
      ].join('\n'),
      { font: 'regular', size: 9, before: 2 },
    );
  }
  writer.write(
    `Dokument zakończono ${formatWarsaw(input.completedAt)} i opieczętowano pieczęcią elektroniczną platformy Kooperacja. Zgodność można sprawdzić na stronie ${input.verifyUrl}`,
    { font: 'regular', size: 9, before: 14 },
  );
  writer.newPage();
  writer.write('Historia porozumienia (ścieżka audytu)', { font: 'bold', size: 13, align: 'center' });
  for (const entry of input.trail) {
    writer.keep(60);
    writer.write(`${formatWarsaw(entry.at)} — ${entry.type}`, { font: 'bold', size: 9, before: 8 });
    writer.write(
      [
        `Kto: ${entry.actor}`,
        `Czas (UTC): ${entry.at}`,
        ...(entry.ip ? [`IP: ${entry.ip}`] : []),
        ...(entry.userAgent ? [`Przeglądarka: ${entry.userAgent}`] : []),
        ...(entry.hashBefore ? [`Skrót przed: ${entry.hashBefore}`] : []),
        ...(entry.hashAfter ? [`Skrót po: ${entry.hashAfter}`] : []),
        ...(entry.note ? [`Uwagi: ${entry.note}`] : []),
      ].join('\n'),
      { font: 'regular', size: 8, before: 1 },
    );
  }
  numberPages(pdf, fonts, `Porozumienie ${input.meta.agreementId} — podpisy i historia`, copied.length);
  return pdf.save({ useObjectStreams: false });
}
