import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import {
  SCAN_MAX_BYTES,
  SCAN_MAX_PARTS,
  SCAN_PART_BYTES,
  SCAN_TYPES,
  type ScanType,
  scanTypeOf,
  type TRegisteredCard,
} from '../../shared/schemas/registration.ts';
import type { TRegisterCardRequest } from '../../shared/schemas/registration-request.ts';
import { warsawDate, warsawLocalToInstant } from '../../shared/time.ts';
import { canonicalJson, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { getCall } from '../repositories/calls.ts';
import { type CardScan, cardExists, getCard } from '../repositories/cards.ts';
import {
  cardScanKey,
  type DocumentStore,
  getDocument,
  putDocument,
  sha256Of,
} from '../repositories/documents.ts';
import {
  deleteScanParts,
  presignedDownload,
  putScanPart,
  readScanParts,
  scanPartKey,
} from '../repositories/scans.ts';
import { requireCardOfGmina } from './access.ts';
import { type NewCardDeps, storeNewCard } from './new-card.ts';
import { assertCardForm, assertEligible } from './recruitment-rules.ts';

/**
 * Cards that reached the ROPS by post or as a scan by e-mail, registered by a coordinator of the gmina's
 * voivodeship: the same answers, checks, reference, link and confirmation e-mail as a card sent online
 * (new-card.ts), with the postmark's date or the e-mail's time of sending in place of the server's clock —
 * it counts against the deadline however many days later the card is typed in — and the scan.
 */

export type RegisterDeps = NewCardDeps & { documents: DocumentStore };

const TERYT = /^\d{6}[123]$/;
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whose upload it is: a part of the key, so a registration reads only its own coordinator's parts. */
const ownerOf = (user: TAdminUser) => sha256Hex(user.email).slice(0, 32);

function scanError(key: 'scan_type' | 'scan_too_large' | 'scan_missing'): AppError {
  return new AppError('VALIDATION_FAILED', { fields: { scan: key } });
}

/**
 * One part of a scan (1 to SCAN_MAX_PARTS, each at most SCAN_PART_BYTES), sent as the request's raw body.
 * Access comes from the path's gmina, before anything is read; the first part must begin as a PDF, JPEG or
 * PNG does (the whole file is checked again when the card is registered).
 */
export async function uploadScanPart(
  deps: { documents: DocumentStore },
  user: TAdminUser,
  input: { callId: string; teryt: string; uploadId: string; part: string; body: Uint8Array | undefined },
): Promise<{ part: number; size: number }> {
  if (!TERYT.test(input.teryt)) throw new AppError('NOT_FOUND');
  requireCardOfGmina(user, input.teryt);
  const part = Number(input.part);
  if (!UPLOAD_ID.test(input.uploadId) || !/^[1-9]$/.test(input.part) || part > SCAN_MAX_PARTS)
    throw new AppError('NOT_FOUND');
  if (!/^[a-z0-9-]{3,64}$/.test(input.callId)) throw new AppError('NOT_FOUND');
  const body = input.body;
  if (!body || body.byteLength === 0) throw scanError('scan_missing');
  if (body.byteLength > SCAN_PART_BYTES) throw scanError('scan_too_large');
  if (part === 1 && !scanTypeOf(body)) throw scanError('scan_type');
  await putScanPart(
    deps.documents,
    scanPartKey(
      { callId: input.callId, teryt: input.teryt, owner: ownerOf(user), uploadId: input.uploadId },
      part,
    ),
    body,
  );
  return { part, size: body.byteLength };
}

const endOfWarsawDay = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(warsawLocalToInstant(next.toISOString().slice(0, 10)).getTime() - 1);
};

/**
 * When the card counts as sent, or which rule the typed date breaks (on the field `receivedOn`):
 * - post: the postmark shows a day, so any postmark of the deadline's Warsaw day counts; the card's time
 *   of sending is the day's last instant (a letter posted that day is no earlier than a card sent online
 *   that day), no later than the deadline or the registration;
 * - e-mail: the time of sending, to the minute, before the closing instant.
 * Neither may lie after now (a mistyped year) nor before the call opened.
 */
export function sendingInstant(
  call: Pick<TCall, 'opensAt' | 'closesAt'>,
  request: Pick<TRegisterCardRequest, 'channel' | 'receivedOn'>,
  now: Date,
): Date {
  const refuse = (key: string) => new AppError('VALIDATION_FAILED', { fields: { receivedOn: key } });
  const opensAt = new Date(call.opensAt);
  const closesAt = new Date(call.closesAt);
  if (request.channel === 'post') {
    const day = request.receivedOn;
    if (day > warsawDate(now)) throw refuse('in_future');
    if (day > warsawDate(new Date(closesAt.getTime() - 1))) throw refuse('after_deadline');
    if (day < warsawDate(opensAt)) throw refuse('before_opening');
    return new Date(Math.min(endOfWarsawDay(day).getTime(), closesAt.getTime() - 1, now.getTime()));
  }
  const sent = warsawLocalToInstant(request.receivedOn);
  if (sent.getTime() > now.getTime()) throw refuse('in_future');
  if (sent.getTime() >= closesAt.getTime()) throw refuse('after_deadline');
  if (sent.getTime() < opensAt.getTime() - 59_999) throw refuse('before_opening');
  return sent;
}

/** The whole scan from its parts, checked (size, magic bytes) and stored by its digest. */
async function storeScan(
  deps: RegisterDeps,
  user: TAdminUser,
  input: { callId: string; teryt: string; scan: TRegisterCardRequest['scan'] },
): Promise<{ scan: CardScan; partKeys: string[] }> {
  const upload = {
    callId: input.callId,
    teryt: input.teryt,
    owner: ownerOf(user),
    uploadId: input.scan.uploadId,
  };
  const partKeys = Array.from({ length: input.scan.parts }, (_, index) => scanPartKey(upload, index + 1));
  const parts = await readScanParts(deps.documents, partKeys);
  if (!parts) throw scanError('scan_missing');
  const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
  if (size > SCAN_MAX_BYTES) throw scanError('scan_too_large');
  const body = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  const contentType = scanTypeOf(body);
  if (!contentType) throw scanError('scan_type');
  const stored = await putDocument(
    deps.documents,
    cardScanKey(input.callId, input.teryt, sha256Of(body), SCAN_TYPES[contentType]),
    body,
    contentType,
  );
  return { scan: { key: stored.key, sha256: stored.sha256, size, contentType }, partKeys };
}

export async function registerCard(
  deps: RegisterDeps,
  user: TAdminUser,
  input: { callId: string; idempotencyKey: string; request: TRegisterCardRequest },
): Promise<{ registered: TRegisteredCard; replayed: boolean }> {
  const { request } = input;
  const teryt = request.answers.office.teryt;
  // Who may, from the request alone: a coordinator of the gmina's voivodeship (or the lead).
  requireCardOfGmina(user, teryt);
  const call = await getCall(deps.db, input.callId);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  const requestSha256 = sha256Hex(canonicalJson({ callId: call.id, registered: request }));
  const now = deps.now();
  let stored: { scan: CardScan; partKeys: string[] } | undefined;

  const { receipt, replayed } = await storeNewCard(deps, {
    call,
    idempotencyKey: input.idempotencyKey,
    requestSha256,
    answers: request.answers,
    check: async () => {
      const sent = sendingInstant(call, request, now);
      assertCardForm(call);
      const { gmina, powiatName } = await assertEligible(call, request.answers);
      // Before the scan is stored: a gmina that has a card gets nothing written.
      if (await cardExists(deps.db, call.id, gmina.teryt)) throw new AppError('CARD_EXISTS');
      stored ??= await storeScan(deps, user, { callId: call.id, teryt: gmina.teryt, scan: request.scan });
      const registeredAt = now.toISOString();
      return {
        gmina,
        powiatName,
        submittedAt: sent.toISOString(),
        storedAt: registeredAt,
        extra: {
          channel: request.channel,
          receivedOn: request.receivedOn,
          registeredAt,
          registeredBy: user.email,
          scan: stored.scan,
        },
      };
    },
  });
  // The parts have served; a failure here leaves them to the bucket's clean-up, not the card.
  if (stored) await deleteScanParts(deps.documents, stored.partKeys).catch(() => undefined);
  return { registered: { ...receipt, teryt, channel: request.channel }, replayed };
}

/** A short-lived link to a card's scan, after access (from the path) and the scan's digest are checked. */
export async function scanDownload(
  deps: { db: RegisterDeps['db']; documents: DocumentStore; now: () => Date },
  user: TAdminUser,
  input: { callId: string; teryt: string },
): Promise<string> {
  if (!TERYT.test(input.teryt)) throw new AppError('NOT_FOUND');
  requireCardOfGmina(user, input.teryt);
  const card = await getCard(deps.db, input.callId, input.teryt);
  if (!card?.scan) throw new AppError('NOT_FOUND');
  // Read and checked against its SHA-256 first: a changed object is an error, never handed over.
  const document = await getDocument(deps.documents, card.scan.key, card.scan.sha256);
  if (!document) throw new AppError('NOT_FOUND');
  const extension = SCAN_TYPES[card.scan.contentType as ScanType];
  return presignedDownload(deps.documents, {
    key: card.scan.key,
    filename: `skan-${card.reference}.${extension}`,
    contentType: card.scan.contentType,
    seconds: 60,
    now: deps.now(),
  });
}
