import { randomUUID } from 'node:crypto';
import type { TDraftAnswers, TDraftView } from '../../shared/schemas/submission.ts';
import { canonicalJson, newLinkToken, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { getCall } from '../repositories/calls.ts';
import { cardExists } from '../repositories/cards.ts';
import { createDraft, getDraft, getDraftIdempotency, updateDraftAnswers } from '../repositories/drafts.ts';
import type { Db } from '../repositories/dynamo.ts';
import { resolveLinkToken } from '../repositories/link-tokens.ts';
import { type RateLimit, takeAttempt } from '../repositories/rate-limits.ts';
import { draftUrl, footerWojewodztwo } from './links.ts';
import { assertCardForm } from './recruitment-rules.ts';

/**
 * Save and return: a draft is kept on the server and a link to it (a random token, stored hashed, valid
 * until the call closes — its closing as it is when the link is used, extensions included) goes to the
 * given address, so the card can be finished on any computer.
 */
type Deps = { db: Db; now: () => Date; siteUrl: string };

/**
 * Saving a draft e-mails a link to any address typed in: limits keep it from being a way to flood an
 * inbox. A clerk saving a few times an hour never meets them.
 */
export const DRAFT_LIMITS = {
  perAddress: { scope: 'draft-by-email', limit: 5, windowSeconds: 3600 },
  perClient: { scope: 'draft-by-client', limit: 30, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

/**
 * With an idempotency key, a retry of the same save (its answer lost on the way) gets the first answer
 * again: one draft, one e-mail, one attempt counted against the limits.
 */
export async function saveDraft(
  deps: Deps,
  input: { callId: string; email: string; answers: TDraftAnswers; client: string; idempotencyKey?: string },
): Promise<{ savedAt: string; expiresAt: string }> {
  const call = await getCall(deps.db, input.callId);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  const requestSha256 = sha256Hex(canonicalJson({ email: input.email, answers: input.answers }));
  const earlier = async () => {
    const found = input.idempotencyKey && (await getDraftIdempotency(deps.db, call.id, input.idempotencyKey));
    if (found && found.requestSha256 !== requestSha256) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return found ? found.result : undefined;
  };
  const replay = await earlier();
  if (replay) return replay;
  const now = deps.now();
  if (call.cancelled) throw new AppError('CALL_CANCELLED');
  if (now.getTime() >= Date.parse(call.closesAt)) throw new AppError('CALL_CLOSED');
  assertCardForm(call);
  const allowed = await takeAttempt(
    deps.db,
    [
      [DRAFT_LIMITS.perClient, input.client],
      [DRAFT_LIMITS.perAddress, input.email],
    ],
    now,
  );
  if (!allowed) throw new AppError('RATE_LIMITED', { headers: { 'retry-after': '3600' } });
  const draftId = randomUUID();
  const token = newLinkToken();
  const savedAt = now.toISOString();
  const result = { savedAt, expiresAt: call.closesAt };
  const stored = await createDraft(deps.db, {
    draft: {
      draftId,
      callId: call.id,
      email: input.email,
      answers: input.answers,
      savedAt,
      usableUntil: call.closesAt,
    },
    link: { token, expiresAt: new Date(call.closesAt) },
    mail: {
      name: 'draft-saved',
      to: [input.email],
      mail: {
        template: 'draft-saved',
        wojewodztwo: footerWojewodztwo(call, input.answers.office?.teryt),
        data: {
          callTitle: call.title,
          closesAt: call.closesAt,
          draftUrl: draftUrl(deps.siteUrl, call.id, token),
        },
      },
      queuedAt: savedAt,
    },
    idempotency: input.idempotencyKey
      ? {
          key: input.idempotencyKey,
          record: { requestSha256, result },
          // Retries matter for minutes; a day is ample.
          keepUntil: new Date(now.getTime() + 86_400_000),
        }
      : undefined,
  });
  if (stored.outcome === 'key-taken') return twinsAnswer(earlier);
  return result;
}

/**
 * A twin request (a retry racing the first) saved the draft a moment ago, or is saving it: its answer
 * stands. If none appears, this request says so (the client tries again with the same key).
 */
async function twinsAnswer(
  earlier: () => Promise<{ savedAt: string; expiresAt: string } | undefined>,
): Promise<{ savedAt: string; expiresAt: string }> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const found = await earlier();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
  }
  throw new AppError('DEPENDENCY_UNAVAILABLE');
}

/**
 * The draft a link opens, until its call's closing as it is now, read with the draft (an extension moves
 * it; the draft's own TTL only follows).
 */
async function draftByLink(deps: { db: Db; now: () => Date }, token: string) {
  const now = deps.now();
  const target = await resolveLinkToken(deps.db, token, now);
  const draft = target?.kind === 'draft' ? await getDraft(deps.db, target.draftId) : undefined;
  const call = draft ? await getCall(deps.db, draft.callId) : undefined;
  if (!draft || !call || Date.parse(call.closesAt) <= now.getTime()) throw new AppError('LINK_INVALID');
  return { ...draft, usableUntil: call.closesAt };
}

export async function getDraftByLink(deps: { db: Db; now: () => Date }, token: string): Promise<TDraftView> {
  const draft = await draftByLink(deps, token);
  // The draft's gmina may have sent its card since (from this draft or another): the link then says so,
  // rather than leading to a check page whose "send" can only be refused.
  const teryt = draft.answers.office?.teryt;
  const cardSent =
    typeof teryt === 'string' && /^\d{7}$/.test(teryt) && (await cardExists(deps.db, draft.callId, teryt));
  return {
    cardSent,
    callId: draft.callId,
    email: draft.email,
    answers: draft.answers,
    savedAt: draft.savedAt,
    expiresAt: draft.usableUntil,
  };
}

export async function updateDraft(
  deps: { db: Db; now: () => Date },
  input: { token: string; answers: TDraftAnswers },
): Promise<{ savedAt: string; expiresAt: string }> {
  const draft = await draftByLink(deps, input.token);
  const savedAt = deps.now().toISOString();
  await updateDraftAnswers(deps.db, draft.draftId, input.answers, savedAt);
  return { savedAt, expiresAt: draft.usableUntil };
}
