// Deadline peak (issue 15, Benchmarks, third bullet): every gmina of the register sends its card within
// minutes on the local stack, the mail pipeline's sender limited to 14 e-mails/s (REMINDER_SEND_RATE, one
// local copy). Reported: every card stored, each confirmation delivered exactly once, the time until the
// last one arrives, and the submissions' latency and throughput beside DynamoDB Local's TransactWrite
// floor measured in the same run (the same number of items per transaction, the same concurrency).
import { randomUUID } from 'node:crypto';
import { localDynamoClient } from '../functions/local/emulators.ts';
import { startQuietStack, TABLE_NAME } from '../functions/local/stack.ts';
import { createCall } from '../functions/repositories/calls.ts';
import { TransactWriteCommand } from '../functions/repositories/document.ts';
import { dbOf } from '../functions/repositories/dynamo.ts';
import { GMINY } from '../shared/teryt/index.ts';
import { type SentMail, validAnswers } from '../test/support/cards.ts';
import { tableItems } from '../test/support/db.ts';

const VIEWER_HEADER = 'x-bench-viewer';
/** Clerks sending at once: enough to keep DynamoDB Local busy on two cores. */
export const PEAK_CONCURRENCY = 16;
/** Items in a card's transaction: card, reference, version, link, idempotency, confirmation, two counters. */
const ITEMS_PER_CARD = 8;

export interface PeakFigures {
  gminas: number;
  submitSeconds: number;
  throughput: number;
  p50: number;
  p95: number;
  statuses: Record<string, number>;
  cards: number;
  confirmations: number;
  confirmedClerks: number;
  mostToOne: number;
  /** From the first request until the last confirmation was in the SES emulator. */
  lastConfirmationSeconds: number;
  /** Confirmations per second the sender achieved, from the first request to the last confirmation. */
  sendRate: number;
  otherMail: number;
  /** The confirmations' outbox records by status. */
  outboxStatuses: Record<string, number>;
  floor: { throughput: number; p50: number; p95: number; requests: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `work` for each of `count` indexes, `concurrency` at a time; each one's latency in ms. */
async function pool(count: number, concurrency: number, work: (index: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const started = performance.now();
        await work(index);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

async function inboxCount(inboxUrl: string): Promise<SentMail[]> {
  const response = await fetch(`${inboxUrl}/store`);
  return ((await response.json()) as { emails: SentMail[] }).emails;
}

export async function benchPeak(
  options: { gminas?: number; floorRequests?: number } = {},
): Promise<PeakFigures> {
  const stack = await startQuietStack(false, { testViewerHeader: VIEWER_HEADER });
  const client = localDynamoClient(stack.urls.dynamodb);
  const db = dbOf(client, TABLE_NAME);
  try {
    const gminy = GMINY.slice(0, options.gminas ?? GMINY.length);
    // One call open to every gmina of the country, closing in a few minutes: the peak before it closes.
    const callId = `szczyt-${randomUUID().slice(0, 8)}`;
    await createCall(db, {
      id: callId,
      programmeId: 'liderzy-kooperacji',
      title: 'Nabór ogólnopolski (benchmark)',
      wojewodztwa: [...new Set(GMINY.map((gmina) => gmina.wojewodztwoCode))],
      gminaKinds: ['wiejska', 'miejsko-wiejska', 'miejska'],
      formVersion: 1,
      rules: '',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const before = (await inboxCount(stack.urls.inbox)).length;
    const statuses: Record<string, number> = {};
    const started = performance.now();
    const latencies = await pool(gminy.length, PEAK_CONCURRENCY, async (index) => {
      const gmina = gminy[index] as (typeof gminy)[number];
      const answers = validAnswers(gmina.teryt);
      answers.contacts.contact.email = `sekretariat.${gmina.teryt}@gmina.example`;
      const response = await fetch(`${stack.urls.api}/api/calls/${callId}/cards`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
          // Each clerk from an address of its own, as clerks in different gminas are.
          [VIEWER_HEADER]: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}:443`,
        },
        body: JSON.stringify({ answers }),
      });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    });
    const submitSeconds = (performance.now() - started) / 1000;

    // The confirmations arrive at the sender's pace: counted in the emulator's store until all are there
    // (or nothing new came for a minute).
    const isConfirmation = (mail: SentMail) =>
      mail.destination.to.some((to) => to.startsWith('sekretariat.'));
    let mails: SentMail[] = [];
    let lastConfirmationSeconds = 0;
    let lastCount = -1;
    let lastChange = performance.now();
    for (;;) {
      mails = (await inboxCount(stack.urls.inbox)).slice(before);
      const confirmations = mails.filter(isConfirmation).length;
      if (confirmations !== lastCount) {
        lastCount = confirmations;
        lastChange = performance.now();
        lastConfirmationSeconds = (lastChange - started) / 1000;
      }
      if (confirmations >= gminy.length || performance.now() - lastChange > 60_000) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const perClerk = new Map<string, number>();
    for (const mail of mails.filter(isConfirmation))
      for (const to of mail.destination.to) perClerk.set(to, (perClerk.get(to) ?? 0) + 1);
    const items = await tableItems(db);
    const cards = items.filter((item) => item.type === 'card' && item.callId === callId);
    // What became of each confirmation, by its outbox status (all "sent" when every one went out once).
    const outboxStatuses: Record<string, number> = {};
    for (const item of items)
      if (
        item.type === 'outbox' &&
        String(item.pk).startsWith(`CARD#${callId}#`) &&
        item.template === 'card-submitted'
      )
        outboxStatuses[String(item.status)] = (outboxStatuses[String(item.status)] ?? 0) + 1;

    // The floor: DynamoDB Local's TransactWrite of as many items of the card's size, at the same concurrency.
    const payload = JSON.stringify(validAnswers('2602052'));
    const floorRequests = options.floorRequests ?? Math.min(gminy.length, 600);
    const floorStarted = performance.now();
    const floorLatencies = await pool(floorRequests, PEAK_CONCURRENCY, async () => {
      const pk = `BENCHFLOOR#${randomUUID()}`;
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: Array.from({ length: ITEMS_PER_CARD }, (_, item) => ({
            Put: {
              TableName: TABLE_NAME,
              Item: { pk, sk: `ITEM#${item}`, ...(item === 0 ? { answers: payload } : {}) },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
        }),
      );
    });
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    return {
      gminas: gminy.length,
      submitSeconds,
      throughput: gminy.length / submitSeconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      statuses,
      cards: cards.length,
      confirmations: mails.filter(isConfirmation).length,
      confirmedClerks: perClerk.size,
      mostToOne: Math.max(0, ...perClerk.values()),
      lastConfirmationSeconds,
      sendRate: mails.filter(isConfirmation).length / lastConfirmationSeconds,
      otherMail: mails.length - mails.filter(isConfirmation).length,
      outboxStatuses,
      floor: {
        throughput: floorRequests / floorSeconds,
        p50: percentile(floorLatencies, 50),
        p95: percentile(floorLatencies, 95),
        requests: floorRequests,
      },
    };
  } finally {
    client.destroy();
    await stack.stop();
  }
}
