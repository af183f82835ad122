import { AppError } from '../lib/errors.ts';
import { type DocumentStore, getDocument } from '../repositories/documents.ts';
import { presignedDownload } from '../repositories/scans.ts';
import type { AgreementDeps } from './agreement-flow.ts';
import { agreementByLink } from './agreement-pages.ts';
import { FINAL_DOWNLOAD_DAYS } from './agreement-state.ts';

/**
 * An agreement's PDF read back and its SHA-256 checked, then — when the caller hands out a link rather than
 * the bytes — a link to it signed for a minute (as a card's scan). Shared by the coordinator's download
 * (agreements.ts) and the signatory's final record (below); a module of its own, so the signing page's
 * functions do not bundle the S3 presigner. A changed object is an error,
 * never handed over, nor a link to it signed; a missing one is NOT_FOUND.
 */
export async function checkedPdf(
  documents: DocumentStore,
  file: { key: string; sha256: string },
): Promise<Uint8Array> {
  const document = await getDocument(documents, file.key, file.sha256);
  if (!document) throw new AppError('NOT_FOUND');
  return document.body;
}

export const DOWNLOAD_LINK_SECONDS = 60;

export function pdfLink(
  documents: DocumentStore,
  file: { key: string },
  filename: string,
  now: Date,
): Promise<string> {
  return presignedDownload(documents, {
    key: file.key,
    filename,
    contentType: 'application/pdf',
    seconds: DOWNLOAD_LINK_SECONDS,
    now,
  });
}

/**
 * The sealed final record for a signatory, by the party's link (checked first: forged, cancelled, replaced
 * links are refused as on the page): only once the agreement is completed (else AGREEMENT_STATE), until
 * FINAL_DOWNLOAD_DAYS after completion (else SIGNING_LINK_EXPIRED); its digest checked, then a link to the
 * bucket signed for a minute, which the page navigates to (a header cannot ride on a link, and the site's
 * CSP lets the page fetch only from its own origin).
 */
export async function finalRecordForSignatory(
  deps: Pick<AgreementDeps, 'db' | 'now' | 'documents'>,
  token: string,
): Promise<{ url: string; sha256: string; size: number; filename: string }> {
  const { agreement } = await agreementByLink(deps, token);
  if (agreement.status !== 'completed' || !agreement.final) throw new AppError('AGREEMENT_STATE');
  const until = Date.parse(agreement.final.completedAt) + FINAL_DOWNLOAD_DAYS * 24 * 3600_000;
  if (deps.now().getTime() >= until) throw new AppError('SIGNING_LINK_EXPIRED');
  const filename = `porozumienie-${agreement.id}.pdf`;
  const body = await checkedPdf(deps.documents, agreement.final);
  return {
    url: await pdfLink(deps.documents, agreement.final, filename, deps.now()),
    sha256: agreement.final.sha256,
    size: body.byteLength,
    filename,
  };
}
