import { describe, expect, it } from 'vitest';
import {
  polishDay,
  polishDayText,
  polishWallClock,
  polishWallClockOf,
} from '../../web/src/admin/polish-date.ts';

describe('a day and time typed the Polish way', () => {
  it.each([
    ['15.03.2027', '12:00', '2027-03-15T12:00'],
    ['5.3.2027', '8:00', '2027-03-05T08:00'],
    ['05.03.2027', '8.30', '2027-03-05T08:30'],
    ['15-03-2027', '23', '2027-03-15T23:00'],
    [' 2027-03-15 ', '12:00', '2027-03-15T12:00'],
  ])('reads %s %s as %s', (date, time, expected) => {
    expect(polishWallClock(date, time)).toBe(expected);
  });

  it('leaves both empty as missing, and anything else as typed for the API to name', () => {
    expect(polishWallClock('', ' ')).toBeUndefined();
    expect(polishWallClock('jutro', '12:00')).toBe('jutroT12:00');
    expect(polishWallClock('15.03.2027', '')).toBe('2027-03-15T?');
    expect(polishWallClock('31.02.2027', '12:00')).toBe('2027-02-31T12:00');
  });
});

describe('a day typed the Polish way (programmes and milestones)', () => {
  it.each([
    ['15.03.2027', '2027-03-15'],
    ['5.3.2027', '2027-03-05'],
    ['15-03-2027', '2027-03-15'],
    [' 2027-03-15 ', '2027-03-15'],
    ['jutro', 'jutro'],
    ['', ''],
  ])('reads %s as %s', (typed, expected) => {
    expect(polishDay(typed)).toBe(expected);
  });

  it('shows a stored day as it is typed', () => {
    expect(polishDayText('2027-03-05')).toBe('05.03.2027');
    expect(polishDay(polishDayText('2021-06-30'))).toBe('2021-06-30');
  });
});

describe('a stored deadline shown for a change', () => {
  it.each([
    // Winter (UTC+1), summer (UTC+2), and a deadline of 23:59 kept as its last millisecond.
    ['2027-03-15T11:00:00.000Z', '15.03.2027', '12:00'],
    ['2027-07-01T06:30:00.000Z', '01.07.2027', '08:30'],
    ['2027-12-31T22:59:59.999Z', '31.12.2027', '23:59'],
    ['2027-03-28T22:00:00.000Z', '29.03.2027', '00:00'],
  ])('shows %s as %s %s, which reads back as the same Warsaw time', (instant, date, time) => {
    expect(polishWallClockOf(instant)).toEqual({ date, time });
    expect(polishWallClock(date, time)).toBe(`${date.split('.').reverse().join('-')}T${time}`);
  });
});
