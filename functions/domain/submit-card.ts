import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCardReceipt } from '../../shared/schemas/submission.ts';
import { canonicalJson, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { getCallForCard } from '../repositories/calls.ts';
import type { RateLimit } from '../repositories/rate-limits.ts';
import { type NewCardDeps, storeNewCard } from './new-card.ts';
import { assertCallOpen, assertCardForm, assertEligible } from './recruitment-rules.ts';

export type SubmitCardDeps = NewCardDeps;

/**
 * Cards a client may send (issue 13): a gmina's clerk sends one or two; a script sending a card for every
 * gmina of a voivodeship is stopped after a few. Shared offices (one address for a starostwo's network, a
 * ROPS helping gminas) stay well inside these.
 */
export const CARD_SENDING_LIMITS = {
  perHour: { scope: 'card-send-client-hour', limit: 20, windowSeconds: 3600 },
  perDay: { scope: 'card-send-client-day', limit: 50, windowSeconds: 86_400 },
} as const satisfies Record<string, RateLimit>;

/**
 * Sends a card: checks the call and the gmina, stores the card with everything that must exist with it in
 * one transaction with its confirmation e-mail, which the mail pipeline sends (new-card.ts, which a card
 * registered from paper shares). One read (the call and the office, together) and one transaction.
 * The same idempotency key with the same answers returns the first receipt again (and sends nothing more);
 * with other answers it is refused.
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
  // The one read before the transaction: the call and the gmina office's directory entry together.
  const { call, office } = await getCallForCard(deps.db, input.callId, input.answers.office.teryt);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  const requestSha256 = sha256Hex(canonicalJson({ callId: input.callId, answers: input.answers }));
  // Read once: a request that arrived before the deadline counts as received then, even if a retry below
  // (after a write conflict) runs a moment after it.
  const now = deps.now();
  return storeNewCard(deps, {
    call,
    idempotencyKey: input.idempotencyKey,
    requestSha256,
    answers: input.answers,
    office,
    keyInTransaction: true,
    // Counted in the card's own transaction: a retry of a stored card (its key found first) and a refused
    // card (CARD_EXISTS, a closed call, bad answers) count nothing.
    limits:
      input.client === undefined
        ? undefined
        : [
            [CARD_SENDING_LIMITS.perHour, input.client],
            [CARD_SENDING_LIMITS.perDay, input.client],
          ],
    check: async () => {
      assertCallOpen(call, now);
      assertCardForm(call);
      const { gmina, powiatName } = await assertEligible(call, input.answers);
      const receivedAt = now.toISOString();
      return { gmina, powiatName, submittedAt: receivedAt, storedAt: receivedAt };
    },
  });
}
