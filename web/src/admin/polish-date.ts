/** "15.03.2027" (or 15.3.2027, or 2027-03-15) and "12:00" (or 12.00, 8:00, 8) as "2027-03-15T12:00". */
export function polishWallClock(date: string, time: string): string | undefined {
  const day = date.trim();
  const hour = time.trim();
  if (day === '' && hour === '') return undefined;
  const pad = (value: string) => value.padStart(2, '0');
  const dotted = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(day);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ymd = dotted
    ? `${dotted[3]}-${pad(dotted[2] as string)}-${pad(dotted[1] as string)}`
    : iso
      ? day
      : day || '?';
  const clock = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(hour);
  const hm = clock ? `${pad(clock[1] as string)}:${clock[2] ?? '00'}` : hour || '?';
  // Anything else goes as typed: the API names it (invalid_date) in the coordinator's words.
  return `${ymd}T${hm}`;
}
