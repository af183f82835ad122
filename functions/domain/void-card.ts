import { DECIDED, effectiveStatus } from '../../shared/review/statuses.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TVoidCardRequest, TVoidCardResult } from '../../shared/schemas/review.ts';
import { AppError } from '../lib/errors.ts';
import type { VoidedMailData } from '../mail/trust-templates.ts';
import { getCall } from '../repositories/calls.ts';
import { type AuditEntry, newEntryId } from '../repositories/card-review.ts';
import { getCard } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getOffice } from '../repositories/offices.ts';
import type { OutgoingMail } from '../repositories/outbox.ts';
import { voidCardItems } from '../repositories/reviews.ts';
import { requireCardOfGmina } from './access.ts';
import { ropsOf } from './office-notices.ts';

/**
 * A coordinator voids a card sent in a gmina's name by someone else (issue 13): the reason is required and
 * logged in the card's audit, the card's contact and the gmina office (its official address, when the
 * directory has one) are told by e-mail, and the gmina may send its own card, which continues the same
 * partition (repositories/cards.ts createCard). A sent or withdrawn card can be voided — a withdrawn squatted
 * card blocks the gmina as much as a sent one — but not one decided (CARD_DECIDED: its decision, ranking and
 * agreement stand; reopening comes first) nor one voided already. Access is decided from the path first; the
 * review's revision guards against acting on a stale page, as every review step does.
 */
type Deps = { db: Db; now: () => Date; siteUrl: string };

const TERYT = /^\d{7}$/;

export async function voidCard(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; teryt: string; request: TVoidCardRequest },
): Promise<TVoidCardResult> {
  if (!TERYT.test(input.teryt)) throw new AppError('NOT_FOUND');
  const wojewodztwo = requireCardOfGmina(user, input.teryt);
  const [call, card, office] = await Promise.all([
    getCall(deps.db, input.callId),
    getCard(deps.db, input.callId, input.teryt),
    getOffice(deps.db, input.teryt),
  ]);
  if (!call || !card || !call.wojewodztwa.includes(wojewodztwo)) throw new AppError('NOT_FOUND');
  if (input.request.revision !== card.review.revision) throw new AppError('CONFLICT');
  if (card.status === 'voided') throw new AppError('REVIEW_STEP_NOT_ALLOWED');
  if (card.review.status && DECIDED.has(card.review.status)) throw new AppError('CARD_DECIDED');

  const at = deps.now().toISOString();
  const voided = { at, by: user.email, reason: input.request.reason };
  const audit: { entry: AuditEntry; id: string } = {
    entry: {
      at,
      by: user.email,
      action: 'void',
      from: effectiveStatus({ status: card.status, reviewStatus: card.review.status }),
      to: 'withdrawn',
      reason: `${card.reference}: ${input.request.reason}`,
    },
    id: newEntryId(),
  };
  const mail = (to: VoidedMailData['to']): VoidedMailData => ({
    reference: card.reference,
    callTitle: call.title,
    closesAt: call.closesAt,
    gminaName: card.gminaName,
    voidedAt: at,
    reason: input.request.reason,
    to,
    rops: ropsOf(card.teryt),
  });
  const contact = card.answers.contacts.contact.email;
  const mails: OutgoingMail[] = [
    {
      name: `voided-${card.reference}-contact`,
      to: [contact],
      mail: { template: 'trust-card-voided', data: mail('contact'), wojewodztwo: card.teryt.slice(0, 2) },
      queuedAt: at,
    },
    ...(office && office.email.toLowerCase() !== contact.toLowerCase()
      ? [
          {
            name: `voided-${card.reference}-office`,
            to: [office.email],
            mail: {
              template: 'trust-card-voided',
              data: mail('office'),
              wojewodztwo: card.teryt.slice(0, 2),
            },
            queuedAt: at,
          } satisfies OutgoingMail,
        ]
      : []),
  ];
  const keys = await voidCardItems(deps.db, { card, void: voided, audit, mails });
  if (!keys) throw new AppError('CONFLICT');
  return { voided, revision: card.review.revision + 1 };
}
