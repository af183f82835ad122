import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readAuditMonth } from '../../functions/repositories/audit-log.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { UpdateCommand } from '../../functions/repositories/document.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { ROPS_CONTACTS } from '../../shared/rops-contacts.ts';
import { ZAdminCardView } from '../../shared/schemas/admin.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { ZOfficesImportReport, ZOfficesResponse } from '../../shared/schemas/offices.ts';
import { ZReceiptCheck } from '../../shared/schemas/receipt.ts';
import { ZVoidCardResult } from '../../shared/schemas/review.ts';
import { ZCardReceipt } from '../../shared/schemas/submission.ts';
import { GMINY } from '../../shared/teryt/index.ts';
import { warsawDate } from '../../shared/time.ts';
import { linkToken, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi, TEST_VIEWER_HEADER } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';
import { sessionCookieFor } from '../support/review-cards.ts';

/**
 * Issue 13, "A card must not lock out the real gmina", through the real handlers on DynamoDB Local and the
 * SES emulator: the directory of gmina offices (CSV import, edits), the office's notice of a card sent in its
 * name, the refusal naming the ROPS, voiding a card and the gmina's own card after it, the previous contact
 * told of a change, and the per-client limit on sending cards.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
const DAY = 86_400_000;
const CALL = `lockout-${randomUUID().slice(0, 8)}`;
/** Rural gminas of podlaskie, in register order: each test takes its own. */
const RURAL_20 = GMINY.filter((gmina) => gmina.wojewodztwoCode === '20' && gmina.kind === 'wiejska');
let next = 0;
const freshGmina = () => {
  const gmina = RURAL_20[next++];
  if (!gmina) throw new Error('out of gminas');
  return gmina.teryt;
};
let api: Awaited<ReturnType<typeof startApi>>;
let coordinator: string;
let coordinatorEmail: string;
let otherRegion: string;

beforeAll(async () => {
  api = await startApi();
  await createCall(db, {
    id: CALL,
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór podlaski',
    wojewodztwa: ['20'],
    gminaKinds: ['wiejska'],
    formVersion: 1,
    rules: '',
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 10 * DAY).toISOString(),
  });
  coordinatorEmail = `koordynator.20.${randomUUID()}@rops.example`;
  coordinator = await sessionCookieFor(db, {
    email: coordinatorEmail,
    name: 'Koordynator podlaski',
    role: 'coordinator',
    wojewodztwa: ['20'],
  });
  otherRegion = await sessionCookieFor(db, {
    email: `koordynator.26.${randomUUID()}@rops.example`,
    name: 'Koordynatorka świętokrzyska',
    role: 'coordinator',
    wojewodztwa: ['26'],
  });
});
afterAll(() => api.close());

async function call(
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

/** A card for the gmina as a clerk sends it, from `viewer` (a client of its own unless said). */
function sendCard(
  teryt: string,
  contactEmail = `kontakt.${randomUUID()}@gmina.example`,
  options: { viewer?: string; key?: string } = {},
) {
  const answers = validAnswers(teryt);
  answers.contacts.contact.email = contactEmail;
  return call('POST', `/api/calls/${CALL}/cards`, {
    body: { answers },
    headers: {
      'idempotency-key': options.key ?? randomUUID(),
      [TEST_VIEWER_HEADER]: options.viewer ?? `198.51.100.${Math.floor(Math.random() * 250) + 1}:443`,
    },
  });
}

const mailTo = async (address: string) => await settledMailTo(db, inboxUrl, address);

const importCsv = (csv: string, cookie = coordinator) =>
  call('POST', '/api/admin/offices/import', { cookie, body: { csv } });

describe('the directory of gmina offices', () => {
  it('imports a CSV with a BOM and semicolons: each row stored or rejected with its reason; importing it again changes nothing', async () => {
    const [a, b, c] = [freshGmina(), freshGmina(), freshGmina()];
    const csv = [
      '\uFEFFteryt;email;name',
      `${a};Urzad.${a}@Gmina.example;Urząd Gminy A`,
      `${b};urzad.${b}@gmina.example;`,
      '2099993;urzad@gmina.example;Nie ma takiej',
      `${c};to nie jest adres;`,
      '2602052;urzad.2602052@gmina.example;Świętokrzyska',
      `${b};drugi.${b}@gmina.example;`,
      '12345;x@gmina.example',
    ].join('\r\n');

    const first = await importCsv(csv);

    expect(first.status).toBe(200);
    const report = ZOfficesImportReport.parse(first.json);
    expect(report).toMatchObject({ rows: 7, created: 1, changed: 0, unchanged: 0 });
    expect(report.rejected).toEqual([
      { line: 3, teryt: b, problem: 'duplicate' },
      { line: 4, teryt: '2099993', problem: 'unknown_teryt' },
      { line: 5, teryt: c, problem: 'email' },
      { line: 6, teryt: '2602052', problem: 'other_wojewodztwo' },
      { line: 7, teryt: b, problem: 'duplicate' },
      { line: 8, problem: 'teryt' },
    ]);
    const listed = ZOfficesResponse.parse(
      (await call('GET', '/api/admin/offices?wojewodztwo=20', { cookie: coordinator })).json,
    );
    const office = listed.gminas.find((gmina) => gmina.teryt === a)?.office;
    expect(office).toMatchObject({
      email: `urzad.${a}@gmina.example`,
      name: 'Urząd Gminy A',
      source: 'import',
      changedBy: coordinatorEmail,
    });
    expect(listed.gminas.find((gmina) => gmina.teryt === b)?.office).toBeUndefined();
    expect(listed.gminas.find((gmina) => gmina.teryt === c)?.office).toBeUndefined();

    const before = await tableSnapshot(db);
    const again = ZOfficesImportReport.parse((await importCsv(csv)).json);
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('takes a comma-separated file without a header, logs the change, and refuses another region', async () => {
    const teryt = freshGmina();
    await importCsv(`${teryt},pierwszy.${teryt}@gmina.example\n`);

    const report = ZOfficesImportReport.parse(
      (await importCsv(`${teryt},urzad.${teryt}@gmina.example,Urząd Gminy\n`)).json,
    );

    expect(report).toMatchObject({ rows: 1, created: 0, changed: 1, rejected: [] });
    // Only the lead reads the log through the API; here, the entry as stored.
    const log = await readAuditMonth(db, warsawDate(new Date()).slice(0, 7));
    expect(log.find((entry) => entry.details.some((line) => line.includes(`urzad.${teryt}@`)))).toMatchObject(
      {
        event: 'offices-imported',
        actor: coordinatorEmail,
        details: [`${teryt}: pierwszy.${teryt}@gmina.example → urzad.${teryt}@gmina.example | Urząd Gminy`],
        wojewodztwa: ['20'],
      },
    );
    const refused = await importCsv(`${teryt};obcy@gmina.example`, otherRegion);
    expect(ZOfficesImportReport.parse(refused.json).rejected).toEqual([
      { line: 1, teryt, problem: 'other_wojewodztwo' },
    ]);
  });

  it('is edited per gmina by a coordinator of its voivodeship only; a bad address is refused; nothing changes on refusal', async () => {
    const teryt = freshGmina();
    const edited = await call('PUT', `/api/admin/offices/${teryt}`, {
      cookie: coordinator,
      body: { email: `urzad.${teryt}@gmina.example`, epuap: '/ugtest/SkrytkaESP' },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ email: `urzad.${teryt}@gmina.example`, source: 'manual' });

    const before = await tableSnapshot(db);
    const foreign = await call('PUT', `/api/admin/offices/${teryt}`, {
      cookie: otherRegion,
      body: { email: 'obcy@gmina.example' },
    });
    const bad = await call('PUT', `/api/admin/offices/${teryt}`, {
      cookie: coordinator,
      body: { email: 'nie-adres' },
    });
    const foreignList = await call('GET', '/api/admin/offices?wojewodztwo=20', { cookie: otherRegion });

    expect([foreign.status, bad.status, foreignList.status]).toEqual([403, 400, 403]);
    expect(ZErrorResponse.parse(bad.json).error.fields).toEqual({ email: 'email' });
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('a card sent in a gmina’s name', () => {
  it('is reported to the office at once; the refusal of the real gmina names its ROPS; a coordinator voids it and the gmina sends its own', async () => {
    // Prepare: the office's official address in the directory
    const teryt = freshGmina();
    const officeEmail = `urzad.${teryt}@gmina.example`;
    await importCsv(`teryt;email\n${teryt};${officeEmail}`);
    const squatter = `squatter.${randomUUID()}@evil.example`;

    // Act: a stranger sends the gmina's card
    const squatted = await sendCard(teryt, squatter);

    // Assert: the office is told, naming the contact, the reference and the ROPS
    expect(squatted.status).toBe(201);
    const { reference } = ZCardReceipt.parse(squatted.json);
    const [notice, ...more] = await mailTo(officeEmail);
    expect(more).toEqual([]);
    expect(notice?.subject).toContain(reference);
    expect(notice?.body.text).toContain(squatter);
    expect(notice?.body.text).toContain('Anna Nowak');
    expect(notice?.body.text).toContain(ROPS_CONTACTS['20']?.email);

    // The real gmina is refused, and told whom to contact
    const real = `kontakt.${randomUUID()}@gmina.example`;
    const refused = await sendCard(teryt, real);
    expect(refused.status).toBe(409);
    const error = ZErrorResponse.parse(refused.json).error;
    expect(error.code).toBe('CARD_EXISTS');
    const rops = ROPS_CONTACTS['20'];
    expect(error.contact).toEqual({
      name: rops?.name,
      address: rops?.address,
      email: rops?.email,
      phone: rops?.phone,
      hours: rops?.hours,
    });
    // Every message about the card ends with its voivodeship's ROPS and says not to reply (issue 17)
    expect(notice?.body.text).toContain('nie odpowiadaj na nią');
    expect(notice?.body.text).toContain(`godziny pracy: ${rops?.hours}`);

    // Another region may not void it, and a void without a reason or on a stale page is refused
    const before = await tableSnapshot(db);
    const path = `/api/admin/cards/${CALL}/${teryt}/void`;
    const foreign = await call('POST', path, {
      cookie: otherRegion,
      body: { revision: 0, reason: 'Nie nasza' },
    });
    const noReason = await call('POST', path, { cookie: coordinator, body: { revision: 0, reason: ' ' } });
    const stale = await call('POST', path, {
      cookie: coordinator,
      body: { revision: 3, reason: 'Podszycie' },
    });
    expect([foreign.status, noReason.status, stale.status]).toEqual([403, 400, 409]);
    expect(ZErrorResponse.parse(noReason.json).error.fields).toHaveProperty('reason');
    expect(await tableSnapshot(db)).toEqual(before);

    // The coordinator voids it
    const voided = await call('POST', path, {
      cookie: coordinator,
      body: { revision: 0, reason: 'Urząd gminy nie wysyłał tej karty (pismo z 3 marca).' },
    });
    expect(voided.status).toBe(200);
    expect(ZVoidCardResult.parse(voided.json)).toMatchObject({
      revision: 1,
      voided: { by: coordinatorEmail, reason: 'Urząd gminy nie wysyłał tej karty (pismo z 3 marca).' },
    });
    const again = await call('POST', path, {
      cookie: coordinator,
      body: { revision: 1, reason: 'Jeszcze raz' },
    });
    expect(again.status).toBe(409);

    // The contact and the office are told; the stranger's link opens nothing; the receipt says voided
    const [confirmation, toSquatter] = await mailTo(squatter);
    expect(toSquatter?.subject).toContain('Unieważnienie');
    expect(toSquatter?.body.text).toContain('pismo z 3 marca');
    expect((await mailTo(officeEmail)).map((mail) => mail.subject)).toEqual([
      notice?.subject,
      toSquatter?.subject,
    ]);
    const squatterToken = linkToken(confirmation as never, '#t=');
    const link = await call('GET', '/api/cards/current', {
      headers: { authorization: `Bearer ${squatterToken}` },
    });
    expect(link.status).toBe(401);
    const { sha256 } = ZCardReceipt.parse(squatted.json);
    const receipt = ZReceiptCheck.parse(
      (await call('GET', `/api/receipts/${reference}?sha256=${sha256}`)).json,
    );
    expect(receipt).toMatchObject({ valid: true, version: 1, status: 'voided' });

    // The panel still reads the voided card
    const view = ZAdminCardView.parse(
      (await call('GET', `/api/admin/cards/${CALL}/${teryt}`, { cookie: coordinator })).json,
    );
    expect(view.voided?.reason).toContain('pismo z 3 marca');
    expect(view.status).toBe('withdrawn');

    // The real gmina sends its own: a new reference, the versions numbered on
    const own = await sendCard(teryt, real);
    expect(own.status).toBe(201);
    const ownReceipt = ZCardReceipt.parse(own.json);
    expect(ownReceipt.reference).not.toBe(reference);
    expect(ownReceipt.version).toBe(2);
    expect(await mailTo(officeEmail)).toHaveLength(3);
    // The stranger's link still opens nothing (not the gmina's new card), the old receipt still says voided
    expect(
      (await call('GET', '/api/cards/current', { headers: { authorization: `Bearer ${squatterToken}` } }))
        .status,
    ).toBe(401);
    expect(
      ZReceiptCheck.parse((await call('GET', `/api/receipts/${reference}?sha256=${sha256}`)).json),
    ).toMatchObject({ valid: true, status: 'voided' });
    // The gmina's own link opens its card
    const ownLink = linkToken((await mailTo(real))[0] as never, '#t=');
    const opened = await call('GET', '/api/cards/current', {
      headers: { authorization: `Bearer ${ownLink}` },
    });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ reference: ownReceipt.reference, status: 'submitted' });
    expect(opened.json.versions.map((version: { version: number }) => version.version)).toEqual([2]);

    const after = ZAdminCardView.parse(
      (await call('GET', `/api/admin/cards/${CALL}/${teryt}`, { cookie: coordinator })).json,
    );
    expect(after).toMatchObject({ reference: ownReceipt.reference, status: 'submitted', version: 2 });
    expect(after.voided).toBeUndefined();
    expect(after.versions.map((version) => version.version)).toEqual([2]);
    expect(after.voidedCards).toEqual([
      expect.objectContaining({
        reference,
        contact: expect.objectContaining({ email: squatter }),
        versions: [expect.objectContaining({ version: 1, sha256 })],
        voided: expect.objectContaining({ by: coordinatorEmail }),
      }),
    ]);
    expect(after.review.audit.map((entry) => entry.action)).toContain('void');
  });

  it('refuses to void a decided card, with nothing changed', async () => {
    const teryt = freshGmina();
    expect((await sendCard(teryt)).status).toBe(201);
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.card(CALL, teryt),
        UpdateExpression: 'SET reviewStatus = :selected, reviewRevision = :one',
        ExpressionAttributeValues: { ':selected': 'selected', ':one': 4 },
      }),
    );
    const before = await tableSnapshot(db);

    const refused = await call('POST', `/api/admin/cards/${CALL}/${teryt}/void`, {
      cookie: coordinator,
      body: { revision: 4, reason: 'Za późno' },
    });

    expect(refused.status).toBe(409);
    expect(ZErrorResponse.parse(refused.json).error.code).toBe('CARD_DECIDED');
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('tells the previous contact address when a change names another one', async () => {
    const teryt = freshGmina();
    const first = `kontakt.${randomUUID()}@gmina.example`;
    expect((await sendCard(teryt, first)).status).toBe(201);
    const token = linkToken((await mailTo(first))[0] as never, '#t=');
    const answers = validAnswers(teryt);
    const second = `nowy.${randomUUID()}@evil.example`;
    answers.contacts.contact.email = second;

    const changed = await call('PUT', '/api/cards/current', {
      headers: { authorization: `Bearer ${token}` },
      body: { answers },
    });

    expect(changed.status).toBe(200);
    const told = (await mailTo(first)).filter((mail) => mail.subject.startsWith('Zmiana adresu'));
    expect(told).toHaveLength(1);
    expect(told[0]?.body.text).toContain(second);
  });
});

describe('sending cards per client', () => {
  it('stops a client after 20 cards an hour with 429 and Retry-After; a retry of a stored card and a refused card count nothing', async () => {
    const viewer = `203.0.113.${Math.floor(Math.random() * 250) + 1}:443`;
    const keys20: [string, string][] = [];
    for (let index = 0; index < 20; index += 1) {
      const teryt = freshGmina();
      const key = randomUUID();
      keys20.push([teryt, key]);
      const sent = await sendCard(teryt, `kontakt.${teryt}.${randomUUID()}@gmina.example`, { viewer, key });
      expect(sent.status).toBe(201);
    }
    // A refused card (the gmina has one) counts nothing, nor does it write anything.
    const before = await tableSnapshot(db);
    const [firstTeryt] = keys20[0] as [string, string];
    expect((await sendCard(firstTeryt, undefined, { viewer })).status).toBe(409);

    const limited = await sendCard(freshGmina(), undefined, { viewer });

    expect(limited.status).toBe(429);
    expect(ZErrorResponse.parse(limited.json).error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await tableSnapshot(db)).toEqual(before);
    // Another client still sends.
    expect((await sendCard(freshGmina())).status).toBe(201);
  });

  it('does not count a retried card twice', async () => {
    const viewer = `192.0.2.${Math.floor(Math.random() * 250) + 1}:443`;
    const teryt = freshGmina();
    const key = randomUUID();
    const answers = validAnswers(teryt);
    const send = () =>
      call('POST', `/api/calls/${CALL}/cards`, {
        body: { answers },
        headers: { 'idempotency-key': key, [TEST_VIEWER_HEADER]: viewer },
      });
    expect((await send()).status).toBe(201);
    const before = await tableSnapshot(db);
    expect((await send()).status).toBe(200);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});
