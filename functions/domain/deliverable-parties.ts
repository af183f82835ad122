import { newLinkToken, sha256Hex } from '../lib/crypto.ts';
import type { ReminderMessage } from '../mail/reminder-queue.ts';
import type { DeadlineRecord } from '../repositories/deadlines.ts';
import { getDelivery, listDeliveries, putUploadLink } from '../repositories/deliverables.ts';
import type { Db } from '../repositories/dynamo.ts';
import { recipientHash } from '../repositories/reminder-sends.ts';

/**
 * What the reminder pipeline needs of a deadline that asks for a document (domain/deliverables.ts has the
 * rest): who delivered, left out by the planner, and the upload link a reminder carries. A module of its own
 * so that the planner and the sender do not bundle the documents bucket's client.
 */

/** The signatories' route entry serves it too: a route of its own would add bytes to every page's entry. */
export const DELIVERABLE_PAGE = '/porozumienie/dokument';

/**
 * A link works this long after the deadline: the party can still see (and prove) what it delivered. Here, not
 * in shared/schemas/deliverables.ts: importing that would bundle zod into the planner and the sender (9 KB).
 */
export const DELIVERABLE_LINK_DAYS = 30;

/** The parties who delivered a deadline's document (by their address's SHA-256); empty if it asks for none. */
export async function deliveredParties(db: Db, deadline: DeadlineRecord): Promise<Set<string>> {
  if (!deadline.deliverable) return new Set();
  return new Set((await listDeliveries(db, deadline.id)).map((delivery) => delivery.party));
}

/** Drops from a deadline's recipients those who delivered its document (reminders go only to the rest). */
export async function withoutDelivered<R extends { email: string }>(
  db: Db,
  deadline: DeadlineRecord,
  recipients: R[],
): Promise<R[]> {
  const delivered = await deliveredParties(db, deadline);
  return delivered.size === 0
    ? recipients
    : recipients.filter((recipient) => !delivered.has(recipientHash(recipient.email)));
}

/**
 * For a reminder about to be sent: whether its recipient already delivered (then it is skipped), and
 * otherwise a fresh upload link for the e-mail. Minted before the send is claimed, so a failure here leaves
 * nothing claimed (the queue delivers the message again); a duplicate mints a link nobody is sent, which
 * opens nothing without its token and goes with the TTL.
 */
export async function uploadLinkForSend(
  deps: { db: Db; siteUrl: string },
  deadline: DeadlineRecord,
  message: Pick<ReminderMessage, 'email' | 'role' | 'wojewodztwo'>,
): Promise<{ delivered: true } | { delivered: false; url: string | undefined }> {
  if (!deadline.deliverable) return { delivered: false, url: undefined };
  const party = recipientHash(message.email);
  if (await getDelivery(deps.db, deadline.id, party)) return { delivered: true };
  const token = newLinkToken();
  await putUploadLink(deps.db, sha256Hex(token), {
    deadlineId: deadline.id,
    email: message.email.trim().toLowerCase(),
    role: message.role,
    wojewodztwo: message.wojewodztwo,
    expiresAt: Math.ceil(Date.parse(deadline.dueAt) / 1000) + DELIVERABLE_LINK_DAYS * 86_400,
  });
  return { delivered: false, url: `${deps.siteUrl}${DELIVERABLE_PAGE}#t=${token}` };
}
