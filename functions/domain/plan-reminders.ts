import { sendsDue } from '../../shared/reminders/schedule.ts';
import { logger } from '../lib/logger.ts';
import type { ReminderMessage, ReminderQueue } from '../mail/reminder-queue.ts';
import {
  getDeadlines,
  getPlannerLastRun,
  listPlannedSends,
  setPlannerLastRun,
} from '../repositories/deadlines.ts';
import type { Db } from '../repositories/dynamo.ts';
import type { OutboxKey } from '../repositories/outbox.ts';
import {
  listCallHeadsOfProgramme,
  listCallHeadsOfWojewodztwo,
  listSelectedCards,
  listUsers,
} from '../repositories/reminder-audiences.ts';
import { type AudienceReads, coordinatorOf, resolveRecipients } from './reminder-audience.ts';
import { syncDerivedDeadlines } from './reminder-deadlines.ts';
import { tellOverdueSignatures } from './signing-overdue.ts';

export interface PlanReport {
  from: string;
  to: string;
  deadlinesWritten: number;
  deadlinesDue: number;
  messages: number;
  /** Agreements whose signing deadline passed with signatures missing, their coordinator told. */
  overdueNotices: number;
  /** Where those notices wait in the outbox (the sweeper sends them; a local run at once). */
  overdueNoticeKeys: OutboxKey[];
}

/** Reads remembered for one run, by their arguments: the run's deadlines share calls and selected cards. */
function readsOnce(): AudienceReads {
  const remembered = new Map<string, Promise<unknown>>();
  const once =
    <A extends string[], R>(name: string, read: (db: Db, ...args: A) => Promise<R>) =>
    (db: Db, ...args: A): Promise<R> => {
      const key = `${name}|${args.join('|')}`;
      let result = remembered.get(key) as Promise<R> | undefined;
      if (!result) {
        result = read(db, ...args);
        remembered.set(key, result);
      }
      return result;
    };
  return {
    listCallHeadsOfProgramme: once('programme', listCallHeadsOfProgramme),
    listCallHeadsOfWojewodztwo: once('wojewodztwo', listCallHeadsOfWojewodztwo),
    listSelectedCards: once('selected', listSelectedCards),
  };
}

/** A planner that never ran looks back this far: a new deployment does not send a year of reminders. */
const FIRST_RUN_LOOKBACK_MS = 3600_000;

/**
 * The planner (hourly in the cloud, every minute under `npm start`): brings the calls' and milestones'
 * deadlines up to date, finds the sends planned since its last run, and queues one message per e-mail. A
 * deadline whose several sends fell in the window (after an outage) gets one — the latest — and none once
 * the deadline has passed. Queuing twice is harmless: each (deadline, offset, recipient) is claimed once by
 * the sender. The last run moves forward only after everything is queued.
 */
export async function planReminders(
  deps: { db: Db; queue: ReminderQueue; now: () => Date; siteUrl: string },
  options: { since?: Date | undefined; recordRun?: boolean } = {},
): Promise<PlanReport> {
  const now = deps.now();
  const from =
    options.since ?? (await getPlannerLastRun(deps.db)) ?? new Date(now.getTime() - FIRST_RUN_LOOKBACK_MS);
  const report: PlanReport = {
    from: from.toISOString(),
    to: now.toISOString(),
    deadlinesWritten: 0,
    deadlinesDue: 0,
    messages: 0,
    overdueNotices: 0,
    overdueNoticeKeys: [],
  };
  if (from >= now) return report;
  report.deadlinesWritten = await syncDerivedDeadlines(deps.db, now);
  const entries = await listPlannedSends(deps.db, from, now);
  const deadlines = await getDeadlines(
    deps.db,
    entries.map((entry) => entry.deadlineId),
  );
  const users = deadlines.size > 0 ? await listUsers(deps.db) : [];
  const messages: ReminderMessage[] = [];
  const reads = readsOnce();
  for (const deadline of deadlines.values()) {
    const [send] = sendsDue(new Date(deadline.dueAt), deadline.policy, from, now);
    if (!send) continue;
    report.deadlinesDue += 1;
    const recipients = await resolveRecipients(deps.db, deadline, users, reads);
    if (recipients.length === 0) logger.info('deadline due with no recipients', { deadlineId: deadline.id });
    for (const recipient of recipients) {
      const replyTo = coordinatorOf(users, recipient.wojewodztwo);
      messages.push({
        deadlineId: deadline.id,
        offsetDays: send.offsetDays,
        email: recipient.email,
        role: recipient.role,
        wojewodztwo: recipient.wojewodztwo,
        ...(replyTo && replyTo !== recipient.email ? { replyTo } : {}),
      });
    }
  }
  await deps.queue.send(messages);
  report.messages = messages.length;
  report.overdueNoticeKeys = await tellOverdueSignatures(deps, from, now);
  report.overdueNotices = report.overdueNoticeKeys.length;
  if (options.recordRun !== false) await setPlannerLastRun(deps.db, now);
  return report;
}
