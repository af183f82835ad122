import { createEvent } from 'ics';

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
}): string {
  const due = new Date(input.dueAt);
  // Ends at the deadline; starts 30 minutes before, so the entry is visible on the day's grid.
  const start = new Date(due.getTime() - 30 * 60_000);
  const { error, value } = createEvent({
    uid: `${input.deadlineId}@kooperacja`,
    productId: 'kooperacja/reminders',
    title: input.title,
    description: input.description || input.title,
    url: input.url,
    start: start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: due.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: 'CONFIRMED',
    busyStatus: 'FREE',
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
