import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decideCard, formalCheck, scoreCard } from '../../functions/domain/assess-card.ts';
import { changeCard } from '../../functions/domain/change-card.ts';
import { withdrawCard } from '../../functions/domain/withdraw-card.ts';
import { config } from '../../functions/lib/config.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { createSesMailer } from '../../functions/mail/mailer.ts';
import { createCall, getCall } from '../../functions/repositories/calls.ts';
import { QueryCommand } from '../../functions/repositories/document.ts';
import { createUserIfAbsent, type User } from '../../functions/repositories/users.ts';
import { LIDERZY_RULE_SET } from '../../shared/review/scoring.ts';
import { ZAdminCardView } from '../../shared/schemas/admin.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import { ZCallRules, ZReviewStepResult } from '../../shared/schemas/review.ts';
import { ZCardView, ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { warsawDate } from '../../shared/time.ts';
import { linkToken, sendCard, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * Assessing cards in the panel through the real handlers, DynamoDB Local and the SES emulator: the review
 * steps, their audit log and e-mails, the gmina's correction through its link, access from another region.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
/** Podkarpackie's call; the other region is podlaskie's. */
const CALL = 'liderzy-kooperacji-18';
const DAY = 86_400_000;
let call: TCall;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
  call = (await getCall(db, CALL)) as TCall;
});
afterAll(() => api.close());

const VIEWER = `198.51.100.${Math.floor(Math.random() * 250) + 1}:443`;

async function request(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; token?: string } = {},
) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'cloudfront-viewer-address': VIEWER,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function mailTo(email: string) {
  return await settledMailTo(db, inboxUrl, email);
}

async function signIn(role: User['role'], wojewodztwa: string[]): Promise<{ cookie: string; email: string }> {
  const email = `koordynator.${randomUUID()}@rops.example`;
  await createUserIfAbsent(db, { email, name: 'Koordynator', role, wojewodztwa });
  expect((await request('/api/admin/sign-in', { method: 'POST', body: { email } })).status).toBe(202);
  const token = linkToken((await mailTo(email)).at(-1) as never, '#t=');
  const response = await fetch(`${api.url}/api/admin/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cloudfront-viewer-address': VIEWER },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(200);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] as string, email };
}

/** A card of a podkarpackie gmina with its own contact and OPS addresses (the SES store is shared). */
async function sentCard(teryt: string, callId = CALL) {
  const answers = validAnswers(teryt);
  answers.contacts.contact.email = `kontakt.${randomUUID()}@gmina.example`;
  answers.contacts.ops.email = `gops.${randomUUID()}@gmina.example`;
  const response = await sendCard(api.url, callId, answers);
  expect(response.status).toBe(201);
  const [confirmation] = await mailTo(answers.contacts.contact.email);
  return {
    teryt,
    answers,
    contact: answers.contacts.contact.email,
    ops: answers.contacts.ops.email,
    token: linkToken(confirmation as never, '#t='),
    path: `/api/admin/cards/${callId}/${teryt}`,
  };
}

async function view(path: string, cookie: string) {
  const response = await request(path, { cookie });
  expect(response.status).toBe(200);
  return ZAdminCardView.parse(response.json);
}

const CHECKLIST_OK = [
  { id: 'eligible_gmina', ok: true },
  { id: 'complete_data', ok: true },
  { id: 'declarations', ok: true },
  { id: 'signatures', ok: true },
];
const MANUAL = {
  motivation: { points: 4, justification: 'Konkretne potrzeby i gotowość współpracy.' },
  km1: { points: 2, justification: 'Gmina uczestniczyła w pracach nad modelem.' },
};

/** The gmina's side with the clock where a test puts it (the deadline past, say). */
function gminaDeps(now: Date) {
  return { db, mailer: createSesMailer(config()), siteUrl: config().SITE_URL, now: () => now };
}

describe('assessing a card, end to end', () => {
  it('formal check → correction → the gmina corrects after the deadline → pass → score → select, with one decision e-mail and the audit in order', async () => {
    // Prepare
    const card = await sentCard('1802022');
    const { cookie, email } = await signIn('coordinator', ['18']);
    const first = await view(card.path, cookie);
    expect(first.review).toMatchObject({ status: 'sent', revision: 0, audit: [], notes: [] });
    expect(first.review.score.criteria.map((c) => c.kind)).not.toContain('manual');
    const closes = Date.parse(call.closesAt);
    const until = warsawDate(new Date(closes + 3 * DAY));

    // Act: the ROPS asks for a correction due three days after the deadline; a private note beside it.
    const correction = await request(`${card.path}/correction`, {
      method: 'POST',
      cookie,
      body: { revision: 0, what: 'Uzupełnij liczbę sołectw za 2023 r.', until },
    });
    const note = await request(`${card.path}/notes`, {
      method: 'POST',
      cookie,
      body: { text: 'Tajna notatka: zadzwonić do wójta.' },
    });

    // Assess: the request and its e-mail, with a link that works until the day's end.
    expect(correction.status).toBe(200);
    expect(ZReviewStepResult.parse(correction.json)).toEqual({ status: 'needs_correction', revision: 1 });
    expect(note.status).toBe(201);
    const [asked] = (await mailTo(card.contact)).filter((mail) =>
      mail.subject.startsWith('Prośba o uzupełnienie'),
    );
    expect(asked?.body.text).toContain('Uzupełnij liczbę sołectw za 2023 r.');
    expect(asked?.body.html).toContain('Popraw kartę');
    const correctionToken = linkToken(asked as never, '#t=');
    const gminaView = ZCardView.parse((await request('/api/cards/current', { token: correctionToken })).json);
    expect(gminaView.correction).toMatchObject({ what: 'Uzupełnij liczbę sołectw za 2023 r.' });
    expect(gminaView.editableUntil).toBe(gminaView.correction?.until);
    expect(JSON.stringify(gminaView)).not.toContain('Tajna notatka');

    // Act: after the deadline, the gmina corrects through the link; a card without a request could not.
    const corrected = validAnswers(card.teryt);
    corrected.contacts = card.answers.contacts;
    corrected.criteria.solectwa.value = 24;
    const receipt = await changeCard(gminaDeps(new Date(closes + DAY)), {
      token: correctionToken,
      answers: ZSubmitCardRequest.parse({ answers: corrected }).answers,
    });

    // Assess
    expect(receipt.version).toBe(2);
    const afterCorrection = await view(card.path, cookie);
    expect(afterCorrection.review).toMatchObject({ status: 'sent', revision: 2 });
    expect(afterCorrection.review.correction).toBeUndefined();
    expect(afterCorrection.review.changes).toEqual([
      { version: 2, fields: [{ path: 'criteria.solectwa.value', before: '20', after: '24' }] },
    ]);
    expect(afterCorrection.review.notes.map((n) => n.text)).toEqual(['Tajna notatka: zadzwonić do wójta.']);

    // Act: the assessment goes on after the deadline (the use-cases with the clock there), then the
    // decision is sent again as a retry would (through the API, with the revision it read).
    const user = { email, name: 'Koordynator', role: 'coordinator' as const, wojewodztwa: ['18'] };
    const later = (days: number) => ({ ...gminaDeps(new Date(closes + days * DAY)) });
    const path = { callId: CALL, teryt: card.teryt };
    const pass = await formalCheck(later(2), user, {
      ...path,
      request: { revision: 2, items: CHECKLIST_OK as never, outcome: 'pass' },
    });
    const score = await scoreCard(later(3), user, { ...path, request: { revision: 3, manual: MANUAL } });
    const decision = {
      revision: 4,
      action: 'select' as const,
      reason: 'Najwyższa liczba punktów w powiecie.',
    };
    const select = await decideCard(later(4), user, { ...path, request: decision });
    const retried = await request(`${card.path}/decision`, { method: 'POST', cookie, body: decision });

    // Assess: each step, one decision e-mail to the contact and one to the OPS, the audit in order.
    expect([pass, score, select]).toEqual([
      { status: 'formal_passed', revision: 3 },
      { status: 'scored', revision: 4 },
      { status: 'selected', revision: 5 },
    ]);
    expect(retried.status).toBe(409);
    for (const address of [card.contact, card.ops]) {
      const decisions = (await mailTo(address)).filter((mail) =>
        mail.subject.startsWith('Decyzja w naborze'),
      );
      expect(decisions).toHaveLength(1);
      expect(decisions[0]?.subject).toContain('gmina wybrana');
      expect(decisions[0]?.body.text).toContain(call.title.slice(0, 40));
      expect(decisions[0]?.body.html).toContain('została wybrana');
    }
    const final = await view(card.path, cookie);
    expect(final.review.audit.map((entry) => [entry.action, entry.from, entry.to])).toEqual([
      ['request_correction', 'sent', 'needs_correction'],
      ['note', undefined, undefined],
      ['corrected', 'needs_correction', 'sent'],
      ['pass_formal', 'sent', 'formal_passed'],
      ['score', 'formal_passed', 'scored'],
      ['select', 'scored', 'selected'],
    ]);
    expect(final.review.audit.map((entry) => entry.by)).toEqual([
      email,
      email,
      `gmina:${card.teryt}`,
      email,
      email,
      email,
    ]);
    expect(final.review.score).toMatchObject({ missing: [] });
    expect(final.review.score.criteria.find((c) => c.id === 'motivation')).toMatchObject({ points: 4 });
    expect(final.review.checklist.every((item) => item.ok)).toBe(true);

    // Act and assess: a decided card can be neither changed nor withdrawn by the gmina.
    const open = gminaDeps(new Date());
    await expect(
      changeCard(open, { token: card.token, answers: validAnswers(card.teryt) as never }),
    ).rejects.toMatchObject({
      code: 'CARD_DECIDED',
    });
    const withdrawal = await request('/api/cards/current', { method: 'DELETE', body: {}, token: card.token });
    expect(withdrawal.status).toBe(409);
    expect(ZErrorResponse.parse(withdrawal.json).error.code).toBe('CARD_DECIDED');
    expect(ZCardView.parse((await request('/api/cards/current', { token: card.token })).json).decided).toBe(
      true,
    );
  });

  it('closes the correction window at the end of its day: the link then only reads', async () => {
    const card = await sentCard('1802032');
    const { cookie } = await signIn('coordinator', ['18']);
    const until = warsawDate(new Date(Date.parse(call.closesAt) + 2 * DAY));
    await request(`${card.path}/correction`, {
      method: 'POST',
      cookie,
      body: { revision: 0, what: 'Popraw NIP.', until },
    });
    const stored = (await view(card.path, cookie)).review.correction?.until as string;
    const before = await tableSnapshot(db);

    const late = changeCard(gminaDeps(new Date(Date.parse(stored) + 1)), {
      token: card.token,
      answers: ZSubmitCardRequest.parse({
        answers: { ...validAnswers(card.teryt), contacts: card.answers.contacts },
      }).answers,
    });

    await expect(late).rejects.toMatchObject({ code: 'CALL_CLOSED' });
    expect(stored).toMatch(/T2[12]:59:59\.999Z$/);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it("logs a coordinator's reading of a card, by card and by user", async () => {
    const card = await sentCard('1802042');
    const { cookie, email } = await signIn('coordinator', ['18']);

    await view(card.path, cookie);

    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :actor',
        ExpressionAttributeValues: { ':actor': `ACTOR#${email}` },
      }),
    );
    expect(Items).toHaveLength(1);
    expect(Items[0]).toMatchObject({ pk: `CARD#${CALL}#${card.teryt}`, by: email, teryt: card.teryt });
    expect(String(Items[0]?.sk)).toMatch(/^READ#/);
  });
});

describe('another region', () => {
  it('refuses a podlaskie coordinator every review route of a podkarpackie card with 403, and changes nothing', async () => {
    const card = await sentCard('1802052');
    const { cookie } = await signIn('coordinator', ['20']);
    const before = await tableSnapshot(db);
    const until = warsawDate(new Date(Date.now() + 10 * DAY));

    const responses = [
      await request(card.path, { cookie }),
      await request(`${card.path}/formal-check`, {
        method: 'POST',
        cookie,
        body: { revision: 0, items: CHECKLIST_OK, outcome: 'pass' },
      }),
      await request(`${card.path}/correction`, {
        method: 'POST',
        cookie,
        body: { revision: 0, what: 'Popraw.', until },
      }),
      await request(`${card.path}/notes`, { method: 'POST', cookie, body: { text: 'Notatka.' } }),
      await request(`${card.path}/score`, { method: 'PUT', cookie, body: { revision: 0, manual: MANUAL } }),
      await request(`${card.path}/decision`, {
        method: 'POST',
        cookie,
        body: { revision: 0, action: 'select', reason: 'Powód.' },
      }),
      await request(`/api/admin/calls/${CALL}/rules?wojewodztwo=18`, { cookie }),
      await request(`/api/admin/calls/${CALL}/rules?wojewodztwo=18`, {
        method: 'PUT',
        cookie,
        body: { replaces: 1, rules: { criteria: LIDERZY_RULE_SET.criteria, tieBreak: 'submittedAt' } },
      }),
    ];

    for (const response of responses) {
      expect(response.status).toBe(403);
      expect(ZErrorResponse.parse(response.json).error.code).toBe('FORBIDDEN');
    }
    // Through its own voivodeship, the other call's rules are not there either.
    const viaOwn = await request(`/api/admin/calls/${CALL}/rules?wojewodztwo=20`, { cookie });
    expect(viaOwn.status).toBe(404);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('refused with a clear error, nothing changed', () => {
  async function passedCard(teryt: string, callId = CALL) {
    const card = await sentCard(teryt, callId);
    const session = await signIn('coordinator', ['18']);
    const pass = await request(`${card.path}/formal-check`, {
      method: 'POST',
      cookie: session.cookie,
      body: { revision: 0, items: CHECKLIST_OK, outcome: 'pass' },
    });
    expect(pass.status).toBe(200);
    return { ...card, ...session };
  }

  it('a decision on a card in the wrong state, and a selection without a complete score', async () => {
    const card = await sentCard('1802062');
    const { cookie } = await signIn('coordinator', ['18']);
    const before = await tableSnapshot(db);

    const onSent = await request(`${card.path}/decision`, {
      method: 'POST',
      cookie,
      body: { revision: 0, action: 'select', reason: 'Za wcześnie.' },
    });

    expect(onSent.status).toBe(409);
    expect(ZErrorResponse.parse(onSent.json).error.code).toBe('REVIEW_STEP_NOT_ALLOWED');
    expect(await tableSnapshot(db)).toEqual(before);
    expect((await mailTo(card.contact)).filter((mail) => mail.subject.startsWith('Decyzja'))).toEqual([]);
  });

  it('a score outside its band, an unknown criterion, a missing justification', async () => {
    const card = await passedCard('1803032');
    const before = await tableSnapshot(db);
    const score = (manual: unknown) =>
      request(`${card.path}/score`, { method: 'PUT', cookie: card.cookie, body: { revision: 1, manual } });

    const tooMany = await score({ motivation: { points: 6, justification: 'Bardzo dobra.' } });
    const halfBonus = await score({ km1: { points: 1, justification: 'Częściowo.' } });
    const computed = await score({ population: { points: 1, justification: 'Ręcznie.' } });
    const unjustified = await score({ motivation: { points: 3, justification: '' } });

    expect([tooMany, halfBonus, computed, unjustified].map((r) => [r.status, r.json.error.fields])).toEqual([
      [400, { 'manual.motivation.points': 'out_of_range' }],
      [400, { 'manual.km1.points': 'out_of_range' }],
      [400, { 'manual.population': 'unknown_criterion' }],
      [400, { 'manual.motivation.justification': 'required' }],
    ]);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('a stale revision: 409 CONFLICT', async () => {
    const card = await passedCard('1803042');
    const before = await tableSnapshot(db);

    const stale = await request(`${card.path}/score`, {
      method: 'PUT',
      cookie: card.cookie,
      body: { revision: 0, manual: MANUAL },
    });

    expect(stale.status).toBe(409);
    expect(ZErrorResponse.parse(stale.json).error.code).toBe('CONFLICT');
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('a note over its limit, and a correction due before today', async () => {
    const card = await sentCard('1803052');
    const { cookie } = await signIn('coordinator', ['18']);
    const before = await tableSnapshot(db);

    const long = await request(`${card.path}/notes`, {
      method: 'POST',
      cookie,
      body: { text: 'a'.repeat(2001) },
    });
    const past = await request(`${card.path}/correction`, {
      method: 'POST',
      cookie,
      body: { revision: 0, what: 'Popraw.', until: warsawDate(new Date(Date.now() - DAY)) },
    });

    expect([long.status, long.json.error.fields]).toEqual([400, { text: 'too_long' }]);
    expect([past.status, past.json.error.fields]).toEqual([400, { until: 'date_past' }]);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('a rule-set change after scoring makes a new version, and one naming a replaced version is 409', async () => {
    // Prepare: a call of its own (the other tests score cards of the demo's), its rules as read, then a
    // card scored with them (which freezes version 1).
    const callId = `review-rules-${randomUUID().slice(0, 8)}`;
    await createCall(db, { ...call, id: callId });
    const card = await passedCard('1803072', callId);
    const rulesPath = `/api/admin/calls/${callId}/rules?wojewodztwo=18`;
    const read = ZCallRules.parse((await request(rulesPath, { cookie: card.cookie })).json);
    expect(read).toMatchObject({ rules: { version: 1 }, frozen: false, stored: false });
    const scored = await request(`${card.path}/score`, {
      method: 'PUT',
      cookie: card.cookie,
      body: { revision: 1, manual: MANUAL },
    });
    expect(scored.status).toBe(200);
    const { criteria, tieBreak } = read.rules;
    const changed = criteria.map((c) => (c.id === 'motivation' ? { ...c, maxPoints: 8 } : c));

    // Act
    const overlapping = await request(rulesPath, {
      method: 'PUT',
      cookie: card.cookie,
      body: {
        replaces: 1,
        rules: {
          tieBreak,
          criteria: [
            {
              ...criteria[0],
              bands: [
                { below: 10, points: 1 },
                { from: 5, points: 2 },
              ],
            },
          ],
        },
      },
    });
    const next = await request(rulesPath, {
      method: 'PUT',
      cookie: card.cookie,
      body: { replaces: 1, rules: { criteria: changed, tieBreak } },
    });
    const afterNext = await tableSnapshot(db);
    const stale = await request(rulesPath, {
      method: 'PUT',
      cookie: card.cookie,
      body: { replaces: 1, rules: { criteria, tieBreak } },
    });

    // Assess: version 1 stays as scored, version 2 follows it, the stale change wrote nothing.
    expect([overlapping.status, overlapping.json.error.fields]).toEqual([
      400,
      { 'rules.criteria.0.bands.1': 'bands_overlap' },
    ]);
    expect(next.status).toBe(200);
    expect(ZCallRules.parse(next.json)).toMatchObject({ rules: { version: 2 }, frozen: false, stored: true });
    const rules = afterNext.filter(
      (item) => item.pk === `CALL#${callId}` && String(item.sk).startsWith('RULES#'),
    );
    expect(rules.map((item) => [item.sk, item.frozenAt !== undefined])).toEqual([
      ['RULES#0001', true],
      ['RULES#0002', false],
    ]);
    expect(
      afterNext.some((item) => item.pk === `CALL#${callId}` && item.action === 'rules_new_version'),
    ).toBe(true);
    expect(stale.status).toBe(409);
    expect(ZErrorResponse.parse(stale.json).error.code).toBe('CONFLICT');
    expect(await tableSnapshot(db)).toEqual(afterNext);
    const card2 = await view(card.path, card.cookie);
    expect(card2.review.score.ruleSetVersion).toBe(1);
  });

  it('a withdrawal after a formal rejection: CARD_DECIDED; the rejection was e-mailed with its reason', async () => {
    const card = await sentCard('1804032');
    const { cookie } = await signIn('coordinator', ['18']);
    const reject = await request(`${card.path}/formal-check`, {
      method: 'POST',
      cookie,
      body: {
        revision: 0,
        items: [...CHECKLIST_OK.slice(0, 3), { id: 'signatures', ok: false, reason: 'Brak podpisu wójta.' }],
        outcome: 'reject',
      },
    });
    const before = await tableSnapshot(db);

    const withdrawal = withdrawCard(gminaDeps(new Date()), { token: card.token });

    expect(reject.json).toEqual({ status: 'formally_rejected', revision: 1 });
    await expect(withdrawal).rejects.toMatchObject({ code: 'CARD_DECIDED' });
    expect(await tableSnapshot(db)).toEqual(before);
    const [rejected] = (await mailTo(card.ops)).filter((mail) => mail.subject.startsWith('Decyzja'));
    expect(rejected?.body.text).toContain('Uzasadnienie: Brak podpisu wójta.');
  });
});
