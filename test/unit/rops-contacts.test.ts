import { describe, expect, it } from 'vitest';
import { callContacts, ROPS_CONTACTS, ropsContactOf } from '../../shared/rops-contacts.ts';
import { MAKROREGION_II_WOJEWODZTWA, PARTNER_WOJEWODZTWA, ROPS } from '../../shared/wojewodztwa.ts';

describe('the ROPS contacts', () => {
  it('cover every voivodeship the platform serves, each with its own name, hours, controller and IOD', () => {
    for (const code of [...PARTNER_WOJEWODZTWA, ...MAKROREGION_II_WOJEWODZTWA]) {
      const rops = ROPS_CONTACTS[code];
      expect(rops?.name).toBe(ROPS[code].name);
      expect(rops?.address).toContain(ROPS[code].city);
      expect(rops?.hours).not.toBe('');
      // The controller is the voivodeship's own centre, never another region's.
      expect(rops?.controller.startsWith(ROPS[code].name)).toBe(true);
      expect(rops?.iod.email).toMatch(/@/);
    }
  });

  it('copy what the seeds say (Rzeszów, Białystok) and mark every placeholder unconfirmed', () => {
    expect(ROPS_CONTACTS['18']).toMatchObject({
      address: 'ul. Hetmańska 120, 35-078 Rzeszów',
      phone: '+48 17 747 06 00',
      email: 'sekretariat@rops.rzeszow.pl',
    });
    expect(ROPS_CONTACTS['18']?.unconfirmed).not.toContain('address');
    expect(ROPS_CONTACTS['20']).toMatchObject({
      address: 'ul. Kombatantów 7, 15-110 Białystok',
      phone: '+48 85 744 72 72',
    });
    for (const rops of Object.values(ROPS_CONTACTS)) {
      if (rops.email.endsWith('.example')) expect(rops.unconfirmed).toContain('email');
      if (rops.phone.includes(' 000 00 ')) expect(rops.unconfirmed).toContain('phone');
      if (rops.hours.includes('do potwierdzenia')) expect(rops.unconfirmed).toContain('hours');
      if (rops.iod.email.endsWith('.example')) expect(rops.unconfirmed).toContain('iod');
    }
  });

  it("are found by a gmina's TERYT code and listed for a call's voivodeships", () => {
    expect(ropsContactOf('2002112')?.wojewodztwoCode).toBe('20');
    expect(ropsContactOf('0201011')).toBeUndefined();
    expect(callContacts(['20', '02', '18']).map((one) => one.wojewodztwo)).toEqual(['20', '18']);
  });
});
