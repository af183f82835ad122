import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCardReceipt } from '../../shared/schemas/submission.ts';
import { canonicalJson, newLinkToken, newReference, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { getCall } from '../repositories/calls.ts';
import { createCard, getIdempotency } from '../repositories/cards.ts';
import { type Db, isTransactionConflict } from '../repositories/dynamo.ts';
import { deliverMail } from './deliver-mail.ts';
import { cardConfirmation, cardLinkExpiry } from './links.ts';
import { assertCallOpen, assertCardForm, assertEligible } from './recruitment-rules.ts';

export interface SubmitCardDeps {
  db: Db;
  mailer: Mailer;
  now: () => Date;
  siteUrl: string;
}

/** A few rounds cover a double click racing itself and the rare reference collision (1 in 10^12). */
const ATTEMPTS = 4;

/**
 * Sends a card: checks the call and the gmina, stores the card with everything that must exist with it in
 * one transaction, then e-mails the confirmation. The same idempotency key with the same answers returns
 * the first receipt again (and sends nothing more); with other answers it is refused.
 */
export async function submitCard(
  deps: SubmitCardDeps,
  input: { callId: string; idempotencyKey: string; answers: TCardAnswers },
): Promise<{ receipt: TCardReceipt; replayed: boolean }> {
  const call = await getCall(deps.db, input.callId);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  const requestSha256 = sha256Hex(canonicalJson({ callId: input.callId, answers: input.answers }));
  // Read once: a request that arrived before the deadline counts as received then, even if a retry below
  // (after a write conflict) runs a moment after it.
  const now = deps.now();

  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const earlier = await getIdempotency(deps.db, input.callId, input.idempotencyKey);
    if (earlier) {
      if (earlier.requestSha256 !== requestSha256) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { receipt: earlier.receipt, replayed: true };
    }
    assertCallOpen(call, now);
    assertCardForm(call);
    const { gmina, powiatName } = await assertEligible(call, input.answers);

    const receivedAt = now.toISOString();
    const receipt: TCardReceipt = {
      reference: newReference(),
      version: 1,
      sha256: sha256Hex(canonicalJson(input.answers)),
      receivedAt,
    };
    const token = newLinkToken();
    const result = await createCard(deps.db, {
      card: {
        callId: call.id,
        teryt: gmina.teryt,
        gminaName: gmina.name,
        powiatCode: gmina.powiatCode,
        wojewodztwo: gmina.wojewodztwoCode,
        status: 'submitted',
        reference: receipt.reference,
        version: 1,
        submittedAt: receivedAt,
        updatedAt: receivedAt,
        sha256: receipt.sha256,
        formVersion: CARD_FORM_VERSION,
        answers: input.answers,
      },
      link: { token, expiresAt: cardLinkExpiry(call) },
      idempotency: {
        key: input.idempotencyKey,
        record: { requestSha256, receipt },
        // Replays matter for minutes (retries, double clicks); a day is ample.
        keepUntil: new Date(now.getTime() + 86_400_000),
      },
      mail: cardConfirmation('card-submitted-v1', 'card-submitted', deps.siteUrl, {
        call,
        receipt,
        gminaName: gmina.name,
        powiatName,
        answers: input.answers,
        token,
      }),
    }).catch((error: unknown) => {
      if (isTransactionConflict(error)) return { outcome: 'conflict' } as const;
      throw error;
    });

    if (result.outcome === 'created') {
      await deliverMail(deps, result.mail);
      return { receipt, replayed: false };
    }
    if (result.outcome === 'card-exists') throw new AppError('CARD_EXISTS');
    // idempotency-key-taken / conflict: a twin request won the race; the next round reads its receipt.
    // reference-taken: the next round draws another reference.
  }
  throw new AppError('DEPENDENCY_UNAVAILABLE');
}
