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
import { type Db, dbOf } from '../functions/repositories/dynamo.ts';
import { GMINY } from '../shared/teryt/index.ts';
import { type SentMail, validAnswers } from '../test/support/cards.ts';
import { tableItems } from '../test/support/db.ts';
import { inFlight, pollUntil } from '../test/support/outbox.ts';

const VIEWER_HEADER = 'x-bench-viewer';
/** Clerks sending at once: enough to keep DynamoDB Local busy on two cores. */
export const PEAK_CONCURRENCY = 16;
/**
 * Items in a card's transaction (functions/repositories/cards.ts createCard): idempotency key, card,
 * reference, version, link, confirmation, the office's notice, two counters, and the call's check.
 */
export const ITEMS_PER_CARD = 10;
/** Cards sent to another call first, their e-mails sent, before the peak: the stack as warm as in use. */
const WARM_UP_CARDS = 400;
/** The floor is measured for this long, after a warm-up of its own. */
export const FLOOR_SECONDS = 10;

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
  floor: Floor;
  /** The same floor with 8 items a transaction, as the bench measured before the call's check and notice. */
  floor8: Floor;
  warmUpCards: number;
}

export interface Floor {
  throughput: number;
  p50: number;
  p95: number;
  requests: number;
  items: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Runs `work` for each of `count` indexes (or until `untilMs` of performance.now()), `concurrency` at a
 * time; each one's latency in ms.
 */
async function pool(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
  untilMs = Number.POSITIVE_INFINITY,
) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && performance.now() < untilMs) {
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

/** One call open to every gmina of the country, closing in an hour; its id. */
async function openCall(db: Db, prefix: string): Promise<string> {
  const id = `${prefix}-${randomUUID().slice(0, 8)}`;
  await createCall(db, {
    id,
    programmeId: 'liderzy-kooperacji',
    title: `Nabór ogólnopolski (benchmark, ${prefix})`,
    wojewodztwa: [...new Set(GMINY.map((gmina) => gmina.wojewodztwoCode))],
    gminaKinds: ['wiejska', 'miejsko-wiejska', 'miejska'],
    formVersion: 1,
    rules: '',
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return id;
}

/** TransactWrite of `items` puts (the first with a card's answers), sustained, after a warm-up. */
async function transactWriteFloor(db: Db, items: number): Promise<Floor> {
  const payload = JSON.stringify(validAnswers('2602052'));
  const transaction = async () => {
    const pk = `BENCHFLOOR#${randomUUID()}`;
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: items }, (_, item) => ({
          Put: {
            TableName: db.tableName,
            Item: { pk, sk: `ITEM#${item}`, ...(item === 0 ? { answers: payload } : {}) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      }),
    );
  };
  await pool(300, PEAK_CONCURRENCY, transaction);
  const started = performance.now();
  const latencies = await pool(
    Number.POSITIVE_INFINITY,
    PEAK_CONCURRENCY,
    transaction,
    started + FLOOR_SECONDS * 1000,
  );
  return {
    throughput: latencies.length / ((performance.now() - started) / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requests: latencies.length,
    items,
  };
}

export async function benchPeak(options: { gminas?: number } = {}): Promise<PeakFigures> {
  const stack = await startQuietStack(false, { testViewerHeader: VIEWER_HEADER });
  const client = localDynamoClient(stack.urls.dynamodb);
  const db = dbOf(client, TABLE_NAME);
  try {
    const gminy = GMINY.slice(0, options.gminas ?? GMINY.length);
    const send = async (call: string, index: number, address: string) => {
      const gmina = gminy[index] as (typeof gminy)[number];
      const answers = validAnswers(gmina.teryt);
      answers.contacts.contact.email = address;
      const response = await fetch(`${stack.urls.api}/api/calls/${call}/cards`, {
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
      return response.status;
    };

    // Warm-up: the stack has served before the deadline minute (the JIT of DynamoDB Local and of the
    // handlers warm, connections open): cards to another call, their e-mails sent before the peak starts.
    const warmUpCall = await openCall(db, 'rozgrzewka');
    const warmUpCards = Math.min(WARM_UP_CARDS, gminy.length);
    await pool(warmUpCards, PEAK_CONCURRENCY, async (index) => {
      await send(warmUpCall, index, `rozgrzewka.${gminy[index]?.teryt}@gmina.example`);
    });
    await pollUntil(
      () => inFlight(db),
      (count) => count === 0,
      'the warm-up e-mails',
      600_000,
    );

    const callId = await openCall(db, 'szczyt');
    const before = (await inboxCount(stack.urls.inbox)).length;
    const statuses: Record<string, number> = {};
    const started = performance.now();
    const latencies = await pool(gminy.length, PEAK_CONCURRENCY, async (index) => {
      const status = await send(callId, index, `sekretariat.${gminy[index]?.teryt}@gmina.example`);
      statuses[status] = (statuses[status] ?? 0) + 1;
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

    // The floor: DynamoDB Local's TransactWrite of as many items, of the card's size, at the same
    // concurrency, sustained for FLOOR_SECONDS after a warm-up of its own.
    const floor = await transactWriteFloor(db, ITEMS_PER_CARD);
    const floor8 = await transactWriteFloor(db, 8);
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
      floor,
      floor8,
      warmUpCards,
    };
  } finally {
    client.destroy();
    await stack.stop();
  }
}
