import type { TCardView } from '../../shared/schemas/submission.ts';
import { AppError } from '../lib/errors.ts';
import { withdrawCard as storeWithdrawal } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { cardByLink, cardView } from './card-by-link.ts';
import { assertCardWithdrawable } from './recruitment-rules.ts';

/**
 * Withdraws a card until a decision about it (CARD_DECIDED after); its versions stay. Withdrawing a
 * withdrawn card changes nothing.
 */
export async function withdrawCard(
  deps: { db: Db; now: () => Date },
  input: { token: string },
): Promise<TCardView> {
  const linked = await cardByLink(deps, input.token);
  const { call, card } = linked;
  const now = deps.now();
  if (card.status === 'withdrawn') return cardView(linked, now);
  assertCardWithdrawable(card);
  const withdrawnAt = now.toISOString();
  const mailKey = await storeWithdrawal(deps.db, {
    card,
    withdrawnAt,
    mail: {
      name: `card-withdrawn-v${card.version}`,
      to: [card.answers.contacts.contact.email],
      mail: {
        template: 'card-withdrawn',
        wojewodztwo: card.teryt.slice(0, 2),
        data: {
          reference: card.reference,
          withdrawnAt,
          callTitle: call.title,
          closesAt: call.closesAt,
          gminaName: card.gminaName,
        },
      },
      queuedAt: withdrawnAt,
    },
  });
  if (!mailKey) {
    // A twin request may have withdrawn it a moment ago: withdrawing twice is still withdrawn.
    const current = await cardByLink(deps, input.token);
    if (current.card.status === 'withdrawn') return cardView(current, now);
    assertCardWithdrawable(current.card);
    throw new AppError('CONFLICT');
  }
  return cardView({ ...linked, card: { ...card, status: 'withdrawn', updatedAt: withdrawnAt } }, now);
}
