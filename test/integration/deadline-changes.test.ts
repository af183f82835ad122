import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syncDerivedDeadlines } from '../../functions/domain/reminder-deadlines.ts';
import { sendReminder } from '../../functions/domain/send-reminder.ts';
import { config } from '../../functions/lib/config.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { createSesRawMailer } from '../../functions/mail/raw-mailer.ts';
import { getSend } from '../../functions/repositories/reminder-sends.ts';
import type { User } from '../../functions/repositories/users.ts';
import { addDays } from '../../shared/reminders/holidays.ts';
import {
  type TListedDeadline,
  ZDeadlineResponse,
  ZDeadlinesResponse,
  ZUpcomingRemindersResponse,
} from '../../shared/schemas/reminders.ts';
import { warsawDate, warsawLocalToInstant } from '../../shared/time.ts';
import { sentMail } from '../support/cards.ts';
import { tableItems, tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { useMailPipeline } from '../support/mail.ts';
import { sessionCookieFor } from '../support/review-cards.ts';

/**
 * A voivodeship's deadlines ahead, and a coordinator's own one changed or called off, through the real
 * handlers on DynamoDB Local: each route refused from another region with nothing changed, a change read at
 * an older revision refused, the planned sends following the new day, and a cancelled deadline's queued
 * reminder skipped by the sender.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
let podlaskie: { cookie: string; email: string };
let lubelskie: { cookie: string; email: string };
/** Sees podlaskie and lubelskie: may change only a deadline of exactly the voivodeships it names. */
let both: { cookie: string; email: string };

const VIEWER = `198.51.100.${Math.floor(Math.random() * 250) + 1}:443`;
const today = warsawDate(new Date());

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
  const email = `koordynator.${randomUUID()}@rops.example`;
  return { cookie: await sessionCookieFor(db, { email, name: 'Koordynator', role, wojewodztwa }), email };
}

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(db, new Date());
  await syncDerivedDeadlines(db, new Date());
  podlaskie = await signedIn('coordinator', ['20']);
  lubelskie = await signedIn('coordinator', ['06']);
  both = await signedIn('coordinator', ['20', '06']);
});
afterAll(() => api.close());

async function created(days: number, overrides: Record<string, unknown> = {}): Promise<TListedDeadline> {
  const { status, json } = await call('/api/admin/reminders/deadlines', {
    method: 'POST',
    cookie: podlaskie.cookie,
    body: {
      title: `Sprawozdanie ${randomUUID().slice(0, 6)}`,
      description: 'Sprawozdanie z realizacji projektu socjalnego.',
      dueAt: `${addDays(today, days)}T12:00`,
      wojewodztwa: ['20'],
      audience: ['coordinators'],
      ...overrides,
    },
  });
  expect(status).toBe(201);
  return listedOf(json.deadline.id, podlaskie.cookie);
}

async function listed(wojewodztwo: string, cookie: string) {
  const { status, json } = await call(`/api/admin/reminders/deadlines?wojewodztwo=${wojewodztwo}`, {
    cookie,
  });
  expect(status).toBe(200);
  return ZDeadlinesResponse.parse(json).deadlines;
}

async function listedOf(id: string, cookie: string): Promise<TListedDeadline> {
  const found = (await listed('20', cookie)).filter((deadline) => deadline.id === id);
  expect(found).toHaveLength(1);
  return found[0] as TListedDeadline;
}

function changeOf(deadline: TListedDeadline, overrides: Record<string, unknown> = {}) {
  return {
    title: deadline.title,
    description: deadline.description,
    dueAt: new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Warsaw',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(new Date(deadline.dueAt))
      .replace(' ', 'T'),
    wojewodztwa: deadline.wojewodztwa,
    offsetsDays: deadline.policy.offsetsDays,
    revision: deadline.revision,
    ...overrides,
  };
}

const path = (id: string) => `/api/admin/reminders/deadlines/${id}`;

describe('the deadlines ahead', () => {
  it('lists every deadline of the voivodeship still ahead, soonest first, months away too; own ones editable', async () => {
    const far = await created(75);
    const deadlines = await listed('20', podlaskie.cookie);
    expect(far).toMatchObject({ kind: 'custom', revision: 0, editable: true, createdBy: podlaskie.email });
    // 75 days ahead: none of its reminders is in the next 30 days' list.
    const upcoming = await call('/api/admin/reminders/upcoming?wojewodztwo=20', { cookie: podlaskie.cookie });
    expect(
      ZUpcomingRemindersResponse.parse(upcoming.json).reminders.map((reminder) => reminder.deadlineId),
    ).not.toContain(far.id);
    // The demo's calls and milestones are there too, and follow their source: not editable here.
    const derived = deadlines.filter((deadline) => deadline.kind !== 'custom');
    expect(derived.length).toBeGreaterThan(0);
    for (const deadline of derived) expect(deadline.editable).toBe(false);
    const instants = deadlines.map((deadline) => deadline.dueAt);
    expect(instants).toEqual([...instants].sort());
    for (const instant of instants) expect(Date.parse(instant)).toBeGreaterThan(Date.now());
    expect(deadlines.every((deadline) => deadline.wojewodztwa.includes('20'))).toBe(true);
  });

  it('is refused for another region (403) before anything is read, and without a session (401)', async () => {
    const refused = await call('/api/admin/reminders/deadlines?wojewodztwo=20', { cookie: lubelskie.cookie });
    expect([refused.status, refused.json.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await call('/api/admin/reminders/deadlines?wojewodztwo=20')).status).toBe(401);
    const own = await listed('06', lubelskie.cookie);
    expect(own.every((deadline) => deadline.wojewodztwa.includes('06'))).toBe(true);
    expect(
      (await call('/api/admin/reminders/deadlines?wojewodztwo=2', { cookie: podlaskie.cookie })).status,
    ).toBe(400);
  });
});

describe('a coordinator’s own deadline changed', () => {
  it('moves its day, wording and reminders over the revision read; the planned sends and the list follow', async () => {
    const before = await created(60);
    const newDay = addDays(today, 20);
    const { status, json } = await call(path(before.id), {
      method: 'PUT',
      cookie: podlaskie.cookie,
      body: changeOf(before, {
        title: 'Sprawozdanie — nowy termin',
        dueAt: `${newDay}T15:00`,
        offsetsDays: [7, 1],
        avoidDaysOff: false,
      }),
    });
    expect(status).toBe(200);
    const after = ZDeadlineResponse.parse(json).deadline;
    expect(after).toMatchObject({
      id: before.id,
      title: 'Sprawozdanie — nowy termin',
      dueAt: warsawLocalToInstant(`${newDay}T15:00`).toISOString(),
      revision: 1,
      editable: true,
    });
    expect(after.sends.map((send) => send.offsetDays)).toEqual([7, 1]);
    // Listed once, at its new day.
    expect(await listedOf(before.id, podlaskie.cookie)).toEqual(after);
    // Now within 30 days: the next month's list has exactly its two new reminders.
    const upcoming = await call('/api/admin/reminders/upcoming?wojewodztwo=20', { cookie: podlaskie.cookie });
    const mine = ZUpcomingRemindersResponse.parse(upcoming.json).reminders.filter(
      (reminder) => reminder.deadlineId === before.id,
    );
    expect(mine.map((reminder) => [reminder.offsetDays, reminder.sendAt])).toEqual(
      after.sends.map((send) => [send.offsetDays, send.at]),
    );
    // Only the planned sends of the new version are stored.
    const sends = (await tableItems(db)).filter(
      (item) => item.pk === `DEADLINE#${before.id}` && String(item.sk).startsWith('SEND#'),
    );
    expect(sends.map((item) => item.offsetDays).sort()).toEqual([1, 7]);
    // The audit log says who changed what.
    const audit = (await tableItems(db)).filter(
      (item) => item.type === 'audit' && item.event === 'deadline-changed' && item.actor === podlaskie.email,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toContain(`title: „${before.title}” → „Sprawozdanie — nowy termin”`);
  });

  it('refuses a change read at an older revision (409), and of two at once keeps one', async () => {
    const deadline = await created(40);
    const [first, second] = await Promise.all([
      call(path(deadline.id), {
        method: 'PUT',
        cookie: podlaskie.cookie,
        body: changeOf(deadline, { title: 'A' }),
      }),
      call(path(deadline.id), {
        method: 'PUT',
        cookie: podlaskie.cookie,
        body: changeOf(deadline, { title: 'B' }),
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const conflict = first.status === 409 ? first : second;
    expect(conflict.json.error).toMatchObject({ code: 'CONFLICT', fields: { revision: 'stale' } });
    const before = await tableSnapshot(db);
    const stale = await call(path(deadline.id), {
      method: 'PUT',
      cookie: podlaskie.cookie,
      body: changeOf(deadline, { title: 'C' }),
    });
    expect(stale.status).toBe(409);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it.each([
    ['a day in the past', { dueAt: '2020-01-10T12:00' }, 'dueAt', 'in_past'],
    ['an offset after the deadline', { offsetsDays: [7, -1] }, 'offsetsDays.1', 'after_deadline'],
    ['an empty title', { title: '' }, 'title', undefined],
    ['another time zone', { timeZone: 'America/New_York' }, 'timeZone', 'unsupported_time_zone'],
    [
      'no reminder left',
      { dueAt: `${addDays(today, 1)}T07:00`, offsetsDays: [3] },
      'offsetsDays',
      'no_send_before_deadline',
    ],
  ])('refuses %s with the field named (400), and changes nothing', async (_, overrides, field, reason) => {
    const deadline = await created(30);
    const before = await tableSnapshot(db);
    const { status, json } = await call(path(deadline.id), {
      method: 'PUT',
      cookie: podlaskie.cookie,
      body: changeOf(deadline, overrides),
    });
    expect(status).toBe(400);
    expect(Object.keys(json.error.fields)).toContain(field);
    if (reason) expect(json.error.fields[field]).toBe(reason);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('is refused from another region (403) before anything is read; a deadline not there is not found', async () => {
    const deadline = await created(30);
    const before = await tableSnapshot(db);
    const other = await call(path(deadline.id), {
      method: 'PUT',
      cookie: lubelskie.cookie,
      body: changeOf(deadline, { title: 'Obcy' }),
    });
    expect([other.status, other.json.error.code]).toEqual([403, 'FORBIDDEN']);
    // Naming lubelskie as the deadline's voivodeship does not help: the deadline is podlaskie's only.
    const misnamed = await call(path(deadline.id), {
      method: 'PUT',
      cookie: lubelskie.cookie,
      body: changeOf(deadline, { wojewodztwa: ['06'] }),
    });
    expect(misnamed.status).toBe(404);
    const wider = await call(path(deadline.id), {
      method: 'PUT',
      cookie: both.cookie,
      body: changeOf(deadline, { wojewodztwa: ['20', '06'] }),
    });
    expect(wider.status).toBe(404);
    for (const id of ['custom-nie-ma-takiego', 'ZLY']) {
      const missing = await call(path(id), {
        method: 'PUT',
        cookie: podlaskie.cookie,
        body: changeOf(deadline),
      });
      expect(missing.status).toBe(404);
    }
    expect((await call(path(deadline.id), { method: 'PUT', body: changeOf(deadline) })).status).toBe(401);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it("refuses to change a call's closing here (409 naming why): it follows its call", async () => {
    const closing = (await listed('20', podlaskie.cookie)).find(
      (deadline) => deadline.kind === 'call-closing' && deadline.wojewodztwa.join() === '20',
    );
    if (!closing) throw new Error('the demo data has no call of podlaskie open');
    const before = await tableSnapshot(db);
    const { status, json } = await call(path(closing.id), {
      method: 'PUT',
      cookie: podlaskie.cookie,
      body: changeOf(closing),
    });
    expect([status, json.error.fields]).toEqual([409, { deadlineId: 'not_editable' }]);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('a coordinator’s own deadline called off', () => {
  it('leaves the lists, plans nothing more, and a reminder already queued is skipped by the sender', async () => {
    const deadline = await created(10);
    const refused = await call(`${path(deadline.id)}/cancellation`, {
      method: 'POST',
      cookie: lubelskie.cookie,
      body: { wojewodztwa: ['20'], revision: 0 },
    });
    expect(refused.status).toBe(403);
    const stale = await call(`${path(deadline.id)}/cancellation`, {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: { wojewodztwa: ['20'], revision: 3 },
    });
    expect([stale.status, stale.json.error.fields]).toEqual([409, { revision: 'stale' }]);

    const { status, json } = await call(`${path(deadline.id)}/cancellation`, {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: { wojewodztwa: ['20'], revision: 0 },
    });
    expect(status).toBe(200);
    expect(json.cancelled).toBe(deadline.id);
    expect((await listed('20', podlaskie.cookie)).map((listedOne) => listedOne.id)).not.toContain(
      deadline.id,
    );
    const upcoming = await call('/api/admin/reminders/upcoming?wojewodztwo=20', { cookie: podlaskie.cookie });
    expect(
      ZUpcomingRemindersResponse.parse(upcoming.json).reminders.map((reminder) => reminder.deadlineId),
    ).not.toContain(deadline.id);
    const items = await tableItems(db);
    expect(items.filter((item) => item.pk === `DEADLINE#${deadline.id}`).map((item) => item.sk)).toEqual([
      'DEADLINE',
    ]);
    expect(items.some((item) => item.event === 'deadline-cancelled' && item.actor === podlaskie.email)).toBe(
      true,
    );

    // Queued by the planner before it was called off: the sender records it skipped and sends nothing.
    const email = `wojt.${randomUUID().slice(0, 8)}@gmina.example`;
    const outcome = await sendReminder(
      { db, mailer: createSesRawMailer(config()), now: () => new Date(), siteUrl: 'http://localhost:5173' },
      { deadlineId: deadline.id, offsetDays: 7, email, role: 'gmina', wojewodztwo: '20' },
    );
    expect(outcome).toBe('skipped');
    expect(await getSend(db, { deadlineId: deadline.id, offsetDays: 7, email })).toMatchObject({
      status: 'skipped',
      reason: 'deadline-cancelled',
    });
    expect((await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(email))).toEqual([]);

    // Gone for the panel: no preview, no test, no second cancellation, no change.
    const preview = await call(`/api/admin/reminders/preview?wojewodztwo=20&deadlineId=${deadline.id}`, {
      cookie: podlaskie.cookie,
    });
    expect(preview.status).toBe(404);
    const again = await call(`${path(deadline.id)}/cancellation`, {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: { wojewodztwa: ['20'], revision: 1 },
    });
    expect(again.status).toBe(404);
    const change = await call(path(deadline.id), {
      method: 'PUT',
      cookie: podlaskie.cookie,
      body: changeOf(deadline, { revision: 1 }),
    });
    expect(change.status).toBe(404);
  });

  it('refuses a body that is not one (400) and changes nothing', async () => {
    const deadline = await created(12);
    const before = await tableSnapshot(db);
    for (const body of [
      {},
      { wojewodztwa: ['20'] },
      { wojewodztwa: ['20'], revision: -1 },
      { wojewodztwa: [], revision: 0 },
    ]) {
      const response = await call(`${path(deadline.id)}/cancellation`, {
        method: 'POST',
        cookie: podlaskie.cookie,
        body,
      });
      expect(response.status).toBe(400);
    }
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('a call called off', () => {
  it('has its closing called off by the planner: not listed, and a reminder already queued is skipped', async () => {
    const closing = (await listed('20', podlaskie.cookie)).find(
      (deadline) => deadline.kind === 'call-closing' && deadline.wojewodztwa.join() === '20',
    );
    if (!closing?.callId) throw new Error('the demo data has no call of podlaskie open');
    const { json: read } = await call(`/api/calls/${closing.callId}`);
    const cancelled = await call(`/api/admin/calls/${closing.callId}/cancellation`, {
      method: 'POST',
      cookie: podlaskie.cookie,
      body: { revision: read.call.revision ?? 0, reason: 'Zmiana zasad projektu.' },
    });
    expect(cancelled.status).toBe(200);

    expect(await syncDerivedDeadlines(db, new Date())).toBeGreaterThanOrEqual(1);
    expect((await listed('20', podlaskie.cookie)).map((deadline) => deadline.id)).not.toContain(closing.id);
    const sends = (await tableItems(db)).filter(
      (item) => item.pk === `DEADLINE#${closing.id}` && String(item.sk).startsWith('SEND#'),
    );
    expect(sends).toEqual([]);
    // The next run leaves it as it is.
    const before = await tableSnapshot(db);
    expect(await syncDerivedDeadlines(db, new Date())).toBe(0);
    expect(await tableSnapshot(db)).toEqual(before);

    const email = `szkic.${randomUUID().slice(0, 8)}@gmina.example`;
    const outcome = await sendReminder(
      { db, mailer: createSesRawMailer(config()), now: () => new Date(), siteUrl: 'http://localhost:5173' },
      { deadlineId: closing.id, offsetDays: 1, email, role: 'draft', wojewodztwo: '20' },
    );
    expect(outcome).toBe('skipped');
    expect((await getSend(db, { deadlineId: closing.id, offsetDays: 1, email }))?.reason).toBe(
      'deadline-cancelled',
    );
  });
});
