import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { changeCard } from '../../functions/domain/change-card.ts';
import { config } from '../../functions/lib/config.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { PutCommand, QueryCommand } from '../../functions/repositories/document.ts';
import { dbOf } from '../../functions/repositories/dynamo.ts';
import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import { ZAdminCardView } from '../../shared/schemas/admin.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { ZCallDashboard } from '../../shared/schemas/review-lists.ts';
import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { warsawDate } from '../../shared/time.ts';
import { linkToken, sendCard, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';
import { sessionCookieFor } from '../support/review-cards.ts';

/**
 * The lead's dashboard reads the slim index gsi2list; after every kind of change to a card's status —
 * sent, correction requested and made, formal pass and rejection, score, selection, reserve, the gmina's
 * withdrawal and sending again, a coordinator's void — it equals the recount from the card items
 * themselves (`?recount=true`), through the real handlers on DynamoDB Local and the SES emulator.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
// The confirmation with the card's link leaves through the mail pipeline, after the request answered.
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
const CALL = `dashboard-${Date.now()}`;
const DAY = 86_400_000;
const VIEWER = `198.51.100.${Math.floor(Math.random() * 250) + 1}:443`;
let lead = '';

beforeAll(async () => {
  await loadDemoData(db, new Date());
  await createCall(db, {
    id: CALL,
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór do sprawdzenia zestawienia',
    wojewodztwa: ['18', '20'],
    gminaKinds: ['wiejska'],
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    formVersion: CARD_FORM_VERSION,
    rules: '',
  });
  api = await startApi();
  // The lead of Liderzy kooperacji (podkarpackie) reaches podlaskie through its programme.
  lead = await sessionCookieFor(db, {
    email: `lider.${randomUUID()}@rops.example`,
    name: 'Lider',
    role: 'lead',
    wojewodztwa: ['18'],
  });
});
afterAll(() => api.close());

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

interface Sent {
  teryt: string;
  token: string;
  answers: ReturnType<typeof validAnswers>;
  path: string;
}

async function sentCard(teryt: string): Promise<Sent> {
  const answers = validAnswers(teryt);
  answers.contacts.contact.email = `kontakt.${randomUUID()}@gmina.example`;
  expect((await sendCard(api.url, CALL, answers)).status).toBe(201);
  const mails = await settledMailTo(db, inboxUrl, answers.contacts.contact.email);
  expect(mails).toHaveLength(1);
  const [confirmation] = mails;
  return {
    teryt,
    answers,
    token: linkToken(confirmation as never, '#t='),
    path: `/api/admin/cards/${CALL}/${teryt}`,
  };
}

async function revision(card: Sent): Promise<number> {
  const response = await request(card.path, { cookie: lead });
  expect(response.status).toBe(200);
  return ZAdminCardView.parse(response.json).review.revision;
}

async function step(card: Sent, route: string, body: Record<string, unknown>, method = 'POST') {
  const response = await request(`${card.path}/${route}`, {
    method,
    cookie: lead,
    body: { revision: await revision(card), ...body },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
}

const CHECKLIST_OK = ['eligible_gmina', 'complete_data', 'declarations', 'signatures'].map((id) => ({
  id,
  ok: true,
}));
const MANUAL = {
  motivation: { points: 4, justification: 'Konkretne potrzeby i gotowość współpracy.' },
  km1: { points: 2, justification: 'Gmina uczestniczyła w pracach nad modelem.' },
};

async function dashboard(recount = false) {
  const response = await request(`/api/admin/calls/${CALL}/dashboard${recount ? '?recount=true' : ''}`, {
    cookie: lead,
  });
  expect(response.status).toBe(200);
  return ZCallDashboard.parse(response.json);
}

/** The dashboard as read, which must be what the card items themselves count. */
async function expectRecounted() {
  const shown = await dashboard();
  expect(shown).toEqual(await dashboard(true));
  return shown;
}

const byStatus = async (wojewodztwo: string) =>
  Object.fromEntries(
    Object.entries(
      (await expectRecounted()).wojewodztwa.find((one) => one.wojewodztwo === wojewodztwo)?.byStatus ?? {},
    ).filter(([, n]) => n > 0),
  );

describe("the lead's dashboard", () => {
  it('equals the recount from the cards themselves after every kind of status change', async () => {
    expect(await byStatus('18')).toEqual({});
    const [a, b, c, d] = [
      await sentCard('1802032'),
      await sentCard('1802042'),
      await sentCard('1802052'),
      await sentCard('1802062'),
    ];
    const [e, f] = [await sentCard('2001052'), await sentCard('2001062')];
    expect(await byStatus('18')).toEqual({ sent: 4 });
    expect(await byStatus('20')).toEqual({ sent: 2 });

    // A correction requested, then made by the gmina through its link: back to the check.
    await step(a as Sent, 'correction', {
      what: 'Uzupełnij liczbę sołectw.',
      until: warsawDate(new Date(Date.now() + 3 * DAY)),
    });
    expect(await byStatus('18')).toEqual({ sent: 3, needs_correction: 1 });
    const corrected = validAnswers(a?.teryt);
    corrected.contacts = (a as Sent).answers.contacts;
    corrected.criteria.solectwa.value = 24;
    await changeCard(
      { db, siteUrl: config().SITE_URL, now: () => new Date() },
      { token: (a as Sent).token, answers: ZSubmitCardRequest.parse({ answers: corrected }).answers },
    );
    expect(await byStatus('18')).toEqual({ sent: 4 });

    // Passed, scored and selected; another rejected formally; another withdrawn by the gmina.
    await step(b as Sent, 'formal-check', { items: CHECKLIST_OK, outcome: 'pass' });
    expect(await byStatus('18')).toEqual({ sent: 3, formal_passed: 1 });
    await step(b as Sent, 'score', { manual: MANUAL }, 'PUT');
    expect(await byStatus('18')).toEqual({ sent: 3, scored: 1 });
    await step(b as Sent, 'decision', { action: 'select', reason: 'Najwięcej punktów.' });
    await step(c as Sent, 'formal-check', {
      items: [...CHECKLIST_OK.slice(0, 3), { id: 'signatures', ok: false, reason: 'Brak podpisu wójta.' }],
      outcome: 'reject',
    });
    const withdrawn = await request('/api/cards/current', { method: 'DELETE', body: {}, token: d?.token });
    expect(withdrawn.status).toBe(200);
    expect(await byStatus('18')).toEqual({ sent: 1, selected: 1, formally_rejected: 1, withdrawn: 1 });
    // Sent again from the same link, then withdrawn once more.
    const again = await request('/api/cards/current', {
      method: 'PUT',
      body: { answers: (d as Sent).answers },
      token: d?.token,
    });
    expect(again.status, JSON.stringify(again.json)).toBe(200);
    expect(await byStatus('18')).toEqual({ sent: 2, selected: 1, formally_rejected: 1 });
    expect(
      (await request('/api/cards/current', { method: 'DELETE', body: {}, token: d?.token })).status,
    ).toBe(200);
    expect(await byStatus('18')).toEqual({ sent: 1, selected: 1, formally_rejected: 1, withdrawn: 1 });

    // Podlaskie: one on the reserve list, the other voided by the coordinator.
    await step(e as Sent, 'formal-check', { items: CHECKLIST_OK, outcome: 'pass' });
    await step(e as Sent, 'score', { manual: MANUAL }, 'PUT');
    await step(e as Sent, 'decision', { action: 'reserve', reason: 'Lista rezerwowa.' });
    await step(f as Sent, 'void', { reason: 'Kartę wysłała osoba spoza urzędu gminy.' });
    const shown = await expectRecounted();
    expect(shown.wojewodztwa.find((one) => one.wojewodztwo === '20')).toMatchObject({
      cards: 2,
      byStatus: { reserve: 1, withdrawn: 1 },
      selected: 0,
      reserve: 1,
    });
    expect(shown.wojewodztwa.find((one) => one.wojewodztwo === '18')).toMatchObject({
      cards: 4,
      selected: 1,
      reserve: 0,
    });
  });

  it('refuses the recount to a coordinator of another region, before reading, and it changes nothing', async () => {
    const mazowieckie = await sessionCookieFor(db, {
      email: `koordynator.${randomUUID()}@rops.example`,
      name: 'Koordynator',
      role: 'coordinator',
      wojewodztwa: ['14'],
    });
    const before = await tableSnapshot(db);
    const response = await request(`/api/admin/calls/${CALL}/dashboard?recount=true`, {
      cookie: mazowieckie,
    });
    const unknown = await request(`/api/admin/calls/${CALL}/dashboard?recount=yes`, { cookie: lead });

    expect(response.status).toBe(403);
    expect(ZErrorResponse.parse(response.json).error.code).toBe('FORBIDDEN');
    expect(unknown.status).toBe(400);
    expect(Object.keys(ZErrorResponse.parse(unknown.json).error.fields ?? {})).toEqual(['query.recount']);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('the slim index on a table kept from before it', () => {
  it('is added by the local stack and filled from the cards already there', async () => {
    const client = localDynamoClient(inject('dynamodbEndpoint'));
    const tableName = `before-gsi2list-${randomUUID()}`;
    const index = (n: number) => ({
      IndexName: `gsi${n}`,
      KeySchema: [
        { AttributeName: `gsi${n}pk`, KeyType: 'HASH' as const },
        { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    });
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'].map(
            (name) => ({ AttributeName: name, AttributeType: 'S' }),
          ),
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [index(1), index(2), index(3)],
        }),
      );
      const old = dbOf(client, tableName);
      await old.client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: 'CARD#stary-nabor#1802032',
            sk: 'CARD',
            gsi2pk: 'CARDS#stary-nabor#18',
            gsi2sk: '2026-05-18T12:00:00.000Z#1802032',
            teryt: '1802032',
            status: 'submitted',
            answers: { office: { teryt: '1802032' } },
          },
        }),
      );

      expect(await ensureTable(client, tableName)).toBe('exists');

      const slim = () =>
        old.client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi2list',
            KeyConditionExpression: 'gsi2pk = :pk',
            ExpressionAttributeValues: { ':pk': 'CARDS#stary-nabor#18' },
          }),
        );
      // DynamoDB fills a new index in the background: asked until it answers.
      await expect.poll(async () => (await slim().catch(() => ({ Items: [] }))).Items?.length).toBe(1);
      const [item] = (await slim()).Items ?? [];
      expect(item).toMatchObject({ teryt: '1802032', status: 'submitted' });
      expect(item?.answers).toBeUndefined();
    } finally {
      await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
      client.destroy();
    }
  });
});
