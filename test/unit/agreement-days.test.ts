import { describe, expect, it } from 'vitest';
import { warsawDate, warsawLocalToInstant } from '../../shared/time.ts';
import { endOfWarsawDay, warsawToday } from '../../web/src/admin/agreement-parts.tsx';

/**
 * The panel's agreement screen reckons Warsaw days itself (shared/time.ts there would grow the card form's
 * shared chunk): it must agree with shared/time.ts on every day, the clock changes included.
 */
describe("the agreement screen's Warsaw days", () => {
  it('ends each day of two years at 23:59:59 Warsaw time, as shared/time.ts reckons it', () => {
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 86_400_000) {
      const day = new Date(at).toISOString().slice(0, 10);
      expect([day, endOfWarsawDay(day)]).toEqual([
        day,
        warsawLocalToInstant(`${day}T23:59:59`).toISOString(),
      ]);
    }
  });

  it("says today's Warsaw date", () => {
    expect(warsawToday()).toBe(warsawDate(new Date()));
  });
});
