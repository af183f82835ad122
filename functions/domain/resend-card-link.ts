import { randomUUID } from 'node:crypto';
import type { TCardLinkRequested } from '../../shared/schemas/submission.ts';
import { newLinkToken } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { getCall } from '../repositories/calls.ts';
import { addCardLink, getCard } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { type RateLimit, takeAttempt } from '../repositories/rate-limits.ts';
import { cardLinkExpiry, cardUrl } from './links.ts';

/**
 * Anyone may ask, so the limits keep it from being a way to flood the contact's inbox: a clerk who asks
 * again because the first e-mail went to spam never meets them. Counted per card and client, so a stranger
 * who uses up their three leaves the gmina's own three, and per card from every client, much looser, as
 * a cap on what one inbox gets.
 */
export const CARD_LINK_LIMITS = {
  perCardAndClient: { scope: 'card-link-by-card-client', limit: 3, windowSeconds: 3600 },
  perCard: { scope: 'card-link-by-card', limit: 10, windowSeconds: 3600 },
  perClient: { scope: 'card-link-by-client', limit: 20, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

/**
 * E-mails a new link to a gmina's card, only to the contact address the card gives: the asker learns
 * nothing of the card (not even whether there is one). Earlier links keep working.
 */
export async function resendCardLink(
  deps: { db: Db; now: () => Date; siteUrl: string },
  input: { callId: string; teryt: string; client: string },
): Promise<TCardLinkRequested> {
  const call = await getCall(deps.db, input.callId);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  // Not a TERYT code at all: no such address.
  if (!/^\d{7}$/.test(input.teryt)) throw new AppError('NOT_FOUND');
  const now = deps.now();
  const allowed = await takeAttempt(
    deps.db,
    [
      [CARD_LINK_LIMITS.perClient, input.client],
      [CARD_LINK_LIMITS.perCardAndClient, `${call.id}/${input.teryt} ${input.client}`],
      [CARD_LINK_LIMITS.perCard, `${call.id}/${input.teryt}`],
    ],
    now,
  );
  if (!allowed) throw new AppError('RATE_LIMITED', { headers: { 'retry-after': '3600' } });
  const requestedAt = now.toISOString();
  const card = await getCard(deps.db, call.id, input.teryt);
  // The same answer whether or not the gmina has sent a card: before the deadline, which gminas applied is
  // nobody's business but theirs and the ROPS's. (Only the answer's time differs: a sent card waits for SES.)
  // A voided card's contact gets nothing more: the card no longer opens (issue 13).
  if (!card || card.status === 'voided') return { requestedAt };

  const token = newLinkToken();
  const open = now.getTime() < Date.parse(call.closesAt);
  await addCardLink(deps.db, {
    callId: call.id,
    teryt: card.teryt,
    reference: card.reference,
    link: { token, expiresAt: cardLinkExpiry(call) },
    // A link of the card's current epoch: after a revocation this is the way to a working link.
    linkEpoch: card.linkEpoch,
    mail: {
      name: `card-link-${randomUUID()}`,
      to: [card.answers.contacts.contact.email],
      mail: {
        template: 'card-link',
        wojewodztwo: card.teryt.slice(0, 2),
        data: {
          reference: card.reference,
          callTitle: call.title,
          closesAt: call.closesAt,
          gminaName: card.gminaName,
          cardUrl: cardUrl(deps.siteUrl, token),
          can: !open ? 'read' : card.status === 'withdrawn' ? 'resend' : 'change',
        },
      },
      queuedAt: requestedAt,
      // Anyone may ask, a few times an hour: these messages leave the card's partition after a month.
      keepUntil: new Date(
        Math.min(now.getTime() + 30 * 86_400_000, (card.expiresAt ?? Number.POSITIVE_INFINITY) * 1000),
      ),
    },
  });
  return { requestedAt };
}
