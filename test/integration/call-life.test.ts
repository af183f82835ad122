import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cancelCall, extendCall, runLeftCallJobs } from '../../functions/domain/call-life.ts';
import { getDraftByLink, updateDraft } from '../../functions/domain/drafts.ts';
import { sha256Hex } from '../../functions/lib/crypto.ts';
import { KOOPERACJA_EFEKTYWNA, loadDemoData } from '../../functions/local/demo-data.ts';
import { getStoredCall } from '../../functions/repositories/calls.ts';
import { DeleteCommand, GetCommand } from '../../functions/repositories/document.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { putOfficesUnlogged } from '../../functions/repositories/offices.ts';
import { createUserIfAbsent, type User } from '../../functions/repositories/users.ts';
import { storeAndMailDeps } from '../../functions/wiring.ts';
import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { ZCallResponse, ZOpenCallsResponse } from '../../shared/schemas/programme.ts';
import { warsawOffsetMinutes } from '../../shared/time.ts';
import { linkToken, sendCard, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi, TEST_VIEWER_HEADER } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * Calls over their life (issue 17) through the real handlers, DynamoDB Local, the SES emulator and s3rver:
 * ids from titles, editing before opening, extending and cancelling once open, invitations, attachments,
 * overlapping calls; access decided before anything changes, bad input refused with nothing changed.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
/** Coordinators of warmińsko-mazurskie (28) and of podlaskie (20, another programme's region). */
let olsztyn: string;
let other: string;

const VIEWER = `198.51.100.${Math.floor(Math.random() * 250) + 1}:443`;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
  olsztyn = await signedIn('coordinator', ['28']);
  other = await signedIn('coordinator', ['20']);
});
afterAll(() => api.close());

async function call(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; raw?: Uint8Array } = {},
) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      [TEST_VIEWER_HEADER]: VIEWER,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.raw ? { 'content-type': 'application/octet-stream' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.raw ? { body: init.raw as unknown as BodyInit } : {}),
  });
  const type = response.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    json: type.includes('json') && text ? JSON.parse(text) : undefined,
  };
}

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

/** Warsaw wall-clock "YYYY-MM-DDTHH:MM" of an instant `days` from now. */
function warsawIn(days: number): string {
  const instant = new Date(Date.now() + days * 86_400_000);
  return new Date(instant.getTime() + warsawOffsetMinutes(instant) * 60_000).toISOString().slice(0, 16);
}

/** A unique title (each test its own call) for urban-rural gminas of warmińsko-mazurskie. */
function entry(overrides: Record<string, unknown> = {}) {
  return {
    programmeId: KOOPERACJA_EFEKTYWNA.id,
    title: `Nabór gmin miejsko-wiejskich – Warmia i Mazury ${randomUUID().slice(0, 6)}`,
    wojewodztwa: ['28'],
    gminaKinds: ['miejsko-wiejska'],
    opensAt: warsawIn(-1),
    closesAt: warsawIn(20),
    formVersion: CARD_FORM_VERSION,
    rules: 'Regulamin w załączniku.',
    ...overrides,
  };
}

async function announce(overrides: Record<string, unknown> = {}) {
  const response = await call('/api/admin/calls', {
    method: 'POST',
    body: entry(overrides),
    cookie: olsztyn,
  });
  expect(response.status).toBe(201);
  return response.json as { id: string; revision?: number; overlaps: { id: string }[]; closesAt: string };
}

const mailsTo = async (address: string) => await settledMailTo(db, inboxUrl, address);

describe("a call's id is made from its title", () => {
  it('folds Polish letters into a slug and adds a suffix when the slug is taken', async () => {
    const title = `Zaproszenie gmin: Łódź, Żółć i Gęś ${randomUUID().slice(0, 4)}`;
    const first = await announce({ title });
    const second = await announce({ title });

    const slug = `zaproszenie-gmin-lodz-zolc-i-ges-${title.slice(-4).toLowerCase()}`;
    expect(first.id).toBe(slug);
    expect(second.id).toBe(`${slug}-2`);
  });

  it('still takes an id given, and refuses a taken one with 409 naming it', async () => {
    const id = `nabor-${randomUUID().slice(0, 8)}`;
    expect((await announce({ id })).id).toBe(id);
    const again = await call('/api/admin/calls', { method: 'POST', body: entry({ id }), cookie: olsztyn });
    expect(again.status).toBe(409);
    expect(again.json.error.fields).toEqual({ id: 'taken' });
  });

  it('warns of an overlapping call of the programme for the same voivodeship and kind, without refusing', async () => {
    const announced = await announce();
    // The demo's open call for urban-rural gminas of warmińsko-mazurskie overlaps it.
    expect(announced.overlaps.map((overlap) => overlap.id)).toContain('kooperacja-efektywna-28');
    const elsewhere = await announce({ gminaKinds: ['miejska'] });
    expect(elsewhere.overlaps.map((overlap) => overlap.id)).not.toContain('kooperacja-efektywna-28');
  });
});

describe('editing a call before it opens', () => {
  it('changes its dates, rules and voivodeships with the revision read, moving its list copies; 409 when stale', async () => {
    const lead = await signedIn('lead', ['04']);
    const created = await call('/api/admin/calls', {
      method: 'POST',
      body: entry({ opensAt: warsawIn(5), closesAt: warsawIn(30), wojewodztwa: ['28', '22'] }),
      cookie: lead,
    });
    expect(created.status).toBe(201);
    const { id } = created.json;
    const edit = {
      revision: 0,
      title: 'Nabór zmieniony',
      wojewodztwa: ['28'],
      gminaKinds: ['miejsko-wiejska'],
      opensAt: warsawIn(6),
      closesAt: warsawIn(40),
      rules: 'Nowe zasady.',
    };

    const edited = await call(`/api/admin/calls/${id}`, { method: 'PUT', body: edit, cookie: lead });

    expect(edited.status).toBe(200);
    expect(edited.json.call).toMatchObject({ title: 'Nabór zmieniony', wojewodztwa: ['28'], revision: 1 });
    const stored = await getStoredCall(db, id);
    expect(stored?.call.revision).toBe(1);
    // The copy of pomorskie is gone, warmińsko-mazurskie's carries the new closing in its sort key.
    const copies = (await tableSnapshot(db)).filter(
      (item) => item.pk === `CALL#${id}` && String(item.sk).startsWith('WOJ#'),
    );
    expect(copies.map((item) => item.sk)).toEqual(['WOJ#28']);
    expect(copies[0]?.gsi1sk).toBe(`${edited.json.call.closesAt}#${id}`);
    const managed = await call(`/api/admin/calls/${id}`, { cookie: lead });
    expect(managed.json.history.map((entry: { event: string }) => entry.event)).toEqual(['call-edited']);

    const before = await tableSnapshot(db);
    const staleEdit = await call(`/api/admin/calls/${id}`, { method: 'PUT', body: edit, cookie: lead });
    expect(staleEdit.status).toBe(409);
    expect(staleEdit.json.error.fields).toEqual({ revision: 'stale' });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('refuses an edit once the call is open (409 already_open), and a coordinator of another region (403), changing nothing', async () => {
    const { id } = await announce();
    const edit = {
      revision: 0,
      title: 'Zmiana',
      wojewodztwa: ['28'],
      gminaKinds: ['miejsko-wiejska'],
      opensAt: warsawIn(1),
      closesAt: warsawIn(30),
      rules: '',
    };
    const before = await tableSnapshot(db);

    const open = await call(`/api/admin/calls/${id}`, { method: 'PUT', body: edit, cookie: olsztyn });
    const forbidden = await call(`/api/admin/calls/${id}`, {
      method: 'PUT',
      body: { ...edit, wojewodztwa: ['20'] },
      cookie: other,
    });
    const forbiddenRead = await call(`/api/admin/calls/${id}`, { cookie: other });

    expect(open.status).toBe(409);
    expect(open.json.error.fields).toEqual({ call: 'already_open' });
    expect(forbidden.status).toBe(403);
    expect(forbiddenRead.status).toBe(403);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('extending an open call', () => {
  it('moves the closing later with a reason, logged, and tells each draft and card contact once', async () => {
    const { id } = await announce();
    const pisz = validAnswers('2816033');
    expect((await sendCard(api.url, id, pisz)).status).toBe(201);
    const draftEmail = `szkic.${randomUUID()}@gmina.example`;
    const draft = await fetch(`${api.url}/api/calls/${id}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: draftEmail, answers: { office: { teryt: '2815083' } } }),
    });
    expect(draft.status).toBe(201);
    const closesAt = warsawIn(25);

    const extended = await call(`/api/admin/calls/${id}/extension`, {
      method: 'POST',
      body: { revision: 0, closesAt, reason: 'Awaria poczty w gminach.' },
      cookie: olsztyn,
    });

    expect(extended.status).toBe(200);
    expect(extended.json.told).toBe(2);
    const publicCall = ZCallResponse.parse((await call(`/api/calls/${id}`)).json).call;
    expect(publicCall.closesAt).toBe(extended.json.call.closesAt);
    const listed = ZOpenCallsResponse.parse((await call('/api/calls?wojewodztwo=28')).json);
    expect(listed.calls.find((one) => one.id === id)?.closesAt).toBe(extended.json.call.closesAt);
    for (const address of [pisz.contacts.contact.email, draftEmail]) {
      await expect
        .poll(
          async () =>
            (await mailsTo(address)).filter((mail) => mail.subject.startsWith('Przedłużony')).length,
        )
        .toBe(1);
    }
    const history = (await call(`/api/admin/calls/${id}`, { cookie: olsztyn })).json.history;
    expect(history.at(-1)).toMatchObject({ event: 'call-extended' });
    expect(history.at(-1).details.join(' ')).toContain('Awaria poczty');
  });

  it('refuses a closing in the past or earlier than now set, a stale revision and another region, changing nothing', async () => {
    const { id } = await announce();
    const before = await tableSnapshot(db);
    const extend = (body: Record<string, unknown>, cookie = olsztyn) =>
      call(`/api/admin/calls/${id}/extension`, {
        method: 'POST',
        body: { revision: 0, reason: 'Powód.', ...body },
        cookie,
      });

    const past = await extend({ closesAt: warsawIn(-2) });
    const shorter = await extend({ closesAt: warsawIn(10) });
    const stale = await extend({ closesAt: warsawIn(30), revision: 3 });
    const forbidden = await extend({ closesAt: warsawIn(30) }, other);
    const noReason = await extend({ closesAt: warsawIn(30), reason: ' ' });

    expect([past.status, past.json.error.fields]).toEqual([400, { closesAt: 'closes_in_past' }]);
    expect([shorter.status, shorter.json.error.fields]).toEqual([400, { closesAt: 'not_later' }]);
    expect([stale.status, stale.json.error.fields]).toEqual([409, { revision: 'stale' }]);
    expect(forbidden.status).toBe(403);
    expect(noReason.status).toBe(400);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe("drafts over a call's extension", () => {
  it('keeps a draft saved before the extension usable after the old closing, until the new one', async () => {
    const { id, closesAt: oldClosing } = await announce();
    const email = `szkic.${randomUUID()}@gmina.example`;
    const saved = await fetch(`${api.url}/api/calls/${id}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TEST_VIEWER_HEADER]: VIEWER },
      body: JSON.stringify({ email, answers: { office: { teryt: '2815083' } } }),
    });
    expect(saved.status).toBe(201);
    await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
    const token = linkToken(
      (await mailsTo(email))[0] as NonNullable<Awaited<ReturnType<typeof mailsTo>>[number]>,
      '#szkic=',
    );
    const extended = await call(`/api/admin/calls/${id}/extension`, {
      method: 'POST',
      body: { revision: 0, closesAt: warsawIn(40), reason: 'Więcej czasu dla gmin.' },
      cookie: olsztyn,
    });
    expect(extended.status).toBe(200);
    const newClosing = extended.json.call.closesAt as string;
    const afterOld = { db, now: () => new Date(Date.parse(oldClosing) + 86_400_000) };

    const opened = await getDraftByLink(afterOld, token);
    const resaved = await updateDraft(afterOld, {
      token,
      answers: { office: { teryt: '2815083' }, partner: { powiatCode: '2815' } },
    });

    expect(opened.expiresAt).toBe(newClosing);
    expect(resaved.expiresAt).toBe(newClosing);
    // DynamoDB's TTL of the draft and of its link follows the new closing, so neither is deleted before it.
    const ttl = Math.ceil(Date.parse(newClosing) / 1000);
    const { Item: link } = await db.client.send(
      new GetCommand({ TableName: db.tableName, Key: keys.linkToken(sha256Hex(token)) }),
    );
    expect(link?.expiresAt).toBe(ttl);
    const afterNew = { db, now: () => new Date(Date.parse(newClosing) + 1) };
    await expect(getDraftByLink(afterNew, token)).rejects.toMatchObject({ code: 'LINK_INVALID' });
    await expect(updateDraft(afterNew, { token, answers: {} })).rejects.toMatchObject({
      code: 'LINK_INVALID',
    });
  });
});

describe("an extension's and a cancellation's e-mails when the request dies after its commit", () => {
  const user: TAdminUser = {
    email: 'koordynator.28@rops.example',
    name: 'K',
    role: 'coordinator',
    wojewodztwa: ['28'],
  };
  const crash = async () => {
    throw new Error('the function died after the commit');
  };

  it('are queued by the sweeper from the job written with the change, once each, drafts extended', async () => {
    const { id } = await announce();
    const pisz = validAnswers('2816033');
    expect((await sendCard(api.url, id, pisz)).status).toBe(201);
    const draftEmail = `szkic.${randomUUID()}@gmina.example`;
    const draft = await fetch(`${api.url}/api/calls/${id}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TEST_VIEWER_HEADER]: VIEWER },
      body: JSON.stringify({ email: draftEmail, answers: { office: { teryt: '2815083' } } }),
    });
    expect(draft.status).toBe(201);
    const deps = storeAndMailDeps();
    const extended = (address: string) =>
      mailsTo(address).then((mails) => mails.filter((mail) => mail.subject.startsWith('Przedłużony')).length);

    const piszBefore = await extended(pisz.contacts.contact.email);
    await expect(
      extendCall({ ...deps, runJob: crash }, user, id, {
        revision: 0,
        closesAt: warsawIn(30),
        reason: 'Awaria poczty.',
      }),
    ).rejects.toThrow('died after the commit');

    // Committed, with its job; nothing queued or sent yet.
    const stored = await getStoredCall(db, id);
    expect(stored?.call.revision).toBe(1);
    const { Item: job } = await db.client.send(
      new GetCommand({ TableName: db.tableName, Key: keys.callJob(id, 'extended-1') }),
    );
    expect(job).toBeDefined();
    expect(await extended(draftEmail)).toBe(0);
    // A sweep soon after leaves the job to the request that may still be running it.
    expect(await runLeftCallJobs(deps)).toBe(0);

    const later = { ...deps, now: () => new Date(Date.now() + 120_000) };
    expect(await runLeftCallJobs(later)).toBeGreaterThanOrEqual(1);
    expect(await runLeftCallJobs(later)).toBe(0);

    // Pisz's contact address is every test card's: counted from what it had before.
    await expect.poll(() => extended(pisz.contacts.contact.email)).toBe(piszBefore + 1);
    await expect.poll(() => extended(draftEmail)).toBe(1);
    const { Item: gone } = await db.client.send(
      new GetCommand({ TableName: db.tableName, Key: keys.callJob(id, 'extended-1') }),
    );
    expect(gone).toBeUndefined();
    const drafts = (await tableSnapshot(db)).filter((item) => item.type === 'draft' && item.callId === id);
    expect(drafts.map((item) => item.usableUntil)).toEqual([stored?.call.closesAt]);

    // The cancellation the same way: its e-mails come from the sweeper, once.
    await expect(
      cancelCall({ ...deps, runJob: crash }, user, id, { revision: 1, reason: 'Zmiana przepisów.' }),
    ).rejects.toThrow('died after the commit');
    expect(await runLeftCallJobs(later)).toBeGreaterThanOrEqual(1);
    await expect
      .poll(
        async () => (await mailsTo(draftEmail)).filter((mail) => mail.subject.startsWith('Odwołany')).length,
      )
      .toBe(1);
    expect(await runLeftCallJobs(later)).toBe(0);
  });
});

describe('cancelling a call', () => {
  it('says so publicly, takes it off the open list, tells the contacts and refuses cards with CALL_CANCELLED', async () => {
    const { id } = await announce();
    const reszel = validAnswers('2808053');
    expect((await sendCard(api.url, id, reszel)).status).toBe(201);
    const forbidden = await call(`/api/admin/calls/${id}/cancellation`, {
      method: 'POST',
      body: { revision: 0, reason: 'x' },
      cookie: other,
    });
    expect(forbidden.status).toBe(403);

    const cancelled = await call(`/api/admin/calls/${id}/cancellation`, {
      method: 'POST',
      body: { revision: 0, reason: 'Brak środków w budżecie projektu.' },
      cookie: olsztyn,
    });

    expect(cancelled.status).toBe(200);
    const publicCall = ZCallResponse.parse((await call(`/api/calls/${id}`)).json).call;
    expect(publicCall.cancelled?.reason).toBe('Brak środków w budżecie projektu.');
    const open = ZOpenCallsResponse.parse((await call('/api/calls')).json);
    expect(open.calls.map((one) => one.id)).not.toContain(id);
    await expect
      .poll(
        async () =>
          (await mailsTo(reszel.contacts.contact.email)).filter((mail) => mail.subject.startsWith('Odwołany'))
            .length,
      )
      .toBe(1);
    const before = await tableSnapshot(db);
    const late = await sendCard(api.url, id, validAnswers('2808043'));
    expect(late.status).toBe(410);
    expect(ZErrorResponse.parse(await late.json()).error.code).toBe('CALL_CANCELLED');
    const again = await call(`/api/admin/calls/${id}/cancellation`, {
      method: 'POST',
      body: { revision: 1, reason: 'Jeszcze raz.' },
      cookie: olsztyn,
    });
    expect([again.status, again.json.error.fields]).toEqual([409, { call: 'cancelled' }]);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('a call by invitation', () => {
  it('e-mails each invited office its link and takes cards only from the invited gminas', async () => {
    const { id } = await announce();
    const offices = {
      '2816033': `urzad.pisz.${randomUUID()}@pisz.example`,
      '2815083': `urzad.morag.${randomUUID()}@morag.example`,
      '2815073': `urzad.milomlyn.${randomUUID()}@milomlyn.example`,
      '2808043': `urzad.korsze.${randomUUID()}@korsze.example`,
      '2808053': `urzad.reszel.${randomUUID()}@reszel.example`,
    };

    const invited = await call(`/api/admin/calls/${id}/invitations`, {
      method: 'POST',
      body: { revision: 0, invitations: Object.entries(offices).map(([teryt, email]) => ({ teryt, email })) },
      cookie: olsztyn,
    });

    expect(invited.status).toBe(200);
    expect(invited.json.call.invited).toEqual(Object.keys(offices));
    for (const [teryt, email] of Object.entries(offices)) {
      await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
      expect((await mailsTo(email))[0]?.body.text).toContain(`/nabory/${id}?gmina=${teryt}`);
    }
    const before = await tableSnapshot(db);
    // Ruciane-Nida, urban-rural in the same powiat as Pisz, is not invited.
    const uninvited = await sendCard(api.url, id, validAnswers('2816043'));
    expect(uninvited.status).toBe(422);
    expect(ZErrorResponse.parse(await uninvited.json()).error).toMatchObject({
      code: 'GMINA_NOT_ELIGIBLE',
      fields: { 'answers.office.teryt': 'not_invited' },
    });
    expect(await tableSnapshot(db)).toEqual(before);
    expect((await sendCard(api.url, id, validAnswers('2815083'))).status).toBe(201);
  });

  it('refuses a gmina the call is not for, one invited twice, and a gmina of another region (403), changing nothing', async () => {
    const { id } = await announce();
    const before = await tableSnapshot(db);
    const invite = (invitations: unknown[], cookie = olsztyn) =>
      call(`/api/admin/calls/${id}/invitations`, {
        method: 'POST',
        body: { revision: 0, invitations },
        cookie,
      });

    // Olsztyn (2862011) is an urban gmina: the call is for urban-rural ones.
    const wrongKind = await invite([{ teryt: '2862011', email: 'a@olsztyn.example' }]);
    const twice = await invite([
      { teryt: '2816033', email: 'a@pisz.example' },
      { teryt: '2816033', email: 'b@pisz.example' },
    ]);
    const forbidden = await invite([{ teryt: '2816033', email: 'a@pisz.example' }], other);

    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.error.fields).toEqual({ 'invitations.0.teryt': 'wrong_kind' });
    expect(twice.status).toBe(400);
    expect(forbidden.status).toBe(403);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe("invitations at the office directory's address", () => {
  it('sends to the directory address when none is typed, to the typed one when given, and logs which', async () => {
    const { id } = await announce();
    const directory = {
      milomlyn: `urzad.milomlyn.${randomUUID()}@rejestr.example`,
      korsze: `urzad.korsze.${randomUUID()}@rejestr.example`,
    };
    const typed = `sekretariat.korsze.${randomUUID()}@korsze.example`;
    const changedAt = new Date().toISOString();
    await putOfficesUnlogged(db, [
      {
        teryt: '2815073',
        gminaName: 'Miłomłyn',
        email: directory.milomlyn,
        source: 'manual',
        changedAt,
        changedBy: 'test',
      },
      {
        teryt: '2808043',
        gminaName: 'Korsze',
        email: directory.korsze,
        source: 'manual',
        changedAt,
        changedBy: 'test',
      },
    ]);

    const invited = await call(`/api/admin/calls/${id}/invitations`, {
      method: 'POST',
      body: { revision: 0, invitations: [{ teryt: '2815073' }, { teryt: '2808043', email: typed }] },
      cookie: olsztyn,
    });

    expect(invited.status).toBe(200);
    await expect.poll(async () => (await mailsTo(directory.milomlyn)).length).toBe(1);
    expect((await mailsTo(directory.milomlyn))[0]?.body.text).toContain(`/nabory/${id}?gmina=2815073`);
    await expect.poll(async () => (await mailsTo(typed)).length).toBe(1);
    expect(await mailsTo(directory.korsze)).toHaveLength(0);
    const managed = await call(`/api/admin/calls/${id}`, { cookie: olsztyn });
    expect(managed.json.invitations.map((one: { email: string }) => one.email).sort()).toEqual(
      [directory.milomlyn, typed].sort(),
    );
    const details = managed.json.history.flatMap((entry: { details: string[] }) => entry.details);
    expect(details).toContain(`Miłomłyn (2815073): ${directory.milomlyn} (z rejestru urzędów)`);
    expect(details).toContain(`Korsze (2808043): ${typed} (adres podany)`);
  });

  it('names a gmina with no address in the directory and none typed, changing nothing', async () => {
    const { id } = await announce();
    await db.client.send(new DeleteCommand({ TableName: db.tableName, Key: keys.office('2808053') }));
    const before = await tableSnapshot(db);

    const response = await call(`/api/admin/calls/${id}/invitations`, {
      method: 'POST',
      body: {
        revision: 0,
        invitations: [{ teryt: '2816033', email: 'a@pisz.example' }, { teryt: '2808053' }],
      },
      cookie: olsztyn,
    });

    expect(response.status).toBe(400);
    expect(response.json.error.fields).toEqual({ 'invitations.1.email': 'no_office_address' });
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe("attachments of a call's rules", () => {
  const pdf = (size: number) => {
    const bytes = new Uint8Array(size);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    return bytes;
  };

  async function upload(id: string, parts: Uint8Array[], cookie = olsztyn) {
    const uploadId = randomUUID();
    const statuses: number[] = [];
    for (const [index, part] of parts.entries()) {
      statuses.push(
        (
          await call(`/api/admin/calls/${id}/attachments/uploads/${uploadId}/${index + 1}`, {
            method: 'PUT',
            raw: part,
            cookie,
          })
        ).status,
      );
    }
    return { uploadId, statuses };
  }

  it('stores a PDF, lists it on the public call with its size, and serves it from the same origin', async () => {
    const { id } = await announce();
    const file = pdf(50_000);
    const { uploadId, statuses } = await upload(id, [file]);
    expect(statuses).toEqual([201]);

    const added = await call(`/api/admin/calls/${id}/attachments`, {
      method: 'POST',
      body: { revision: 0, uploadId, parts: 1, name: 'Regulamin naboru – Olsztyn.pdf' },
      cookie: olsztyn,
    });

    expect(added.status).toBe(201);
    const publicCall = ZCallResponse.parse((await call(`/api/calls/${id}`)).json).call;
    expect(publicCall.attachments).toEqual([
      expect.objectContaining({
        name: 'Regulamin-naboru-Olsztyn.pdf',
        size: 50_000,
        contentType: 'application/pdf',
      }),
    ]);
    const attachmentId = publicCall.attachments?.[0]?.id;
    const download = await call(`/api/calls/${id}/attachments/${attachmentId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      'attachment; filename="Regulamin-naboru-Olsztyn.pdf"',
    );
    expect(download.bytes).toEqual(file);

    const removed = await call(`/api/admin/calls/${id}/attachments/${attachmentId}`, {
      method: 'DELETE',
      body: { revision: 1 },
      cookie: olsztyn,
    });
    expect(removed.status).toBe(200);
    expect(ZCallResponse.parse((await call(`/api/calls/${id}`)).json).call.attachments).toBeUndefined();
  });

  it('sends a file over 4 MiB by a 303 to a short-lived signed link', async () => {
    const { id } = await announce();
    const file = pdf(5 * 1024 * 1024);
    const { uploadId } = await upload(id, [file.slice(0, 4 * 1024 * 1024), file.slice(4 * 1024 * 1024)]);
    const added = await call(`/api/admin/calls/${id}/attachments`, {
      method: 'POST',
      body: { revision: 0, uploadId, parts: 2, name: 'wzor.pdf' },
      cookie: olsztyn,
    });
    expect(added.status).toBe(201);

    const download = await call(`/api/calls/${id}/attachments/${added.json.call.attachments[0].id}`);

    expect(download.status).toBe(303);
    const signed = await fetch(download.headers.get('location') as string);
    expect(signed.status).toBe(200);
    expect(new Uint8Array(await signed.arrayBuffer()).byteLength).toBe(file.byteLength);
  });

  it('refuses a file that is not a PDF, DOCX or ODT, one over 10 MB and another region, changing nothing', async () => {
    const { id } = await announce();
    const before = await tableSnapshot(db);
    const exe = new TextEncoder().encode('MZ\u0090\u0000 not a document');

    const notPdf = await upload(id, [exe]);
    const forbidden = await upload(id, [pdf(1000)], other);
    const tooLarge = await upload(id, [pdf(4 * 1024 * 1024), pdf(4 * 1024 * 1024), pdf(3 * 1024 * 1024)]);
    const addLarge = await call(`/api/admin/calls/${id}/attachments`, {
      method: 'POST',
      body: { revision: 0, uploadId: tooLarge.uploadId, parts: 3, name: 'duzy.pdf' },
      cookie: olsztyn,
    });

    expect(notPdf.statuses).toEqual([400]);
    expect(forbidden.statuses).toEqual([403]);
    expect(tooLarge.statuses).toEqual([201, 201, 201]);
    expect([addLarge.status, addLarge.json.error.fields]).toEqual([400, { file: 'attachment_too_large' }]);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});
