import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCalls, loadDemoData } from '../../functions/local/demo-data.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { DeleteCommand, PutCommand, QueryCommand } from '../../functions/repositories/document.ts';
import { keys } from '../../functions/repositories/keys.ts';
import type { User } from '../../functions/repositories/users.ts';
import type { ScoreBreakdown } from '../../shared/review/scoring.ts';
import { ZAdminCardsPage } from '../../shared/schemas/admin.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import {
  ZCallDashboard,
  ZRankingResponse,
  ZStoredRankingSettings,
} from '../../shared/schemas/review-lists.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { loadItems, type ReviewedCard, reviewedCardItem, sessionCookieFor } from '../support/review-cards.ts';

/** Working with a call's cards: the list, the ranking, the dashboard and the export, through the real handlers. */
const db = testDb();
let api: Awaited<ReturnType<typeof startApi>>;

const LIST_CALL = 'liderzy-kooperacji-20';
const RANKING_CALL = 'ranking-podlaskie';
const ALL_CALL = 'kooperacja-piec-wojewodztw';
const minute = (n: number) => new Date(Date.UTC(2026, 4, 18, 12, n)).toISOString();

/** A score of the given total over two criteria; incomplete ones miss a person's assessment. */
function score(total: number, complete = true): ScoreBreakdown {
  return {
    ruleSetVersion: 1,
    criteria: [
      {
        id: 'need',
        label: 'Potrzeby gminy',
        kind: 'computed',
        rule: '…',
        points: total - 2.5,
        maxPoints: 20,
      },
      {
        id: 'km1',
        label: 'Udział w I Kamieniu Milowym',
        kind: 'bonus',
        rule: '…',
        points: 2.5,
        maxPoints: 2.5,
      },
    ],
    total,
    maxTotal: 22.5,
    missing: complete ? [] : ['motivation'],
  };
}

/** Podlaskie's list, in order of sending. */
const LISTED: Omit<ReviewedCard, 'callId'>[] = [
  { teryt: '2001022', submittedAt: minute(1), reviewStatus: 'scored', score: score(14) }, // Augustów
  { teryt: '2001032', submittedAt: minute(2) }, // Bargłów Kościelny, not assessed
  { teryt: '2001043', submittedAt: minute(3), reviewStatus: 'scored', score: score(17), channel: 'post' }, // Lipsk
  { teryt: '2002063', submittedAt: minute(4), reviewStatus: 'scored', score: score(14) }, // Łapy
  { teryt: '2002052', submittedAt: minute(5), reviewStatus: 'needs_correction' }, // Juchnowiec Kościelny
  { teryt: '2007022', submittedAt: minute(6), reviewStatus: 'scored', score: score(9) }, // Łomża (wiejska)
  { teryt: '2003032', submittedAt: minute(7), status: 'withdrawn', reviewStatus: 'formal_passed' }, // Bielsk Podlaski
  { teryt: '2002032', submittedAt: minute(8), reviewStatus: 'formal_passed', score: score(5, false) }, // Dobrzyniewo Duże
  { teryt: '2062011', submittedAt: minute(9), channel: 'email' }, // Łomża (miejska)
];

/** Podlaskie's ranking: A–F ranked, G and H waiting for a score, I withdrawn, J resigned from a seat. */
const RANKING: Omit<ReviewedCard, 'callId'>[] = [
  { teryt: '2001022', submittedAt: minute(1), reviewStatus: 'selected', score: score(20) }, // A augustowski
  { teryt: '2001032', submittedAt: minute(2), reviewStatus: 'scored', score: score(18) }, // B augustowski
  { teryt: '2002063', submittedAt: minute(3), reviewStatus: 'scored', score: score(18) }, // C białostocki
  { teryt: '2002052', submittedAt: minute(4), reviewStatus: 'reserve', score: score(15) }, // D białostocki
  { teryt: '2003032', submittedAt: minute(5), reviewStatus: 'reserve', score: score(12) }, // E bielski
  { teryt: '2007022', submittedAt: minute(6), reviewStatus: 'scored', score: score(10) }, // F łomżyński
  { teryt: '2001052', submittedAt: minute(7), reviewStatus: 'formal_passed', score: score(5, false) }, // G
  { teryt: '2001062', submittedAt: minute(8) }, // H
  { teryt: '2001072', submittedAt: minute(9), status: 'withdrawn' }, // I
  { teryt: '2003062', submittedAt: minute(10), reviewStatus: 'resigned', score: score(19) }, // J bielski
];

/** A call of all five partner voivodeships, for the dashboard and the export. */
const EVERYWHERE: Omit<ReviewedCard, 'callId'>[] = [
  { teryt: '2001022', submittedAt: minute(1), reviewStatus: 'selected', score: score(20) },
  { teryt: '2001032', submittedAt: minute(2), reviewStatus: 'reserve', score: score(12.5) },
  { teryt: '2002063', submittedAt: minute(3) },
  { teryt: '1801052', submittedAt: minute(4), reviewStatus: 'selected', score: score(16), channel: 'post' },
  { teryt: '1802022', submittedAt: minute(5), status: 'withdrawn' },
  {
    teryt: '2604083',
    submittedAt: '2026-01-15T08:30:00.000Z',
    reviewStatus: 'not_selected',
    score: score(7),
  },
];

beforeAll(async () => {
  await loadDemoData(db, new Date());
  const [template] = demoCalls(new Date());
  if (!template) throw new Error('demo calls missing');
  await createCall(db, { ...template, id: RANKING_CALL, wojewodztwa: ['20'] });
  await createCall(db, { ...template, id: ALL_CALL, wojewodztwa: ['18', '20', '06', '26', '14'] });
  await loadItems(db, [
    ...LISTED.map((card) => reviewedCardItem({ ...card, callId: LIST_CALL })),
    ...RANKING.map((card) => reviewedCardItem({ ...card, callId: RANKING_CALL })),
    ...EVERYWHERE.map((card) => reviewedCardItem({ ...card, callId: ALL_CALL })),
  ]);
  api = await startApi();
});
afterAll(() => api.close());

async function signedIn(role: User['role'], wojewodztwa: string[]): Promise<string> {
  return sessionCookieFor(db, {
    email: `rops.${randomUUID()}@rops.example`,
    name: 'Koordynator',
    role,
    wojewodztwa,
  });
}
const podlaskie = () => signedIn('coordinator', ['20']);
const lead = () => signedIn('lead', ['18', '20', '06', '26', '14']);

async function call(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    json:
      type.startsWith('application/json') && bytes.length > 0
        ? JSON.parse(bytes.toString('utf8'))
        : undefined,
  };
}

async function page(cookie: string, query: string) {
  const response = await call(`/api/admin/calls/${LIST_CALL}/cards?wojewodztwo=20&${query}`, { cookie });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return ZAdminCardsPage.parse(response.json);
}

function fieldsOf(response: { status: number; json: unknown }): string[] {
  expect(response.status).toBe(400);
  const { error } = ZErrorResponse.parse(response.json);
  expect(error.code).toBe('VALIDATION_FAILED');
  return Object.keys(error.fields ?? {});
}

describe('the list of cards', () => {
  it('gives each row its review status, score total and channel, reading old items tolerantly', async () => {
    const { cards, total } = await page(await podlaskie(), '');

    expect(total).toBe(LISTED.length);
    expect(cards.map((card) => card.teryt)).toEqual(LISTED.map((card) => card.teryt));
    expect(cards[0]).toMatchObject({
      reviewStatus: 'scored',
      scoreTotal: 14,
      scoreComplete: true,
      channel: 'online',
    });
    // Never assessed: no review attributes on the item at all.
    expect(cards[1]).toMatchObject({ reviewStatus: 'sent', scoreComplete: false, channel: 'online' });
    expect(cards[1]).not.toHaveProperty('scoreTotal');
    expect(cards[2]?.channel).toBe('post');
    expect(cards[6]).toMatchObject({ status: 'withdrawn', reviewStatus: 'withdrawn' });
  });

  it('filters by review status, powiat and kind, counting each status under the other filters', async () => {
    const cookie = await podlaskie();

    const scored = await page(cookie, 'status=scored');
    const bialostocki = await page(cookie, 'powiat=2002');
    const townAndCountry = await page(cookie, 'kind=miejsko-wiejska');
    const scoredInBialostocki = await page(cookie, 'powiat=2002&status=scored');

    expect(scored.cards.map((card) => card.teryt)).toEqual(['2001022', '2001043', '2002063', '2007022']);
    expect(scored.counts).toMatchObject({
      sent: 2,
      scored: 4,
      needs_correction: 1,
      formal_passed: 1,
      withdrawn: 1,
    });
    expect(bialostocki.cards.map((card) => card.teryt)).toEqual(['2002063', '2002052', '2002032']);
    expect(townAndCountry.cards.map((card) => card.teryt)).toEqual(['2001043', '2002063']);
    expect(scoredInBialostocki.cards.map((card) => card.teryt)).toEqual(['2002063']);
    expect(scoredInBialostocki.counts).toMatchObject({
      scored: 1,
      needs_correction: 1,
      formal_passed: 1,
      sent: 0,
    });
    expect(scoredInBialostocki.total).toBe(1);
  });

  it('sorts by score (highest first, ties by earlier sending, unscored last) and by name in Polish order', async () => {
    const cookie = await podlaskie();

    const byScore = await page(cookie, 'sort=score');
    const byName = await page(cookie, 'sort=name');

    expect(byScore.cards.map((card) => card.teryt)).toEqual([
      '2001043', // 17
      '2001022', // 14, sent at 12:01
      '2002063', // 14, sent at 12:04
      '2007022', // 9
      '2002032', // 5 (incomplete)
      '2001032', // unscored, in order of sending
      '2002052',
      '2003032',
      '2062011',
    ]);
    // Ł comes after L and before M in Polish; code-point order would put it after Z.
    expect(byName.cards.map((card) => card.gminaName)).toEqual([
      'Augustów',
      'Bargłów Kościelny',
      'Bielsk Podlaski',
      'Dobrzyniewo Duże',
      'Juchnowiec Kościelny',
      'Lipsk',
      'Łapy',
      'Łomża',
      'Łomża',
    ]);
    expect(byName.cards.slice(-2).map((card) => card.teryt)).toEqual(['2007022', '2062011']);
  });

  it('finds gminas by name without diacritics', async () => {
    const cookie = await podlaskie();
    const lubelskie = await lead();

    const lomza = await page(cookie, 'q=lomza');
    const barglow = await page(cookie, 'q=BARGLOW%20kosc');
    const lopuszno = await call(`/api/admin/calls/${ALL_CALL}/cards?wojewodztwo=26&q=lopuszno`, {
      cookie: lubelskie,
    });

    expect(lomza.cards.map((card) => card.teryt)).toEqual(['2007022', '2062011']);
    expect(barglow.cards.map((card) => card.gminaName)).toEqual(['Bargłów Kościelny']);
    expect(ZAdminCardsPage.parse(lopuszno.json).cards.map((card) => card.gminaName)).toEqual(['Łopuszno']);
  });

  it('pages a filtered, sorted list with opaque tokens good only for the filters and order they came with', async () => {
    const cookie = await podlaskie();
    const query = 'sort=score&limit=3';

    const first = await page(cookie, query);
    const second = await page(cookie, `${query}&pageToken=${first.nextPageToken}`);
    const third = await page(cookie, `${query}&pageToken=${second.nextPageToken}`);
    const otherOrder = await call(
      `/api/admin/calls/${LIST_CALL}/cards?wojewodztwo=20&sort=name&limit=3&pageToken=${first.nextPageToken}`,
      { cookie },
    );
    const otherFilter = await call(
      `/api/admin/calls/${LIST_CALL}/cards?wojewodztwo=20&${query}&kind=wiejska&pageToken=${first.nextPageToken}`,
      { cookie },
    );
    const tampered = Buffer.from(JSON.stringify(['score', 'x', 14, minute(1), '2001022'])).toString(
      'base64url',
    );
    const forged = await call(
      `/api/admin/calls/${LIST_CALL}/cards?wojewodztwo=20&${query}&pageToken=${tampered}`,
      {
        cookie,
      },
    );
    // Checked before anything is read: a call that does not exist answers the same 400.
    const nowhere = await call(
      `/api/admin/calls/no-such-call/cards?wojewodztwo=20&${query}&pageToken=${tampered}`,
      {
        cookie,
      },
    );

    expect([...first.cards, ...second.cards, ...third.cards].map((card) => card.teryt)).toEqual(
      (await page(cookie, 'sort=score')).cards.map((card) => card.teryt),
    );
    expect(third.nextPageToken).toBeUndefined();
    for (const response of [otherOrder, otherFilter, forged, nowhere])
      expect(fieldsOf(response)).toEqual(['query.pageToken']);
  });

  it('refuses unknown status and sort values, and a powiat of another voivodeship, with the field named', async () => {
    const cookie = await podlaskie();
    const base = `/api/admin/calls/${LIST_CALL}/cards?wojewodztwo=20`;

    expect(fieldsOf(await call(`${base}&status=approved`, { cookie }))).toEqual(['query.status']);
    expect(fieldsOf(await call(`${base}&sort=random`, { cookie }))).toEqual(['query.sort']);
    expect(fieldsOf(await call(`${base}&kind=city`, { cookie }))).toEqual(['query.kind']);
    expect(fieldsOf(await call(`${base}&powiat=1801`, { cookie }))).toEqual(['query.powiat']);
  });
});

describe('the ranking', () => {
  const path = `/api/admin/calls/${RANKING_CALL}/ranking?wojewodztwo=20`;
  const settingsPath = `/api/admin/calls/${RANKING_CALL}/ranking/settings?wojewodztwo=20`;

  it('ranks the cards with a complete score before any settings, without proposals', async () => {
    const cookie = await podlaskie();
    const response = await call(`/api/admin/calls/${LIST_CALL}/ranking?wojewodztwo=20`, { cookie });

    const ranking = ZRankingResponse.parse(response.json);
    expect(ranking.settings).toBeUndefined();
    expect(ranking.ranked.map((card) => [card.teryt, card.position, card.proposal])).toEqual([
      ['2001043', 1, undefined],
      ['2001022', 2, undefined],
      ['2002063', 3, undefined],
      ['2007022', 4, undefined],
    ]);
    expect(ranking.unscored).toBe(4);
    expect(ranking.replacements).toEqual([]);
  });

  it('proposes seats and reserve from the settings, and the best reserve card for the seat a resignation freed', async () => {
    const cookie = await podlaskie();

    // None stored yet: revision 0.
    const put = await call(settingsPath, {
      method: 'PUT',
      cookie,
      body: { seats: 3, reserveSize: 2, revision: 0 },
    });
    const ranking = ZRankingResponse.parse((await call(path, { cookie })).json);

    expect(put.status).toBe(200);
    expect(ZStoredRankingSettings.parse(put.json)).toMatchObject({ seats: 3, reserveSize: 2, revision: 1 });
    expect(ranking.settings).toMatchObject({ seats: 3, reserveSize: 2, revision: 1 });
    expect(ranking.ranked.map((card) => [card.teryt, card.position, card.proposal, card.status])).toEqual([
      ['2001022', 1, 'selected', 'selected'],
      ['2001032', 2, 'selected', 'scored'],
      ['2002063', 3, 'selected', 'scored'],
      ['2002052', 4, 'reserve', 'reserve'],
      ['2003032', 5, 'reserve', 'reserve'],
      ['2007022', 6, 'not_selected', 'scored'],
    ]);
    expect(ranking.ranked[0]).toMatchObject({
      gminaName: 'Augustów',
      powiatName: 'augustowski',
      scoreTotal: 20,
    });
    expect(ranking.unscored).toBe(2);
    expect(ranking.replacements).toEqual([
      {
        resigned: { teryt: '2003062', gminaName: 'Orla' },
        candidate: { teryt: '2002052', gminaName: 'Juchnowiec Kościelny' },
      },
    ]);
  });

  it('splits seats between groups of powiats by quota, a freed seat staying in its group', async () => {
    const cookie = await podlaskie();
    const quotas = [
      { name: 'północ', powiatCodes: ['2001', '2007'], seats: 2 },
      { name: 'południe', powiatCodes: ['2002', '2003'], seats: 1 },
    ];

    const put = await call(settingsPath, {
      method: 'PUT',
      cookie,
      body: { seats: 3, reserveSize: 2, quotas, revision: 1 },
    });
    const ranking = ZRankingResponse.parse((await call(path, { cookie })).json);

    expect(put.status).toBe(200);
    expect(ranking.ranked.map((card) => [card.teryt, card.group, card.proposal])).toEqual([
      ['2001022', 'północ', 'selected'],
      ['2001032', 'północ', 'selected'],
      ['2002063', 'południe', 'selected'],
      ['2002052', 'południe', 'reserve'],
      ['2003032', 'południe', 'reserve'],
      ['2007022', 'północ', 'not_selected'],
    ]);
    expect(ranking.replacements).toEqual([
      {
        resigned: { teryt: '2003062', gminaName: 'Orla' },
        group: 'południe',
        candidate: { teryt: '2002052', gminaName: 'Juchnowiec Kościelny' },
      },
    ]);
  });

  it('refuses invalid settings, naming the field, and changes nothing', async () => {
    const cookie = await podlaskie();
    const before = await tableSnapshot(db);
    const put = (body: object) =>
      call(settingsPath, { method: 'PUT', cookie, body: { revision: 2, ...body } });
    const group = (powiatCodes: string[], seats: number, name = `g${seats}${powiatCodes[0]}`) => ({
      name,
      powiatCodes,
      seats,
    });

    const noSeats = await put({ seats: 0, reserveSize: 2 });
    const sum = await put({ seats: 3, reserveSize: 0, quotas: [group(['2001'], 1), group(['2002'], 1)] });
    const foreign = await put({ seats: 2, reserveSize: 0, quotas: [group(['1801'], 1), group(['2002'], 1)] });
    const unknown = await put({ seats: 2, reserveSize: 0, quotas: [group(['2001'], 1), group(['2099'], 1)] });
    const twice = await put({
      seats: 2,
      reserveSize: 0,
      quotas: [group(['2001', '2002'], 1), group(['2002'], 1)],
    });
    const extra = await put({ seats: 2, reserveSize: 0, tieBreak: 'chance' });
    const noRevision = await call(settingsPath, {
      method: 'PUT',
      cookie,
      body: { seats: 2, reserveSize: 0 },
    });
    const badRevision = await put({ seats: 2, reserveSize: 0, revision: -1 });

    expect(fieldsOf(noSeats)).toEqual(['seats']);
    expect(fieldsOf(sum)).toEqual(['quotas']);
    expect(fieldsOf(foreign)).toEqual(['quotas.0.powiatCodes.0']);
    expect(fieldsOf(unknown)).toEqual(['quotas.1.powiatCodes.0']);
    expect(fieldsOf(twice)).toEqual(['quotas.1.powiatCodes.0']);
    expect(fieldsOf(extra)).toEqual(['tieBreak']);
    expect(fieldsOf(noRevision)).toEqual(['revision']);
    expect(fieldsOf(badRevision)).toEqual(['revision']);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('refuses settings saved over a revision another coordinator replaced, with 409 and nothing changed', async () => {
    const [first, second] = [await podlaskie(), await podlaskie()];
    // Both read revision 2 (the quotas above); the first saves, the second still holds revision 2.
    const read = ZRankingResponse.parse((await call(path, { cookie: second })).json);
    expect(read.settings?.revision).toBe(2);
    const saved = await call(settingsPath, {
      method: 'PUT',
      cookie: first,
      body: { seats: 4, reserveSize: 1, revision: 2 },
    });
    expect(ZStoredRankingSettings.parse(saved.json)).toMatchObject({ seats: 4, revision: 3 });
    const before = await tableSnapshot(db);

    const stale = await call(settingsPath, {
      method: 'PUT',
      cookie: second,
      body: { seats: 2, reserveSize: 0, revision: 2 },
    });
    // "None stored" is stale too once someone has saved.
    const fromScratch = await call(settingsPath, {
      method: 'PUT',
      cookie: second,
      body: { seats: 2, reserveSize: 0, revision: 0 },
    });

    for (const response of [stale, fromScratch]) {
      expect(response.status).toBe(409);
      const { error } = ZErrorResponse.parse(response.json);
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toBe('Zasób już istnieje albo został zmieniony w międzyczasie.');
    }
    expect(await tableSnapshot(db)).toEqual(before);
    const after = ZRankingResponse.parse((await call(path, { cookie: second })).json);
    expect(after.settings).toMatchObject({ seats: 4, reserveSize: 1, revision: 3 });
    expect(after.settings?.quotas).toBeUndefined();
  });

  it('reads settings saved before revisions as revision 1, and saves over them with it', async () => {
    const cookie = await podlaskie();
    const legacyPath = `/api/admin/calls/${LIST_CALL}/ranking/settings?wojewodztwo=20`;
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keys.rankingSettings(LIST_CALL, '20'),
          type: 'ranking-settings',
          callId: LIST_CALL,
          wojewodztwo: '20',
          seats: 2,
          reserveSize: 1,
          updatedAt: minute(30),
          updatedBy: 'dawniej@rops.example',
        },
      }),
    );
    const ranking = ZRankingResponse.parse(
      (await call(`/api/admin/calls/${LIST_CALL}/ranking?wojewodztwo=20`, { cookie })).json,
    );
    expect(ranking.settings).toMatchObject({ seats: 2, revision: 1 });

    const asIfNone = await call(legacyPath, {
      method: 'PUT',
      cookie,
      body: { seats: 3, reserveSize: 1, revision: 0 },
    });
    const saved = await call(legacyPath, {
      method: 'PUT',
      cookie,
      body: { seats: 3, reserveSize: 1, revision: 1 },
    });

    expect(asIfNone.status).toBe(409);
    expect(ZStoredRankingSettings.parse(saved.json)).toMatchObject({ seats: 3, revision: 2 });
    await db.client.send(
      new DeleteCommand({ TableName: db.tableName, Key: keys.rankingSettings(LIST_CALL, '20') }),
    );
  });
});

describe("the lead's dashboard", () => {
  it('shows every voivodeship of the call side by side to the lead, and only their own to a coordinator', async () => {
    const forLead = await call(`/api/admin/calls/${ALL_CALL}/dashboard`, { cookie: await lead() });
    const forPodlaskie = await call(`/api/admin/calls/${ALL_CALL}/dashboard`, { cookie: await podlaskie() });

    const all = ZCallDashboard.parse(forLead.json);
    expect(all.wojewodztwa.map((row) => row.wojewodztwo)).toEqual(['18', '20', '06', '26', '14']);
    expect(all.wojewodztwa.find((row) => row.wojewodztwo === '20')).toMatchObject({
      cards: 3,
      selected: 1,
      reserve: 1,
      byStatus: { sent: 1, selected: 1, reserve: 1, withdrawn: 0 },
    });
    expect(all.wojewodztwa.find((row) => row.wojewodztwo === '18')).toMatchObject({
      cards: 2,
      selected: 1,
      byStatus: { withdrawn: 1 },
    });
    expect(all.wojewodztwa.find((row) => row.wojewodztwo === '06')).toMatchObject({ cards: 0, selected: 0 });
    expect(ZCallDashboard.parse(forPodlaskie.json).wojewodztwa.map((row) => row.wojewodztwo)).toEqual(['20']);
  });
});

describe('the CSV export', () => {
  it("gives the lead every voivodeship's cards with their scores, for Excel, and logs who exported them", async () => {
    const email = `lider.${randomUUID()}@rops.example`;
    const cookie = await sessionCookieFor(db, { email, name: 'Lider', role: 'lead', wojewodztwa: ['18'] });

    const response = await call(`/api/admin/calls/${ALL_CALL}/export.csv`, { cookie });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="karty-${ALL_CALL}-wszystkie-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // No field holds a separator, a quote or a line break, so splitting reads it back.
    const lines = response.bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    const [header, ...rows] = lines.map((line) => line.split(';'));
    expect(header).toEqual([
      'TERYT',
      'Gmina',
      'Powiat',
      'Województwo',
      'Rodzaj gminy',
      'Numer zgłoszenia',
      'Data wysłania',
      'Kanał',
      'Status oceny',
      'Potrzeby gminy',
      'Udział w I Kamieniu Milowym',
      'Suma punktów',
      'Ocena kompletna',
    ]);
    expect(rows).toHaveLength(EVERYWHERE.length);
    const byTeryt = new Map(rows.map((row) => [row[0], row]));
    expect(byTeryt.get('2604083')).toEqual([
      '2604083',
      'Łopuszno',
      'kielecki',
      'świętokrzyskie',
      'miejsko-wiejska',
      expect.stringMatching(/^KZ-/),
      '2026-01-15 09:30:00', // winter: UTC+1
      'przez stronę',
      'niewybrana',
      '4,5',
      '2,5',
      '7',
      'tak',
    ]);
    expect(byTeryt.get('2001032')?.slice(6)).toEqual([
      '2026-05-18 14:02:00',
      'przez stronę',
      'lista rezerwowa',
      '10',
      '2,5',
      '12,5',
      'tak',
    ]);
    expect(byTeryt.get('1801052')?.[7]).toBe('pocztą');
    expect(byTeryt.get('1802022')?.slice(8)).toEqual(['wycofana', '', '', '', 'nie']);

    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `ACTOR#${email}` },
      }),
    );
    expect(Items).toEqual([
      expect.objectContaining({
        pk: `CALL#${ALL_CALL}`,
        sk: expect.stringMatching(/^EXPORT#\d{4}-\d{2}-\d{2}T[\d:.]+Z#[\w-]+$/),
        by: email,
        wojewodztwa: ['18', '20', '06', '26', '14'],
        cards: EVERYWHERE.length,
      }),
    ]);
  });

  it("gives a coordinator their voivodeship's cards only", async () => {
    const cookie = await podlaskie();

    const chosen = await call(`/api/admin/calls/${ALL_CALL}/export.csv?wojewodztwo=20`, { cookie });
    const theirs = await call(`/api/admin/calls/${ALL_CALL}/export.csv`, { cookie });

    for (const response of [chosen, theirs]) {
      expect(response.status).toBe(200);
      const rows = response.bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean).slice(1);
      expect(rows.map((row) => row.slice(0, 7)).sort()).toEqual(['2001022', '2001032', '2002063']);
    }
    expect(chosen.headers.get('content-disposition')).toContain(`karty-${ALL_CALL}-20-`);
  });
});

describe('access', () => {
  it('answers 401 on every new route without a session', async () => {
    const paths = [
      `/api/admin/calls/${ALL_CALL}/ranking?wojewodztwo=20`,
      `/api/admin/calls/${ALL_CALL}/dashboard`,
      `/api/admin/calls/${ALL_CALL}/export.csv`,
    ];
    for (const path of paths) expect((await call(path)).status).toBe(401);
    const put = await call(`/api/admin/calls/${ALL_CALL}/ranking/settings?wojewodztwo=20`, {
      method: 'PUT',
      body: { seats: 1, reserveSize: 0, revision: 0 },
    });
    expect(put.status).toBe(401);
  });

  it("refuses podlaskie's coordinator everything of podkarpackie, before reading, and changes nothing", async () => {
    const cookie = await podlaskie();
    const before = await tableSnapshot(db);

    const responses = [
      await call(`/api/admin/calls/${ALL_CALL}/cards?wojewodztwo=18&sort=score`, { cookie }),
      await call(`/api/admin/calls/${ALL_CALL}/ranking?wojewodztwo=18`, { cookie }),
      await call(`/api/admin/calls/${ALL_CALL}/ranking/settings?wojewodztwo=18`, {
        method: 'PUT',
        cookie,
        body: { seats: 1, reserveSize: 0, revision: 0 },
      }),
      await call('/api/admin/calls/liderzy-kooperacji-18/dashboard', { cookie }),
      await call(`/api/admin/calls/${ALL_CALL}/export.csv?wojewodztwo=18`, { cookie }),
      await call('/api/admin/calls/liderzy-kooperacji-18/export.csv', { cookie }),
      // Refused before the call is looked up: one that does not exist answers the same.
      await call('/api/admin/calls/no-such-call/ranking?wojewodztwo=18', { cookie }),
    ];

    for (const response of responses) {
      expect(response.status).toBe(403);
      expect(ZErrorResponse.parse(response.json).error.code).toBe('FORBIDDEN');
    }
    expect(await tableSnapshot(db)).toEqual(before);
  });
});
