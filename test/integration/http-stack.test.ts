import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../functions/lib/errors.ts';
import { httpRoute, MAX_BODY_BYTES, SECURITY_HEADERS } from '../../functions/lib/http.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { ZCall } from '../../shared/schemas/programme.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { httpEvent, lambdaContext } from '../support/http.ts';

/**
 * The middy stack every route shares, exercised through a route that really writes (a call, to DynamoDB
 * Local): each rejected request must leave the table exactly as it was.
 */
const db = testDb();

const createCallRoute = httpRoute({ body: ZCall }, async ({ body }) => {
  if ((await createCall(db, body)) === 'exists') throw new AppError('CONFLICT');
  return { statusCode: 201, body: { id: body.id } };
});

const failingRoute = httpRoute({}, async () => {
  throw new Error('secret detail from /var/task/index.js: password=hunter2');
});

const validCall = {
  id: 'nabor-testowy',
  programmeId: 'liderzy-kooperacji',
  title: 'Nabór testowy',
  wojewodztwa: ['20'],
  gminaKinds: ['wiejska'],
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-12-01T22:59:59.000Z',
  formVersion: 1,
  rules: 'Zasady naboru.',
};

async function post(
  body: string | undefined,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  isBase64Encoded = false,
) {
  const response = (await createCallRoute(
    httpEvent({ method: 'POST', path: '/api/calls', body, headers, isBase64Encoded }),
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  return { ...response, json: response.body ? JSON.parse(response.body) : undefined };
}

describe('the shared HTTP stack', () => {
  let before: Record<string, unknown>[];
  beforeEach(async () => {
    before = await tableSnapshot(db);
  });

  it('stores a valid body and answers 201 with security headers', async () => {
    const response = await post(JSON.stringify({ ...validCall, id: `ok-${Date.now()}` }));

    expect(response.statusCode).toBe(201);
    expect(response.headers).toMatchObject(SECURITY_HEADERS);
    expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect((await tableSnapshot(db)).length).toBe(before.length + 2);
  });

  it.each([
    ['malformed JSON', '{"id": "x",', { 'content-type': 'application/json' }, 400, 'MALFORMED_JSON'],
    ['a body that is not JSON at all', 'id=x', { 'content-type': 'application/json' }, 400, 'MALFORMED_JSON'],
    [
      'the wrong content type',
      JSON.stringify(validCall),
      { 'content-type': 'text/plain' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['no content type', JSON.stringify(validCall), {}, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'JSON declared in another encoding',
      JSON.stringify(validCall),
      { 'content-type': 'application/json; charset=iso-8859-2' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over 100 KB',
      JSON.stringify({ ...validCall, rules: 'x'.repeat(MAX_BODY_BYTES) }),
      { 'content-type': 'application/json' },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('rejects %s and stores nothing', async (_, body, headers, status, code) => {
    const response = await post(body, headers);

    expect(response.statusCode).toBe(status);
    expect(ZErrorResponse.parse(response.json).error.code).toBe(code);
    expect(response.headers).toMatchObject(SECURITY_HEADERS);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it.each([
    ['cross-site', 403],
    ['same-site', 403],
    ['same-origin', 201],
  ])('answers a browser request from a %s page with %i', async (site, status) => {
    const response = await post(JSON.stringify({ ...validCall, id: `site-${site}-${Date.now()}` }), {
      'content-type': 'application/json',
      'sec-fetch-site': site,
    });

    expect(response.statusCode).toBe(status);
    if (status === 403) {
      expect(ZErrorResponse.parse(response.json).error.code).toBe('CROSS_SITE_REQUEST');
      expect(await tableSnapshot(db)).toEqual(before);
    }
  });

  it('counts the 100 KB limit in bytes, not characters', async () => {
    // 40,000 two-byte characters are 80,000 bytes of UTF-8 plus the rest: over the limit only as bytes.
    const body = JSON.stringify({ ...validCall, rules: 'ż'.repeat(MAX_BODY_BYTES / 2 + 10) });
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);

    const response = await post(body);

    expect(response.statusCode).toBe(413);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('takes JSON declared as UTF-8, however the charset is spelt', async () => {
    const response = await post(JSON.stringify({ ...validCall, id: `utf8-${Date.now()}` }), {
      'content-type': 'application/json; charset="UTF-8"',
    });

    expect(response.statusCode).toBe(201);
  });

  it('refuses bytes that are not UTF-8 instead of storing U+FFFD in place of the letters sent', async () => {
    // "Nabór" in ISO-8859-2, where ó is the byte 0xF3: not valid UTF-8.
    const [head, tail] = JSON.stringify({ ...validCall, title: 'Nab|r' }).split('|') as [string, string];
    const body = Buffer.concat([Buffer.from(head), Buffer.from([0xf3]), Buffer.from(tail)]).toString(
      'base64',
    );

    const response = await post(body, { 'content-type': 'application/json' }, true);

    expect(response.statusCode).toBe(400);
    expect(ZErrorResponse.parse(response.json).error.code).toBe('MALFORMED_JSON');
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it.each([
    ['at the top', `{"__proto__":{"isAdmin":true},${JSON.stringify(validCall).slice(1)}`, '__proto__'],
    [
      'nested, written with escapes',
      JSON.stringify({ ...validCall, rules: { x: { placeholder: 1 } } }).replace(
        'placeholder',
        '\\u005f_proto__',
      ),
      'rules.x.__proto__',
    ],
  ])('refuses a "__proto__" key %s, naming it, and stores nothing', async (_, body, path) => {
    const response = await post(body);

    expect(response.statusCode).toBe(400);
    expect(response.json.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { [path]: 'unknown_field' },
    });
    expect(Object.keys(response.json.error.fields)).toEqual([path]);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it.each([
    ['an array', `${'['.repeat(25_000)}${']'.repeat(25_000)}`, '_'],
    ['an object', `${'{"a":'.repeat(16_000)}{"__proto__":1}${'}'.repeat(16_000)}`, '__proto__'],
  ])(
    'refuses %s nested tens of thousands of levels deep, as any other wrong body',
    async (_, body, end) => {
      const response = await post(body);

      expect(response.statusCode).toBe(400);
      expect(ZErrorResponse.parse(response.json).error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.json.error.fields ?? {})[0]?.endsWith(end)).toBe(true);
      expect(await tableSnapshot(db)).toEqual(before);
      // Not a speed measure (≈ 50 ms here): a walk that copied the path at every level took 19 s for this
      // 50 KB body, past the Lambda's 10 s timeout, and such work is what this limit catches.
    },
    5_000,
  );

  it('names unknown fields and stores nothing', async () => {
    const response = await post(JSON.stringify({ ...validCall, isAdmin: true }));

    expect(response.statusCode).toBe(400);
    expect(response.json.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { isAdmin: 'unknown_field' },
    });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('names missing and invalid fields, with a Polish message', async () => {
    const { title: _title, ...withoutTitle } = validCall;
    const response = await post(JSON.stringify({ ...withoutTitle, closesAt: 'jutro' }));

    expect(response.statusCode).toBe(400);
    expect(response.json.error.fields).toEqual({ title: 'required', closesAt: 'invalid' });
    expect(response.json.error.message).toBe('Niektóre pola są wypełnione niepoprawnie.');
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('reads base64-encoded bodies as API Gateway sends them', async () => {
    const id = `b64-${Date.now()}`;
    const body = Buffer.from(JSON.stringify({ ...validCall, id })).toString('base64');

    const response = await post(body, { 'content-type': 'application/json; charset=utf-8' }, true);

    expect(response.statusCode).toBe(201);
    expect(response.json).toEqual({ id });
  });

  it('answers a second identical create with 409 and keeps the first', async () => {
    const body = JSON.stringify({ ...validCall, id: `twice-${Date.now()}` });
    await post(body);
    const afterFirst = await tableSnapshot(db);

    const response = await post(body);

    expect(response.statusCode).toBe(409);
    expect(response.json.error.code).toBe('CONFLICT');
    expect(await tableSnapshot(db)).toEqual(afterFirst);
  });

  it('turns an unexpected failure into a bare 500: no message, path or stack leaks', async () => {
    const response = (await failingRoute(
      httpEvent({ method: 'GET', path: '/api/boom' }),
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;

    expect(response.statusCode).toBe(500);
    const body = ZErrorResponse.parse(JSON.parse(response.body ?? ''));
    expect(body.error.code).toBe('INTERNAL');
    expect(response.body).not.toMatch(/secret|hunter2|\/var\/task|at .*\(/);
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a body sent to a route that takes none', async () => {
    const response = (await failingRoute(
      httpEvent({
        method: 'GET',
        path: '/api/boom',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '').error.fields).toEqual({ _: 'unexpected_body' });
  });
});
