/**
 * Polish public holidays (dni wolne od pracy, ustawa z 18 stycznia 1951 r.), Easter-dependent ones included.
 * Written out rather than taken from date-holidays at run time: that library with only Poland's data bundles
 * to about 1 MB, four times a function's whole budget; a unit test compares these rules with it year by year.
 */

/** Easter Sunday, Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(Date.UTC(year, month - 1, day));
}

function isoDay(utcMillis: number): string {
  return new Date(utcMillis).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
}

const cache = new Map<number, ReadonlySet<string>>();

/** The year's public holidays as "YYYY-MM-DD". */
export function polishHolidays(year: number): ReadonlySet<string> {
  let days = cache.get(year);
  if (!days) {
    const easter = easterSunday(year);
    const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26'];
    // Trzech Króli is a day off again since 2011, Wigilia since 2025.
    const list = fixed.filter((md) => md !== '01-06' || year >= 2011).map((md) => `${year}-${md}`);
    if (year >= 2025) list.push(`${year}-12-24`);
    // Easter Sunday and Monday, Pentecost (Zielone Świątki) and Corpus Christi (Boże Ciało).
    list.push(easter, addDays(easter, 1), addDays(easter, 49), addDays(easter, 60));
    days = new Set(list);
    cache.set(year, days);
  }
  return days;
}

/** A Saturday, a Sunday or a public holiday. */
export function isDayOff(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 || polishHolidays(Number(day.slice(0, 4))).has(day);
}

/** The day itself if it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(day: string): string {
  let current = day;
  while (isDayOff(current)) current = addDays(current, -1);
  return current;
}
