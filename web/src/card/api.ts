import * as z from 'zod/mini';
import type { TCardAnswers } from '../../../shared/schemas/card.ts';
import type {
  TCardReceipt,
  TCardView,
  TDraftAnswers,
  TDraftView,
  TReceiptCheck,
} from '../../../shared/schemas/submission.ts';
import { requestJson } from '../lib/api.ts';

/*
 * The card, draft and receipt endpoints (shared/schemas/submission.ts lists them). As elsewhere on the site,
 * answers are read leniently: a field the API starts sending after this bundle was cached is dropped, not
 * an error. The readers below are written out rather than built from submission.ts's schemas, whose module
 * would bring zod's JSON, union and date-time validators into the form's download for nothing; the type
 * checks after them keep every strict contract readable by its lenient reader.
 */

const ZLooseAnswers = z.record(z.string(), z.record(z.string(), z.unknown()));
const ZReceipt = z.object({
  reference: z.string(),
  version: z.number(),
  sha256: z.string(),
  receivedAt: z.string(),
});
const ZView = z.object({
  reference: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  teryt: z.string(),
  gminaName: z.string(),
  status: z.string(),
  version: z.number(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  editableUntil: z.string(),
  answers: ZLooseAnswers,
  versions: z.array(z.object({ version: z.number(), receivedAt: z.string(), sha256: z.string() })),
});
const ZSaved = z.object({ savedAt: z.string(), expiresAt: z.string() });
const ZDraft = z.object({
  callId: z.string(),
  email: z.string(),
  answers: ZLooseAnswers,
  savedAt: z.string(),
  expiresAt: z.string(),
});
/** Both variants of ZReceiptCheck in one object. */
const ZCheck = z.object({
  valid: z.boolean(),
  reference: z.optional(z.string()),
  version: z.optional(z.number()),
  receivedAt: z.optional(z.string()),
  callTitle: z.optional(z.string()),
  gminaName: z.optional(z.string()),
  superseded: z.optional(z.boolean()),
  status: z.optional(z.enum(['submitted', 'withdrawn'])),
});

// Compile-time only: what the API promises must be something these readers accept.
type Reads<Reader extends z.ZodMiniType, Contract extends z.input<Reader>> = Contract;
export type ContractsRead = [
  Reads<typeof ZReceipt, TCardReceipt>,
  Reads<typeof ZView, TCardView>,
  Reads<typeof ZDraft, TDraftView>,
  Reads<typeof ZCheck, TReceiptCheck>,
];

export type Receipt = z.infer<typeof ZReceipt>;
export type CardView = z.infer<typeof ZView>;
export type DraftSaved = z.infer<typeof ZSaved>;
export type DraftView = z.infer<typeof ZDraft>;
export type ReceiptCheck = z.infer<typeof ZCheck>;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Sends a new card. The key stays the same for every retry of one attempt, so it is stored at most once. */
export function submitCard(callId: string, answers: TCardAnswers, idempotencyKey: string): Promise<Receipt> {
  return requestJson(`/api/calls/${encodeURIComponent(callId)}/cards`, ZReceipt, {
    method: 'POST',
    body: { answers },
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function getCard(token: string, signal?: AbortSignal): Promise<CardView> {
  return requestJson('/api/cards/current', ZView, { headers: bearer(token), signal });
}

export function changeCard(token: string, answers: TCardAnswers): Promise<Receipt> {
  return requestJson('/api/cards/current', ZReceipt, {
    method: 'PUT',
    body: { answers },
    headers: bearer(token),
  });
}

export function withdrawCard(token: string): Promise<CardView> {
  return requestJson('/api/cards/current', ZView, { method: 'DELETE', headers: bearer(token) });
}

export function saveDraft(callId: string, email: string, answers: TDraftAnswers): Promise<DraftSaved> {
  return requestJson(`/api/calls/${encodeURIComponent(callId)}/drafts`, ZSaved, {
    method: 'POST',
    body: { email, answers },
  });
}

export function updateDraft(token: string, answers: TDraftAnswers): Promise<DraftSaved> {
  return requestJson('/api/drafts/current', ZSaved, {
    method: 'PUT',
    body: { answers },
    headers: bearer(token),
  });
}

export function getDraft(token: string, signal?: AbortSignal): Promise<DraftView> {
  return requestJson('/api/drafts/current', ZDraft, { headers: bearer(token), signal });
}

export function checkReceipt(
  receipt: { reference: string; sha256: string; version?: string | undefined },
  signal?: AbortSignal,
): Promise<ReceiptCheck> {
  const version = receipt.version ? `&version=${encodeURIComponent(receipt.version)}` : '';
  return requestJson(
    `/api/receipts/${encodeURIComponent(receipt.reference)}?sha256=${encodeURIComponent(receipt.sha256)}${version}`,
    ZCheck,
    { signal },
  );
}
