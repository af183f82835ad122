import type { TCall } from '../../shared/schemas/programme.ts';
import type { TCardView } from '../../shared/schemas/submission.ts';
import { AppError } from '../lib/errors.ts';
import { getCall } from '../repositories/calls.ts';
import { type CardRecord, type CardVersion, getCardWithVersions } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { resolveLinkToken } from '../repositories/link-tokens.ts';

export interface LinkedCard {
  call: TCall;
  card: CardRecord;
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
  return { call, ...found };
}

export function cardView({ call, card, versions }: LinkedCard): TCardView {
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
    editableUntil: call.closesAt,
    answers: card.answers,
    versions,
  };
}
