import { warsawDate, warsawLocalToInstant } from '../time.ts';
import { addDays, workingDayOnOrBefore } from './holidays.ts';

/** When a deadline is reminded: days before it, at an hour of the Warsaw clock. */
export interface ReminderPolicy {
  /** Whole days before the deadline's Warsaw day; 0 is the day itself. */
  offsetsDays: number[];
  /** Hour of the Warsaw wall clock, 0–23. */
  hour: number;
  /** Move a send that falls on a weekend or public holiday to the working day before. */
  avoidDaysOff: boolean;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  offsetsDays: [14, 7, 1, 0],
  hour: 8,
  avoidDaysOff: true,
};

export interface PlannedSend {
  offsetDays: number;
  /** The Warsaw day it goes out on (after any move off a day off). */
  day: string;
  at: Date;
}

/**
 * The sends of one deadline, earliest first. A send at or after the deadline is dropped (a reminder is never
 * late), and two offsets moved onto one day make one send, kept under the smaller offset.
 */
export function plannedSends(
  deadline: Date,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): PlannedSend[] {
  const deadlineDay = warsawDate(deadline);
  const byDay = new Map<string, PlannedSend>();
  const hour = String(policy.hour).padStart(2, '0');
  for (const offsetDays of [...new Set(policy.offsetsDays)].sort((a, b) => b - a)) {
    const planned = addDays(deadlineDay, -offsetDays);
    const day = policy.avoidDaysOff ? workingDayOnOrBefore(planned) : planned;
    const at = warsawLocalToInstant(`${day}T${hour}:00`);
    if (at.getTime() >= deadline.getTime()) continue;
    byDay.set(day, { offsetDays, day, at });
  }
  return [...byDay.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * What a planner running at `to`, last run at `from`, must queue: the latest send due in (from, to], while the
 * deadline is still ahead. After an outage, the reminders it missed make one e-mail, not a burst of them.
 */
export function sendsDue(deadline: Date, policy: ReminderPolicy, from: Date, to: Date): PlannedSend[] {
  if (to >= deadline) return [];
  return plannedSends(deadline, policy)
    .filter((send) => send.at > from && send.at <= to)
    .slice(-1);
}
