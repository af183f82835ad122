import { plannedSends } from '../../shared/reminders/schedule.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type {
  TReminderPreviewQuery,
  TReminderPreviewResponse,
  TRemindersQuery,
  TSentRemindersResponse,
  TSuppressedAddressesQuery,
  TSuppressedAddressesResponse,
  TUpcomingRemindersResponse,
} from '../../shared/schemas/reminders.ts';
import { AppError } from '../lib/errors.ts';
import { getDeadline, getDeadlines, listPlannedSends } from '../repositories/deadlines.ts';
import type { Db } from '../repositories/dynamo.ts';
import { listUsers } from '../repositories/reminder-audiences.ts';
import { getSuppression, listSendsOfWojewodztwo } from '../repositories/reminder-sends.ts';
import { requireVoivodeship, visibleVoivodeships } from './access.ts';
import { resolveRecipients } from './reminder-audience.ts';
import { reminderContent, UNSUBSCRIBE_PAGE } from './reminder-content.ts';

/** The TERYT codes of Poland's 16 voivodeships: the lead's log reads each one's partition. */
const ALL_WOJEWODZTWA = [
  '02',
  '04',
  '06',
  '08',
  '10',
  '12',
  '14',
  '16',
  '18',
  '20',
  '22',
  '24',
  '26',
  '28',
  '30',
  '32',
];

/** Decided before anything is read: the one voivodeship asked for (FORBIDDEN if not the user's), or all theirs. */
function scope(user: TAdminUser, query: TRemindersQuery): readonly string[] {
  if (query.wojewodztwo) {
    requireVoivodeship(user, query.wojewodztwo);
    return [query.wojewodztwo];
  }
  const visible = visibleVoivodeships(user);
  return visible === 'all' ? ALL_WOJEWODZTWA : visible;
}

const UPCOMING_DAYS = 30;
/** Addresses listed per deadline; the count covers them all. */
const ADDRESSES_LISTED = 50;
/** Suppressions are kept by address: read a few at a time. */
const SUPPRESSION_READS_AT_ONCE = 8;

/**
 * The reminders planned for the next 30 days in the voivodeships, soonest first, each with the addresses it
 * would go to if it went now (audiences are resolved at sending): their number, and the first 50 by name.
 * Addresses the sender would skip (bounced, complained, opted out of an optional one; a party that has
 * delivered the document asked for, by resolveRecipients) are left out.
 */
export async function listUpcomingReminders(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  query: TRemindersQuery,
): Promise<TUpcomingRemindersResponse> {
  const wojewodztwa = new Set(scope(user, query));
  const now = deps.now();
  const until = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000);
  const entries = await listPlannedSends(deps.db, now, until);
  const deadlines = await getDeadlines(
    deps.db,
    entries.map((entry) => entry.deadlineId),
  );
  const users = deadlines.size > 0 ? await listUsers(deps.db) : [];
  const audiences = new Map<string, { count: number; addresses: { email: string; role: string }[] }>();
  const suppressions = new Map<string, Promise<Awaited<ReturnType<typeof getSuppression>>>>();
  const suppressionOf = (email: string) => {
    const known = suppressions.get(email);
    if (known) return known;
    const state = getSuppression(deps.db, email);
    suppressions.set(email, state);
    return state;
  };
  const reminders: TUpcomingRemindersResponse['reminders'] = [];
  for (const entry of entries) {
    const deadline = deadlines.get(entry.deadlineId);
    if (!deadline?.wojewodztwa.some((code) => wojewodztwa.has(code))) continue;
    // An entry a later version of the deadline no longer plans is not shown.
    const planned = plannedSends(new Date(deadline.dueAt), deadline.policy).some(
      (send) => send.offsetDays === entry.offsetDays && send.at.toISOString() === entry.sendAt,
    );
    if (!planned) continue;
    let audience = audiences.get(deadline.id);
    if (audience === undefined) {
      const inScope = (await resolveRecipients(deps.db, deadline, users)).filter((recipient) =>
        wojewodztwa.has(recipient.wojewodztwo),
      );
      // As the sender would: a bounced or complaining address gets nothing, one opted out no optional one.
      const reached: { email: string; role: string }[] = [];
      for (let start = 0; start < inScope.length; start += SUPPRESSION_READS_AT_ONCE) {
        const batch = inScope.slice(start, start + SUPPRESSION_READS_AT_ONCE);
        const states = await Promise.all(batch.map((recipient) => suppressionOf(recipient.email)));
        batch.forEach((recipient, index) => {
          const state = states[index];
          if (state?.suppressed || (deadline.optional && state?.optedOutAt)) return;
          reached.push({ email: recipient.email, role: recipient.role });
        });
      }
      audience = { count: reached.length, addresses: reached.slice(0, ADDRESSES_LISTED) };
      audiences.set(deadline.id, audience);
    }
    reminders.push({
      deadlineId: deadline.id,
      kind: deadline.kind,
      title: deadline.title,
      dueAt: deadline.dueAt,
      sendAt: entry.sendAt,
      offsetDays: entry.offsetDays,
      wojewodztwa: deadline.wojewodztwa.filter((code) => wojewodztwa.has(code)),
      audience: deadline.audience,
      recipients: audience.count,
      addresses: audience.addresses,
    });
  }
  return { reminders: reminders.sort((a, b) => a.sendAt.localeCompare(b.sendAt)) };
}

const LOG_LIMIT = 200;

/** Sent (and skipped) reminders of the voivodeships, newest first, with what SES said of their delivery. */
export async function listSentReminders(
  deps: { db: Db },
  user: TAdminUser,
  query: TRemindersQuery,
): Promise<TSentRemindersResponse> {
  const pages = await Promise.all(
    scope(user, query).map((code) => listSendsOfWojewodztwo(deps.db, code, LOG_LIMIT)),
  );
  const reminders = pages
    .flat()
    .sort((a, b) => b.claimedAt.localeCompare(a.claimedAt))
    .map((send) => ({
      deadlineId: send.deadlineId,
      title: send.title,
      offsetDays: send.offsetDays,
      recipient: send.email,
      role: send.role,
      wojewodztwo: send.wojewodztwo,
      status: send.status,
      ...(send.reason ? { reason: send.reason } : {}),
      ...(send.delivery ? { delivery: send.delivery } : {}),
      claimedAt: send.claimedAt,
      ...(send.sentAt ? { sentAt: send.sentAt } : {}),
    }));
  return { reminders };
}

/**
 * A deadline's reminder as it would be e-mailed now (subject, text, HTML), sent to nobody: the panel shows
 * it beside the deadline. The voivodeship is decided first (FORBIDDEN); a deadline not in it is NOT_FOUND,
 * as one that does not exist.
 */
export async function previewReminder(
  deps: { db: Db; now: () => Date; siteUrl: string },
  user: TAdminUser,
  query: TReminderPreviewQuery,
): Promise<TReminderPreviewResponse> {
  requireVoivodeship(user, query.wojewodztwo);
  const deadline = await getDeadline(deps.db, query.deadlineId);
  if (!deadline?.wojewodztwa.includes(query.wojewodztwo) || deadline.cancelledAt)
    throw new AppError('NOT_FOUND');
  // An optional reminder says how to unsubscribe; the address itself is each recipient's own secret.
  const mail = reminderContent(deadline, deps.siteUrl, deps.now(), {
    unsubscribeUrl: deadline.optional ? `${deps.siteUrl}/api/reminders/unsubscribe` : undefined,
    unsubscribePageUrl: deadline.optional ? `${deps.siteUrl}${UNSUBSCRIBE_PAGE}` : undefined,
  });
  return { subject: mail.subject, text: mail.text, html: mail.html };
}

/** How many of the voivodeship's latest sends are looked through for addresses reminders no longer reach. */
const SUPPRESSION_SCAN = 500;

/**
 * The addresses the voivodeship's reminders went to (its latest 500 sends) that no longer get them: a
 * permanent bounce or a complaint (no mail at all), or an opt-out (no optional reminders). Suppressions are
 * kept by address, so they are read for the addresses the voivodeship's log names, a few at a time.
 */
export async function listSuppressedAddresses(
  deps: { db: Db },
  user: TAdminUser,
  query: TSuppressedAddressesQuery,
): Promise<TSuppressedAddressesResponse> {
  requireVoivodeship(user, query.wojewodztwo);
  const sends = await listSendsOfWojewodztwo(deps.db, query.wojewodztwo, SUPPRESSION_SCAN);
  const roles = new Map<string, string>();
  for (const send of sends) {
    const email = send.email.trim().toLowerCase();
    if (!roles.has(email)) roles.set(email, send.role);
  }
  const emails = [...roles.keys()];
  const addresses: TSuppressedAddressesResponse['addresses'] = [];
  for (let start = 0; start < emails.length; start += SUPPRESSION_READS_AT_ONCE) {
    const batch = emails.slice(start, start + SUPPRESSION_READS_AT_ONCE);
    const states = await Promise.all(batch.map((email) => getSuppression(deps.db, email)));
    states.forEach((state, index) => {
      const email = batch[index] as string;
      const role = roles.get(email) as string;
      if (state.suppressed)
        addresses.push({ email, role, reason: state.suppressed.reason, at: state.suppressed.at });
      if (state.optedOutAt) addresses.push({ email, role, reason: 'opted-out', at: state.optedOutAt });
    });
  }
  return { addresses: addresses.sort((a, b) => b.at.localeCompare(a.at)) };
}
