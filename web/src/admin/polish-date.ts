const pad = (value: string) => value.padStart(2, '0');

/** "15.03.2027" (or 15.3.2027, 15-03-2027, 2027-03-15) as "2027-03-15"; anything else as typed. */
export function polishDay(typed: string): string {
  const day = typed.trim();
  const dotted = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(day);
  // Anything else goes as typed: the API names it (invalid_date) in the coordinator's words.
  return dotted ? `${dotted[3]}-${pad(dotted[2] as string)}-${pad(dotted[1] as string)}` : day;
}

/** "2027-03-15" as a Pole writes it, "15.03.2027" (what a date field shows for editing). */
export function polishDayText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** "15.03.2027" (or 15.3.2027, or 2027-03-15) and "12:00" (or 12.00, 8:00, 8) as "2027-03-15T12:00". */
export function polishWallClock(date: string, time: string): string | undefined {
  const day = date.trim();
  const hour = time.trim();
  if (day === '' && hour === '') return undefined;
  const ymd = polishDay(day) || '?';
  const clock = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(hour);
  const hm = clock ? `${pad(clock[1] as string)}:${clock[2] ?? '00'}` : hour || '?';
  return `${ymd}T${hm}`;
}

/**
 * An instant as the Warsaw day and time a coordinator types, "15.03.2027" and "12:00" (a deadline of 23:59
 * is kept as 23:59:59.999, shown as 23:59). Intl here, not shared/time.ts: that chunk is the card form's too.
 */
export function polishWallClockOf(instant: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return {
    date: `${part('day')}.${part('month')}.${part('year')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}
