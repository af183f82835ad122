import type { TAdminUser } from '../../shared/schemas/admin.ts';
import {
  DELIVERABLE_MAX_BYTES,
  DELIVERABLE_MAX_PARTS,
  DELIVERABLE_PART_BYTES,
  type TDeliverableView,
  type TDeliveriesQuery,
  type TDeliveriesResponse,
  type TDeliverRequest,
  type TDeliverResponse,
} from '../../shared/schemas/deliverables.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { type DeadlineRecord, getDeadline, getDeadlines } from '../repositories/deadlines.ts';
import {
  type DeliveryRecord,
  getDelivery,
  getUploadLink,
  listDeliverableDeadlineIds,
  listDeliveries,
  putDelivery,
  type UploadLink,
} from '../repositories/deliverables.ts';
import { type DocumentStore, getDocument, putDocument, sha256Of } from '../repositories/documents.ts';
import type { Db } from '../repositories/dynamo.ts';
import { listUsers } from '../repositories/reminder-audiences.ts';
import { recipientHash } from '../repositories/reminder-sends.ts';
import { deleteScanParts, presignedDownload, putScanPart, readScanParts } from '../repositories/scans.ts';
import { requireVoivodeship } from './access.ts';
import { resolveRecipients } from './reminder-audience.ts';

/**
 * A deadline that asks for a document back (ARCHITECTURE.md, "Documents asked for by a deadline"). Each
 * reminder e-mail carries a link minted when it is sent (a random token whose SHA-256 alone is stored), so
 * every link a party was sent works until DELIVERABLE_LINK_DAYS after the deadline. The party uploads one
 * PDF in parts of 4 MiB, as a card's scan is uploaded (one API request each: API Gateway takes 10 MB), and
 * may replace it until the deadline. The planner leaves out those who have delivered.
 */

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Smaller files go through the API (same origin, as the site's CSP wants); larger by a signed link. */
const STREAMED_MAX_BYTES = 4 * 1024 * 1024;

const fileError = (key: 'not_pdf' | 'too_large' | 'missing') =>
  new AppError('VALIDATION_FAILED', { fields: { file: key } });

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

type Opened = {
  link: UploadLink;
  deadline: DeadlineRecord & { deliverable: { name: string } };
  party: string;
};

/** The link's party and deadline; LINK_INVALID for a token never issued, expired, or of a deadline gone. */
async function openLink(db: Db, token: string, now: Date): Promise<Opened> {
  if (!TOKEN.test(token)) throw new AppError('LINK_INVALID');
  const link = await getUploadLink(db, sha256Hex(token), now);
  if (!link) throw new AppError('LINK_INVALID');
  const deadline = await getDeadline(db, link.deadlineId);
  if (!deadline?.deliverable) throw new AppError('LINK_INVALID');
  return { link, deadline: deadline as Opened['deadline'], party: recipientHash(link.email) };
}

const deliveredView = (delivery: DeliveryRecord) => ({
  at: delivery.at,
  filename: delivery.filename,
  size: delivery.size,
  sha256: delivery.sha256,
});

/** What the party's page shows. */
export async function viewDeliverable(
  deps: { db: Db; now: () => Date },
  token: string,
): Promise<TDeliverableView> {
  const now = deps.now();
  const { link, deadline, party } = await openLink(deps.db, token, now);
  const delivery = await getDelivery(deps.db, deadline.id, party);
  return {
    title: deadline.title,
    description: deadline.description,
    documentName: deadline.deliverable.name,
    dueAt: deadline.dueAt,
    open: !deadline.cancelledAt && now.getTime() < Date.parse(deadline.dueAt),
    ...(deadline.cancelledAt ? { cancelled: true as const } : {}),
    email: link.email,
    ...(delivery ? { delivered: deliveredView(delivery) } : {}),
  };
}

function requireOpen(deadline: DeadlineRecord, now: Date): void {
  if (deadline.cancelledAt) throw new AppError('CONFLICT', { fields: { deadline: 'cancelled' } });
  if (now.getTime() >= Date.parse(deadline.dueAt))
    throw new AppError('CONFLICT', { fields: { deadline: 'passed' } });
}

const partKey = (deadlineId: string, party: string, uploadId: string, part: number) =>
  `uploads/deliverables/${deadlineId}/${party}/${uploadId}/${part}`;

type DocumentDeps = { db: Db; now: () => Date; documents: DocumentStore };

/** One part of the party's PDF, as the request's raw body; the first must start as a PDF does. */
export async function uploadDeliverablePart(
  deps: DocumentDeps,
  token: string,
  input: { uploadId: string; part: string; body: Uint8Array | undefined },
): Promise<{ part: number; size: number }> {
  const now = deps.now();
  const { deadline, party } = await openLink(deps.db, token, now);
  const part = Number(input.part);
  if (!UPLOAD_ID.test(input.uploadId) || !/^[1-9]$/.test(input.part) || part > DELIVERABLE_MAX_PARTS)
    throw new AppError('NOT_FOUND');
  requireOpen(deadline, now);
  const body = input.body;
  if (!body || body.byteLength === 0) throw fileError('missing');
  if (body.byteLength > DELIVERABLE_PART_BYTES) throw fileError('too_large');
  if (part === 1 && !isPdf(body)) throw fileError('not_pdf');
  await putScanPart(deps.documents, partKey(deadline.id, party, input.uploadId, part), body);
  return { part, size: body.byteLength };
}

/** "Sprawozdanie KM I (wersja 2).pdf" → "Sprawozdanie-KM-I-wersja-2.pdf": what a download may be called. */
export function asciiPdfName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/\.pdf$/i, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'dokument'}.pdf`;
}

/**
 * The parts put together and checked whole (≤ 10 MB, a PDF by its first bytes), stored under the
 * deadline, the party and the file's digest, and recorded as the party's document (replacing an earlier one:
 * its object stays). Nothing is recorded unless all is well.
 */
export async function deliverDocument(
  deps: DocumentDeps,
  token: string,
  request: TDeliverRequest,
): Promise<TDeliverResponse> {
  const now = deps.now();
  const { link, deadline, party } = await openLink(deps.db, token, now);
  requireOpen(deadline, now);
  const keys = Array.from({ length: request.parts }, (_, index) =>
    partKey(deadline.id, party, request.uploadId, index + 1),
  );
  const parts = await readScanParts(deps.documents, keys);
  if (!parts) throw fileError('missing');
  const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
  if (size > DELIVERABLE_MAX_BYTES) throw fileError('too_large');
  const body = Buffer.concat(parts);
  if (!isPdf(body)) throw fileError('not_pdf');
  const before = await getDelivery(deps.db, deadline.id, party);
  const sha256 = sha256Of(body);
  const key = `deliverables/${deadline.id}/${party}/${sha256}.pdf`;
  await putDocument(deps.documents, key, body, 'application/pdf');
  const delivery: DeliveryRecord = {
    deadlineId: deadline.id,
    party,
    email: link.email,
    role: link.role,
    wojewodztwo: link.wojewodztwo,
    key,
    at: now.toISOString(),
    filename: asciiPdfName(request.name),
    size,
    sha256,
    versions: (before?.versions ?? 0) + 1,
  };
  if ((await putDelivery(deps.db, delivery, before?.versions ?? 0)) === 'stale')
    throw new AppError('CONFLICT', { fields: { file: 'replaced_meanwhile' } });
  await deleteScanParts(deps.documents, keys).catch(() => undefined);
  return { delivered: deliveredView(delivery), replaced: before !== undefined };
}

const DEADLINE_ID = /^[a-z0-9-]{3,200}$/;

/**
 * One voivodeship's deadlines asking for a document (the user's, else FORBIDDEN before anything is read),
 * each with the parties of the voivodeship: those who delivered (even if no longer in the audience) and
 * those the audience has now who have not.
 */
export async function listDeliverables(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  query: TDeliveriesQuery,
): Promise<TDeliveriesResponse> {
  requireVoivodeship(user, query.wojewodztwo);
  const ids = await listDeliverableDeadlineIds(deps.db, query.wojewodztwo);
  const deadlines = [...(await getDeadlines(deps.db, ids)).values()].filter(
    (deadline) => deadline.deliverable && deadline.wojewodztwa.includes(query.wojewodztwo),
  );
  const users = deadlines.length > 0 ? await listUsers(deps.db) : [];
  const result: TDeliveriesResponse['deadlines'] = [];
  for (const deadline of deadlines) {
    const delivered = (await listDeliveries(deps.db, deadline.id)).filter(
      (delivery) => delivery.wojewodztwo === query.wojewodztwo,
    );
    const waiting = (await resolveRecipients(deps.db, deadline, users)).filter(
      (recipient) => recipient.wojewodztwo === query.wojewodztwo,
    );
    const seen = new Set(delivered.map((delivery) => delivery.party));
    result.push({
      id: deadline.id,
      title: deadline.title,
      documentName: deadline.deliverable?.name ?? '',
      dueAt: deadline.dueAt,
      parties: [
        ...delivered.map((delivery) => ({
          party: delivery.party,
          email: delivery.email,
          role: delivery.role,
          delivered: deliveredView(delivery),
        })),
        ...waiting
          .filter((recipient) => !seen.has(recipientHash(recipient.email)))
          .map((recipient) => ({
            party: recipientHash(recipient.email),
            email: recipient.email,
            role: recipient.role,
          })),
      ].sort((a, b) => a.email.localeCompare(b.email)),
    });
  }
  return { deadlines: result.sort((a, b) => a.dueAt.localeCompare(b.dueAt)) };
}

/**
 * A party's delivered document for the coordinator: access from the query's voivodeship before anything is
 * read; the deadline and the party must be of it (else NOT_FOUND); read back digest-checked.
 */
export async function deliveryDownload(
  deps: DocumentDeps,
  user: TAdminUser,
  input: { wojewodztwo: string; deadlineId: string; party: string },
): Promise<{ kind: 'file'; body: Uint8Array; filename: string } | { kind: 'redirect'; location: string }> {
  requireVoivodeship(user, input.wojewodztwo);
  if (!DEADLINE_ID.test(input.deadlineId) || !/^[0-9a-f]{64}$/.test(input.party))
    throw new AppError('NOT_FOUND');
  const deadline = await getDeadline(deps.db, input.deadlineId);
  if (!deadline?.deliverable || !deadline.wojewodztwa.includes(input.wojewodztwo))
    throw new AppError('NOT_FOUND');
  const delivery = await getDelivery(deps.db, deadline.id, input.party);
  if (!delivery || delivery.wojewodztwo !== input.wojewodztwo) throw new AppError('NOT_FOUND');
  const document = await getDocument(deps.documents, delivery.key, delivery.sha256);
  if (!document) throw new AppError('NOT_FOUND');
  if (delivery.size <= STREAMED_MAX_BYTES)
    return { kind: 'file', body: document.body, filename: delivery.filename };
  return {
    kind: 'redirect',
    location: await presignedDownload(deps.documents, {
      key: delivery.key,
      filename: delivery.filename,
      contentType: 'application/pdf',
      seconds: 60,
      now: deps.now(),
    }),
  };
}
