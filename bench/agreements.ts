import { PDFDocument } from 'pdf-lib';
import { agreementPdf, finalAgreementPdf } from '../functions/documents/agreement-render.ts';
import { fillAgreementTemplate } from '../functions/documents/agreement-template.ts';
import { embedFonts } from '../functions/documents/pdf-writer.ts';
import { sealPdf, selfSignedSealCertificate } from '../functions/documents/seal.ts';
import { LIDERZY_KOOPERACJI } from '../functions/local/demo-data.ts';
import { sha256Of } from '../functions/repositories/documents.ts';

/**
 * Rendering an agreement's PDF, in process, warm (after a warm-up), as the functions that make it do: the
 * document the signatories sign (the three-party text of Łopuszno, powiat kielecki, Świętokrzyskie, DejaVu
 * Sans embedded as a subset) and the final record (its pages copied, the signature page and audit trail,
 * then the PAdES seal). Beside each, floors measured in the same run: pdf-lib saving an empty document, and
 * one line written in the same subset fonts (what embedding the font costs whatever the text).
 */
export const PDF_RUNS = 20;
const WARM_UP = 5;

export interface PdfTiming {
  median: number;
  min: number;
  max: number;
  bytes: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function timed(render: () => Promise<Uint8Array>): Promise<PdfTiming> {
  let bytes = 0;
  for (let run = 0; run < WARM_UP; run += 1) bytes = (await render()).byteLength;
  const samples: number[] = [];
  for (let run = 0; run < PDF_RUNS; run += 1) {
    const started = performance.now();
    bytes = (await render()).byteLength;
    samples.push(performance.now() - started);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), bytes };
}

const TEXT = fillAgreementTemplate({
  kind: 'three-party',
  programmeName: LIDERZY_KOOPERACJI.name,
  callTitle: 'Liderzy kooperacji — nabór gmin województwa świętokrzyskiego',
  programmeStartsOn: LIDERZY_KOOPERACJI.startsOn,
  programmeEndsOn: LIDERZY_KOOPERACJI.endsOn,
  milestones: LIDERZY_KOOPERACJI.milestones,
  parties: [
    {
      role: 'gmina',
      name: 'Gmina Łopuszno',
      address: 'ul. Jana Pawła II 6, 26-070 Łopuszno',
      representative: 'Wójt Gminy Łopuszno',
      institution: 'Gminny Ośrodek Pomocy Społecznej w Łopusznie (kierownik: Anna Nowak)',
    },
    {
      role: 'powiat',
      name: 'Powiat kielecki',
      address: 'siedziba: starostwo powiatowe (adres do uzupełnienia)',
      representative: 'Zarząd Powiatu Kieleckiego',
      institution: 'Powiatowe Centrum Pomocy Rodzinie w Kielcach (dyrektor: Jan Kowalski)',
    },
    {
      role: 'wojewodztwo',
      name: 'Województwo Świętokrzyskie',
      address: 'siedziba: Kielce',
      representative: 'Zarząd Województwa Świętokrzyskiego',
      institution: 'Regionalny Ośrodek Polityki Społecznej w Kielcach',
    },
  ],
  place: 'Kielcach',
});
const META = {
  agreementId: 'PZ-BENC-H001',
  textVersion: 1,
  createdAt: '2026-11-30T10:00:00.000Z',
  title: 'Porozumienie o współpracy — Łopuszno',
};

export async function benchAgreementPdf() {
  const document = await agreementPdf(TEXT, META);
  const pages = (await PDFDocument.load(document)).getPageCount();
  const certificate = selfSignedSealCertificate('Kooperacja (benchmark)');
  const signedAt = '2026-12-01T09:00:00.000Z';
  const final = async () =>
    sealPdf(
      await finalAgreementPdf({
        document,
        documentSha256: sha256Of(document),
        meta: META,
        completedAt: signedAt,
        signatures: ['Gmina Łopuszno', 'Powiat kielecki', 'Województwo Świętokrzyskie'].map((party) => ({
          party,
          signatory: 'Łucja Żak',
          role: 'Wójt',
          method: 'podpis na platformie (imię i nazwisko, zgoda)',
          signedAt,
          documentSha256: sha256Of(document),
          ip: '192.0.2.1',
        })),
        trail: Array.from({ length: 8 }, (_, index) => ({
          at: signedAt,
          type: index === 0 ? 'generated' : 'signed',
          actor: 'Łucja Żak (Wójt, wojt@gmina.example)',
          ip: '192.0.2.1',
          hashBefore: sha256Of(document),
        })),
        verifyUrl: 'https://kooperacja.example/porozumienie/weryfikacja?id=PZ-BENC-H001',
      }),
      certificate,
      new Date(signedAt),
    );
  return {
    pages,
    characters: TEXT.length,
    document: await timed(() => agreementPdf(TEXT, META)),
    final: await timed(final),
    emptyFloor: await timed(async () => (await PDFDocument.create()).save()),
    fontFloor: await timed(async () => {
      const pdf = await PDFDocument.create();
      const fonts = await embedFonts(pdf);
      pdf.addPage().drawText('Porozumienie — Łopuszno', { font: fonts.regular, size: 10, x: 50, y: 780 });
      return pdf.save({ useObjectStreams: false });
    }),
  };
}
