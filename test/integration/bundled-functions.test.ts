import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { bundleFunction } from '../../infra/bundling.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { ZCardReceipt, ZReceiptCheck } from '../../shared/schemas/submission.ts';
import { OTHER_NIP, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { httpEvent, lambdaContext } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * The deployed artifact, not the TypeScript: handlers bundled and minified twice exactly as the CDK does
 * (infra/bundling.ts), then run against DynamoDB Local and the SES emulator. The AWS SDK inside the bundle
 * (with the stand-ins for its credential chain and endpoint discovery) signs, sends and reads for real.
 */
type Handler = (
  event: APIGatewayProxyEventV2,
  context: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

// Inside the repository, so the bundle finds the SES client in node_modules as Lambda finds it in the runtime.
const OUT = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', `bundled-${randomUUID()}`);
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
const CALL = 'liderzy-kooperacji-26';
const handlers: Record<string, Handler> = {};

beforeAll(async () => {
  await loadDemoData(db, new Date());
  for (const name of ['submit-card', 'check-receipt']) {
    const dir = join(OUT, name);
    mkdirSync(dir, { recursive: true });
    const file = await bundleFunction(name, dir);
    handlers[name] = ((await import(pathToFileURL(file).href)) as { handler: Handler }).handler;
  }
}, 120_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function submitEvent(body: string): APIGatewayProxyEventV2 {
  return {
    ...httpEvent({
      method: 'POST',
      path: `/api/calls/${CALL}/cards`,
      routeKey: 'POST /api/calls/{callId}/cards',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body,
    }),
    pathParameters: { callId: CALL },
  };
}

describe('the bundled functions', () => {
  it('send a card, e-mail its confirmation and verify its receipt', async () => {
    const answers = validAnswers('2602052', undefined, OTHER_NIP);
    answers.contacts.contact.email = `bundle.${randomUUID()}@gmina.example`;

    const sent = await handlers['submit-card']?.(submitEvent(JSON.stringify({ answers })), lambdaContext);

    expect(sent?.statusCode).toBe(201);
    const receipt = ZCardReceipt.parse(JSON.parse(String(sent?.body)));
    await expect
      .poll(async () => await settledMailTo(db, inboxUrl, answers.contacts.contact.email))
      .toHaveLength(1);
    const checked = await handlers['check-receipt']?.(
      {
        ...httpEvent({ method: 'GET', path: `/api/receipts/${receipt.reference}` }),
        pathParameters: { reference: receipt.reference },
        queryStringParameters: { sha256: receipt.sha256 },
      },
      lambdaContext,
    );
    expect(checked?.statusCode).toBe(200);
    expect(ZReceiptCheck.parse(JSON.parse(String(checked?.body)))).toMatchObject({ valid: true });
  });

  it('refuse bad input with the API error and change nothing', async () => {
    const before = await tableSnapshot(db);

    const refused = await handlers['submit-card']?.(submitEvent('{"answers":'), lambdaContext);

    expect(refused?.statusCode).toBe(400);
    const body = ZErrorResponse.parse(JSON.parse(String(refused?.body)));
    expect(body.error.code).toBe('MALFORMED_JSON');
    expect(body.error.message).toMatch(/JSON/);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});
