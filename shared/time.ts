/**
 * Deadlines are announced in Warsaw local time ("do 18 maja 2018 r.") but compared as instants, so every
 * conversion goes through the IANA zone and stays correct across the DST changes in March and October.
 */
export const WARSAW = 'Europe/Warsaw';

// Made on first use: building a formatter loads the time zone data (≈ 25 ms), which most Lambda functions
// that import this module for one helper would otherwise pay at every cold start.
let offsetFormatter: Intl.DateTimeFormat | undefined;

function warsawParts(instant: Date): Intl.DateTimeFormatPart[] {
  offsetFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: WARSAW,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return offsetFormatter.formatToParts(instant);
}

/** Minutes Warsaw is ahead of UTC at the given instant (60 in winter, 120 in summer). */
export function warsawOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(warsawParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant of a Warsaw wall-clock time, "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm[:ss]". A time skipped by the
 * spring change (02:30 on the last Sunday of March) resolves to the same instant as the hour after it;
 * a repeated autumn time resolves to its first (summer-time) occurrence.
 */
export function warsawLocalToInstant(local: string): Date {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) throw new RangeError(`Not a local date-time: ${local}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Two passes: the offset at the first guess may differ from the offset at the answer near a change.
  let instant = wall - warsawOffsetMinutes(new Date(wall)) * 60_000;
  instant = wall - warsawOffsetMinutes(new Date(instant)) * 60_000;
  const earlier = wall - warsawOffsetMinutes(new Date(instant - 3_600_000)) * 60_000;
  if (earlier < instant && warsawOffsetMinutes(new Date(earlier)) * 60_000 === wall - earlier)
    instant = earlier;
  return new Date(instant);
}

/**
 * Whether Warsaw's clocks ever show this wall-clock time: not from 02:00 to 02:59 on the last Sunday of
 * March, when they jump to 03:00. ("YYYY-MM-DDTHH:mm" or any form warsawLocalToInstant takes.)
 */
export function isWarsawWallClock(local: string): boolean {
  const instant = warsawLocalToInstant(local);
  const wall = new Date(instant.getTime() + warsawOffsetMinutes(instant) * 60_000);
  return wall.toISOString().slice(0, local.length) === local;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "18 maja 2018, 23:59" — an instant shown as Warsaw time, in the given locale. */
export function formatWarsaw(instant: Date | string, locale = 'pl-PL'): string {
  let formatter = displayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: WARSAW, dateStyle: 'long', timeStyle: 'short' });
    displayFormatters.set(locale, formatter);
  }
  return formatter.format(typeof instant === 'string' ? new Date(instant) : instant);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "18 maja 2018" — the Warsaw calendar day of an instant, in the given locale. */
export function formatWarsawDay(instant: Date | string, locale = 'pl-PL'): string {
  let formatter = dayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: WARSAW, dateStyle: 'long' });
    dayFormatters.set(locale, formatter);
  }
  return formatter.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The Warsaw calendar date of an instant, "YYYY-MM-DD". */
export function warsawDate(instant: Date): string {
  return new Date(instant.getTime() + warsawOffsetMinutes(instant) * 60_000).toISOString().slice(0, 10);
}
