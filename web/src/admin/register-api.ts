import type { TRegisteredCard } from '../../../shared/schemas/registration.ts';
import type { TRegisterCardRequest } from '../../../shared/schemas/registration-request.ts';
import { ApiError, type ApiErrorCode, requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/*
 * Registering a card that came by post or e-mail: here rather than in api.ts, so that the panel's shared
 * chunk (api.ts, session, texts) stays as it is and this screen's chunk holds what only it uses.
 */

const readRegistered = reader<TRegisteredCard>({
  reference: 'string',
  version: 'number',
  sha256: 'string',
  receivedAt: 'string',
  teryt: 'string',
  channel: 'string',
});

/** One part of a scan, its raw bytes (not JSON: see SCAN_PART_BYTES for why parts). */
export async function uploadScanPart(
  input: { callId: string; teryt: string; uploadId: string; part: number },
  bytes: Blob,
): Promise<void> {
  const path = `/api/admin/cards/${encodeURIComponent(input.callId)}/${encodeURIComponent(input.teryt)}/scan/${input.uploadId}/${input.part}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
      body: bytes,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError('NETWORK', { cause });
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { code?: unknown; fields?: Record<string, string> }; requestId?: string }
    | undefined;
  const code = body?.error?.code;
  throw new ApiError(typeof code === 'string' ? (code as ApiErrorCode) : 'BAD_RESPONSE', {
    status: response.status,
    ...(body?.error?.fields ? { fields: body.error.fields } : {}),
    ...(body?.requestId ? { requestId: body.requestId } : {}),
  });
}

export function registerCard(
  callId: string,
  body: TRegisterCardRequest,
  idempotencyKey: string,
): Promise<TRegisteredCard> {
  return requestJson(`/api/admin/calls/${encodeURIComponent(callId)}/cards`, readRegistered, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}
