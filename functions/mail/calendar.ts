import { createEvent } from 'ics';
import { addDays } from '../../shared/reminders/holidays.ts';

/**
 * The deadline as an iCalendar event (RFC 5545) for the reminder's attachment: a timed event at the deadline
 * in UTC (calendars show it in their own zone), with a stable UID so that each reminder of one deadline
 * updates the same entry instead of adding another.
 */
export function deadlineEvent(input: {
  deadlineId: string;
  title: string;
  description: string;
  dueAt: string;
  url: string;
  /**
   * A Warsaw day (YYYY-MM-DD) the deadline is as a whole, as a milestone's start or end: an all-day entry on
   * it, rather than half an hour before midnight (a start "on 18 December" is not at 23:30).
   */
  allDay?: string | undefined;
}): string {
  const due = new Date(input.dueAt);
  // Ends at the deadline; starts 30 minutes before, so the entry is visible on the day's grid.
  const start = new Date(due.getTime() - 30 * 60_000);
  const day = (iso: string) => iso.split('-').map(Number) as [number, number, number];
  const when = input.allDay
    ? { start: day(input.allDay), end: day(addDays(input.allDay, 1)) }
    : {
        start: start.getTime(),
        startInputType: 'utc' as const,
        startOutputType: 'utc' as const,
        end: due.getTime(),
        endInputType: 'utc' as const,
        endOutputType: 'utc' as const,
      };
  const { error, value } = createEvent({
    uid: `${input.deadlineId}@kooperacja`,
    productId: 'kooperacja/reminders',
    title: input.title,
    description: input.description || input.title,
    url: input.url,
    ...when,
    status: 'CONFIRMED',
    busyStatus: 'FREE',
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
