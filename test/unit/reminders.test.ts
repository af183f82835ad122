import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { easterSunday, isDayOff, polishHolidays } from '../../shared/reminders/holidays.ts';
import { DEFAULT_REMINDER_POLICY, plannedSends, sendsDue } from '../../shared/reminders/schedule.ts';
import { warsawLocalToInstant } from '../../shared/time.ts';

describe('Polish public holidays', () => {
  it('are those date-holidays knows, every year of the programmes and beyond', () => {
    const library = new Holidays('PL');
    for (let year = 2015; year <= 2060; year += 1) {
      const expected = library
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10));
      expect([...polishHolidays(year)].sort(), String(year)).toEqual([...new Set(expected)].sort());
    }
  });

  it('puts Easter where the calendar does', () => {
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });

  it('counts weekends and holidays as days off', () => {
    expect(isDayOff('2019-06-20')).toBe(true); // Boże Ciało
    expect(isDayOff('2026-12-24')).toBe(true); // Wigilia, since 2025
    expect(isDayOff('2018-12-24')).toBe(false);
    expect(isDayOff('2026-12-05')).toBe(true); // Saturday
    expect(isDayOff('2026-12-07')).toBe(false);
  });
});

describe('reminder sends', () => {
  const at = (local: string) => warsawLocalToInstant(local).toISOString();

  it('go out 14, 7, 1 days before and on the day, at 08:00 Warsaw time in summer and winter', () => {
    // KM I ends on 31 March 2019 (a Sunday); the clocks moved on that very night.
    const sends = plannedSends(warsawLocalToInstant('2019-03-31T23:59:59'), {
      ...DEFAULT_REMINDER_POLICY,
      avoidDaysOff: false,
    });
    expect(sends.map((send) => [send.offsetDays, send.at.toISOString()])).toEqual([
      [14, '2019-03-17T07:00:00.000Z'],
      [7, '2019-03-24T07:00:00.000Z'],
      [1, '2019-03-30T07:00:00.000Z'],
      [0, '2019-03-31T06:00:00.000Z'],
    ]);
  });

  it('move off weekends and holidays to the working day before, merging what lands on one day', () => {
    // A deadline on Tuesday 2 May 2023: 1 May is a holiday, 29–30 April a weekend.
    const sends = plannedSends(warsawLocalToInstant('2023-05-02T23:59:59'));
    expect(sends.map((send) => [send.offsetDays, send.day])).toEqual([
      [14, '2023-04-18'],
      [7, '2023-04-25'],
      [1, '2023-04-28'],
      [0, '2023-05-02'],
    ]);
    // A deadline on Monday 9 December 2024 at 12:00: 1 day before is Sunday, moved to Friday the 6th.
    expect(plannedSends(warsawLocalToInstant('2024-12-09T12:00')).map((send) => send.day)).toEqual([
      '2024-11-25',
      '2024-12-02',
      '2024-12-06',
      '2024-12-09',
    ]);
    // Offsets 1 and 2 before a Monday both land on Friday: one send.
    expect(
      plannedSends(warsawLocalToInstant('2024-12-09T12:00'), {
        offsetsDays: [2, 1],
        hour: 8,
        avoidDaysOff: true,
      }).map((send) => [send.offsetDays, send.day]),
    ).toEqual([[1, '2024-12-06']]);
  });

  it('are never after the deadline', () => {
    // Due at 07:00 on the day: the 08:00 send of that day would be late.
    const sends = plannedSends(warsawLocalToInstant('2026-12-17T07:00'));
    expect(sends.map((send) => send.offsetDays)).toEqual([14, 7, 1]);
  });

  it('are due once each across consecutive planner runs, and not once the deadline passed', () => {
    const deadline = warsawLocalToInstant('2026-12-17T23:59:59');
    const hour = 3_600_000;
    const start = Date.parse(at('2026-11-30T00:00'));
    const due: string[] = [];
    for (let t = start; t < deadline.getTime() + 2 * 86_400_000; t += hour) {
      due.push(
        ...sendsDue(deadline, DEFAULT_REMINDER_POLICY, new Date(t), new Date(t + hour)).map(
          (send) => send.day,
        ),
      );
    }
    expect(due).toEqual(['2026-12-03', '2026-12-10', '2026-12-16', '2026-12-17']);
    // A planner back after an outage catches up with one send, the latest, while the deadline is ahead…
    const caughtUp = sendsDue(
      deadline,
      DEFAULT_REMINDER_POLICY,
      new Date(start),
      new Date(at('2026-12-17T09:00')),
    );
    expect(caughtUp.map((send) => send.offsetDays)).toEqual([0]);
    // …and sends nothing once it has passed.
    expect(
      sendsDue(deadline, DEFAULT_REMINDER_POLICY, new Date(start), new Date(at('2026-12-18T09:00'))),
    ).toEqual([]);
  });
});
