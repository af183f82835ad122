import type { TCreateCallRequest } from '../../../shared/schemas/admin.ts';
import type {
  TCancelCallRequest,
  TEditCallRequest,
  TExtendCallRequest,
  TInviteRequest,
} from '../../../shared/schemas/call-life.ts';
import type { TCall } from '../../../shared/schemas/programme.ts';
import { ApiError, callShape, KNOWN_ERROR_CODES, requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/*
 * A call over its life in the panel (issue 17, ARCHITECTURE.md "Calls over their life"): read with its
 * revision, log, invitations and overlapping calls; edited before it opens; extended or cancelled; gminas
 * invited; attachments uploaded in raw parts, then added. Types only from the contracts: no zod here.
 */

const managedCallShape = {
  ...callShape,
  'revision?': 'number',
  'cancelled?': { at: 'string', reason: 'string' },
  'invited?': ['string'],
  'attachments?': [
    { id: 'string', name: 'string', contentType: 'string', size: 'number', addedAt: 'string' },
  ],
} as const;
const overlapShape = {
  id: 'string',
  title: 'string',
  wojewodztwa: ['string'],
  gminaKinds: ['string'],
  opensAt: 'string',
  closesAt: 'string',
} as const;

export interface CallOverlap {
  id: string;
  title: string;
  wojewodztwa: string[];
  gminaKinds: string[];
  opensAt: string;
  closesAt: string;
}
export interface CallLogEntry {
  at: string;
  event: string;
  actor: string;
  details: string[];
}
export interface Invitation {
  teryt: string;
  email: string;
  at: string;
}
export interface ManagedCall {
  call: TCall;
  history: CallLogEntry[];
  invitations: Invitation[];
  overlaps: CallOverlap[];
}

const readManaged = reader<ManagedCall>({
  call: managedCallShape,
  history: [{ at: 'string', event: 'string', actor: 'string', details: ['string'] }],
  invitations: [{ teryt: 'string', email: 'string', at: 'string' }],
  overlaps: [overlapShape],
});
const readEdited = reader<{ call: TCall; overlaps: CallOverlap[] }>({
  call: managedCallShape,
  overlaps: [overlapShape],
});
const readTold = reader<{ call: TCall; told: number }>({ call: managedCallShape, told: 'number' });
const readInvited = reader<{ call: TCall; invited: string[] }>({
  call: managedCallShape,
  invited: ['string'],
});
const readChanged = reader<{ call: TCall }>({ call: managedCallShape });
const readPart = reader<{ part: number; size: number }>({ part: 'number', size: 'number' });

const callPath = (callId: string) => `/api/admin/calls/${encodeURIComponent(callId)}`;

export function getManagedCall(callId: string, signal?: AbortSignal): Promise<ManagedCall> {
  return requestJson(callPath(callId), readManaged, { signal });
}

export function editCall(callId: string, request: TEditCallRequest) {
  return requestJson(callPath(callId), readEdited, { method: 'PUT', body: request });
}

export function extendCall(callId: string, request: TExtendCallRequest) {
  return requestJson(`${callPath(callId)}/extension`, readTold, { method: 'POST', body: request });
}

export function cancelCall(callId: string, request: TCancelCallRequest) {
  return requestJson(`${callPath(callId)}/cancellation`, readTold, { method: 'POST', body: request });
}

export function inviteGminas(callId: string, request: TInviteRequest) {
  return requestJson(`${callPath(callId)}/invitations`, readInvited, { method: 'POST', body: request });
}

/** As the API takes them: a file in parts of at most 4 MiB, at most 10 MB in all. */
export const PART_BYTES = 4 * 1024 * 1024;
export const MAX_BYTES = 10 * 1024 * 1024;

/**
 * One part's raw bytes (not JSON, so not through requestJson): failures become the same ApiError, with the
 * API's field errors (`{ file: 'attachment_type' }`).
 */
async function uploadPart(callId: string, uploadId: string, part: number, bytes: Blob): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${callPath(callId)}/attachments/uploads/${uploadId}/${part}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
      body: bytes,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError('NETWORK', { cause });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ApiError('BAD_RESPONSE', { status: response.status, cause });
  }
  if (response.ok && readPart(body)) return;
  const error = (body as { error?: { code?: unknown; fields?: Record<string, string> } } | null)?.error;
  const code = typeof error?.code === 'string' && KNOWN_ERROR_CODES.has(error.code) ? error.code : undefined;
  throw new ApiError((code ?? 'BAD_RESPONSE') as ApiError['code'], {
    status: response.status,
    ...(error?.fields && typeof error.fields === 'object' ? { fields: error.fields } : {}),
  });
}

/** Uploads `file` in parts, then adds it to the call under its name. */
export async function addAttachment(callId: string, revision: number, file: File) {
  const uploadId = crypto.randomUUID();
  const parts = Math.max(1, Math.ceil(file.size / PART_BYTES));
  for (let part = 1; part <= parts; part += 1) {
    await uploadPart(callId, uploadId, part, file.slice((part - 1) * PART_BYTES, part * PART_BYTES));
  }
  return requestJson(`${callPath(callId)}/attachments`, readChanged, {
    method: 'POST',
    body: { revision, uploadId, parts, name: file.name.slice(0, 200) },
  });
}

export function removeAttachment(callId: string, attachmentId: string, revision: number) {
  return requestJson(`${callPath(callId)}/attachments/${encodeURIComponent(attachmentId)}`, readChanged, {
    method: 'DELETE',
    body: { revision },
  });
}

/*
 * The TERYT register as a static file (as powiaty.ts reads it), for finding invited gminas by name and
 * naming the invited ones. Its address written into this chunk, so the card form's route does not change.
 */
const registerUrl = new URL('../../../shared/teryt/register.json', import.meta.url).href;
const readRegister = reader<{ gminy: string[][] }>({ gminy: [['string']] });
let register: Promise<Map<string, string>> | undefined;

/** Every gmina's name by its TERYT code. */
export function gminaNames(signal?: AbortSignal): Promise<Map<string, string>> {
  register ??= requestJson(registerUrl, readRegister, { signal }).then(
    (data) => new Map(data.gminy.map(([teryt, name]) => [teryt ?? '', name ?? ''])),
    (error: unknown) => {
      register = undefined;
      throw error;
    },
  );
  return register;
}

const readAnnounced = reader<TCall & { overlaps?: CallOverlap[] }>({
  ...callShape,
  'overlaps?': [overlapShape],
});

/** Announces a call, keeping the API's warning of calls that overlap it. */
export function announceCall(entry: TCreateCallRequest) {
  return requestJson('/api/admin/calls', readAnnounced, { method: 'POST', body: entry });
}

/*
 * The overlaps of a call just announced, for the list the form goes to (which reads calls from an index,
 * without them): kept in this tab's sessionStorage, read once.
 */
const OVERLAPS_KEY = 'kooperacja:admin-announced-overlaps';

export function keepAnnouncedOverlaps(callId: string, overlaps: CallOverlap[]): void {
  try {
    if (overlaps.length > 0) sessionStorage.setItem(OVERLAPS_KEY, JSON.stringify({ callId, overlaps }));
    else sessionStorage.removeItem(OVERLAPS_KEY);
  } catch {
    // Storage off: the call's management screen still shows them.
  }
}

const readKept = reader<{ callId: string; overlaps: CallOverlap[] }>({
  callId: 'string',
  overlaps: [overlapShape],
});

export function announcedOverlaps(callId: string): CallOverlap[] {
  try {
    const kept = readKept(JSON.parse(sessionStorage.getItem(OVERLAPS_KEY) ?? 'null'));
    return kept?.callId === callId ? kept.overlaps : [];
  } catch {
    return [];
  }
}
