import { DECIDED, effectiveStatus } from '../../shared/review/statuses.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import type { TCardView } from '../../shared/schemas/submission.ts';
import { AppError } from '../lib/errors.ts';
import { getCall } from '../repositories/calls.ts';
import { type CardVersion, getCardWithVersions, type StoredCard } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { resolveLinkToken } from '../repositories/link-tokens.ts';
import { openCorrection } from './recruitment-rules.ts';

export interface LinkedCard {
  call: TCall;
  /** Never a voided card: its links open nothing. */
  card: StoredCard & { status: 'submitted' | 'withdrawn' };
  versions: CardVersion[];
}

/** The card an e-mailed link opens; an unknown, expired or draft token is one and the same error. */
export async function cardByLink(deps: { db: Db; now: () => Date }, token: string): Promise<LinkedCard> {
  const target = await resolveLinkToken(deps.db, token, deps.now());
  if (target?.kind !== 'card') throw new AppError('LINK_INVALID');
  const [call, found] = await Promise.all([
    getCall(deps.db, target.callId),
    getCardWithVersions(deps.db, target.callId, target.teryt),
  ]);
  if (!call || !found) throw new AppError('LINK_INVALID');
  // Revoked (a coordinator's revocation or an erasure raised the card's epoch): the same answer as unknown.
  if ((target.linkEpoch ?? 0) !== (found.card.linkEpoch ?? 0)) throw new AppError('LINK_INVALID');
  // A voided card's links open nothing, nor the gmina's next card in the same partition: a token names the
  // card it was made for (one from before voiding existed can only be for the partition's first card).
  const { card } = found;
  const madeFor = target.reference ?? (card.firstVersion === undefined ? card.reference : undefined);
  if (card.status === 'voided' || madeFor !== card.reference) throw new AppError('LINK_INVALID');
  return {
    call,
    card: card as StoredCard & { status: 'submitted' | 'withdrawn' },
    versions: found.versions.filter((version) => version.version >= (card.firstVersion ?? 1)),
  };
}

/** What the gmina reads of its card: its answers and versions, an open request for correction, never notes. */
export function cardView({ call, card, versions }: LinkedCard, now: Date): TCardView {
  const correction = openCorrection(card, now);
  const decided = DECIDED.has(effectiveStatus({ status: card.status, reviewStatus: card.review.status }));
  return {
    reference: card.reference,
    callId: call.id,
    callTitle: call.title,
    teryt: card.teryt,
    gminaName: card.gminaName,
    status: card.status,
    version: card.version,
    submittedAt: card.submittedAt,
    updatedAt: card.updatedAt,
    editableUntil: correction && correction.until > call.closesAt ? correction.until : call.closesAt,
    ...(correction ? { correction: { what: correction.what, until: correction.until } } : {}),
    ...(decided ? { decided } : {}),
    answers: card.answers,
    versions,
  };
}
