import { sha256Hex } from '../lib/crypto.ts';
import { logger } from '../lib/logger.ts';
import { type AddressUse, latestReminderTo, reminderOfMessage } from '../repositories/address-usage.ts';
import type { Db } from '../repositories/dynamo.ts';
import { queueAddressNoticeOnce } from '../repositories/notices.ts';
import { heldWojewodztwo, keyOfTag } from '../repositories/outbox.ts';
import { listUsers } from '../repositories/reminder-audiences.ts';

/** A year: an address that bounces again after that is news again. */
const NOTICE_KEPT_MS = 365 * 86_400_000;

/**
 * An address suppressed after a permanent bounce or a complaint: each coordinator of the voivodeship it
 * concerns is told once per address however many events follow (each notice's name is fixed in the
 * address's partition). The voivodeship is the one of the reminder SES reports on, else of the card or
 * agreement the outbox message was about, else of the latest reminder to the address; with none (a
 * sign-in link, a draft's e-mail) nobody is told, and it is logged.
 */
export async function tellCoordinatorsOfSuppression(
  deps: { db: Db; siteUrl: string },
  input: {
    email: string;
    reason: 'bounce' | 'complaint';
    detail: string;
    at: Date;
    messageId?: string | undefined;
    outboxTag?: string | undefined;
  },
): Promise<'told' | 'told-before' | 'nobody'> {
  const concerned = await voivodeshipConcerned(deps.db, input);
  if (!concerned) {
    logger.info('suppressed address concerns no voivodeship; no coordinator told', { reason: input.reason });
    return 'nobody';
  }
  const coordinators = (await listUsers(deps.db))
    .filter(
      (user) =>
        user.role === 'coordinator' &&
        user.wojewodztwa.includes(concerned.wojewodztwo) &&
        user.email !== input.email,
    )
    .map((user) => user.email);
  if (coordinators.length === 0) {
    logger.warn('suppressed address: the voivodeship has no coordinator to tell', {
      wojewodztwo: concerned.wojewodztwo,
    });
    return 'nobody';
  }
  let told = 0;
  // One message per coordinator: one mailbox that refuses does not hold up the others' copies.
  for (const coordinator of coordinators) {
    const queued = await queueAddressNoticeOnce(deps.db, input.email, {
      name: `address-suppressed-${sha256Hex(coordinator).slice(0, 16)}`,
      to: [coordinator],
      queuedAt: input.at.toISOString(),
      keepUntil: new Date(input.at.getTime() + NOTICE_KEPT_MS),
      mail: {
        template: 'notice-address-suppressed',
        wojewodztwo: concerned.wojewodztwo,
        data: {
          email: input.email,
          reason: input.reason,
          detail: input.detail,
          at: input.at.toISOString(),
          ...(concerned.role ? { role: concerned.role } : {}),
          panelUrl: `${deps.siteUrl}/admin/przypomnienia?woj=${concerned.wojewodztwo}`,
        },
      },
    });
    if (queued) told += 1;
  }
  if (told === 0) return 'told-before';
  logger.info('coordinators told of a suppressed address', { wojewodztwo: concerned.wojewodztwo, told });
  return 'told';
}

async function voivodeshipConcerned(
  db: Db,
  input: { email: string; messageId?: string | undefined; outboxTag?: string | undefined },
): Promise<AddressUse | undefined> {
  const reminder = input.messageId ? await reminderOfMessage(db, input.messageId) : undefined;
  if (reminder) return reminder;
  const outboxKey = input.outboxTag ? keyOfTag(input.outboxTag) : undefined;
  const wojewodztwo = outboxKey ? heldWojewodztwo(outboxKey.pk) : '-';
  if (wojewodztwo !== '-') return { wojewodztwo, role: '' };
  return latestReminderTo(db, input.email);
}
