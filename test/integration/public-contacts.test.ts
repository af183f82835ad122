import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCalls, loadDemoData } from '../../functions/local/demo-data.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { ROPS_CONTACTS } from '../../shared/rops-contacts.ts';
import { ZCallResponse } from '../../shared/schemas/programme.ts';
import { testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';

/** GET /api/calls/:id names the ROPS of each of the call's voivodeships (issue 17), on DynamoDB Local. */
const db = testDb();
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
});
afterAll(() => api.close());

async function contactsOf(callId: string) {
  const response = await fetch(`${api.url}/api/calls/${callId}`);
  expect(response.status).toBe(200);
  return ZCallResponse.parse(await response.json()).contacts ?? [];
}

describe("a call's contacts", () => {
  it('are those of its voivodeship: ROPS Rzeszów as the seeds give it, with hours, controller and IOD', async () => {
    const [rzeszow, ...more] = await contactsOf('liderzy-kooperacji-18');
    expect(more).toEqual([]);
    expect(rzeszow).toEqual({
      wojewodztwo: '18',
      name: 'Regionalny Ośrodek Polityki Społecznej w Rzeszowie',
      address: 'ul. Hetmańska 120, 35-078 Rzeszów',
      email: 'sekretariat@rops.rzeszow.pl',
      phone: '+48 17 747 06 00',
      hours: ROPS_CONTACTS['18']?.hours,
      controller: 'Regionalny Ośrodek Polityki Społecznej w Rzeszowie, ul. Hetmańska 120, 35-078 Rzeszów',
      iod: ROPS_CONTACTS['18']?.iod,
    });
  });

  it("of a call of several voivodeships name each voivodeship's own centre, in the call's order", async () => {
    const [template] = demoCalls(new Date());
    const call = {
      ...(template as NonNullable<typeof template>),
      id: 'makroregion-kontakty',
      wojewodztwa: ['28', '04'],
    };
    expect(await createCall(db, call)).toBe('created');
    const contacts = await contactsOf(call.id);
    expect(contacts.map((one) => [one.wojewodztwo, one.name])).toEqual([
      ['28', 'Regionalny Ośrodek Polityki Społecznej w Olsztynie'],
      ['04', 'Regionalny Ośrodek Polityki Społecznej w Toruniu'],
    ]);
  });
});
