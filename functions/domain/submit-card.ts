import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCardReceipt } from '../../shared/schemas/submission.ts';
import { canonicalJson, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { getCall, type WarmCalls } from '../repositories/calls.ts';
import type { RateLimit } from '../repositories/rate-limits.ts';
import { CallChanged, type NewCardDeps, storeNewCard } from './new-card.ts';
import { assertCallOpen, assertCardForm, assertEligible } from './recruitment-rules.ts';

export interface SubmitCardDeps extends NewCardDeps {
  /** Calls kept by a warm function (calls.ts warmCalls); without it, the call is read for every card. */
  calls?: WarmCalls | undefined;
}

/**
 * Cards a client may send (issue 13): a gmina's clerk sends one or two; a script sending a card for every
 * gmina of a voivodeship is stopped after a few. Shared offices (one address for a starostwo's network, a
 * ROPS helping gminas) stay well inside these.
 */
export const CARD_SENDING_LIMITS = {
  perHour: { scope: 'card-send-client-hour', limit: 20, windowSeconds: 3600 },
  perDay: { scope: 'card-send-client-day', limit: 50, windowSeconds: 86_400 },
} as const satisfies Record<string, RateLimit>;

/** Rounds with the call read again: one is the rule (a kept call that changed); more, changes racing it. */
const CALL_READS = 3;

/**
 * Sends a card: checks the call and the gmina, stores the card with everything that must exist with it in
 * one transaction with its confirmation e-mail and the office's notice, which the mail pipeline sends
 * (new-card.ts, which a card registered from paper shares). With the call kept by the warm function, that
 * transaction is the one DynamoDB call: it checks the call's revision, and a refusal drawn from the kept
 * call is confirmed by reading it again before it is given. The same idempotency key with the same answers
 * returns the first receipt again (and sends nothing more); with other answers it is refused.
 */
export async function submitCard(
  deps: SubmitCardDeps,
  input: {
    callId: string;
    idempotencyKey: string;
    answers: TCardAnswers;
    /** Who sends, for the per-client limit: the handler always names it; tests of other concerns need not. */
    client?: string | undefined;
  },
): Promise<{ receipt: TCardReceipt; replayed: boolean }> {
  const readCall = (callId: string) => deps.calls?.read(callId) ?? getCall(deps.db, callId);
  let kept = deps.calls?.kept(input.callId);
  let call = kept ?? (await readCall(input.callId));
  const requestSha256 = sha256Hex(canonicalJson({ callId: input.callId, answers: input.answers }));
  // Read once: a request that arrived before the deadline counts as received then, even if a retry below
  // (after a write conflict) runs a moment after it.
  const now = deps.now();
  for (let read = 1; ; read += 1) {
    if (!call) throw new AppError('CALL_NOT_FOUND');
    const current = call;
    try {
      return await storeNewCard(deps, {
        call: current,
        callUnchanged: true,
        idempotencyKey: input.idempotencyKey,
        requestSha256,
        answers: input.answers,
        keyInTransaction: true,
        // Counted in the card's own transaction: a retry of a stored card (its key found first) and a
        // refused card (CARD_EXISTS, a closed call, bad answers) count nothing.
        limits:
          input.client === undefined
            ? undefined
            : [
                [CARD_SENDING_LIMITS.perHour, input.client],
                [CARD_SENDING_LIMITS.perDay, input.client],
              ],
        check: async () => {
          try {
            assertCallOpen(current, now);
            assertCardForm(current);
            const { gmina, powiatName } = await assertEligible(current, input.answers);
            const receivedAt = now.toISOString();
            return { gmina, powiatName, submittedAt: receivedAt, storedAt: receivedAt };
          } catch (error) {
            // Closed, not eligible…: perhaps only in the kept call (an extended closing, say).
            if (kept && error instanceof AppError) throw new CallChanged();
            throw error;
          }
        },
      });
    } catch (error) {
      if (!(error instanceof CallChanged)) throw error;
      if (read >= CALL_READS) throw new AppError('DEPENDENCY_UNAVAILABLE');
      deps.calls?.forget(input.callId);
      kept = undefined;
      call = await readCall(input.callId);
    }
  }
}
