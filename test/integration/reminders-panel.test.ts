import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendReminder } from '../../functions/domain/send-reminder.ts';
import { config } from '../../functions/lib/config.ts';
import { createSesRawMailer } from '../../functions/mail/raw-mailer.ts';
import { putOptOut, putSuppression } from '../../functions/repositories/reminder-sends.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { addDays } from '../../shared/reminders/holidays.ts';
import {
  ZDeadline,
  ZReminderPreviewResponse,
  ZSuppressedAddressesResponse,
  ZUpcomingRemindersResponse,
} from '../../shared/schemas/reminders.ts';
import { warsawDate } from '../../shared/time.ts';
import { linkToken, sentMail } from '../support/cards.ts';
import { testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * What the panel's reminders screen reads besides the lists: a deadline's e-mail previewed (sent to
 * nobody), the voivodeship's addresses that bounced, complained or opted out, the audience of upcoming
 * reminders, and a deadline whose sends stay on weekends when asked.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
let podlaskie: { cookie: string; email: string };
let lubelskie: { cookie: string; email: string };

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

async function signedIn(wojewodztwa: string[]) {
  const user = {
    email: `koordynator.${randomUUID()}@rops.example`,
    name: 'Koordynator',
    role: 'coordinator' as const,
    wojewodztwa,
  };
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

const dueDay = addDays(warsawDate(new Date()), 20);
let deadlineId: string;
const title = `Sprawozdanie ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  api = await startApi();
  podlaskie = await signedIn(['20']);
  lubelskie = await signedIn(['06']);
  const { status, json } = await call('/api/admin/reminders/deadlines', {
    method: 'POST',
    cookie: podlaskie.cookie,
    body: {
      title,
      description: 'Sprawozdanie z pierwszego kwartału.',
      dueAt: `${dueDay}T12:00`,
      wojewodztwa: ['20'],
      audience: ['coordinators', 'ops'],
    },
  });
  expect(status).toBe(201);
  deadlineId = json.deadline.id;
});
afterAll(() => api.close());

describe('a reminder previewed', () => {
  it('is the e-mail as it would go now, sent to nobody', async () => {
    const before = (await sentMail(inboxUrl)).length;
    const { status, json } = await call(
      `/api/admin/reminders/preview?${new URLSearchParams({ wojewodztwo: '20', deadlineId })}`,
      { cookie: podlaskie.cookie },
    );
    expect(status).toBe(200);
    const preview = ZReminderPreviewResponse.parse(json);
    expect(preview.subject).toContain(title);
    expect(preview.text).toContain('Sprawozdanie z pierwszego kwartału.');
    // Optional by default: it says how to unsubscribe, as the e-mail does.
    expect(preview.text).toContain('Anuluj subskrypcję');
    expect(preview.html).toContain('<html lang="pl">');
    expect((await sentMail(inboxUrl)).length).toBe(before);
  });

  it('is refused in another region’s voivodeship (403) and not found through one’s own (404)', async () => {
    const theirs = new URLSearchParams({ wojewodztwo: '20', deadlineId });
    expect((await call(`/api/admin/reminders/preview?${theirs}`, { cookie: lubelskie.cookie })).status).toBe(
      403,
    );
    const own = new URLSearchParams({ wojewodztwo: '06', deadlineId });
    const refused = await call(`/api/admin/reminders/preview?${own}`, { cookie: lubelskie.cookie });
    expect(refused.status).toBe(404);
    expect(refused.json.error.code).toBe('NOT_FOUND');
    expect((await call(`/api/admin/reminders/preview?${theirs}`)).status).toBe(401);
  });
});

describe('the addresses reminders no longer reach', () => {
  it('lists the voivodeship’s bounced, complained and opted-out addresses, newest first', async () => {
    const tag = randomUUID().slice(0, 8);
    const [bounced, complained, optedOut, fine] = ['odbita', 'skarga', 'rezygnacja', 'dobra'].map(
      (name) => `${name}.${tag}@gmina.example`,
    ) as [string, string, string, string];
    const now = new Date();
    const deps = { db, mailer: createSesRawMailer(config()), now: () => now, siteUrl: api.url };
    for (const email of [bounced, complained, optedOut, fine])
      await sendReminder(deps, { deadlineId, offsetDays: 14, email, role: 'ops', wojewodztwo: '20' });
    await putSuppression(db, bounced, 'bounce', 'Permanent: General', new Date(now.getTime() + 1000));
    await putSuppression(db, complained, 'complaint', 'abuse', new Date(now.getTime() + 2000));
    await putOptOut(db, optedOut, new Date(now.getTime() + 3000));

    const { status, json } = await call('/api/admin/reminders/suppressed?wojewodztwo=20', {
      cookie: podlaskie.cookie,
    });
    expect(status).toBe(200);
    const mine = ZSuppressedAddressesResponse.parse(json).addresses.filter((a) => a.email.includes(tag));
    expect(mine.map((address) => [address.email, address.reason, address.role])).toEqual([
      [optedOut, 'opted-out', 'ops'],
      [complained, 'complaint', 'ops'],
      [bounced, 'bounce', 'ops'],
    ]);
  });

  it('are refused for another region’s voivodeship (403) and without a session (401)', async () => {
    const other = await call('/api/admin/reminders/suppressed?wojewodztwo=20', { cookie: lubelskie.cookie });
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('FORBIDDEN');
    expect((await call('/api/admin/reminders/suppressed?wojewodztwo=20')).status).toBe(401);
    expect((await call('/api/admin/reminders/suppressed', { cookie: podlaskie.cookie })).status).toBe(400);
  });
});

describe('upcoming reminders and the weekend policy', () => {
  it('names the audience of each upcoming reminder', async () => {
    const { json } = await call('/api/admin/reminders/upcoming?wojewodztwo=20', { cookie: podlaskie.cookie });
    const mine = ZUpcomingRemindersResponse.parse(json).reminders.filter((r) => r.deadlineId === deadlineId);
    expect(mine.length).toBeGreaterThan(0);
    for (const reminder of mine) expect(reminder.audience).toEqual(['coordinators', 'ops']);
  });

  it('keeps a send on a Saturday when asked not to move it off days off', async () => {
    // A Monday three to four weeks ahead; two days before it is a Saturday.
    let monday = addDays(warsawDate(new Date()), 21);
    while (new Date(`${monday}T12:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
    const body = (avoidDaysOff?: boolean) => ({
      title: 'Spotkanie w poniedziałek',
      description: '',
      dueAt: `${monday}T10:00`,
      wojewodztwa: ['20'],
      audience: ['coordinators'],
      offsetsDays: [2],
      ...(avoidDaysOff === undefined ? {} : { avoidDaysOff }),
    });
    const kept = await call('/api/admin/reminders/deadlines', {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: body(false),
    });
    expect(kept.status).toBe(201);
    const keptDeadline = ZDeadline.parse(kept.json.deadline);
    expect(keptDeadline.policy.avoidDaysOff).toBe(false);
    expect(warsawDate(new Date(keptDeadline.sends[0]?.at as string))).toBe(addDays(monday, -2));
    const moved = await call('/api/admin/reminders/deadlines', {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: body(),
    });
    const movedDeadline = ZDeadline.parse(moved.json.deadline);
    expect(movedDeadline.policy.avoidDaysOff).toBe(true);
    expect(warsawDate(new Date(movedDeadline.sends[0]?.at as string)) < addDays(monday, -2)).toBe(true);
  });
});
