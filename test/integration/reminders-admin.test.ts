import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendReminder } from '../../functions/domain/send-reminder.ts';
import { config } from '../../functions/lib/config.ts';
import { LIDERZY_KOOPERACJI } from '../../functions/local/demo-data.ts';
import { createSesRawMailer, type RawMailer } from '../../functions/mail/raw-mailer.ts';
import { createProgramme } from '../../functions/repositories/programmes.ts';
import { getSuppression, putSuppression } from '../../functions/repositories/reminder-sends.ts';
import { createUserIfAbsent, type User } from '../../functions/repositories/users.ts';
import { addDays } from '../../shared/reminders/holidays.ts';
import {
  ZDeadline,
  ZSentRemindersResponse,
  ZUpcomingRemindersResponse,
} from '../../shared/schemas/reminders.ts';
import { warsawDate } from '../../shared/time.ts';
import { linkToken, sentMail } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/** The reminders' admin routes and the one-click unsubscribe, through the real handlers. */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
/** A coordinator of podlaskie (20), one of lubelskie (06), and the lead. */
let podlaskie: { cookie: string; email: string };
let lubelskie: { cookie: string; email: string };
let lead: { cookie: string; email: string };

const VIEWER = `198.51.100.${Math.floor(Math.random() * 250) + 1}:443`;

async function call(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'cloudfront-viewer-address': VIEWER,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function signedIn(role: User['role'], wojewodztwa: string[]) {
  const user = { email: `koordynator.${randomUUID()}@rops.example`, name: 'Koordynator', role, wojewodztwa };
  await createUserIfAbsent(db, user);
  expect((await call('/api/admin/sign-in', { method: 'POST', body: { email: user.email } })).status).toBe(
    202,
  );
  const mail = (await settledMailTo(db, inboxUrl, user.email)).at(0);
  const token = linkToken(mail as NonNullable<typeof mail>, '#t=');
  const response = await fetch(`${api.url}/api/admin/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cloudfront-viewer-address': VIEWER },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(200);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] as string, email: user.email };
}

beforeAll(async () => {
  api = await startApi();
  podlaskie = await signedIn('coordinator', ['20']);
  lubelskie = await signedIn('coordinator', ['06']);
  // The lead ROPS of Rzeszów reaches the voivodeships of the programme it leads.
  await createProgramme(db, LIDERZY_KOOPERACJI);
  lead = await signedIn('lead', ['18']);
});
afterAll(() => api.close());

/** Twenty days from today, at noon Warsaw time: its 14-, 7- and 1-day reminders are within the next 30 days. */
const dueDay = addDays(warsawDate(new Date()), 20);
function deadlineBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Spotkanie partnerów',
    description: 'Spotkanie w ROPS w Białymstoku.',
    dueAt: `${dueDay}T12:00`,
    wojewodztwa: ['20'],
    audience: ['coordinators'],
    ...overrides,
  };
}

describe('a coordinator’s own deadline', () => {
  it('is stored with its reminders planned at 08:00 Warsaw time', async () => {
    const { status, json } = await call('/api/admin/reminders/deadlines', {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: deadlineBody({ timeZone: 'Europe/Warsaw' }),
    });
    expect(status).toBe(201);
    const deadline = ZDeadline.parse(json.deadline);
    expect(deadline).toMatchObject({ kind: 'custom', wojewodztwa: ['20'], optional: true });
    expect(deadline.sends.length).toBeGreaterThanOrEqual(3);
    for (const send of deadline.sends)
      expect(
        new Intl.DateTimeFormat('pl-PL', {
          timeZone: 'Europe/Warsaw',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(send.at)),
      ).toBe('08:00');
  });

  it.each([
    ['a date in the past', { dueAt: '2020-01-10T12:00' }, 'dueAt', 'in_past'],
    ['a date that does not exist', { dueAt: '2031-02-30T12:00' }, 'dueAt', 'invalid_date'],
    ['a time the spring change skips', { dueAt: '2031-03-30T02:30' }, 'dueAt', 'not_in_warsaw'],
    ['another time zone', { timeZone: 'America/New_York' }, 'timeZone', 'unsupported_time_zone'],
    ['an offset after the deadline', { offsetsDays: [7, -1] }, 'offsetsDays.1', 'after_deadline'],
    ['an empty audience', { audience: [] }, 'audience', 'empty_audience'],
    [
      'no reminder left before it',
      { dueAt: `${addDays(warsawDate(new Date()), 1)}T07:00`, offsetsDays: [3] },
      'offsetsDays',
      'no_send_before_deadline',
    ],
    [
      'only a reminder on the day, of a deadline before 8:00',
      { dueAt: `${addDays(warsawDate(new Date()), 30)}T07:00`, offsetsDays: [0], avoidDaysOff: false },
      'offsetsDays',
      'before_send_hour',
    ],
    ['a call that does not exist', { callId: 'nie-ma-takiego' }, 'callId', 'not_found'],
  ])('refuses %s with the field named, and changes nothing', async (_, overrides, field, reason) => {
    const before = await tableSnapshot(db);
    const { status, json } = await call('/api/admin/reminders/deadlines', {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: deadlineBody(overrides),
    });
    expect(status).toBe(400);
    expect(json.error.fields).toMatchObject({ [field]: reason });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('is refused in another region’s voivodeship (403), before anything is read', async () => {
    const before = await tableSnapshot(db);
    const { status, json } = await call('/api/admin/reminders/deadlines', {
      method: 'POST',
      cookie: lubelskie.cookie,
      body: deadlineBody(),
    });
    expect(status).toBe(403);
    expect(json.error.code).toBe('FORBIDDEN');
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('the lists and the test e-mail', () => {
  let deadlineId: string;
  beforeAll(async () => {
    const { json } = await call('/api/admin/reminders/deadlines', {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: deadlineBody({ title: `Termin ${randomUUID().slice(0, 6)}` }),
    });
    deadlineId = json.deadline.id;
  });

  it('lists the upcoming reminders of the coordinator’s voivodeships with their recipients', async () => {
    const { status, json } = await call('/api/admin/reminders/upcoming', { cookie: podlaskie.cookie });
    expect(status).toBe(200);
    const { reminders } = ZUpcomingRemindersResponse.parse(json);
    const mine = reminders.filter((reminder) => reminder.deadlineId === deadlineId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    // The coordinators of podlaskie: this file's own one at least, named with their role.
    expect(mine[0]?.recipients).toBeGreaterThanOrEqual(1);
    expect(mine[0]?.addresses).toContainEqual({ email: podlaskie.email, role: 'coordinator' });
    expect(mine[0]?.addresses.length).toBe(Math.min(mine[0]?.recipients ?? 0, 50));
    const lubelskieView = await call('/api/admin/reminders/upcoming', { cookie: lubelskie.cookie });
    expect(
      ZUpcomingRemindersResponse.parse(lubelskieView.json).reminders.map((r) => r.deadlineId),
    ).not.toContain(deadlineId);
    const leadView = await call('/api/admin/reminders/upcoming', { cookie: lead.cookie });
    expect(ZUpcomingRemindersResponse.parse(leadView.json).reminders.map((r) => r.deadlineId)).toContain(
      deadlineId,
    );
  });

  it('leaves out of the upcoming recipients an address that bounced, as the sender skips it', async () => {
    const bounced = {
      email: `bounced.${randomUUID()}@rops.example`,
      name: 'Koordynator',
      role: 'coordinator',
    };
    await createUserIfAbsent(db, { ...bounced, role: 'coordinator', wojewodztwa: ['20'] });
    const mineNow = async () => {
      const { json } = await call('/api/admin/reminders/upcoming?wojewodztwo=20', {
        cookie: podlaskie.cookie,
      });
      return ZUpcomingRemindersResponse.parse(json).reminders.find((r) => r.deadlineId === deadlineId);
    };
    const before = await mineNow();
    expect(before?.addresses).toContainEqual({ email: bounced.email, role: 'coordinator' });
    await putSuppression(db, bounced.email, 'bounce', 'test', new Date());
    const after = await mineNow();
    expect(after?.addresses.map((address) => address.email)).not.toContain(bounced.email);
    expect(after?.recipients).toBe((before?.recipients ?? 0) - 1);
  });

  it('refuses another region’s lists (403) and a session-less request (401)', async () => {
    for (const path of [
      '/api/admin/reminders/upcoming?wojewodztwo=20',
      '/api/admin/reminders/sent?wojewodztwo=20',
    ]) {
      expect((await call(path, { cookie: lubelskie.cookie })).status).toBe(403);
      expect((await call(path)).status).toBe(401);
    }
  });

  it('logs what was sent and skipped, with the reason, per voivodeship', async () => {
    const address = `wojt.${randomUUID().slice(0, 8)}@gmina.example`;
    const now = new Date();
    await sendReminder(
      { db, mailer: createSesRawMailer(config()), now: () => now, siteUrl: 'http://localhost:5173' },
      { deadlineId, offsetDays: 7, email: address, role: 'gmina', wojewodztwo: '20' },
    );
    const { status, json } = await call('/api/admin/reminders/sent?wojewodztwo=20', {
      cookie: podlaskie.cookie,
    });
    expect(status).toBe(200);
    const log = ZSentRemindersResponse.parse(json).reminders;
    expect(log.find((entry) => entry.recipient === address)).toMatchObject({ status: 'sent', deadlineId });
    const other = await call('/api/admin/reminders/sent', { cookie: lubelskie.cookie });
    expect(ZSentRemindersResponse.parse(other.json).reminders.map((entry) => entry.recipient)).not.toContain(
      address,
    );
  });

  it('sends the test e-mail to the signed-in coordinator only; another region’s deadline is not found', async () => {
    const { status, json } = await call('/api/admin/reminders/test', {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: { deadlineId },
    });
    expect(status).toBe(200);
    expect(json.sentTo).toBe(podlaskie.email);
    await expect
      .poll(
        async () =>
          (await sentMail(inboxUrl)).filter(
            (mail) => mail.destination.to.includes(podlaskie.email) && mail.subject.startsWith('[TEST]'),
          ).length,
      )
      .toBe(1);
    const refused = await call('/api/admin/reminders/test', {
      method: 'POST',
      cookie: lubelskie.cookie,
      body: { deadlineId },
    });
    expect(refused.status).toBe(404);
    expect(
      (
        await call('/api/admin/reminders/test', {
          method: 'POST',
          cookie: lubelskie.cookie,
          body: { deadlineId: 'custom-none' },
        })
      ).status,
    ).toBe(404);
  });

  it('opts an address out with the one-click link of an optional reminder; the next one is skipped', async () => {
    const address = `rezygnacja.${randomUUID().slice(0, 8)}@gmina.example`;
    const real = createSesRawMailer(config());
    let unsubscribe = '';
    const capturing: RawMailer = {
      send: (mail) => {
        unsubscribe = /<(.*)>/.exec(mail.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
        expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
        return real.send(mail);
      },
    };
    const now = new Date();
    const deps = { db, mailer: capturing, now: () => now, siteUrl: api.url };
    await sendReminder(deps, {
      deadlineId,
      offsetDays: 14,
      email: address,
      role: 'gmina',
      wojewodztwo: '20',
    });
    expect(unsubscribe).toMatch(/\/api\/reminders\/unsubscribe\?t=/);
    const forged = await fetch(
      unsubscribe.replace(/.(?=$)/, (c) => (c === 'A' ? 'B' : 'A')),
      { method: 'POST' },
    );
    expect(forged.status).toBe(401);
    // As a mail client does it (RFC 8058): a form-encoded POST.
    const response = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect((await getSuppression(db, address)).optedOutAt).toBeDefined();
    expect(
      await sendReminder(deps, {
        deadlineId,
        offsetDays: 7,
        email: address,
        role: 'gmina',
        wojewodztwo: '20',
      }),
    ).toBe('skipped');
  });
});
