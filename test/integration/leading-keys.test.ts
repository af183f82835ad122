import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { DocumentClient } from '../../functions/repositories/document.ts';
import { HANDLERS, matchRoute } from '../../functions/routes.ts';
import { signInLinks } from '../support/admin.ts';
import { linkToken, sendCard, validAnswers } from '../support/cards.ts';
import { testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { mailSettled, settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * The public functions may write only items whose partition keys begin as their records say (the api stack
 * turns `writes` into a dynamodb:LeadingKeys condition): each public route is used here as the site uses it,
 * and every key it writes — alone or in a transaction — must fit its record, or the deployed function fails.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
const CALL = 'liderzy-kooperacji-20';
let api: Awaited<ReturnType<typeof startApi>>;

const written: string[] = [];
const originalSend = DocumentClient.prototype.send;

/** The partition keys a command writes; a transaction's condition checks are marked "check:". */
function partitionKeys(input: Record<string, unknown>): string[] {
  const keyOf = (entry: Record<string, { pk?: string }> | undefined) => entry?.Item?.pk ?? entry?.Key?.pk;
  const items = (input.TransactItems as Record<string, Record<string, { pk?: string }>>[] | undefined) ?? [];
  return [
    keyOf(input as never),
    ...items.map((item) =>
      item.ConditionCheck
        ? `check:${keyOf(item.ConditionCheck)}`
        : keyOf(item.Put ?? item.Update ?? item.Delete),
    ),
  ].filter((pk): pk is string => typeof pk === 'string' && pk !== 'check:undefined');
}

const READS = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand', 'ScanCommand']);

beforeAll(async () => {
  await loadDemoData(db, new Date());
  DocumentClient.prototype.send = function send(this: DocumentClient, command: never) {
    const { input } = command as { input: Record<string, unknown> };
    if (!READS.has((command as object).constructor.name)) written.push(...partitionKeys(input));
    return originalSend.call(this, command);
  } as typeof originalSend;
  api = await startApi();
});
afterAll(async () => {
  DocumentClient.prototype.send = originalSend;
  await api.close();
});

/** The prefix a LeadingKeys pattern names: up to the first "#" (CARD#…), or the whole key (HEALTH). */
const prefix = (pk: string) => (pk.includes('#') ? pk.slice(0, pk.indexOf('#') + 1) : pk);

async function writesOf(
  method: string,
  path: string,
  init: RequestInit = {},
): Promise<{ handler: string; prefixes: string[] }> {
  const match = matchRoute(method, path.split('?')[0] ?? path);
  if (match.kind !== 'route') throw new Error(`no route for ${method} ${path}`);
  // The mail sender writes the outbox items of earlier requests: done first, so only this request counts.
  await mailSettled(db);
  written.length = 0;
  const response = await fetch(`${api.url}${path}`, { method, ...init });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return { handler: match.route.handler, prefixes: [...new Set(written.map(prefix))].sort() };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function mailTo(address: string) {
  return await settledMailTo(db, inboxUrl, address);
}

function expectWithinRecord({ handler, prefixes }: { handler: string; prefixes: string[] }) {
  const record = HANDLERS[handler] as { writes?: readonly string[]; checks?: readonly string[] };
  expect(record.writes, `${handler} has no writes in its record`).toBeDefined();
  expect(prefixes.length, `${handler} wrote nothing: the test did not exercise it`).toBeGreaterThan(0);
  for (const written of prefixes) {
    // A condition check may name a prefix the function writes or one it may only check.
    if (written.startsWith('check:'))
      expect([...(record.writes ?? []), ...(record.checks ?? [])], handler).toContain(written.slice(6));
    else expect(record.writes, handler).toContain(written);
  }
}

describe('what the public functions write', () => {
  it('stays within the key prefixes each record names', async () => {
    const answers = validAnswers('2005062', '2005');
    const email = answers.contacts.contact.email;

    expectWithinRecord(
      await writesOf(
        'POST',
        `/api/calls/${CALL}/cards`,
        json({ answers }, { 'idempotency-key': randomUUID() }),
      ),
    );
    const cardToken = linkToken((await mailTo(email))[0] as never, '#t=');
    expectWithinRecord(await writesOf('POST', `/api/calls/${CALL}/cards/2005062/link`, json({})));
    expectWithinRecord(
      await writesOf(
        'PUT',
        '/api/cards/current',
        json(
          { answers: { ...answers, motivation: { ...answers.motivation, motivation: 'Zmiana.' } } },
          {
            authorization: `Bearer ${cardToken}`,
          },
        ),
      ),
    );
    expectWithinRecord(
      await writesOf('DELETE', '/api/cards/current', json({}, { authorization: `Bearer ${cardToken}` })),
    );

    const draftEmail = `szkic.${randomUUID()}@gmina.example`;
    expectWithinRecord(
      await writesOf(
        'POST',
        `/api/calls/${CALL}/drafts`,
        json({ email: draftEmail, answers: { office: { teryt: '2005011' } } }),
      ),
    );
    const draftToken = linkToken((await mailTo(draftEmail))[0] as never, '#szkic=');
    expectWithinRecord(
      await writesOf(
        'PUT',
        '/api/drafts/current',
        json(
          { answers: { office: { teryt: '2005011', nip: '5' } } },
          { authorization: `Bearer ${draftToken}` },
        ),
      ),
    );

    const coordinator = 'koordynator.20@kooperacja.example';
    expectWithinRecord(await writesOf('POST', '/api/admin/sign-in', json({ email: coordinator })));
    await mailSettled(db, coordinator);
    const signInToken = ((await signInLinks(inboxUrl, coordinator)).at(-1) ?? '').split('#t=')[1];
    written.length = 0;
    const session = await fetch(`${api.url}/api/admin/sessions`, {
      method: 'POST',
      ...json({ token: signInToken }),
    });
    expect(session.status).toBe(200);
    expectWithinRecord({ handler: 'start-session', prefixes: [...new Set(written.map(prefix))].sort() });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expectWithinRecord(await writesOf('POST', '/api/admin/sign-out', json({}, { cookie })));
    // Nothing else reached the table.
    expect((await sendCard(api.url, CALL, answers)).status).toBe(409);
  });

  it('names prefixes for every public function that writes, and none for the others', () => {
    for (const [handler, facts] of Object.entries(HANDLERS)) {
      if (!('route' in facts) || facts.caller === 'session') continue;
      const writes = (facts as { writes?: readonly string[] }).writes;
      if (facts.table === 'readWrite') expect(writes?.length, handler).toBeGreaterThan(0);
      else expect(writes, handler).toBeUndefined();
    }
  });
});
