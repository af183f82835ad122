import type {
  TOffice,
  TOfficeChangeRequest,
  TOfficesImportReport,
  TOfficesResponse,
} from '../../../shared/schemas/offices.ts';
import type {
  TErasureRequest,
  TErasureResponse,
  THeldMail,
  TResendMailResponse,
} from '../../../shared/schemas/retention.ts';
import type { TVoidCardResult } from '../../../shared/schemas/review.ts';
import { requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/*
 * The panel's trust endpoints (issue 13): voiding a card, revoking its links, the held mail and its resending,
 * the directory of gmina offices and the lead's erasure of a gmina's personal data. Each reads its answer with
 * a small shape (lib/shape.ts), never the shared zod schemas, which would weigh on the panel's chunk.
 */

const cardPath = (callId: string, teryt: string) =>
  `/api/admin/cards/${encodeURIComponent(callId)}/${encodeURIComponent(teryt)}`;

const voidShape = { at: 'string', by: 'string', reason: 'string' } as const;
const readVoided = reader<TVoidCardResult>({ voided: voidShape, revision: 'number' });
const readRevoked = reader<{ linkEpoch: number; revokedAt: string }>({
  linkEpoch: 'number',
  revokedAt: 'string',
});
const readHeld = reader<{ messages: THeldMail[] }>({
  messages: [
    {
      callId: 'string',
      teryt: 'string',
      name: 'string',
      to: ['string'],
      template: 'string',
      status: 'string',
      heldAt: 'string',
      'lastError?': 'string',
      resendable: 'boolean',
      'bodyUntil?': 'string',
      'resentAs?': 'string',
    },
  ],
});
const readResent = reader<TResendMailResponse>({ name: 'string', status: 'string' });
const officeShape = {
  teryt: 'string',
  gminaName: 'string',
  email: 'string',
  'epuap?': 'string',
  'name?': 'string',
  source: 'string',
  changedAt: 'string',
  changedBy: 'string',
} as const;
const readOffices = reader<TOfficesResponse>({
  wojewodztwo: 'string',
  gminas: [{ teryt: 'string', gminaName: 'string', 'office?': officeShape }],
});
const readOffice = reader<TOffice>(officeShape);
const readReport = reader<TOfficesImportReport>({
  rows: 'number',
  created: 'number',
  changed: 'number',
  unchanged: 'number',
  rejected: [{ line: 'number', 'teryt?': 'string', problem: 'string' }],
});
const readErasure = reader<TErasureResponse>({ erasedAt: 'string', cards: ['string'], items: 'number' });

/** Voids a card sent in a gmina's name by someone else: the revision the screen read, and why. */
export function voidCard(callId: string, teryt: string, request: { revision: number; reason: string }) {
  return requestJson(`${cardPath(callId, teryt)}/void`, readVoided, { method: 'POST', body: request });
}

/** Every link of the card stops opening it; the gmina asks for a new one to its contact address. */
export function revokeLinks(callId: string, teryt: string, reason: string) {
  return requestJson(`${cardPath(callId, teryt)}/links/revocation`, readRevoked, {
    method: 'POST',
    body: { reason },
  });
}

/** The messages of a voivodeship's cards that SES may not have sent, or refused. */
export async function listHeldMail(wojewodztwo: string, signal?: AbortSignal): Promise<THeldMail[]> {
  return (
    await requestJson(`/api/admin/mail/held?${new URLSearchParams({ wojewodztwo })}`, readHeld, { signal })
  ).messages;
}

/** Resends a held message to the recipients it had (409 CONFLICT when it was resent already). */
export function resendHeldMail(message: Pick<THeldMail, 'callId' | 'teryt' | 'name'>, reason?: string) {
  return requestJson(
    `${cardPath(message.callId, message.teryt)}/mail/${encodeURIComponent(message.name)}/resend`,
    readResent,
    { method: 'POST', body: reason ? { reason } : {} },
  );
}

export function listOffices(wojewodztwo: string, signal?: AbortSignal): Promise<TOfficesResponse> {
  return requestJson(`/api/admin/offices?${new URLSearchParams({ wojewodztwo })}`, readOffices, { signal });
}

export function changeOffice(teryt: string, request: TOfficeChangeRequest): Promise<TOffice> {
  return requestJson(`/api/admin/offices/${encodeURIComponent(teryt)}`, readOffice, {
    method: 'PUT',
    body: request,
  });
}

/** The CSV's text, as the browser read the chosen file. */
export function importOffices(csv: string): Promise<TOfficesImportReport> {
  return requestJson('/api/admin/offices/import', readReport, { method: 'POST', body: { csv } });
}

export function eraseGminaData(teryt: string, request: TErasureRequest): Promise<TErasureResponse> {
  return requestJson(`/api/admin/gminas/${encodeURIComponent(teryt)}/erasure`, readErasure, {
    method: 'POST',
    body: request,
  });
}

export type { THeldMail, TOfficesImportReport, TOfficesResponse };
