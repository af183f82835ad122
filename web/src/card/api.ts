import type { TCardAnswers } from '../../../shared/schemas/card.ts';
import type {
  TCardReceipt,
  TCardView,
  TDraftAnswers,
  TDraftView,
  TReceiptCheck,
} from '../../../shared/schemas/submission.ts';
import { requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/*
 * The card, draft and receipt endpoints (shared/schemas/submission.ts lists them). As elsewhere on the site,
 * answers are read leniently with the small readers of lib/shape.ts: a field the API starts sending after
 * this bundle was cached is dropped, not an error. The type checks below keep every strict contract readable
 * by its lenient reader.
 */

type LooseAnswers = Record<string, Record<string, unknown>>;
export interface Receipt {
  reference: string;
  version: number;
  sha256: string;
  receivedAt: string;
}
export interface CardView {
  reference: string;
  callId: string;
  callTitle: string;
  teryt: string;
  gminaName: string;
  status: string;
  version: number;
  submittedAt: string;
  updatedAt: string;
  editableUntil: string;
  answers: LooseAnswers;
  versions: { version: number; receivedAt: string; sha256: string }[];
}
export interface DraftSaved {
  savedAt: string;
  expiresAt: string;
}
export interface DraftView {
  cardSent: boolean;
  callId: string;
  email: string;
  answers: LooseAnswers;
  savedAt: string;
  expiresAt: string;
}
/** Both variants of TReceiptCheck in one object. */
export interface ReceiptCheck {
  valid: boolean;
  reference?: string | undefined;
  version?: number | undefined;
  receivedAt?: string | undefined;
  callTitle?: string | undefined;
  gminaName?: string | undefined;
  superseded?: boolean | undefined;
  status?: 'submitted' | 'withdrawn' | 'voided' | undefined;
}

// The card's own reader (GET and DELETE with its link) is in link-review.ts, with the page that uses it:
// here it weighed on the card form's route, which never reads a sent card.
export const answersShape = { '*': { '*': 'unknown' } } as const;
const readReceipt = reader<Receipt>({
  reference: 'string',
  version: 'number',
  sha256: 'string',
  receivedAt: 'string',
});
const readSaved = reader<DraftSaved>({ savedAt: 'string', expiresAt: 'string' });
const readDraft = reader<DraftView>({
  cardSent: 'boolean',
  callId: 'string',
  email: 'string',
  answers: answersShape,
  savedAt: 'string',
  expiresAt: 'string',
});
const readCheck = reader<ReceiptCheck>({
  valid: 'boolean',
  'reference?': 'string',
  'version?': 'number',
  'receivedAt?': 'string',
  'callTitle?': 'string',
  'gminaName?': 'string',
  'superseded?': 'boolean',
  'status?': 'string',
});

// Compile-time only: what the API promises must be something these readers accept.
type Reads<Reader, Contract extends Reader> = Contract;
export type ContractsRead = [
  Reads<Receipt, TCardReceipt>,
  Reads<CardView, TCardView>,
  Reads<DraftView, TDraftView>,
  Reads<ReceiptCheck, TReceiptCheck>,
];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Sends a new card. The key stays the same for every retry of one attempt, so it is stored at most once. */
export function submitCard(callId: string, answers: TCardAnswers, idempotencyKey: string): Promise<Receipt> {
  return requestJson(`/api/calls/${encodeURIComponent(callId)}/cards`, readReceipt, {
    method: 'POST',
    body: { answers },
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function changeCard(token: string, answers: TCardAnswers): Promise<Receipt> {
  return requestJson('/api/cards/current', readReceipt, {
    method: 'PUT',
    body: { answers },
    headers: bearer(token),
  });
}

/** Saves a new draft; the key stays the same for every retry of one attempt, so it is saved (and e-mailed) once. */
export function saveDraft(
  callId: string,
  email: string,
  answers: TDraftAnswers,
  idempotencyKey: string,
): Promise<DraftSaved> {
  return requestJson(`/api/calls/${encodeURIComponent(callId)}/drafts`, readSaved, {
    method: 'POST',
    body: { email, answers },
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function updateDraft(token: string, answers: TDraftAnswers): Promise<DraftSaved> {
  return requestJson('/api/drafts/current', readSaved, {
    method: 'PUT',
    body: { answers },
    headers: bearer(token),
  });
}

export function getDraft(token: string, signal?: AbortSignal): Promise<DraftView> {
  return requestJson('/api/drafts/current', readDraft, { headers: bearer(token), signal });
}

export function checkReceipt(
  receipt: { reference: string; sha256: string; version?: string | undefined },
  signal?: AbortSignal,
): Promise<ReceiptCheck> {
  const version = receipt.version ? `&version=${encodeURIComponent(receipt.version)}` : '';
  return requestJson(
    `/api/receipts/${encodeURIComponent(receipt.reference)}?sha256=${encodeURIComponent(receipt.sha256)}${version}`,
    readCheck,
    { signal },
  );
}
