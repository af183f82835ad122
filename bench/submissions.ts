// Submissions on the local stack: concurrent clients sending distinct cards, each retrying its request
// (as a double click or a flaky link would), then a count showing no duplicate cards or e-mails.
import { randomUUID } from 'node:crypto';
import { localDynamoClient } from '../functions/local/emulators.ts';
import { startQuietStack, TABLE_NAME } from '../functions/local/stack.ts';
import { dbOf } from '../functions/repositories/dynamo.ts';
import { GMINY } from '../shared/teryt/index.ts';
import { PARTNER_WOJEWODZTWA } from '../shared/wojewodztwa.ts';
import { sentMail, validAnswers } from '../test/support/cards.ts';
import { tableSnapshot } from '../test/support/db.ts';
import { stackMailTo } from '../test/support/outbox.ts';

const CLIENTS = 50;
/** Each client sends its card this many times with the same idempotency key, two of them at once. */
const SENDS_PER_CLIENT = 3;

export interface SubmissionFigures {
  clients: number;
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  cards: number;
  /** Gminas with a card: equal to `cards` when no gmina has two. */
  gminasWithCard: number;
  emails: number;
  /** Clerks who got a confirmation, and the most any one got: 1 when nobody got two. */
  recipients: number;
  mostToOne: number;
  statuses: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const VIEWER_HEADER = 'x-bench-viewer';

export async function benchSubmissions(): Promise<SubmissionFigures> {
  // Each clerk sends from a viewer address of its own, as clerks in different gminas do.
  const stack = await startQuietStack(false, { testViewerHeader: VIEWER_HEADER });
  try {
    // Rural gminas of the partner voivodeships, spread over their five calls.
    const gminy = GMINY.filter(
      (gmina) =>
        gmina.kind === 'wiejska' &&
        (PARTNER_WOJEWODZTWA as readonly string[]).includes(gmina.wojewodztwoCode),
    ).filter((_, index) => index % 7 === 0);
    // Each clerk has an address of their own, so the e-mails can be counted per clerk.
    const clients = gminy.slice(0, CLIENTS).map((gmina, index) => {
      const answers = validAnswers(gmina.teryt);
      answers.contacts.contact.email = `sekretariat.${gmina.teryt}@gmina.example`;
      const viewer = `198.51.100.${(index % 250) + 1}:${40_000 + index}`;
      return { callId: `liderzy-kooperacji-${gmina.wojewodztwoCode}`, key: randomUUID(), answers, viewer };
    });
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const send = async (client: (typeof clients)[number]) => {
      const started = performance.now();
      const response = await fetch(`${stack.urls.api}/api/calls/${client.callId}/cards`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': client.key,
          [VIEWER_HEADER]: client.viewer,
        },
        body: JSON.stringify({ answers: client.answers }),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    };
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        await Promise.all([send(client), send(client)]);
        for (let retry = 2; retry < SENDS_PER_CLIENT; retry += 1) await send(client);
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const items = await tableSnapshot(dbOf(localDynamoClient(stack.urls.dynamodb), TABLE_NAME));
    // The confirmations leave through the mail pipeline after the answers: counted once all are out.
    for (const client of clients)
      await stackMailTo(stack.urls.dynamodb, stack.urls.inbox, client.answers.contacts.contact.email);
    const emails = await sentMail(stack.urls.inbox);
    const sorted = [...latencies].sort((a, b) => a - b);
    const cards = items.filter((item) => item.type === 'card');
    const perRecipient = new Map<string, number>();
    for (const mail of emails)
      for (const to of mail.destination.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    return {
      clients: clients.length,
      requests: latencies.length,
      seconds,
      throughput: latencies.length / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      cards: cards.length,
      gminasWithCard: new Set(cards.map((card) => card.teryt)).size,
      emails: emails.length,
      recipients: perRecipient.size,
      mostToOne: Math.max(0, ...perRecipient.values()),
      statuses,
    };
  } finally {
    await stack.stop();
  }
}
