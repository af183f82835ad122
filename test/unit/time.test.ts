import { describe, expect, it } from 'vitest';
import {
  formatWarsaw,
  isWarsawWallClock,
  warsawDate,
  warsawLocalToInstant,
  warsawOffsetMinutes,
} from '../../shared/time.ts';

describe('Warsaw time', () => {
  it('turns the 2018 deadline (18 May, summer time) into its instant', () => {
    expect(warsawLocalToInstant('2018-05-18T23:59:59').toISOString()).toBe('2018-05-18T21:59:59.000Z');
  });

  it('uses winter time in January and a bare date means midnight', () => {
    expect(warsawLocalToInstant('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
  });

  it('is correct on both sides of the spring change (29 March 2026, 02:00 → 03:00)', () => {
    expect(warsawLocalToInstant('2026-03-29T01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(warsawLocalToInstant('2026-03-29T03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 does not exist that night; it means the same as 03:30.
    expect(warsawLocalToInstant('2026-03-29T02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('is correct on both sides of the autumn change (25 October 2026, 03:00 → 02:00)', () => {
    expect(warsawLocalToInstant('2026-10-25T01:59').toISOString()).toBe('2026-10-24T23:59:00.000Z');
    // 02:30 happens twice; the first (summer-time) one is taken.
    expect(warsawLocalToInstant('2026-10-25T02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(warsawLocalToInstant('2026-10-25T03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('knows which wall-clock times Warsaw never shows (the spring hour skipped) and which it shows twice', () => {
    expect(isWarsawWallClock('2026-03-29T01:59')).toBe(true);
    expect(isWarsawWallClock('2026-03-29T02:00')).toBe(false);
    expect(isWarsawWallClock('2026-03-29T02:59')).toBe(false);
    expect(isWarsawWallClock('2026-03-29T03:00')).toBe(true);
    expect(isWarsawWallClock('2026-10-25T02:30')).toBe(true);
    expect(isWarsawWallClock('2026-07-01')).toBe(true);
  });

  it('gives offsets of one hour in winter and two in summer', () => {
    expect(warsawOffsetMinutes(new Date('2026-01-01T12:00:00Z'))).toBe(60);
    expect(warsawOffsetMinutes(new Date('2026-07-01T12:00:00Z'))).toBe(120);
  });

  it('rejects text that is not a local date-time', () => {
    expect(() => warsawLocalToInstant('18.05.2018')).toThrow(RangeError);
  });

  it('shows instants as Warsaw wall-clock time and dates', () => {
    expect(formatWarsaw('2018-05-18T21:59:59.000Z')).toBe('18 maja 2018 23:59');
    expect(warsawDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });
});
