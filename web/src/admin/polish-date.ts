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
