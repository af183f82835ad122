import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import type { TCardReceipt } from '../../shared/schemas/submission.ts';
import type { Gmina } from '../../shared/teryt/index.ts';
import { canonicalJson, newLinkToken, newReference, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { callUnchanged } from '../repositories/calls.ts';
import { type CardRecord, createCard, getCard, getIdempotency } from '../repositories/cards.ts';
import { type Db, isTransactionConflict } from '../repositories/dynamo.ts';
import { attemptUpdates, type RateLimit, retryAfterSeconds } from '../repositories/rate-limits.ts';
import { cardConfirmation, cardLinkExpiry, retentionExpiresAt } from './links.ts';
import { cardExistsError, officeNotice } from './office-notices.ts';

export interface NewCardDeps {
  db: Db;
  now: () => Date;
  siteUrl: string;
}

/** What a round's checks found: the gmina, and when the card counts as sent and was stored. */
export interface NewCardFacts {
  gmina: Gmina;
  powiatName: string;
  /** The card's time of sending: it decides the deadline, the order and ties. */
  submittedAt: string;
  /** When the card was stored (the same as sending online; later for a card registered from paper). */
  storedAt: string;
  /** What a registered card records beside the answers (channel, dates, scan). */
  extra?: Partial<CardRecord> | undefined;
}

/** The call given is no longer the call stored (changed, or gone): its sender reads it again. */
export class CallChanged extends Error {
  constructor() {
    super('the call changed since it was read');
    this.name = 'CallChanged';
  }
}

/** A few rounds cover a double click racing itself and the rare reference collision (1 in 10^12). */
const ATTEMPTS = 4;

/**
 * The one way a card comes into being, sent online or registered by a coordinator: the idempotency record
 * (the same key with the same request returns the first receipt, and sends nothing more; with another
 * request it is refused), the caller's checks, then one transaction with the card, its reference, version
 * 1, its link and the confirmation e-mail, which the mail pipeline delivers after the commit.
 */
export async function storeNewCard(
  deps: NewCardDeps,
  input: {
    call: TCall;
    idempotencyKey: string;
    /** The request's hash, which a replay of the key must match. */
    requestSha256: string;
    answers: TCardAnswers;
    check: () => Promise<NewCardFacts>;
    /** Per-client limits, counted in the card's transaction: only a stored card counts (RATE_LIMITED). */
    limits?: [RateLimit, string][] | undefined;
    /**
     * Check in the transaction that the call is still the one given (its revision): for a call kept in a
     * warm function. A changed call ends the attempt with CallChanged.
     */
    callUnchanged?: boolean | undefined;
    /**
     * Skip reading the idempotency record before the first round: the transaction's condition on it finds a
     * replay (and the next round reads its receipt), so a new card costs no read for it. A check that
     * refuses the request (a retry after the deadline, say) reads it then, so a replay still gets its receipt.
     */
    keyInTransaction?: boolean | undefined;
  },
): Promise<{ receipt: TCardReceipt; replayed: boolean }> {
  const { call } = input;
  // Set once the gmina's card is found voided: the new card continues its partition after its last version.
  let replacing: { lastVersion: number } | undefined;
  const replay = async () => {
    const earlier = await getIdempotency(deps.db, call.id, input.idempotencyKey);
    if (!earlier) return undefined;
    if (earlier.requestSha256 !== input.requestSha256) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { receipt: earlier.receipt, replayed: true };
  };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const optimistic = attempt === 1 && input.keyInTransaction === true;
    if (!optimistic) {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    let facts: NewCardFacts;
    try {
      facts = await input.check();
    } catch (error) {
      const earlier = optimistic ? await replay() : undefined;
      if (earlier) return earlier;
      throw error;
    }
    const { gmina, powiatName, submittedAt, storedAt, extra } = facts;
    const version = replacing ? replacing.lastVersion + 1 : 1;

    const receipt: TCardReceipt = {
      reference: newReference(),
      version,
      sha256: sha256Hex(canonicalJson(input.answers)),
      receivedAt: submittedAt,
    };
    const token = newLinkToken();
    const mail = cardConfirmation(`card-submitted-v${version}`, 'card-submitted', deps.siteUrl, {
      call,
      receipt,
      gminaName: gmina.name,
      powiatName,
      answers: input.answers,
      token,
    });
    // The gmina office learns of every card sent in its name, at its official address (when the directory
    // has one), queued in the card's own transaction.
    const notice = officeNotice({
      call,
      teryt: gmina.teryt,
      gminaName: gmina.name,
      reference: receipt.reference,
      submittedAt,
      storedAt,
      channel: extra?.channel ?? 'online',
      contact: input.answers.contacts.contact,
    });
    const result = await createCard(deps.db, {
      card: {
        callId: call.id,
        teryt: gmina.teryt,
        gminaName: gmina.name,
        powiatCode: gmina.powiatCode,
        wojewodztwo: gmina.wojewodztwoCode,
        status: 'submitted',
        reference: receipt.reference,
        version,
        ...(replacing ? { firstVersion: version } : {}),
        submittedAt,
        updatedAt: storedAt,
        sha256: receipt.sha256,
        formVersion: CARD_FORM_VERSION,
        answers: input.answers,
        ...extra,
        // Retention (RODO): the card's items go (TTL) when the call's programme's retention ends.
        expiresAt: retentionExpiresAt(call),
      },
      link: { token, expiresAt: cardLinkExpiry(call) },
      idempotency: {
        key: input.idempotencyKey,
        record: { requestSha256: input.requestSha256, receipt },
        // Replays matter for minutes (retries, double clicks); a day is ample.
        keepUntil: new Date(Date.parse(storedAt) + 86_400_000),
      },
      // Queued when stored: the outbox's retries and its giving up count from then, not from a postmark.
      mail: { ...mail, queuedAt: storedAt },
      notices: [notice],
      replacing,
      counts: input.limits ? attemptUpdates(deps.db, input.limits, deps.now()) : undefined,
      callCheck: input.callUnchanged ? callUnchanged(deps.db, call) : undefined,
    }).catch((error: unknown) => {
      if (isTransactionConflict(error)) return { outcome: 'conflict' } as const;
      throw error;
    });

    // The confirmation and the office's notice go out through the mail pipeline, not in this request.
    if (result.outcome === 'created') return { receipt, replayed: false };
    if (result.outcome === 'call-changed') throw new CallChanged();
    if (result.outcome === 'rate-limited') {
      const rules = result.refused.flatMap((index) => input.limits?.[index]?.[0] ?? []);
      throw new AppError('RATE_LIMITED', {
        headers: { 'retry-after': String(retryAfterSeconds(rules, deps.now())) },
      });
    }
    if (result.outcome === 'card-exists') {
      // A voided card frees the gmina: the next round puts the new card over it (conditioned on it still
      // being that voided card). Any other card is the one card the gmina may have.
      const existing = await getCard(deps.db, call.id, gmina.teryt);
      if (existing?.status !== 'voided') throw cardExistsError(gmina.teryt);
      replacing = { lastVersion: existing.version };
    }
    // idempotency-key-taken / conflict: a twin request won the race; the next round reads its receipt.
    // reference-taken: the next round draws another reference.
  }
  throw new AppError('DEPENDENCY_UNAVAILABLE');
}
