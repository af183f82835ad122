import { describe, expect, it } from 'vitest';
import { callFromWarsawTimes } from '../../shared/calls.ts';
import { type TCallEntry, ZCallEntry } from '../../shared/schemas/programme.ts';
import { issuesToFieldErrors } from '../../shared/validation.ts';

const entry: TCallEntry = {
  id: 'liderzy-kooperacji-2018-20',
  programmeId: 'liderzy-kooperacji',
  title: 'Nabór gmin wiejskich województwa podlaskiego',
  wojewodztwa: ['20'],
  gminaKinds: ['wiejska'],
  opensAt: '2018-05-07T00:00',
  closesAt: '2018-05-18T23:59',
  formVersion: 1,
  rules: '',
};

describe('a call entered in Warsaw time', () => {
  it('closes at the end of the announced minute, in summer time (the 2018 letter: 18 May)', () => {
    const call = callFromWarsawTimes(ZCallEntry.parse(entry));

    expect(call.opensAt).toBe('2018-05-06T22:00:00.000Z');
    expect(call.closesAt).toBe('2018-05-18T21:59:59.999Z');
  });

  it('uses winter time for a December deadline', () => {
    const call = callFromWarsawTimes({ ...entry, opensAt: '2026-12-01T08:00', closesAt: '2026-12-18T15:30' });

    expect(call.closesAt).toBe('2026-12-18T14:30:59.999Z');
  });

  it('refuses a call that closes before it opens, and a time that is not HH:mm', () => {
    const backwards = ZCallEntry.safeParse({ ...entry, closesAt: '2018-05-01T12:00' });
    const sloppy = ZCallEntry.safeParse({ ...entry, opensAt: '7.05.2018' });

    expect(issuesToFieldErrors(backwards.error?.issues ?? [])).toEqual({ closesAt: 'closes_before_opening' });
    expect(issuesToFieldErrors(sloppy.error?.issues ?? [])).toEqual({ opensAt: 'invalid' });
  });
});
