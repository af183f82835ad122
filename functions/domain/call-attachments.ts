import type { TAdminUser } from '../../shared/schemas/admin.ts';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_PART_BYTES,
  ATTACHMENT_TYPES,
  type AttachmentType,
  type TAddAttachmentRequest,
} from '../../shared/schemas/call-life.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { callAuditPut, getStoredCall, type StoredCall, saveCallChange } from '../repositories/calls.ts';
import { type DocumentStore, getDocument, putDocument, sha256Of } from '../repositories/documents.ts';
import type { Db } from '../repositories/dynamo.ts';
import { deleteScanParts, presignedDownload, putScanPart, readScanParts } from '../repositories/scans.ts';
import { callInReach } from './call-life.ts';

/**
 * Files attached to a call's rules (regulamin, templates): PDF, DOCX or ODT by their first bytes, at most
 * 10 MB, uploaded in parts of 4 MiB as a card's scan is (one API request each), then checked whole and
 * stored in the documents bucket under the call's id and the file's digest; listed on the call's page.
 */

type Deps = { db: Db; now: () => Date; documents: DocumentStore };

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_PARTS = Math.ceil(ATTACHMENT_MAX_BYTES / ATTACHMENT_PART_BYTES);
/** A call's rules carry at most this many files. */
export const MAX_ATTACHMENTS = 10;
/** Smaller files are sent through the API itself (same origin, as the CSP wants); larger by a signed link. */
export const STREAMED_MAX_BYTES = 4 * 1024 * 1024;

const fileError = (key: 'attachment_type' | 'attachment_too_large' | 'attachment_missing' | 'too_many') =>
  new AppError('VALIDATION_FAILED', { fields: { file: key } });

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.subarray(from, Math.min(to, bytes.length))).toString('latin1');

/**
 * The type by magic bytes: %PDF-; a ZIP whose first entry is an uncompressed `mimetype` naming ODF text
 * (as the ODF standard requires of an .odt); a ZIP holding `[Content_Types].xml` and `word/document.xml`
 * (an OOXML word-processing document). Anything else — a renamed .exe, an image, a spreadsheet — is refused.
 */
export function attachmentTypeOf(bytes: Uint8Array): AttachmentType | undefined {
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(bytes, 0, 4) !== 'PK\u0003\u0004') return undefined;
  if (
    ascii(bytes, 30, 38) === 'mimetype' &&
    ascii(bytes, 38, 77) === 'application/vnd.oasis.opendocument.text'
  )
    return 'application/vnd.oasis.opendocument.text';
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.includes('[Content_Types].xml') && text.includes('word/document.xml'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return undefined;
}

const ownerOf = (user: TAdminUser) => sha256Hex(user.email).slice(0, 32);
const partKey = (callId: string, owner: string, uploadId: string, part: number) =>
  `uploads/calls/${callId}/${owner}/${uploadId}/${part}`;

function changeable(stored: StoredCall, now: Date): void {
  if (stored.call.cancelled) throw new AppError('CONFLICT', { fields: { call: 'cancelled' } });
  if (Date.parse(stored.call.closesAt) <= now.getTime())
    throw new AppError('CONFLICT', { fields: { call: 'closed' } });
}

/** One part of an attachment, as the request's raw body; access from the call's head before anything else. */
export async function uploadAttachmentPart(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; uploadId: string; part: string; body: Uint8Array | undefined },
): Promise<{ part: number; size: number }> {
  const stored = await callInReach(deps.db, user, input.callId);
  const part = Number(input.part);
  if (!UPLOAD_ID.test(input.uploadId) || !/^[1-9]$/.test(input.part) || part > MAX_PARTS)
    throw new AppError('NOT_FOUND');
  changeable(stored, deps.now());
  const body = input.body;
  if (!body || body.byteLength === 0) throw fileError('attachment_missing');
  if (body.byteLength > ATTACHMENT_PART_BYTES) throw fileError('attachment_too_large');
  if (part === 1 && !attachmentTypeOf(body)) throw fileError('attachment_type');
  await putScanPart(deps.documents, partKey(input.callId, ownerOf(user), input.uploadId, part), body);
  return { part, size: body.byteLength };
}

/** The file's name as downloads give it: ASCII letters, digits, dots and hyphens, its type's extension. */
function downloadName(name: string, type: AttachmentType): string {
  const extension = ATTACHMENT_TYPES[type];
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'zalacznik'}.${extension}`;
}

/** The parts put together, checked (size, type) and stored; the call lists it from then on. */
export async function addAttachment(
  deps: Deps,
  user: TAdminUser,
  callId: string,
  request: TAddAttachmentRequest,
): Promise<{ call: TCall }> {
  const before = await callInReach(deps.db, user, callId);
  const now = deps.now();
  changeable(before, now);
  if ((before.call.revision ?? 0) !== request.revision)
    throw new AppError('CONFLICT', { fields: { revision: 'stale' } });
  if (before.attachments.length >= MAX_ATTACHMENTS) throw fileError('too_many');
  const partKeys = Array.from({ length: request.parts }, (_, index) =>
    partKey(callId, ownerOf(user), request.uploadId, index + 1),
  );
  const parts = await readScanParts(deps.documents, partKeys);
  if (!parts) throw fileError('attachment_missing');
  const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
  if (size > ATTACHMENT_MAX_BYTES) throw fileError('attachment_too_large');
  const body = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  const contentType = attachmentTypeOf(body);
  if (!contentType) throw fileError('attachment_type');
  const sha256 = sha256Of(body);
  const key = `calls/${callId}/attachments/${sha256}.${ATTACHMENT_TYPES[contentType]}`;
  await putDocument(deps.documents, key, body, contentType);
  const at = now.toISOString();
  const attachment = {
    id: sha256.slice(0, 16),
    name: downloadName(request.name, contentType),
    contentType,
    size,
    addedAt: at,
    key,
    sha256,
  };
  if (before.attachments.some((one) => one.id === attachment.id))
    throw new AppError('CONFLICT', { fields: { file: 'already_attached' } });
  const after: StoredCall = {
    ...before,
    attachments: [...before.attachments, attachment],
    call: {
      ...before.call,
      attachments: [
        ...(before.call.attachments ?? []),
        { id: attachment.id, name: attachment.name, contentType, size, addedAt: at },
      ],
    },
  };
  const result = await saveCallChange(deps.db, before, after, [
    callAuditPut(deps.db, callId, {
      at,
      event: 'call-attachment-added',
      actor: user.email,
      details: [`${attachment.name} (${size} B, SHA-256 ${sha256})`],
    }),
  ]);
  if (result !== 'saved') throw new AppError('CONFLICT', { fields: { revision: 'stale' } });
  await deleteScanParts(deps.documents, partKeys).catch(() => undefined);
  return { call: { ...after.call, revision: request.revision + 1 } };
}

/** Takes a file off the call's list (the object stays in the bucket: what was published can be proved). */
export async function removeAttachment(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  input: { callId: string; attachmentId: string; revision: number },
): Promise<{ call: TCall }> {
  const before = await callInReach(deps.db, user, input.callId);
  const now = deps.now();
  changeable(before, now);
  if ((before.call.revision ?? 0) !== input.revision)
    throw new AppError('CONFLICT', { fields: { revision: 'stale' } });
  const removed = before.attachments.find((one) => one.id === input.attachmentId);
  if (!removed) throw new AppError('NOT_FOUND');
  const attachments = before.attachments.filter((one) => one !== removed);
  const { attachments: _listed, ...call } = before.call;
  const after: StoredCall = {
    ...before,
    attachments,
    call: {
      ...call,
      ...(attachments.length > 0
        ? { attachments: (before.call.attachments ?? []).filter((one) => one.id !== removed.id) }
        : {}),
    },
  };
  const result = await saveCallChange(deps.db, before, after, [
    callAuditPut(deps.db, input.callId, {
      at: now.toISOString(),
      event: 'call-attachment-removed',
      actor: user.email,
      details: [removed.name],
    }),
  ]);
  if (result !== 'saved') throw new AppError('CONFLICT', { fields: { revision: 'stale' } });
  return { call: { ...after.call, revision: input.revision + 1 } };
}

/**
 * A published attachment, for anyone: the file itself when small (same origin: the site's CSP allows no
 * other), else a link to the bucket signed for a minute (a navigation, which the CSP does not restrict).
 * Read and checked against its SHA-256 first: a changed object is never handed over.
 */
export async function attachmentDownload(
  deps: { db: Db; now: () => Date; documents: DocumentStore },
  input: { callId: string; attachmentId: string },
): Promise<
  | { kind: 'file'; body: Uint8Array; contentType: string; filename: string }
  | { kind: 'redirect'; location: string }
> {
  const stored = await getStoredCall(deps.db, input.callId);
  const attachment = stored?.attachments.find((one) => one.id === input.attachmentId);
  if (!attachment) throw new AppError('NOT_FOUND');
  const document = await getDocument(deps.documents, attachment.key, attachment.sha256);
  if (!document) throw new AppError('NOT_FOUND');
  if (attachment.size <= STREAMED_MAX_BYTES)
    return {
      kind: 'file',
      body: document.body,
      contentType: attachment.contentType,
      filename: attachment.name,
    };
  return {
    kind: 'redirect',
    location: await presignedDownload(deps.documents, {
      key: attachment.key,
      filename: attachment.name,
      contentType: attachment.contentType,
      seconds: 60,
      now: deps.now(),
    }),
  };
}
