import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { logger } from '../../functions/lib/logger.ts';
import { ORIGIN_HEADER } from '../../functions/lib/origin.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { sendCard, sentMail, validAnswers } from '../support/cards.ts';
import { testDb } from '../support/db.ts';
import { httpEvent, lambdaContext, startApi, TEST_VIEWER_HEADER } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/** Trust and abuse: only CloudFront (locally, its edge) reaches the API, and its limits hold. */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
});
afterAll(() => api.close());

function signIn(base: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/admin/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: `nikt.${randomUUID()}@rops.example` }),
  });
}

describe('the direct path to the API', () => {
  it('refuses a request without the origin secret, or with a wrong one, with 403 before anything else', async () => {
    const without = await signIn(api.directUrl);
    const wrong = await signIn(api.directUrl, { [ORIGIN_HEADER]: 'not-the-secret-at-all' });
    const health = await fetch(`${api.directUrl}/api/health`);
    const unknown = await fetch(`${api.directUrl}/api/nothing-here`);

    for (const response of [without, wrong, health, unknown]) {
      expect(response.status).toBe(403);
      expect(ZErrorResponse.parse(await response.json()).error.code).toBe('FORBIDDEN');
    }
    // Through the edge (CloudFront's part) the same requests are served.
    expect((await signIn(api.url)).status).toBe(202);
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
  });

  it('does not let a forged CloudFront-Viewer-Address choose the client: 60 invented viewers are one client', async () => {
    // The per-client sign-in limit is 20 an hour. Directly, without the secret, every forged viewer is refused;
    // through the edge, the viewer's own address replaces the forged one, so they all count as one client.
    const viewer = `192.0.2.${Math.floor(Math.random() * 250) + 1}:443`;
    const direct: number[] = [];
    const edge: number[] = [];
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const forged = { 'cloudfront-viewer-address': `10.${attempt}.0.1:443` };
      direct.push((await signIn(api.directUrl, forged)).status);
      edge.push((await signIn(api.url, { ...forged, [TEST_VIEWER_HEADER]: viewer })).status);
    }

    expect(new Set(direct)).toEqual(new Set([403]));
    expect(edge.filter((status) => status === 202)).toHaveLength(20);
    expect(edge.slice(20).every((status) => status === 429)).toBe(true);
  });
});

describe('a change carries a JSON body', () => {
  const CALL = 'liderzy-kooperacji-18';
  const link = (init: RequestInit) =>
    fetch(`${api.url}/api/calls/${CALL}/cards/1801011/link`, { method: 'POST', ...init });

  it('refuses a bodiless or form POST that would e-mail a link (415/400), and serves one with {}', async () => {
    const bodiless = await link({});
    const form = await link({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=someone%40elsewhere.example',
    });
    const plain = await link({ headers: { 'content-type': 'text/plain' }, body: '{}' });
    const emptyJson = await link({ headers: { 'content-type': 'application/json' } });
    const signOut = await fetch(`${api.url}/api/admin/sign-out`, { method: 'POST' });
    const withdraw = await fetch(`${api.url}/api/cards/current`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${'A'.repeat(43)}` },
    });

    for (const response of [bodiless, form, plain, signOut, withdraw]) {
      expect(response.status).toBe(415);
      expect(ZErrorResponse.parse(await response.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(emptyJson.status).toBe(400);
    expect(ZErrorResponse.parse(await emptyJson.json()).error.code).toBe('MALFORMED_JSON');
    expect((await link({ headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(202);
    // DELETE takes `{}` too (the site sends it); the unknown token is what answers then.
    const withBody = await fetch(`${api.url}/api/cards/current`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${'A'.repeat(43)}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(withBody.status).toBe(401);
  });
});

describe('a stranger cannot use up what is meant for the owner', () => {
  const STRANGER = `198.51.100.${Math.floor(Math.random() * 250) + 1}:50000`;
  const OWNER = `203.0.113.${Math.floor(Math.random() * 250) + 1}:50001`;
  const mailTo = async (address: string) => await settledMailTo(db, inboxUrl, address);
  const post = (path: string, viewer: string, body: unknown = {}) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TEST_VIEWER_HEADER]: viewer },
      body: JSON.stringify(body),
    });

  it("does not lock a coordinator out of signing in: the stranger's requests stop, the owner's still get a link", async () => {
    const email = `koordynator.${randomUUID()}@rops.example`;
    await createUserIfAbsent(db, { email, name: 'Koordynator', role: 'coordinator', wojewodztwa: ['20'] });

    for (let attempt = 0; attempt < 8; attempt += 1)
      expect((await post('/api/admin/sign-in', STRANGER, { email })).status).toBe(202);
    await expect.poll(async () => (await mailTo(email)).length).toBe(5);

    expect((await post('/api/admin/sign-in', OWNER, { email })).status).toBe(202);
    await expect.poll(async () => (await mailTo(email)).length).toBe(6);
  });

  it("does not use up a card's link e-mails: after a stranger's three, the gmina still gets its link", async () => {
    const teryt = '2005092';
    const answers = validAnswers(teryt);
    expect((await sendCard(api.url, 'liderzy-kooperacji-20', answers)).status).toBe(201);
    const contact = answers.contacts.contact.email;
    await expect.poll(async () => (await mailTo(contact)).length).toBe(1);
    const path = `/api/calls/liderzy-kooperacji-20/cards/${teryt}/link`;

    const stranger = [];
    for (let attempt = 0; attempt < 4; attempt += 1) stranger.push((await post(path, STRANGER)).status);
    const owner = await post(path, OWNER);

    expect(stranger).toEqual([202, 202, 202, 429]);
    expect(owner.status).toBe(202);
    await expect.poll(async () => (await mailTo(contact)).length).toBe(1 + 3 + 1);
  });
});

describe('the receipt time', () => {
  it('is when API Gateway received the request, not when the function read the clock', async () => {
    const { handler } = await import('../../functions/handlers/submit-card.ts');
    const arrived = Date.now() - 7_000;
    const event = httpEvent({
      method: 'POST',
      path: '/api/calls/liderzy-kooperacji-20/cards',
      routeKey: 'POST /api/calls/{callId}/cards',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ answers: validAnswers('2005082') }),
    });
    event.requestContext.timeEpoch = arrived;
    event.pathParameters = { callId: 'liderzy-kooperacji-20' };

    const response = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;

    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body ?? '').receivedAt).toBe(new Date(arrived).toISOString());
  });
});

describe('the security log', () => {
  it('records sign-in, a card read and exported, session start and end with the actor and no secret', async () => {
    const info = vi.spyOn(logger, 'info');
    const email = `koordynator.${randomUUID()}@rops.example`;
    await createUserIfAbsent(db, { email, name: 'Koordynator', role: 'coordinator', wojewodztwa: ['20'] });
    const viewer = { [TEST_VIEWER_HEADER]: `192.0.2.${Math.floor(Math.random() * 250) + 1}:1` };
    await fetch(`${api.url}/api/admin/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...viewer },
      body: JSON.stringify({ email }),
    });
    await expect
      .poll(async () => (await sentMail(inboxUrl)).some((mail) => mail.destination.to.includes(email)))
      .toBe(true);
    const mail = (await settledMailTo(db, inboxUrl, email)).at(0);
    const token = /#t=([A-Za-z0-9_-]{43})/.exec(mail?.body.text ?? '')?.[1] as string;
    const started = await fetch(`${api.url}/api/admin/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] as string;
    await fetch(`${api.url}/api/admin/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const answers = validAnswers('2005042', '2005');
    expect((await sendCard(api.url, 'liderzy-kooperacji-20', answers)).status).toBe(201);
    const read = await fetch(`${api.url}/api/admin/cards/liderzy-kooperacji-20/2005042`, {
      headers: { cookie },
    });
    const exported = await fetch(
      `${api.url}/api/admin/calls/liderzy-kooperacji-20/export.csv?wojewodztwo=20`,
      {
        headers: { cookie },
      },
    );
    expect([read.status, exported.status]).toEqual([200, 200]);
    await fetch(`${api.url}/api/admin/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{}',
    });

    const events = info.mock.calls.flatMap(([, extra]) => {
      const security = (extra as { security?: { event: string; actor?: string } } | undefined)?.security;
      return security ? [security] : [];
    });
    info.mockRestore();
    expect(events.map((event) => event.event)).toEqual([
      'sign-in-link-sent',
      'session-started',
      'sign-in-failed',
      'card-read',
      'card-exported',
      'session-ended',
    ]);
    expect(events[0]?.actor).toBe(email);
    expect(events[1]?.actor).toBe(email);
    expect(events[3]).toMatchObject({ actor: email, subject: 'liderzy-kooperacji-20/2005042' });
    expect(events[4]).toMatchObject({ actor: email, subject: 'liderzy-kooperacji-20/20' });
    const logged = JSON.stringify(events);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(cookie.split('=')[1]);
    // No answers of the card: the contact's address is not in the log.
    expect(logged).not.toContain(answers.contacts.contact.email);
  });
});
