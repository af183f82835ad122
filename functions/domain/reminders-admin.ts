import { plannedSends } from '../../shared/reminders/schedule.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type {
  TRemindersQuery,
  TSentRemindersResponse,
  TUpcomingRemindersResponse,
} from '../../shared/schemas/reminders.ts';
import { getDeadlines, listPlannedSends } from '../repositories/deadlines.ts';
import type { Db } from '../repositories/dynamo.ts';
import { listUsers } from '../repositories/reminder-audiences.ts';
import { listSendsOfWojewodztwo } from '../repositories/reminder-sends.ts';
import { requireVoivodeship, visibleVoivodeships } from './access.ts';
import { resolveRecipients } from './reminder-audience.ts';

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

/**
 * The reminders planned for the next 30 days in the voivodeships, soonest first, each with the number of
 * addresses it would go to if it went now (audiences are resolved at sending).
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
  const counts = new Map<string, number>();
  const reminders: TUpcomingRemindersResponse['reminders'] = [];
  for (const entry of entries) {
    const deadline = deadlines.get(entry.deadlineId);
    if (!deadline || !deadline.wojewodztwa.some((code) => wojewodztwa.has(code))) continue;
    // An entry a later version of the deadline no longer plans is not shown.
    const planned = plannedSends(new Date(deadline.dueAt), deadline.policy).some(
      (send) => send.offsetDays === entry.offsetDays && send.at.toISOString() === entry.sendAt,
    );
    if (!planned) continue;
    let count = counts.get(deadline.id);
    if (count === undefined) {
      const recipients = await resolveRecipients(deps.db, deadline, users);
      count = recipients.filter((recipient) => wojewodztwa.has(recipient.wojewodztwo)).length;
      counts.set(deadline.id, count);
    }
    reminders.push({
      deadlineId: deadline.id,
      kind: deadline.kind,
      title: deadline.title,
      dueAt: deadline.dueAt,
      sendAt: entry.sendAt,
      offsetDays: entry.offsetDays,
      wojewodztwa: deadline.wojewodztwa.filter((code) => wojewodztwa.has(code)),
      recipients: count,
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
