import {
  AGREEMENT_FILE_MAX_BYTES,
  AGREEMENT_FILE_MAX_PARTS,
  AGREEMENT_FILE_PART_BYTES,
} from '../../shared/agreement-uploads.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import { looksLikePdf } from '../documents/pdf-magic.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import type { AgreementRecord } from '../repositories/agreements.ts';
import type { DocumentStore } from '../repositories/documents.ts';
import type { Db } from '../repositories/dynamo.ts';
import {
  agreementUploadPartKey,
  deleteScanParts,
  putScanPart,
  readScanParts,
} from '../repositories/scans.ts';
import { requireCardOfGmina } from './access.ts';
import { readAgreement } from './agreement-lists.ts';
import { agreementByLink } from './agreement-pages.ts';
import { requireTurn } from './agreement-state.ts';

/**
 * An agreement's PDF on its way in, in parts of at most 4 MiB (shared/agreement-uploads.ts says why): a
 * signatory's copy signed with a qualified signature or Profil Zaufany (the signing link's holder, on its
 * turn) and a coordinator's scan of the paper (its voivodeship's, while the agreement is open). Each part
 * is checked as far as a part can be (size; the first must begin as a PDF does); the whole file is checked
 * again when it is taken (agreement-uploads.ts). Apart from that module, so these functions bundle neither
 * pdf-lib, nor the seal, nor node-forge.
 */

export interface PartDeps {
  db: Db;
  now: () => Date;
  documents: DocumentStore;
}

interface PartInput {
  uploadId: string;
  part: string;
  body: Uint8Array | undefined;
}

const TERYT = /^\d{6}[123]$/;
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A coordinator's parts are theirs (their e-mail, hashed); a signatory's, their link's. */
export const coordinatorOwner = (user: TAdminUser) => `k-${sha256Hex(user.email).slice(0, 32)}`;
export const signatoryOwner = (role: string, tokenSha256: string) => `${role}-${tokenSha256.slice(0, 32)}`;

/** The keys of parts 1 to `parts` of one upload. */
export function partKeys(
  agreement: Pick<AgreementRecord, 'callId' | 'teryt'>,
  owner: string,
  upload: { uploadId: string; parts: number },
): string[] {
  return Array.from({ length: upload.parts }, (_, index) =>
    partKey(agreement, owner, upload.uploadId, index + 1),
  );
}

function partKey(
  agreement: Pick<AgreementRecord, 'callId' | 'teryt'>,
  owner: string,
  uploadId: string,
  part: number,
): string {
  return agreementUploadPartKey({ callId: agreement.callId, teryt: agreement.teryt, owner, uploadId }, part);
}

/** The part's number, or NOT_FOUND for an address no upload has (as for a card's scan). */
function partNumber(input: PartInput): number {
  const part = Number(input.part);
  if (!UPLOAD_ID.test(input.uploadId) || !/^[1-9]$/.test(input.part) || part > AGREEMENT_FILE_MAX_PARTS)
    throw new AppError('NOT_FOUND');
  return part;
}

function checkedPart(part: number, body: Uint8Array | undefined): Uint8Array {
  if (!body || body.byteLength === 0) throw new AppError('NOT_A_PDF');
  if (body.byteLength > AGREEMENT_FILE_PART_BYTES) throw new AppError('FILE_TOO_LARGE');
  if (part === 1 && !looksLikePdf(body)) throw new AppError('NOT_A_PDF');
  return body;
}

const openAgreement = (agreement: AgreementRecord) =>
  agreement.status !== 'completed' && agreement.status !== 'cancelled';

/** One part of the scan of an agreement signed on paper (the coordinator's; access from the path first). */
export async function uploadAgreementScanPart(
  deps: PartDeps,
  user: TAdminUser,
  input: PartInput & { callId: string; teryt: string },
): Promise<{ part: number; size: number }> {
  if (!TERYT.test(input.teryt)) throw new AppError('NOT_FOUND');
  requireCardOfGmina(user, input.teryt);
  const part = partNumber(input);
  const agreement = await readAgreement(deps, input);
  if (!openAgreement(agreement)) throw new AppError('AGREEMENT_STATE');
  const body = checkedPart(part, input.body);
  await putScanPart(deps.documents, partKey(agreement, coordinatorOwner(user), input.uploadId, part), body);
  return { part, size: body.byteLength };
}

/** One part of a signatory's signed PDF: only with a live link, on the party's turn. */
export async function uploadSignedPart(
  deps: PartDeps,
  token: string,
  input: PartInput,
): Promise<{ part: number; size: number }> {
  const { agreement, party, tokenSha256 } = await agreementByLink(deps, token);
  requireTurn(agreement, party);
  const part = partNumber(input);
  const body = checkedPart(part, input.body);
  const owner = signatoryOwner(party.role, tokenSha256);
  await putScanPart(deps.documents, partKey(agreement, owner, input.uploadId, part), body);
  return { part, size: body.byteLength };
}

/**
 * The parts as one file, checked whole: all there (else UPLOAD_INCOMPLETE: send it again), at most 10 MB,
 * a PDF. A file refused is refused for good, so its parts go at once; others wait for the bucket's
 * clean-up of `uploads/` (a day), so that a retry after, say, a conflict need not send them again.
 */
export async function assembledPdf(store: DocumentStore, keys: string[]): Promise<Uint8Array> {
  const parts = await readScanParts(store, keys);
  if (!parts) throw new AppError('UPLOAD_INCOMPLETE');
  const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const refuse = async (code: 'FILE_TOO_LARGE' | 'NOT_A_PDF') => {
    await deleteScanParts(store, keys).catch(() => undefined);
    return new AppError(code);
  };
  if (size > AGREEMENT_FILE_MAX_BYTES) throw await refuse('FILE_TOO_LARGE');
  const pdf = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    pdf.set(part, offset);
    offset += part.byteLength;
  }
  if (!looksLikePdf(pdf)) throw await refuse('NOT_A_PDF');
  return pdf;
}
