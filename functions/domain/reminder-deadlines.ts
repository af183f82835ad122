import { randomUUID } from 'node:crypto';
import { addDays } from '../../shared/reminders/holidays.ts';
import {
  DEFAULT_REMINDER_POLICY,
  plannedSends,
  type ReminderPolicy,
} from '../../shared/reminders/schedule.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TProgramme } from '../../shared/schemas/programme.ts';
import type {
  TCancelDeadlineRequest,
  TCreateDeadlineRequest,
  TDeadline,
  TDeadlinesQuery,
  TDeadlinesResponse,
  TListedDeadline,
  TUpdateDeadlineRequest,
} from '../../shared/schemas/reminders.ts';
import { warsawLocalToInstant } from '../../shared/time.ts';
import { AppError } from '../lib/errors.ts';
import { auditPut } from '../repositories/audit-log.ts';
import { getCall } from '../repositories/calls.ts';
import {
  cancelDeadline,
  type DeadlineRecord,
  getDeadline,
  getDeadlines,
  listDeadlineIdsOfWojewodztwo,
  listedAt,
  saveDeadline,
} from '../repositories/deadlines.ts';
import { moveDeliverableListing, putDeliverableListing } from '../repositories/deliverables.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getProgramme, listProgrammes } from '../repositories/programmes.ts';
import { type CallHead, listAllCallHeads } from '../repositories/reminder-audiences.ts';
import { maySee, requireVoivodeship, requireVoivodeships } from './access.ts';

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
    if (call.cancelled) continue;
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

// Written again once if stored before deadlines were listed in their voivodeships (`listed`).
const sameDeadline = (a: DeadlineRecord, b: DeadlineRecord) =>
  a.listed === true &&
  a.dueAt === b.dueAt &&
  a.title === b.title &&
  a.wojewodztwa.join() === b.wojewodztwa.join() &&
  // Field by field: a policy read back from the table has its keys in another order than one written.
  a.policy.hour === b.policy.hour &&
  a.policy.avoidDaysOff === b.policy.avoidDaysOff &&
  a.policy.offsetsDays.join() === b.policy.offsetsDays.join();

/**
 * Writes the calls' and milestones' deadlines that are new or changed, and calls off the closing of a call
 * cancelled since (its drafts' contacts are told of the cancellation, not reminded); says how many it wrote.
 */
export async function syncDerivedDeadlines(db: Db, now: Date): Promise<number> {
  const heads = await listProgrammes(db);
  const programmes = (await Promise.all(heads.map((head) => getProgramme(db, head.id)))).filter(
    (programme): programme is TProgramme => programme !== undefined,
  );
  const calls = await listAllCallHeads(db);
  const cancelled = await getDeadlines(
    db,
    // Only those still ahead: a closing passed is reminded no more anyway, and is not read every hour.
    calls
      .filter((call) => call.cancelled && Date.parse(call.closesAt) > now.getTime())
      .map((call) => `call-${call.id}`),
  );
  let written = 0;
  for (const deadline of cancelled.values()) {
    if (deadline.cancelledAt) continue;
    // Every offset the policy names: deleting a planned send already gone is harmless, and needs no Query.
    const outcome = await cancelDeadline(db, deadline, deadline.policy.offsetsDays, {
      email: 'planner',
      at: now,
    });
    if (outcome === 'cancelled') written += 1;
  }
  const wanted = derivedDeadlines(programmes, calls, now);
  const existing = await getDeadlines(
    db,
    wanted.map((deadline) => deadline.id),
  );
  for (const deadline of wanted) {
    const before = existing.get(deadline.id);
    if (before && sameDeadline(before, deadline)) continue;
    await saveDeadline(
      db,
      before ? { ...deadline, createdAt: before.createdAt } : deadline,
      plannedSends(new Date(deadline.dueAt), deadline.policy),
      {
        previous: before
          ? {
              offsets: plannedSends(new Date(before.dueAt), before.policy).map((send) => send.offsetDays),
              listedAt: listedAt(before),
            }
          : {},
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
 * The instant and the sends still ahead of a coordinator's deadline as the form gives it. Refused with the
 * field named: a time already past, or no reminder left before it (the days past, or every send at the hour
 * of a day the deadline ends earlier).
 */
function schedule(
  request: Pick<TCreateDeadlineRequest, 'dueAt' | 'offsetsDays' | 'avoidDaysOff'>,
  now: Date,
): { dueAt: Date; policy: ReminderPolicy; sends: { offsetDays: number; at: Date }[] } {
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
  // Only sends still ahead are planned; the rest would be caught up as one at the next run.
  const sends = planned.filter((send) => send.at.getTime() > now.getTime());
  if (sends.length === 0) throw invalid('offsetsDays', 'no_send_before_deadline');
  return { dueAt, policy, sends };
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
  const { dueAt, policy, sends } = schedule(request, now);
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
  await saveDeadline(deps.db, deadline, sends, { ifAbsent: true });
  return deadlineView(deadline);
}

/** A stored deadline as the panel lists it; `editable` only a coordinator's own, by one who sees all its voivodeships. */
function listedView(deadline: DeadlineRecord, user: TAdminUser): TListedDeadline {
  return {
    ...deadlineView(deadline),
    revision: deadline.revision ?? 0,
    editable: deadline.kind === 'custom' && deadline.wojewodztwa.every((code) => maySee(user, code)),
    ...(deadline.createdBy ? { createdBy: deadline.createdBy } : {}),
  };
}

/**
 * Every deadline of a voivodeship still ahead, soonest first — calls' closings, milestones, coordinators'
 * own; not agreements' signing ones (each agreement's screen has its own) — with when each is reminded.
 * The voivodeship is decided before anything is read (FORBIDDEN).
 */
export async function listDeadlinesAhead(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  query: TDeadlinesQuery,
): Promise<TDeadlinesResponse> {
  requireVoivodeship(user, query.wojewodztwo);
  const now = deps.now();
  const ids = await listDeadlineIdsOfWojewodztwo(deps.db, query.wojewodztwo, now);
  const found = await getDeadlines(deps.db, ids);
  const deadlines = ids
    .map((id) => found.get(id))
    .filter(
      (deadline): deadline is DeadlineRecord =>
        deadline !== undefined && !deadline.cancelledAt && Date.parse(deadline.dueAt) > now.getTime(),
    )
    .map((deadline) => listedView(deadline, user));
  return { deadlines };
}

/**
 * The deadline a change or a cancellation names, once access is decided on the voivodeships it names: one
 * that is not there (none, another set of voivodeships, called off) is NOT_FOUND; one that is not a
 * coordinator's own, or has passed, or changed since the revision read, is a CONFLICT naming why.
 */
async function ownDeadlineToChange(
  deps: { db: Db; now: () => Date },
  deadlineId: string,
  request: { wojewodztwa: readonly string[]; revision: number },
): Promise<DeadlineRecord> {
  if (!/^[a-z0-9-]{3,200}$/.test(deadlineId)) throw new AppError('NOT_FOUND');
  const deadline = await getDeadline(deps.db, deadlineId);
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((code) => b.includes(code));
  if (!deadline || deadline.cancelledAt || !same(deadline.wojewodztwa, request.wojewodztwa))
    throw new AppError('NOT_FOUND');
  if (deadline.kind !== 'custom') throw new AppError('CONFLICT', { fields: { deadlineId: 'not_editable' } });
  if (Date.parse(deadline.dueAt) <= deps.now().getTime())
    throw new AppError('CONFLICT', { fields: { dueAt: 'passed' } });
  if ((deadline.revision ?? 0) !== request.revision)
    throw new AppError('CONFLICT', { fields: { revision: 'stale' } });
  return deadline;
}

/** "title: „old” → „new”" lines for the audit log, of the fields that changed. */
function changes(before: DeadlineRecord, after: DeadlineRecord): string[] {
  const lines: string[] = [];
  const quoted = (value: unknown) => `„${String(value)}”`;
  if (before.title !== after.title) lines.push(`title: ${quoted(before.title)} → ${quoted(after.title)}`);
  if (before.description !== after.description) lines.push('description');
  if (before.dueAt !== after.dueAt) lines.push(`dueAt: ${before.dueAt} → ${after.dueAt}`);
  if (before.policy.offsetsDays.join() !== after.policy.offsetsDays.join())
    lines.push(
      `offsetsDays: ${before.policy.offsetsDays.join(', ')} → ${after.policy.offsetsDays.join(', ')}`,
    );
  if (before.policy.avoidDaysOff !== after.policy.avoidDaysOff)
    lines.push(`avoidDaysOff: ${before.policy.avoidDaysOff} → ${after.policy.avoidDaysOff}`);
  if (before.optional !== after.optional) lines.push(`optional: ${before.optional} → ${after.optional}`);
  return lines;
}

/**
 * A coordinator's own deadline changed: its wording, day and reminders, over the revision the form read.
 * Access is decided on the voivodeships the request names before the deadline is read; checked as a new
 * one is (a time past, no reminder left). Its planned sends and listings follow the new day in one
 * transaction with the audit entry; a reminder already sent for an offset is not sent again.
 */
export async function updateCustomDeadline(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  deadlineId: string,
  request: TUpdateDeadlineRequest,
): Promise<TListedDeadline> {
  requireVoivodeships(user, request.wojewodztwa);
  const before = await ownDeadlineToChange(deps, deadlineId, request);
  const now = deps.now();
  const { dueAt, policy, sends } = schedule(request, now);
  const revision = (before.revision ?? 0) + 1;
  const deadline: DeadlineRecord = {
    ...before,
    title: request.title,
    description: request.description,
    dueAt: dueAt.toISOString(),
    policy,
    optional: request.optional ?? before.optional,
    revision,
  };
  const saved = await saveDeadline(deps.db, deadline, sends, {
    previous: {
      offsets: before.policy.offsetsDays,
      listedAt: listedAt(before),
      revision: before.revision ?? 0,
    },
    also: [
      auditPut(deps.db, {
        at: now,
        event: 'deadline-changed',
        actor: user.email,
        subject: `${deadline.title} (${deadlineId})`,
        details: changes(before, deadline),
        wojewodztwa: deadline.wojewodztwa,
      }),
    ],
  });
  if (saved === 'stale') throw new AppError('CONFLICT', { fields: { revision: 'stale' } });
  if (deadline.deliverable && before.dueAt !== deadline.dueAt)
    await moveDeliverableListing(deps.db, deadline, before.dueAt);
  return listedView(deadline, user);
}

/**
 * A coordinator's own deadline called off, over the revision read (access as for a change): no reminder is
 * sent for it any more — the sender skips one already queued — and it leaves the lists; what was sent stays
 * in the log, and documents delivered for it stay listed with the deadline.
 */
export async function cancelCustomDeadline(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  deadlineId: string,
  request: TCancelDeadlineRequest,
): Promise<{ cancelled: string; cancelledAt: string }> {
  requireVoivodeships(user, request.wojewodztwa);
  const deadline = await ownDeadlineToChange(deps, deadlineId, request);
  const now = deps.now();
  const outcome = await cancelDeadline(
    deps.db,
    deadline,
    deadline.policy.offsetsDays,
    { email: user.email, at: now },
    [
      auditPut(deps.db, {
        at: now,
        event: 'deadline-cancelled',
        actor: user.email,
        subject: `${deadline.title} (${deadlineId})`,
        details: [`dueAt: ${deadline.dueAt}`],
        wojewodztwa: deadline.wojewodztwa,
      }),
    ],
  );
  if (outcome === 'stale') throw new AppError('CONFLICT', { fields: { revision: 'stale' } });
  return { cancelled: deadlineId, cancelledAt: now.toISOString() };
}
