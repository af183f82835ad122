import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSession } from '../../functions/domain/sign-in.ts';
import { demoCalls, loadDemoData } from '../../functions/local/demo-data.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { createUserIfAbsent, type User } from '../../functions/repositories/users.ts';
import {
  ZAdminCallsResponse,
  ZAdminCardsPage,
  ZAdminCardView,
  ZAdminUser,
} from '../../shared/schemas/admin.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { linkToken, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi, TEST_VIEWER_HEADER } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/** The coordinators' panel through the real handlers, DynamoDB Local and the SES emulator's store. */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
const PODLASKIE_CALL = 'liderzy-kooperacji-20';
/** Sent in this order, so the list shows them in this order. */
const PODLASKIE_GMINAS = ['2001022', '2001032', '2001052'];

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
  for (const teryt of PODLASKIE_GMINAS) {
    const response = await fetch(`${api.url}/api/calls/${PODLASKIE_CALL}/cards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ answers: validAnswers(teryt) }),
    });
    if (response.status !== 201) throw new Error(`card ${teryt}: ${response.status}`);
  }
});
afterAll(() => api.close());

/** Each test has its own accounts: the SES store is shared by every test file. */
async function newUser(role: User['role'], wojewodztwa: string[]): Promise<User> {
  const user = { email: `koordynator.${randomUUID()}@rops.example`, name: 'Koordynator', role, wojewodztwa };
  await createUserIfAbsent(db, user);
  return user;
}

/**
 * This file's requests come to the API as from one viewer of its own (CloudFront names the viewer in this
 * header), so its sign-ins count against no other file's per-client limit, and the limit's own test can
 * be a viewer apart.
 */
const VIEWER = `198.51.100.${Math.floor(Math.random() * 250) + 1}:443`;

async function call(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; viewer?: string } = {},
) {
  // A change with nothing to say sends `{}`, as the site does.
  const body = init.body ?? (init.method && init.method !== 'GET' ? {} : undefined);
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      [TEST_VIEWER_HEADER]: init.viewer ?? VIEWER,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    setCookie: response.headers.get('set-cookie'),
    json: text ? JSON.parse(text) : undefined,
  };
}

async function mailTo(email: string) {
  return await settledMailTo(db, inboxUrl, email);
}

async function askForLink(email: string): Promise<string> {
  const before = (await mailTo(email)).length;
  const response = await call('/api/admin/sign-in', { method: 'POST', body: { email } });
  expect(response.status).toBe(202);
  const mails = await mailTo(email);
  expect(mails).toHaveLength(before + 1);
  return linkToken(mails.at(-1) as (typeof mails)[number], '#t=');
}

/** "name=value" of the session cookie a sign-in set, as a browser would send it back. */
async function signIn(user: User): Promise<string> {
  const token = await askForLink(user.email);
  const response = await call('/api/admin/sessions', { method: 'POST', body: { token } });
  expect(response.status).toBe(200);
  return (response.setCookie ?? '').split(';')[0] as string;
}

describe('signing in by e-mailed link', () => {
  it("answers an unknown address with 202, sends nothing and stores nothing but the client's count", async () => {
    const email = `nikt.${randomUUID()}@rops.example`;
    const before = await tableSnapshot(db);

    const response = await call('/api/admin/sign-in', { method: 'POST', body: { email } });

    expect(response.status).toBe(202);
    expect(response.json).toEqual({});
    expect(await mailTo(email)).toEqual([]);
    const notCounter = (item: Record<string, unknown>) =>
      !String(item.pk).startsWith('RATE#sign-in-by-client#');
    expect((await tableSnapshot(db)).filter(notCounter)).toEqual(before.filter(notCounter));
  });

  it('e-mails a known address one link to the site, keeping only the hash of its token', async () => {
    const user = await newUser('coordinator', ['20']);

    const response = await call('/api/admin/sign-in', { method: 'POST', body: { email: user.email } });

    expect(response.status).toBe(202);
    expect(response.json).toEqual({});
    const mails = await mailTo(user.email);
    expect(mails).toHaveLength(1);
    const token = linkToken(mails[0] as (typeof mails)[number], '#t=');
    expect(mails[0]?.body.text).toContain(`http://localhost:5173/admin/logowanie#t=${token}`);
    expect(JSON.stringify(await tableSnapshot(db))).not.toContain(token);
  });

  it('takes the address in any case, with stray spaces', async () => {
    const user = await newUser('coordinator', ['20']);

    const response = await call('/api/admin/sign-in', {
      method: 'POST',
      body: { email: ` ${user.email.toUpperCase()} ` },
    });

    expect(response.status).toBe(202);
    expect(await mailTo(user.email)).toHaveLength(1);
  });

  it('exchanges a link once for an HttpOnly, Secure, SameSite=Strict session cookie', async () => {
    const user = await newUser('coordinator', ['20']);
    const token = await askForLink(user.email);

    const first = await call('/api/admin/sessions', { method: 'POST', body: { token } });
    const before = await tableSnapshot(db);
    const second = await call('/api/admin/sessions', { method: 'POST', body: { token } });

    expect(first.status).toBe(200);
    expect(ZAdminUser.parse(first.json.user)).toEqual(user);
    expect(first.setCookie).toMatch(
      /^__Host-kooperacja-session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=28800; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect(second.status).toBe(401);
    expect(second.setCookie).toBeNull();
    expect(ZErrorResponse.parse(second.json).error.code).toBe('LINK_INVALID');
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('refuses an expired link, even before TTL removes it', async () => {
    const user = await newUser('coordinator', ['20']);
    const token = await askForLink(user.email);
    const sixteenMinutesOn = () => new Date(Date.now() + 16 * 60_000);

    const late = startSession({ db, now: sixteenMinutesOn }, token);

    await expect(late).rejects.toMatchObject({ code: 'LINK_INVALID' });
    // Refusing it did not use it up: in time, it still works.
    expect((await call('/api/admin/sessions', { method: 'POST', body: { token } })).status).toBe(200);
  });

  it('refuses a malformed or unknown token', async () => {
    const malformed = await call('/api/admin/sessions', { method: 'POST', body: { token: 'abc' } });
    const unknown = await call('/api/admin/sessions', { method: 'POST', body: { token: 'A'.repeat(43) } });

    expect(malformed.status).toBe(400);
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe('LINK_INVALID');
  });

  it('sends at most five links an hour to an address, still answering 202', async () => {
    const user = await newUser('coordinator', ['20']);
    for (let attempt = 0; attempt < 5; attempt += 1) await askForLink(user.email);

    const sixth = await call('/api/admin/sign-in', { method: 'POST', body: { email: user.email } });

    expect(sixth.status).toBe(202);
    expect(await mailTo(user.email)).toHaveLength(5);
  });

  it('refuses a client asking for links for many addresses, known or not, with 429 and no mail', async () => {
    const viewer = '2001:db8::7:51234';
    const user = await newUser('coordinator', ['20']);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const email = `nikt.${attempt}.${randomUUID()}@rops.example`;
      const response = await call('/api/admin/sign-in', { method: 'POST', body: { email }, viewer });
      expect(response.status).toBe(202);
    }

    const known = await call('/api/admin/sign-in', { method: 'POST', body: { email: user.email }, viewer });
    const elsewhere = await call('/api/admin/sign-in', { method: 'POST', body: { email: user.email } });

    expect(known.status).toBe(429);
    expect(ZErrorResponse.parse(known.json).error.code).toBe('RATE_LIMITED');
    // Another viewer is not held back by this one.
    expect(elsewhere.status).toBe(202);
    expect(await mailTo(user.email)).toHaveLength(1);
  });

  it('ends the session on sign-out: the cookie is cleared and no longer accepted', async () => {
    const user = await newUser('coordinator', ['20']);
    const cookie = await signIn(user);
    expect((await call('/api/admin/calls', { cookie })).status).toBe(200);

    const out = await call('/api/admin/sign-out', { method: 'POST', cookie });

    expect(out.status).toBe(200);
    expect(out.setCookie).toContain('__Host-kooperacja-session=; Path=/; Max-Age=0');
    const after = await call('/api/admin/calls', { cookie });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('SESSION_REQUIRED');
  });
});

describe('what a coordinator sees', () => {
  it('answers 401 without a session or with an unknown one', async () => {
    const paths = [
      '/api/admin/calls',
      `/api/admin/calls/${PODLASKIE_CALL}/cards?wojewodztwo=20`,
      `/api/admin/cards/${PODLASKIE_CALL}/2001022`,
    ];
    for (const path of paths) {
      const none = await call(path);
      const forged = await call(path, { cookie: `__Host-kooperacja-session=${'B'.repeat(43)}` });
      for (const response of [none, forged]) {
        expect(response.status).toBe(401);
        expect(ZErrorResponse.parse(response.json).error.code).toBe('SESSION_REQUIRED');
      }
      // A cookie the table does not honour is dropped, so the browser stops sending it.
      expect(none.setCookie).toBeNull();
      expect(forged.setCookie).toContain('__Host-kooperacja-session=; Path=/; Max-Age=0');
    }
  });

  it("lists the calls of the coordinator's voivodeship only", async () => {
    const cookie = await signIn(await newUser('coordinator', ['20']));

    const response = await call('/api/admin/calls', { cookie });

    expect(response.status).toBe(200);
    const { calls, user } = ZAdminCallsResponse.parse(response.json);
    expect(user.wojewodztwa).toEqual(['20']);
    expect(calls.map((item) => item.id)).toEqual([PODLASKIE_CALL]);
  });

  it('lists the cards of a call and voivodeship in order of sending, as rows', async () => {
    const cookie = await signIn(await newUser('coordinator', ['20']));

    const response = await call(`/api/admin/calls/${PODLASKIE_CALL}/cards?wojewodztwo=20`, { cookie });

    expect(response.status).toBe(200);
    const page = ZAdminCardsPage.parse(response.json);
    expect(page.nextPageToken).toBeUndefined();
    expect(page.cards.map((card) => card.teryt)).toEqual(PODLASKIE_GMINAS);
    expect(page.cards[0]).toMatchObject({
      gminaName: 'Augustów',
      powiatName: 'augustowski',
      kind: 'wiejska',
      status: 'submitted',
      version: 1,
      reference: expect.stringMatching(/^KZ-/),
    });
  });

  it('pages with an opaque token, and refuses a tampered one with 400', async () => {
    const cookie = await signIn(await newUser('coordinator', ['20']));
    const path = `/api/admin/calls/${PODLASKIE_CALL}/cards?wojewodztwo=20&limit=2`;

    const first = ZAdminCardsPage.parse((await call(path, { cookie })).json);
    const token = first.nextPageToken ?? '';
    const second = ZAdminCardsPage.parse(
      (await call(`${path}&pageToken=${encodeURIComponent(token)}`, { cookie })).json,
    );
    const elsewhere = Buffer.from(`2024-01-01T00:00:00.000Z#0601042`).toString('base64url');
    const tampered = await Promise.all(
      [`${token.slice(0, -2)}xx`, 'bm90LWEta2V5', elsewhere, '%21%21'].map((bad) =>
        call(`${path}&pageToken=${bad}`, { cookie }),
      ),
    );

    expect(first.cards.map((card) => card.teryt)).toEqual(PODLASKIE_GMINAS.slice(0, 2));
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(second.cards.map((card) => card.teryt)).toEqual(PODLASKIE_GMINAS.slice(2));
    expect(second.nextPageToken).toBeUndefined();
    for (const response of tampered) {
      expect(response.status).toBe(400);
      expect(Object.keys(ZErrorResponse.parse(response.json).error.fields ?? {})).toEqual([
        'query.pageToken',
      ]);
    }
  });

  it("forbids another voivodeship's cards: podlaskie's coordinator asking for lubelskie gets 403", async () => {
    const cookie = await signIn(await newUser('coordinator', ['20']));
    const before = await tableSnapshot(db);

    const list = await call('/api/admin/calls/liderzy-kooperacji-06/cards?wojewodztwo=06', { cookie });
    const card = await call('/api/admin/cards/liderzy-kooperacji-06/0601042', { cookie });

    for (const response of [list, card]) {
      expect(response.status).toBe(403);
      expect(ZErrorResponse.parse(response.json).error.code).toBe('FORBIDDEN');
    }
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('lets the lead ROPS see every call and voivodeship', async () => {
    const cookie = await signIn(await newUser('lead', ['18', '20', '06', '26', '14']));

    const calls = ZAdminCallsResponse.parse((await call('/api/admin/calls', { cookie })).json).calls;
    const cards = await call(`/api/admin/calls/${PODLASKIE_CALL}/cards?wojewodztwo=20`, { cookie });
    const lubelskie = await call('/api/admin/calls/liderzy-kooperacji-06/cards?wojewodztwo=06', { cookie });

    expect(calls.map((item) => item.wojewodztwa[0]).sort()).toEqual(['06', '14', '18', '20', '26']);
    expect(ZAdminCardsPage.parse(cards.json).cards).toHaveLength(PODLASKIE_GMINAS.length);
    expect(ZAdminCardsPage.parse(lubelskie.json).cards).toEqual([]);
  });

  it("shows one card's answers, read only, and 404 for a gmina without a card", async () => {
    const cookie = await signIn(await newUser('coordinator', ['20']));

    const response = await call(`/api/admin/cards/${PODLASKIE_CALL}/2001032`, { cookie });
    const missing = await call(`/api/admin/cards/${PODLASKIE_CALL}/2001062`, { cookie });

    expect(response.status).toBe(200);
    const view = ZAdminCardView.parse(response.json);
    expect(view).toMatchObject({
      callId: PODLASKIE_CALL,
      teryt: '2001032',
      gminaName: 'Bargłów Kościelny',
      wojewodztwo: '20',
      status: 'submitted',
    });
    // The labelled summary only: the raw answers stay on the server.
    expect(view).not.toHaveProperty('answers');
    expect(view.summary[0]).toMatchObject({ title: 'Urząd gminy' });
    expect(view.summary[0]?.rows).toContainEqual(['NIP', '5261040828']);
    expect(view.versions).toHaveLength(1);
    expect(missing.status).toBe(404);
  });

  // Last in the file: it adds calls (in dolnośląskie, which the tests above do not count).
  it('lists calls open now first (nearest deadline first), then closed ones (newest first), then those not open yet', async () => {
    const day = 86_400_000;
    const [template] = demoCalls(new Date());
    if (!template) throw new Error('demo calls missing');
    const add = (id: string, opensInDays: number, closesInDays: number) =>
      createCall(db, {
        ...template,
        id,
        wojewodztwa: ['02'],
        opensAt: new Date(Date.now() + opensInDays * day).toISOString(),
        closesAt: new Date(Date.now() + closesInDays * day).toISOString(),
      });
    // Added in another order than the expected one, and each pair on the deadline alone would swap.
    await add('dolnoslaskie-upcoming-later', 60, 90);
    await add('dolnoslaskie-upcoming', 30, 120);
    await add('dolnoslaskie-closed-long-ago', -90, -60);
    await add('dolnoslaskie-closed', -40, -10);
    await add('dolnoslaskie-open-later', -5, 40);
    await add('dolnoslaskie-open', -5, 20);
    const cookie = await signIn(await newUser('coordinator', ['02']));

    const { calls } = ZAdminCallsResponse.parse((await call('/api/admin/calls', { cookie })).json);

    expect(calls.map((item) => item.id)).toEqual([
      'dolnoslaskie-open',
      'dolnoslaskie-open-later',
      'dolnoslaskie-closed',
      'dolnoslaskie-closed-long-ago',
      'dolnoslaskie-upcoming',
      'dolnoslaskie-upcoming-later',
    ]);
  });
});
