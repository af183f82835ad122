import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoProgrammeAhead, LIDERZY_KOOPERACJI, loadDemoData } from '../../functions/local/demo-data.ts';
import { getCall } from '../../functions/repositories/calls.ts';
import { createUserIfAbsent, type User } from '../../functions/repositories/users.ts';
import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import { ZAdminCallsResponse, ZAdminProgrammesResponse } from '../../shared/schemas/admin.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { ZCall, ZOpenCallsResponse } from '../../shared/schemas/programme.ts';
import { linkToken } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi, TEST_VIEWER_HEADER } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/** Announcing a nabór from the panel, through the real handlers and DynamoDB Local. */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
/** Session cookies of a coordinator of świętokrzyskie and of the lead ROPS (whose own is podkarpackie). */
let coordinator: string;
let lead: string;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
  coordinator = await signedIn('coordinator', ['26']);
  lead = await signedIn('lead', ['18']);
});
afterAll(() => api.close());

/** This file's requests come as from a viewer of its own, so its sign-ins use up no other file's limit. */
const VIEWER = `203.0.113.${Math.floor(Math.random() * 250) + 1}:443`;

async function call(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      [TEST_VIEWER_HEADER]: VIEWER,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** A user of this file's own (the SES store is shared by every test file), signed in by the e-mailed link. */
async function signedIn(role: User['role'], wojewodztwa: string[]): Promise<string> {
  const user = { email: `koordynator.${randomUUID()}@rops.example`, name: 'Koordynator', role, wojewodztwa };
  await createUserIfAbsent(db, user);
  expect((await call('/api/admin/sign-in', { method: 'POST', body: { email: user.email } })).status).toBe(
    202,
  );
  const mail = (await settledMailTo(db, inboxUrl, user.email)).at(0);
  const token = linkToken(mail as NonNullable<typeof mail>, '#t=');
  const response = await fetch(`${api.url}/api/admin/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TEST_VIEWER_HEADER]: VIEWER },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** Next year's dates: always ahead, whatever day the tests run. */
const nextYear = new Date().getUTCFullYear() + 1;
/** Next year's last Sunday of March, when Warsaw's clocks go from 02:00 straight to 03:00. */
const springChange = (() => {
  const last = new Date(Date.UTC(nextYear, 2, 31));
  last.setUTCDate(31 - last.getUTCDay());
  return last.toISOString().slice(0, 10);
})();

function entry(overrides: Record<string, unknown> = {}) {
  return {
    id: `nabor-${randomUUID().slice(0, 8)}`,
    programmeId: LIDERZY_KOOPERACJI.id,
    title: 'Nabór gmin wiejskich i miejsko-wiejskich województwa świętokrzyskiego',
    wojewodztwa: ['26'],
    gminaKinds: ['wiejska', 'miejsko-wiejska'],
    // Already open (a winter date in the past), so the public list shows it.
    opensAt: '2026-01-10T08:00',
    closesAt: `${nextYear}-01-15T23:59`,
    formVersion: CARD_FORM_VERSION,
    rules: 'Gmina zgłasza się, wysyłając kartę zgłoszeniową przed upływem terminu naboru.',
    ...overrides,
  };
}

describe('announcing a call', () => {
  it('answers 401 without a session, and stores nothing', async () => {
    const before = await tableSnapshot(db);

    const response = await call('/api/admin/calls', { method: 'POST', body: entry() });

    expect(response.status).toBe(401);
    expect(ZErrorResponse.parse(response.json).error.code).toBe('SESSION_REQUIRED');
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it("stores a coordinator's call in their voivodeship with winter instants, listed in the panel and publicly", async () => {
    const cookie = coordinator;
    const sent = entry();

    const response = await call('/api/admin/calls', { method: 'POST', body: sent, cookie });

    expect(response.status).toBe(201);
    // The answer adds the calls it overlaps (the demo's call of świętokrzyskie, for the same kinds): a warning.
    const { overlaps, ...announced } = response.json;
    expect(overlaps.map((overlap: { id: string }) => overlap.id)).toEqual(['liderzy-kooperacji-26']);
    const stored = ZCall.parse(announced);
    expect(stored).toEqual({
      ...sent,
      // Warsaw is UTC+1 in winter; a deadline given to the minute lasts to that minute's end.
      opensAt: '2026-01-10T07:00:00.000Z',
      closesAt: `${nextYear}-01-15T22:59:59.999Z`,
      // The programme's retention (its end, 2021-03-31, + 5 years to 31 December), copied to the call.
      retainUntil: '2026-12-31',
    });
    expect(await getCall(db, sent.id)).toEqual(stored);
    const panel = ZAdminCallsResponse.parse((await call('/api/admin/calls', { cookie })).json);
    expect(panel.calls).toContainEqual({
      id: sent.id,
      title: sent.title,
      wojewodztwa: ['26'],
      opensAt: stored.opensAt,
      closesAt: stored.closesAt,
    });
    const open = ZOpenCallsResponse.parse((await call('/api/calls')).json);
    expect(open.calls).toContainEqual({ ...stored, programmeName: LIDERZY_KOOPERACJI.name });
    const inVoivodeship = ZOpenCallsResponse.parse((await call('/api/calls?wojewodztwo=26')).json);
    expect(inVoivodeship.calls.map((listed) => listed.id)).toContain(sent.id);
  });

  it("stores the lead's call in any of the programme's voivodeships, with summer instants", async () => {
    const cookie = lead;
    const sent = entry({
      wojewodztwa: ['20', '06'],
      opensAt: '2026-07-01T08:00',
      closesAt: `${nextYear}-06-15T23:59`,
    });

    const response = await call('/api/admin/calls', { method: 'POST', body: sent, cookie });

    expect(response.status).toBe(201);
    // Warsaw is UTC+2 in summer.
    expect(response.json).toMatchObject({
      opensAt: '2026-07-01T06:00:00.000Z',
      closesAt: `${nextYear}-06-15T21:59:59.999Z`,
    });
    const { overlaps: _overlaps, ...announced } = response.json;
    expect(await getCall(db, sent.id)).toEqual(announced);
    const inPodlaskie = ZOpenCallsResponse.parse((await call('/api/calls?wojewodztwo=20')).json);
    expect(inPodlaskie.calls.map((listed) => listed.id)).toContain(sent.id);
  });

  it.each([
    ['only another voivodeship', ['20']],
    ['its own and another', ['26', '20']],
  ])('refuses a coordinator a call in %s with 403, writing nothing', async (_, wojewodztwa) => {
    const cookie = coordinator;
    const before = await tableSnapshot(db);
    const sent = entry({ wojewodztwa });

    const response = await call('/api/admin/calls', { method: 'POST', body: sent, cookie });

    expect(response.status).toBe(403);
    expect(ZErrorResponse.parse(response.json).error.code).toBe('FORBIDDEN');
    expect(await tableSnapshot(db)).toEqual(before);
    expect(await getCall(db, sent.id)).toBeUndefined();
  });

  it.each([
    ['an unknown programme', { programmeId: 'nie-ma-takiego' }, 'programmeId', 'unknown_programme'],
    // The lead (ROPS Rzeszów) sees podkarpackie, which is not of the other programme.
    [
      'a voivodeship outside the programme',
      { programmeId: 'kooperacja-efektywna-i-skuteczna', wojewodztwa: ['18'] },
      'wojewodztwa',
      'not_in_programme',
    ],
    ['a voivodeship twice', { wojewodztwa: ['26', '26'] }, 'wojewodztwa', 'duplicate'],
    ['no voivodeship', { wojewodztwa: [] }, 'wojewodztwa', 'invalid'],
    ['an opening without a time', { opensAt: '2026-01-10' }, 'opensAt', 'invalid'],
    ['an opening with a space for T', { opensAt: '2026-01-10 08:00' }, 'opensAt', 'invalid'],
    ['a closing on 30 February', { closesAt: `${nextYear}-02-30T12:00` }, 'closesAt', 'invalid'],
    ['a closing at 24:30', { closesAt: `${nextYear}-01-15T24:30` }, 'closesAt', 'invalid'],
    [
      'a closing in the hour the clocks skip',
      { closesAt: `${springChange}T02:30` },
      'closesAt',
      'not_in_warsaw',
    ],
    [
      'a closing before the opening',
      { opensAt: `${nextYear}-01-15T10:00`, closesAt: `${nextYear}-01-15T09:59` },
      'closesAt',
      'closes_before_opening',
    ],
    ['a closing equal to the opening', { closesAt: '2026-01-10T08:00' }, 'closesAt', 'closes_before_opening'],
    ['a closing already past', { closesAt: '2026-01-20T23:59' }, 'closesAt', 'closes_in_past'],
    ['an id that is not a slug', { id: 'Nabór 2027' }, 'id', 'invalid'],
    ['another version of the card', { formVersion: CARD_FORM_VERSION + 1 }, 'formVersion', 'form_version'],
    ['an unknown field', { budget: 1_000_000 }, 'budget', 'unknown_field'],
    ['no title', { title: undefined }, 'title', 'required'],
    ['a title of spaces', { title: '   ' }, 'title', 'required'],
    ['a title of zero-width spaces', { title: '\u200b\u200b' }, 'title', 'required'],
    ['a title of two lines', { title: 'Nabór\r\nBcc: all@example.com' }, 'title', 'control_characters'],
    ['a title with a right-to-left override', { title: 'Nabór \u202egro' }, 'title', 'control_characters'],
    ['a title with a broken character', { title: 'Nabór \ud800' }, 'title', 'malformed_text'],
    ['rules with a control character', { rules: 'Zasady\u0000\u001b[31m' }, 'rules', 'control_characters'],
  ])('answers %s with 400 naming the field, writing nothing', async (_, overrides, field, key) => {
    const cookie = lead;
    const before = await tableSnapshot(db);
    const sent = entry({ wojewodztwa: ['18'], ...overrides });

    const response = await call('/api/admin/calls', { method: 'POST', body: sent, cookie });

    expect(response.status).toBe(400);
    const { error } = ZErrorResponse.parse(response.json);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toMatchObject({ [field]: key });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('answers a taken id with 409 naming it, leaving the first call as it was', async () => {
    const cookie = coordinator;
    const first = entry();
    expect((await call('/api/admin/calls', { method: 'POST', body: first, cookie })).status).toBe(201);
    const before = await tableSnapshot(db);

    const again = await call('/api/admin/calls', {
      method: 'POST',
      body: {
        ...first,
        title: 'Inny nabór o tym samym identyfikatorze',
        closesAt: `${nextYear}-03-01T12:00`,
      },
      cookie,
    });
    // A demo call's id, in another voivodeship than the demo's: still taken.
    const demo = await call('/api/admin/calls', {
      method: 'POST',
      body: { ...first, id: 'liderzy-kooperacji-18' },
      cookie: lead,
    });

    expect(again.status).toBe(409);
    expect(ZErrorResponse.parse(again.json).error).toMatchObject({
      code: 'CONFLICT',
      fields: { id: 'taken' },
    });
    expect(demo.status).toBe(409);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it("offers the programmes with the user's voivodeships of each; the lead's, all of them", async () => {
    const own = ZAdminProgrammesResponse.parse(
      (await call('/api/admin/programmes', { cookie: coordinator })).json,
    );
    const all = ZAdminProgrammesResponse.parse((await call('/api/admin/programmes', { cookie: lead })).json);
    const stranger = await call('/api/admin/programmes');

    const demo = demoProgrammeAhead(new Date());
    expect(own.programmes).toEqual([
      { id: LIDERZY_KOOPERACJI.id, name: LIDERZY_KOOPERACJI.name, wojewodztwa: ['26'] },
      { id: demo.id, name: demo.name, wojewodztwa: ['26'] },
    ]);
    expect(all.programmes).toEqual([
      {
        id: LIDERZY_KOOPERACJI.id,
        name: LIDERZY_KOOPERACJI.name,
        wojewodztwa: LIDERZY_KOOPERACJI.wojewodztwa,
      },
      { id: demo.id, name: demo.name, wojewodztwa: demo.wojewodztwa },
    ]);
    expect(stranger.status).toBe(401);
  });
});
