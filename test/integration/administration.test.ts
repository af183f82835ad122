import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_IDLE_MINUTES, signedInUser } from '../../functions/domain/access.ts';
import { syncDerivedDeadlines } from '../../functions/domain/reminder-deadlines.ts';
import { KOOPERACJA_EFEKTYWNA, LIDERZY_KOOPERACJI, loadDemoData } from '../../functions/local/demo-data.ts';
import { listPlannedSends } from '../../functions/repositories/deadlines.ts';
import { getProgramme } from '../../functions/repositories/programmes.ts';
import type { User } from '../../functions/repositories/users.ts';
import { ZAdminCallsResponse } from '../../shared/schemas/admin.ts';
import {
  ZAccount,
  ZAccountsResponse,
  ZAuditLogResponse,
  ZOwnAccountResponse,
} from '../../shared/schemas/administration.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import type { TProgramme } from '../../shared/schemas/programme.ts';
import { linkToken, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';
import { sessionCookieFor } from '../support/review-cards.ts';

/**
 * The administration of issue 17 through the real handlers on DynamoDB Local and the SES emulator: the
 * lead's reach over one programme, accounts and their sessions, the audit log, programmes and milestones.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
const VIEWER = `192.0.2.${Math.floor(Math.random() * 250) + 1}:443`;

/** Czarna (podkarpackie, rural) in Liderzy; Pisz and Morąg (warmińsko-mazurskie, urban-rural) in Kooperacja. */
const CZARNA = '1801032';
const PISZ = '2816033';
const MORAG = '2815083';

let rzeszowLead: string;
let torunLead: string;
let olsztyn: string;

async function call(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  // A change with nothing to say sends `{}`, as the site does: the API takes changes only as JSON.
  const body = init.body ?? ((init.method ?? 'GET') === 'GET' ? undefined : {});
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'cloudfront-viewer-address': VIEWER,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function sendCard(callId: string, teryt: string): Promise<void> {
  const response = await fetch(`${api.url}/api/calls/${callId}/cards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ answers: validAnswers(teryt) }),
  });
  expect(response.status, `${callId} ${teryt}`).toBe(201);
}

const user = (role: User['role'], wojewodztwa: string[], name = 'Koordynator'): User => ({
  email: `konto.${randomUUID()}@rops.example`,
  name,
  role,
  wojewodztwa,
});

/** A sign-in through the e-mailed link, as the panel does it: the session cookie. */
async function signInByLink(email: string): Promise<string> {
  const before = (await settledMailTo(db, inboxUrl, email)).length;
  expect((await call('/api/admin/sign-in', { method: 'POST', body: { email } })).status).toBe(202);
  const mails = await settledMailTo(db, inboxUrl, email);
  expect(mails).toHaveLength(before + 1);
  const token = linkToken(mails.at(-1) as (typeof mails)[number], '#t=');
  const response = await fetch(`${api.url}/api/admin/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cloudfront-viewer-address': VIEWER },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** The table but for sessions' last-request times, which any request may renew. */
async function snapshot() {
  return (await tableSnapshot(db)).map(({ lastSeen: _, lastSeenAt: __, ...item }) => item);
}

async function expectRefused(
  request: () => Promise<{ status: number; json: unknown }>,
  status = 403,
): Promise<void> {
  const before = await snapshot();
  const response = await request();
  expect(response.status).toBe(status);
  expect(await snapshot()).toEqual(before);
}

async function auditOf(cookie: string) {
  const response = await call('/api/admin/audit-log', { cookie });
  expect(response.status).toBe(200);
  return ZAuditLogResponse.parse(response.json).entries;
}

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
  rzeszowLead = await sessionCookieFor(db, user('lead', ['18'], 'Lider Rzeszów'));
  torunLead = await sessionCookieFor(db, user('lead', ['04'], 'Lider Toruń'));
  olsztyn = await sessionCookieFor(db, user('coordinator', ['28']));
  await sendCard('liderzy-kooperacji-18', CZARNA);
  await sendCard('kooperacja-efektywna-28', PISZ);
});
afterAll(() => api.close());

describe('two programmes, each lead in its own', () => {
  it('lets a clerk of Pisz or Morąg send a card to its call, with the card form every call has', async () => {
    await sendCard('kooperacja-efektywna-28', MORAG);
    const rural = await fetch(`${api.url}/api/calls/kooperacja-efektywna-28/cards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ answers: validAnswers('2801022') }),
    });
    expect(rural.status).toBe(422);
  });

  it("gives the Toruń lead its programme's calls only, and refuses it a podkarpackie card of Liderzy", async () => {
    const calls = ZAdminCallsResponse.parse((await call('/api/admin/calls', { cookie: torunLead })).json);
    expect(calls.user.programmes).toEqual([KOOPERACJA_EFEKTYWNA.id]);
    expect(calls.user.wojewodztwa.sort()).toEqual([...KOOPERACJA_EFEKTYWNA.wojewodztwa].sort());
    expect(calls.calls.map((item) => item.id).every((id) => id.startsWith('kooperacja-efektywna-'))).toBe(
      true,
    );
    expect(calls.calls).toHaveLength(6);

    await expectRefused(() =>
      call(`/api/admin/cards/liderzy-kooperacji-18/${CZARNA}`, { cookie: torunLead }),
    );
    await expectRefused(() =>
      call('/api/admin/calls/liderzy-kooperacji-18/cards?wojewodztwo=18', { cookie: torunLead }),
    );
    expect(
      (await call(`/api/admin/cards/liderzy-kooperacji-18/${CZARNA}`, { cookie: rzeszowLead })).status,
    ).toBe(200);
  });

  it('lets the Toruń lead and the Olsztyn coordinator read the card of Pisz, and not the Rzeszów lead', async () => {
    const path = `/api/admin/cards/kooperacja-efektywna-28/${PISZ}`;
    expect((await call(path, { cookie: torunLead })).status).toBe(200);
    expect((await call(path, { cookie: olsztyn })).status).toBe(200);
    expect((await call(path, { cookie: rzeszowLead })).status).toBe(403);
  });
});

describe('accounts', () => {
  it('lets the lead add a coordinator of its programme, logged; the new account signs in by link', async () => {
    const email = `Nowy.${randomUUID()}@ROPS.example`;
    const response = await call('/api/admin/accounts', {
      method: 'POST',
      cookie: torunLead,
      body: { email, name: 'Anna Nowak', wojewodztwa: ['28', '22'] },
    });

    expect(response.status).toBe(201);
    expect(ZAccount.parse(response.json)).toMatchObject({
      email: email.toLowerCase(),
      role: 'coordinator',
      wojewodztwa: ['28', '22'],
      disabled: false,
    });
    const cookie = await signInByLink(email.toLowerCase());
    expect((await call('/api/admin/account', { cookie })).status).toBe(200);
    const listed = ZAccountsResponse.parse((await call('/api/admin/accounts', { cookie: torunLead })).json);
    const row = listed.accounts.find((account) => account.email === email.toLowerCase());
    expect(row?.lastSignInAt).toBeDefined();
    const audit = await auditOf(torunLead);
    expect(
      audit.find((entry) => entry.subject === email.toLowerCase() && entry.event === 'account-created'),
    ).toMatchObject({ details: ['imię i nazwisko: Anna Nowak', 'województwa: 28, 22'] });
    expect(audit.some((entry) => entry.actor === email.toLowerCase() && entry.event === 'signed-in')).toBe(
      true,
    );
  });

  it('lets the lead add another lead of its own ROPS, who reaches what it does; logged; then disable it', async () => {
    const email = `lider.${randomUUID()}@rops.example`;
    const response = await call('/api/admin/accounts', {
      method: 'POST',
      cookie: torunLead,
      body: { email, name: 'Druga Liderka', wojewodztwa: ['04'], role: 'lead' },
    });

    expect(response.status).toBe(201);
    expect(ZAccount.parse(response.json)).toMatchObject({ email, role: 'lead', wojewodztwa: ['04'] });
    const cookie = await signInByLink(email);
    expect((await call(`/api/admin/programmes/${KOOPERACJA_EFEKTYWNA.id}`, { cookie })).status).toBe(200);
    expect((await call(`/api/admin/programmes/${LIDERZY_KOOPERACJI.id}`, { cookie })).status).toBe(403);
    const listed = ZAccountsResponse.parse((await call('/api/admin/accounts', { cookie: torunLead })).json);
    expect(listed.accounts.find((account) => account.email === email)?.role).toBe('lead');
    expect(
      (await auditOf(torunLead)).find((entry) => entry.subject === email && entry.event === 'account-created')
        ?.details,
    ).toContain('rola: lider projektu');

    const path = `/api/admin/accounts/${encodeURIComponent(email)}`;
    await expectRefused(() => call(`${path}/disable`, { method: 'POST', cookie: rzeszowLead }));
    await expectRefused(() =>
      call(path, {
        method: 'PUT',
        cookie: torunLead,
        body: { name: 'Druga Liderka', wojewodztwa: ['04', '28'] },
      }),
    );
    const disabled = await call(`${path}/disable`, { method: 'POST', cookie: torunLead });
    expect(disabled.status).toBe(200);
    expect((await call('/api/admin/account', { cookie })).status).toBe(401);
  });

  it("refuses a lead account outside the lead's own ROPS, one made by a coordinator or another lead, and disabling oneself", async () => {
    const body = (wojewodztwa: string[]) => ({
      email: `lider.${randomUUID()}@rops.example`,
      name: 'X',
      wojewodztwa,
      role: 'lead',
    });
    // Warmińsko-mazurskie is in the Toruń lead's reach (its programme's) but Olsztyn's ROPS is not a lead.
    for (const wojewodztwa of [['28'], ['04', '28']]) {
      const before = await snapshot();
      const response = await call('/api/admin/accounts', {
        method: 'POST',
        cookie: torunLead,
        body: body(wojewodztwa),
      });
      expect(response.status).toBe(403);
      expect(ZErrorResponse.parse(response.json).error.fields).toEqual({ wojewodztwa: 'lead_not_own' });
      expect(await snapshot()).toEqual(before);
    }
    await expectRefused(() =>
      call('/api/admin/accounts', { method: 'POST', cookie: olsztyn, body: body(['28']) }),
    );
    await expectRefused(() =>
      call('/api/admin/accounts', { method: 'POST', cookie: rzeszowLead, body: body(['04']) }),
    );
    const own = ZOwnAccountResponse.parse((await call('/api/admin/account', { cookie: torunLead })).json);
    await expectRefused(() =>
      call(`/api/admin/accounts/${encodeURIComponent(own.account.email)}/disable`, {
        method: 'POST',
        cookie: torunLead,
      }),
    );
  });

  it("refuses a coordinator, and a lead outside its programme's voivodeships, with nothing changed", async () => {
    const body = { email: `x.${randomUUID()}@rops.example`, name: 'X', wojewodztwa: ['28'] };
    await expectRefused(() => call('/api/admin/accounts', { method: 'POST', cookie: olsztyn, body }));
    await expectRefused(() => call('/api/admin/accounts', { method: 'POST', cookie: rzeszowLead, body }));
    await expectRefused(() => call('/api/admin/accounts', { cookie: olsztyn }));
    await expectRefused(() => call('/api/admin/audit-log', { cookie: olsztyn }));
    await expectRefused(() => call('/api/admin/accounts', { method: 'POST', body }), 401);
  });

  it.each([
    ['an invalid e-mail', { email: 'nie-adres', name: 'X', wojewodztwa: ['28'] }, 'email', 'email'],
    [
      'an unknown voivodeship',
      { email: 'a@rops.example', name: 'X', wojewodztwa: ['99'] },
      'wojewodztwa.0',
      'unknown_wojewodztwo',
    ],
    ['no voivodeship', { email: 'a@rops.example', name: 'X', wojewodztwa: [] }, 'wojewodztwa', 'required'],
    ['no name', { email: 'a@rops.example', name: ' ', wojewodztwa: ['28'] }, 'name', 'required'],
  ])('answers %s with 400 naming the field, nothing changed', async (_, body, field, key) => {
    const before = await snapshot();
    const response = await call('/api/admin/accounts', { method: 'POST', cookie: torunLead, body });
    expect(response.status).toBe(400);
    expect(ZErrorResponse.parse(response.json).error.fields).toMatchObject({ [field]: key });
    expect(await snapshot()).toEqual(before);
  });

  it('answers an address that has an account with 409, nothing changed', async () => {
    await expectRefused(
      () =>
        call('/api/admin/accounts', {
          method: 'POST',
          cookie: torunLead,
          body: { email: 'koordynator.28@kooperacja.example', name: 'X', wojewodztwa: ['28'] },
        }),
      409,
    );
  });

  it("lists its programme's coordinators to the lead, not the other programme's", async () => {
    const torun = ZAccountsResponse.parse((await call('/api/admin/accounts', { cookie: torunLead })).json);
    const emails = torun.accounts.map((account) => account.email);
    expect(emails).toContain('koordynator.28@kooperacja.example');
    expect(emails).not.toContain('koordynator.18@kooperacja.example');
    expect(emails).not.toContain('lider@kooperacja.example');
  });

  it('changes a name and voivodeships, logged; refuses another lead and a coordinator, nothing changed', async () => {
    const target = user('coordinator', ['30']);
    await sessionCookieFor(db, target);
    const path = `/api/admin/accounts/${encodeURIComponent(target.email)}`;
    const body = { name: 'Jan Kowalski', wojewodztwa: ['30', '32'] };

    await expectRefused(() =>
      call(path, { method: 'PUT', cookie: rzeszowLead, body: { ...body, wojewodztwa: ['18'] } }),
    );
    await expectRefused(() => call(path, { method: 'PUT', cookie: olsztyn, body }));
    await expectRefused(
      () => call('/api/admin/accounts/nie-adres', { method: 'PUT', cookie: torunLead, body }),
      400,
    );
    const changed = await call(path, { method: 'PUT', cookie: torunLead, body });

    expect(changed.status).toBe(200);
    expect(ZAccount.parse(changed.json)).toMatchObject(body);
    const entry = (await auditOf(torunLead)).find(
      (item) => item.subject === target.email && item.event === 'account-changed',
    );
    expect(entry?.details).toEqual([
      'imię i nazwisko: Koordynator → Jan Kowalski',
      'województwa: 30 → 30, 32',
    ]);
    expect(
      (await call(`/api/admin/accounts/nikt@rops.example`, { method: 'PUT', cookie: torunLead, body }))
        .status,
    ).toBe(404);
  });

  it('disables an account: every session ends at once, its links and new links are refused; enabling restores sign-in', async () => {
    const target = user('coordinator', ['08']);
    const first = await sessionCookieFor(db, target);
    const second = await signInByLink(target.email);
    // A link asked for before the account is disabled, used after.
    expect((await call('/api/admin/sign-in', { method: 'POST', body: { email: target.email } })).status).toBe(
      202,
    );
    const mails = await settledMailTo(db, inboxUrl, target.email);
    const pendingLink = linkToken(mails.at(-1) as (typeof mails)[number], '#t=');
    const path = `/api/admin/accounts/${encodeURIComponent(target.email)}`;

    await expectRefused(() => call(`${path}/disable`, { method: 'POST', cookie: olsztyn, body: {} }));
    await expectRefused(() => call(`${path}/disable`, { method: 'POST', cookie: rzeszowLead, body: {} }));
    const disabled = await call(`${path}/disable`, { method: 'POST', cookie: torunLead, body: {} });

    expect(disabled.status).toBe(200);
    expect(disabled.json).toMatchObject({ disabled: true, sessionsEnded: 2 });
    expect((await call('/api/admin/account', { cookie: first })).status).toBe(401);
    expect((await call('/api/admin/account', { cookie: second })).status).toBe(401);
    const used = await call('/api/admin/sessions', { method: 'POST', body: { token: pendingLink } });
    expect(used.status).toBe(401);
    expect(ZErrorResponse.parse(used.json).error.code).toBe('LINK_INVALID');
    const mailsBefore = await settledMailTo(db, inboxUrl, target.email);
    expect((await call('/api/admin/sign-in', { method: 'POST', body: { email: target.email } })).status).toBe(
      202,
    );
    const mailsAfter = await settledMailTo(db, inboxUrl, target.email);
    expect(mailsAfter).toHaveLength(mailsBefore.length);
    const audit = await auditOf(torunLead);
    expect(
      audit.find((entry) => entry.subject === target.email && entry.event === 'sessions-revoked')?.details,
    ).toEqual(['zakończone sesje: 2']);
    expect(audit.some((entry) => entry.subject === target.email && entry.event === 'account-disabled')).toBe(
      true,
    );

    const enabled = await call(`${path}/enable`, { method: 'POST', cookie: torunLead, body: {} });
    expect(enabled.json).toMatchObject({ disabled: false });
    expect((await call('/api/admin/account', { cookie: await signInByLink(target.email) })).status).toBe(200);
  });
});

describe('sessions', () => {
  it("shows one's own live sessions and ends the others, logged", async () => {
    const me = user('coordinator', ['22']);
    const here = await sessionCookieFor(db, me);
    const elsewhere = await signInByLink(me.email);

    const own = ZOwnAccountResponse.parse((await call('/api/admin/account', { cookie: here })).json);
    expect(own.account).toMatchObject({ email: me.email, wojewodztwa: ['22'], disabled: false });
    expect(own.sessions).toHaveLength(2);
    expect(own.sessions.filter((session) => session.current)).toHaveLength(1);

    const ended = await call('/api/admin/account/end-other-sessions', {
      method: 'POST',
      cookie: here,
      body: {},
    });
    expect(ended.json).toEqual({ sessionsEnded: 1 });
    expect((await call('/api/admin/account', { cookie: elsewhere })).status).toBe(401);
    const after = ZOwnAccountResponse.parse((await call('/api/admin/account', { cookie: here })).json);
    expect(after.sessions.map((session) => session.current)).toEqual([true]);
    expect(
      (await auditOf(torunLead)).some(
        (entry) => entry.actor === me.email && entry.event === 'sessions-revoked',
      ),
    ).toBe(true);
  });

  it(`ends a session after ${SESSION_IDLE_MINUTES} minutes without a request, and each request renews it`, async () => {
    const me = user('coordinator', ['32']);
    const cookie = await sessionCookieFor(db, me);
    const token = cookie.split('=')[1];
    const at = (minutes: number) => ({ db, now: () => new Date(Date.now() + minutes * 60_000) });

    await expect(signedInUser(at(29), token)).resolves.toMatchObject({ email: me.email });
    await expect(signedInUser(at(58), token)).resolves.toMatchObject({ email: me.email });
    await expect(signedInUser(at(89), token)).rejects.toMatchObject({ code: 'SESSION_REQUIRED' });
    // Refused, it stays refused: a later request does not revive it.
    await expect(signedInUser(at(90), token)).rejects.toMatchObject({ code: 'SESSION_REQUIRED' });
  });

  it('logs a sign-out with whose session it was', async () => {
    const me = user('coordinator', ['28']);
    await sessionCookieFor(db, me);
    const cookie = await signInByLink(me.email);
    expect((await call('/api/admin/sign-out', { method: 'POST', cookie })).status).toBe(200);
    expect(
      (await auditOf(torunLead)).some((entry) => entry.actor === me.email && entry.event === 'signed-out'),
    ).toBe(true);
  });
});

describe('programmes and milestones', () => {
  const path = `/api/admin/programmes/${KOOPERACJA_EFEKTYWNA.id}`;

  it('lets the lead read and change its programme; a moved milestone is logged and read by everyone', async () => {
    const read = await call(path, { cookie: torunLead });
    expect(read.status).toBe(200);
    const programme = read.json.programme as TProgramme;
    const changed: TProgramme = {
      ...programme,
      description: `${programme.description} Zmieniony.`,
      milestones: programme.milestones.map((milestone) =>
        milestone.number === 2 ? { ...milestone, endsOn: '2020-12-31' } : milestone,
      ),
    };

    const response = await call(path, { method: 'PUT', cookie: torunLead, body: changed });

    expect(response.status).toBe(200);
    expect((await getProgramme(db, KOOPERACJA_EFEKTYWNA.id))?.milestones[1]?.endsOn).toBe('2020-12-31');
    const audit = await auditOf(torunLead);
    expect(audit.find((entry) => entry.event === 'milestone-dates-changed')).toMatchObject({
      subject: KOOPERACJA_EFEKTYWNA.id,
      details: ['KM 2 koniec: 2020-10-31 → 2020-12-31'],
    });
    expect(audit.find((entry) => entry.event === 'programme-changed')?.details).toEqual(['opis: zmieniony']);
    expect((await auditOf(rzeszowLead)).some((entry) => entry.event === 'milestone-dates-changed')).toBe(
      false,
    );
  });

  it("refuses the other programme's lead and a coordinator, with nothing changed", async () => {
    const body = { ...KOOPERACJA_EFEKTYWNA, name: 'Przejęty' };
    await expectRefused(() => call(path, { cookie: rzeszowLead }));
    await expectRefused(() => call(path, { cookie: olsztyn }));
    await expectRefused(() => call(path, { method: 'PUT', cookie: rzeszowLead, body }));
    await expectRefused(() => call(path, { method: 'PUT', cookie: olsztyn, body }));
    await expectRefused(() =>
      call(`/api/admin/programmes/${LIDERZY_KOOPERACJI.id}`, {
        method: 'PUT',
        cookie: torunLead,
        body: LIDERZY_KOOPERACJI,
      }),
    );
  });

  it('answers a milestone ending before it starts, and an unknown voivodeship, with 400, nothing changed', async () => {
    const early = {
      ...KOOPERACJA_EFEKTYWNA,
      milestones: [{ number: 1, name: 'KM I', startsOn: '2019-05-01', endsOn: '2019-04-30' }],
    };
    const unknown = { ...KOOPERACJA_EFEKTYWNA, wojewodztwa: [...KOOPERACJA_EFEKTYWNA.wojewodztwa, '99'] };
    for (const body of [early, unknown]) {
      const before = await snapshot();
      const response = await call(path, { method: 'PUT', cookie: torunLead, body });
      expect(response.status).toBe(400);
      expect(await snapshot()).toEqual(before);
    }
    const response = await call(path, { method: 'PUT', cookie: torunLead, body: early });
    expect(ZErrorResponse.parse(response.json).error.fields).toEqual({
      'milestones.0.endsOn': 'ends_before_start',
    });
  });

  it("creates a programme led by the lead's own ROPS; never one naming another lead's voivodeship", async () => {
    const fresh: TProgramme = {
      ...KOOPERACJA_EFEKTYWNA,
      id: `kooperacja-${randomUUID().slice(0, 8)}`,
      name: 'Kooperacja 2',
      milestones: [{ number: 1, name: 'KM I', startsOn: '2027-01-01', endsOn: '2027-06-30' }],
    };
    await expectRefused(() =>
      call('/api/admin/programmes', {
        method: 'POST',
        cookie: torunLead,
        body: { ...fresh, wojewodztwa: ['04', '18'] },
      }),
    );
    await expectRefused(() =>
      call('/api/admin/programmes', {
        method: 'POST',
        cookie: torunLead,
        body: { ...fresh, leadWojewodztwo: '28' },
      }),
    );
    await expectRefused(() =>
      call('/api/admin/programmes', { method: 'POST', cookie: olsztyn, body: fresh }),
    );

    const created = await call('/api/admin/programmes', { method: 'POST', cookie: torunLead, body: fresh });
    expect(created.status).toBe(201);
    expect(await getProgramme(db, fresh.id)).toEqual(fresh);
    await expectRefused(
      () => call('/api/admin/programmes', { method: 'POST', cookie: torunLead, body: fresh }),
      409,
    );
  });

  it('moves the planned reminders of a milestone whose end moved, and logs the move', async () => {
    const now = new Date();
    const year = now.getUTCFullYear() + 1;
    const programme: TProgramme = {
      ...KOOPERACJA_EFEKTYWNA,
      id: `kamienie-${randomUUID().slice(0, 8)}`,
      name: 'Kamienie w przyszłości',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      milestones: [{ number: 1, name: 'KM I', startsOn: `${year}-02-01`, endsOn: `${year}-05-31` }],
    };
    expect(
      (await call('/api/admin/programmes', { method: 'POST', cookie: torunLead, body: programme })).status,
    ).toBe(201);
    const sendsOf = async () =>
      (await listPlannedSends(db, now, new Date(`${year + 1}-01-01T00:00:00Z`)))
        .filter((send) => send.deadlineId === `km-${programme.id}-1-end`)
        .map((send) => send.sendAt.slice(0, 10))
        .sort();
    await syncDerivedDeadlines(db, now);
    const before = await sendsOf();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((day) => day <= `${year}-05-31`)).toBe(true);

    const moved = {
      ...programme,
      milestones: [
        { ...(programme.milestones[0] as TProgramme['milestones'][number]), endsOn: `${year}-07-31` },
      ],
    };
    const response = await call(`/api/admin/programmes/${programme.id}`, {
      method: 'PUT',
      cookie: torunLead,
      body: moved,
    });
    expect(response.status).toBe(200);
    await syncDerivedDeadlines(db, now);

    const after = await sendsOf();
    // None left at the old end; sends falling on a day off move to the working day before (may merge).
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((day) => day > `${year}-06-30` && day <= `${year}-07-31`)).toBe(true);
    expect(
      (await auditOf(torunLead)).find(
        (entry) => entry.event === 'milestone-dates-changed' && entry.subject === programme.id,
      )?.details,
    ).toEqual([`KM 1 koniec: ${year}-05-31 → ${year}-07-31`]);
  });

  it('refuses a new programme at the address of the form, and a coordinator, nothing changed', async () => {
    const body = { ...KOOPERACJA_EFEKTYWNA, id: 'nowy', name: 'Nowy' };
    await expectRefused(
      () => call('/api/admin/programmes', { method: 'POST', cookie: torunLead, body }),
      400,
    );
    await expectRefused(() =>
      call('/api/admin/programmes', {
        method: 'POST',
        cookie: olsztyn,
        body: { ...body, id: 'inny-program' },
      }),
    );
  });
});
