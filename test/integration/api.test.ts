import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from '../../functions/domain/check-health.ts';
import { SECURITY_HEADERS } from '../../functions/lib/http.ts';
import { demoCalls, loadDemoData } from '../../functions/local/demo-data.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { createDb } from '../../functions/repositories/dynamo.ts';
import { ZErrorResponse, ZHealthResponse } from '../../shared/schemas/api.ts';
import { ZCallResponse, ZOpenCallsResponse, ZProgrammeResponse } from '../../shared/schemas/programme.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';

/** The real handlers behind the local API server, on DynamoDB Local with the demo data. */
const db = testDb();
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
});
afterAll(() => api.close());

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(`${api.url}${path}`, init);
  return { status: response.status, headers: response.headers, json: await response.json() };
}

describe('GET /api/health', () => {
  it('reports the API and the table as reachable', async () => {
    const response = await get('/api/health');

    expect(response.status).toBe(200);
    expect(ZHealthResponse.parse(response.json)).toMatchObject({
      status: 'ok',
      checks: { api: 'ok', table: 'ok' },
    });
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(response.headers.get(name)).toBe(value);
  });

  it('reports an unreachable table as degraded', async () => {
    const unreachable = createDb({
      TABLE_NAME: 'any',
      AWS_REGION: 'eu-central-1',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    });

    const health = await checkHealth({ db: unreachable, now: () => new Date() });

    expect(health).toMatchObject({ status: 'degraded', checks: { table: 'unreachable' } });
  });
});

describe('GET /api/calls', () => {
  it('lists the open demo calls, soonest deadline first', async () => {
    const response = await get('/api/calls');

    expect(response.status).toBe(200);
    const { calls } = ZOpenCallsResponse.parse(response.json);
    expect(calls.map((call) => call.wojewodztwa[0]).sort()).toEqual([
      '04',
      '06',
      '08',
      '14',
      '18',
      '20',
      '22',
      '26',
      '28',
      '30',
      '32',
    ]);
    expect(new Set(calls.map((call) => call.programmeName))).toEqual(
      new Set(['Liderzy kooperacji', 'Kooperacja – efektywna i skuteczna']),
    );
    expect(calls.map((call) => call.closesAt)).toEqual(calls.map((call) => call.closesAt).sort());
  });

  it('filters by voivodeship through its own index partition', async () => {
    const response = await get('/api/calls?wojewodztwo=20');

    expect(ZOpenCallsResponse.parse(response.json).calls.map((call) => call.id)).toEqual([
      'liderzy-kooperacji-20',
    ]);
    expect((await get('/api/calls?wojewodztwo=02')).json.calls).toEqual([]);
  });

  it('leaves out calls not yet open and calls already closed', async () => {
    const day = 86_400_000;
    const [future] = demoCalls(new Date(Date.now() + 60 * day));
    const [past] = demoCalls(new Date(Date.now() - 60 * day));
    if (!future || !past) throw new Error('demo calls missing');
    await createCall(db, { ...future, id: 'not-yet-open' });
    await createCall(db, { ...past, id: 'already-closed' });

    const response = await get('/api/calls');
    const ids = ZOpenCallsResponse.parse(response.json).calls.map((call) => call.id);

    expect(ids).toHaveLength(11);
    expect(ids).not.toContain('not-yet-open');
    expect(ids).not.toContain('already-closed');
  });

  it('rejects an unknown query parameter and a malformed voivodeship code', async () => {
    const unknown = await get('/api/calls?sort=asc');
    const malformed = await get('/api/calls?wojewodztwo=podlaskie');

    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields).toEqual({ 'query.sort': 'unknown_field' });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.json.error.fields)).toEqual(['query.wojewodztwo']);
  });
});

describe('GET /api/calls/{callId}', () => {
  it('returns a call, and 404 for an unknown one', async () => {
    const found = await get('/api/calls/liderzy-kooperacji-26');
    const missing = await get('/api/calls/nie-ma-takiego');

    expect(found.status).toBe(200);
    expect(ZCallResponse.parse(found.json).call).toMatchObject({
      id: 'liderzy-kooperacji-26',
      programmeName: 'Liderzy kooperacji',
      wojewodztwa: ['26'],
    });
    expect(missing.status).toBe(404);
    expect(ZErrorResponse.parse(missing.json).error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/programmes/{programmeId}', () => {
  it('returns "Liderzy kooperacji" with KM I–IV and their dates from the recruitment letter', async () => {
    const response = await get('/api/programmes/liderzy-kooperacji');

    expect(response.status).toBe(200);
    const { programme } = ZProgrammeResponse.parse(response.json);
    expect(programme.milestones.map(({ number, startsOn, endsOn }) => [number, startsOn, endsOn])).toEqual([
      [1, '2018-04-01', '2019-03-31'],
      [2, '2019-04-01', '2020-09-30'],
      [3, '2020-10-01', '2020-12-31'],
      [4, '2021-01-01', '2021-03-31'],
    ]);
    expect(programme).toMatchObject({ leadWojewodztwo: '18', wojewodztwa: ['18', '20', '06', '26', '14'] });
  });

  it('answers 404 for an unknown programme', async () => {
    const response = await get('/api/programmes/nie-ma-takiego');

    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('NOT_FOUND');
  });
});

describe('routing', () => {
  it('answers an unknown address with 404 and a wrong method with 405 and Allow', async () => {
    const unknown = await get('/api/nothing-here', {
      method: 'POST',
      body: 'not json',
      headers: { 'content-type': 'text/plain' },
    });
    const wrongMethod = await get('/api/calls', { method: 'DELETE' });

    expect(unknown.status).toBe(404);
    expect(ZErrorResponse.parse(unknown.json).error.code).toBe('ROUTE_NOT_FOUND');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect(wrongMethod.json.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers a path with a broken escape with 404, not an error (which would raise the alarm)', async () => {
    for (const method of ['GET', 'PATCH']) {
      const response = await get('/api/calls/%E0%A4%A', { method });

      expect(response.status).toBe(404);
      expect(ZErrorResponse.parse(response.json).error.code).toBe('ROUTE_NOT_FOUND');
    }
  });
});

describe('demo data', () => {
  it('is loaded once: a second load changes nothing', async () => {
    const before = await tableSnapshot(db);

    const result = await loadDemoData(db, new Date());

    expect(result).toBe('already-present');
    expect(await tableSnapshot(db)).toEqual(before);
    // A coordinator per voivodeship of the two programmes (5 + 6) and each programme's lead.
    expect(before.filter((item) => item.type === 'user')).toHaveLength(13);
  });
});
