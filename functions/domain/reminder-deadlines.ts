import { randomUUID } from 'node:crypto';
import { addDays } from '../../shared/reminders/holidays.ts';
import {
  DEFAULT_REMINDER_POLICY,
  plannedSends,
  type ReminderPolicy,
} from '../../shared/reminders/schedule.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TProgramme } from '../../shared/schemas/programme.ts';
import type { TCreateDeadlineRequest, TDeadline } from '../../shared/schemas/reminders.ts';
import { warsawLocalToInstant } from '../../shared/time.ts';
import { AppError } from '../lib/errors.ts';
import { getCall } from '../repositories/calls.ts';
import { type DeadlineRecord, getDeadlines, saveDeadline } from '../repositories/deadlines.ts';
import { putDeliverableListing } from '../repositories/deliverables.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getProgramme, listProgrammes } from '../repositories/programmes.ts';
import { type CallHead, listAllCallHeads } from '../repositories/reminder-audiences.ts';
import { requireVoivodeships } from './access.ts';

/**
 * Which deadlines are reminded. A call's closing and a programme's milestones are deadlines by themselves:
 * the planner writes them (with their planned sends) from the calls and programmes at each run, so a call
 * announced or a milestone moved is picked up within the hour. Coordinators add their own.
 */

/** The last instant of a Warsaw calendar day: a milestone "on 31 March" lasts the whole day. */
export function endOfWarsawDay(day: string): Date {
  return new Date(warsawLocalToInstant(addDays(day, 1)).getTime() - 1);
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The deadlines a programme's milestones and the calls make, those still ahead of `now`. */
export function derivedDeadlines(
  programmes: readonly TProgramme[],
  calls: readonly CallHead[],
  now: Date,
): DeadlineRecord[] {
  const createdAt = now.toISOString();
  const deadlines: DeadlineRecord[] = [];
  for (const call of calls) {
    deadlines.push({
      id: `call-${call.id}`,
      kind: 'call-closing',
      title: call.title,
      description: '',
      dueAt: call.closesAt,
      wojewodztwa: call.wojewodztwa,
      callId: call.id,
      programmeId: call.programmeId,
      audience: ['drafts'],
      policy: DEFAULT_REMINDER_POLICY,
      optional: true,
      createdAt,
    });
  }
  for (const programme of programmes) {
    for (const milestone of programme.milestones) {
      const title = `KM ${ROMAN[milestone.number] ?? milestone.number} „${milestone.name}” (${programme.name})`;
      for (const [edge, day] of [
        ['start', milestone.startsOn],
        ['end', milestone.endsOn],
      ] as const) {
        deadlines.push({
          id: `km-${programme.id}-${milestone.number}-${edge}`,
          kind: edge === 'start' ? 'milestone-start' : 'milestone-end',
          title,
          description: '',
          dueAt: endOfWarsawDay(day).toISOString(),
          wojewodztwa: programme.wojewodztwa,
          programmeId: programme.id,
          audience: ['gminas', 'ops', 'pcpr', 'coordinators'],
          policy: DEFAULT_REMINDER_POLICY,
          optional: false,
          createdAt,
        });
      }
    }
  }
  return deadlines.filter((deadline) => Date.parse(deadline.dueAt) > now.getTime());
}

const sameDeadline = (a: DeadlineRecord, b: DeadlineRecord) =>
  a.dueAt === b.dueAt &&
  a.title === b.title &&
  a.wojewodztwa.join() === b.wojewodztwa.join() &&
  JSON.stringify(a.policy) === JSON.stringify(b.policy);

/** Writes the calls' and milestones' deadlines that are new or changed; says how many it wrote. */
export async function syncDerivedDeadlines(db: Db, now: Date): Promise<number> {
  const heads = await listProgrammes(db);
  const programmes = (await Promise.all(heads.map((head) => getProgramme(db, head.id)))).filter(
    (programme): programme is TProgramme => programme !== undefined,
  );
  const wanted = derivedDeadlines(programmes, await listAllCallHeads(db), now);
  const existing = await getDeadlines(
    db,
    wanted.map((deadline) => deadline.id),
  );
  let written = 0;
  for (const deadline of wanted) {
    const before = existing.get(deadline.id);
    if (before && sameDeadline(before, deadline)) continue;
    await saveDeadline(
      db,
      before ? { ...deadline, createdAt: before.createdAt } : deadline,
      plannedSends(new Date(deadline.dueAt), deadline.policy),
      {
        previousOffsets: before
          ? plannedSends(new Date(before.dueAt), before.policy).map((send) => send.offsetDays)
          : [],
      },
    );
    written += 1;
  }
  return written;
}

export function deadlineView(deadline: DeadlineRecord): TDeadline {
  return {
    id: deadline.id,
    kind: deadline.kind,
    title: deadline.title,
    description: deadline.description,
    dueAt: deadline.dueAt,
    wojewodztwa: deadline.wojewodztwa,
    ...(deadline.callId ? { callId: deadline.callId } : {}),
    ...(deadline.programmeId ? { programmeId: deadline.programmeId } : {}),
    audience: deadline.audience,
    policy: deadline.policy,
    optional: deadline.optional,
    ...(deadline.deliverable ? { deliverable: deadline.deliverable } : {}),
    sends: plannedSends(new Date(deadline.dueAt), deadline.policy).map((send) => ({
      offsetDays: send.offsetDays,
      at: send.at.toISOString(),
    })),
  };
}

function invalid(field: string, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: { [field]: reason } });
}

/**
 * A coordinator's own deadline, in their voivodeships (FORBIDDEN otherwise, decided before anything is
 * read). Refused with the field named: a time already past, no reminder left before it (the days past, or
 * every send at the hour of a day the deadline ends earlier), a call that does not
 * exist or is not in those voivodeships. Nothing is written unless all is well.
 */
export async function createCustomDeadline(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  request: TCreateDeadlineRequest,
): Promise<TDeadline> {
  requireVoivodeships(user, request.wojewodztwa);
  const now = deps.now();
  const dueAt = warsawLocalToInstant(request.dueAt);
  if (dueAt.getTime() <= now.getTime()) throw invalid('dueAt', 'in_past');
  const policy: ReminderPolicy = {
    ...DEFAULT_REMINDER_POLICY,
    offsetsDays: request.offsetsDays ?? DEFAULT_REMINDER_POLICY.offsetsDays,
    avoidDaysOff: request.avoidDaysOff ?? DEFAULT_REMINDER_POLICY.avoidDaysOff,
  };
  const planned = plannedSends(dueAt, policy);
  // Every send at 8:00 of a day at or after the deadline (e.g. only "0" for 7:00): not a matter of days past.
  if (planned.length === 0) throw invalid('offsetsDays', 'before_send_hour');
  const sends = planned.filter((send) => send.at.getTime() > now.getTime());
  if (sends.length === 0) throw invalid('offsetsDays', 'no_send_before_deadline');
  if (request.callId) {
    const call = await getCall(deps.db, request.callId);
    if (!call) throw invalid('callId', 'not_found');
    if (!request.wojewodztwa.every((code) => call.wojewodztwa.includes(code)))
      throw invalid('wojewodztwa', 'not_in_call');
  }
  const deadline: DeadlineRecord = {
    id: `custom-${randomUUID()}`,
    kind: 'custom',
    title: request.title,
    description: request.description,
    dueAt: dueAt.toISOString(),
    wojewodztwa: request.wojewodztwa,
    ...(request.callId ? { callId: request.callId } : {}),
    audience: request.audience,
    policy,
    optional: request.optional ?? true,
    createdBy: user.email,
    createdAt: now.toISOString(),
    ...(request.deliverable ? { deliverable: request.deliverable } : {}),
  };
  // Listed first: a listing whose deadline was never written is skipped by the panel.
  if (deadline.deliverable) await putDeliverableListing(deps.db, deadline);
  // Only sends still ahead are planned; the rest would be caught up as one at the next run.
  await saveDeadline(deps.db, deadline, sends, { ifAbsent: true });
  return deadlineView(deadline);
}
