// Reminders under load on the local stack (DynamoDB Local and the SES emulator):
// - planning: every gmina of the register selected (2,477 cards over 16 voivodeships' calls, each naming its
//   contact, OPS and PCPR), 10 deadlines due at one planner run; the planner runs in a child process, so its
//   memory peak is its own; beside it, DynamoDB Local's floor: the same partitions read bare.
// - sending: 1,000 reminders (and 5 % of them delivered twice, as SQS may) through the send-reminders handler
//   module in as many child processes as Lambda runs copies of it, at REMINDER_SEND_RATE = 14/s; the rate is
//   taken after a warm-up from when each send left for SES, and the SES emulator's store is counted per
//   (recipient, deadline, offset). Beside it, the floor: the same senders with no rate limit.
import { type ChildProcess, spawn } from 'node:child_process';
import type { SQSEvent } from 'aws-lambda';
import { ensureTable } from '../functions/local/create-table.ts';
import { localDynamoClient, startDynamoDbLocal, startSesEmulator } from '../functions/local/emulators.ts';
import { LocalQueue } from '../functions/local/local-queue.ts';
import { freePort } from '../functions/local/processes.ts';
import { handlerEnvironment, TABLE_NAME } from '../functions/local/stack.ts';
import type { Db } from '../functions/repositories/dynamo.ts';
import { addDays } from '../shared/reminders/holidays.ts';
import { DEFAULT_REMINDER_POLICY, plannedSends } from '../shared/reminders/schedule.ts';
import type { TAudienceGroup } from '../shared/schemas/reminders.ts';
import { GMINY, type Gmina } from '../shared/teryt/index.ts';
import { warsawLocalToInstant } from '../shared/time.ts';
import { sentMail } from '../test/support/cards.ts';
import type { ParentMessage, PlanFigures, WorkerMessage } from './reminder-worker.ts';

export const PLAN_TARGET_MS = 60_000;
export const SEND_RATE = 14;
/** The achieved rate may differ from the configured one by this much. */
export const SEND_RATE_TOLERANCE = 0.1;
export const SUSTAIN_TARGET_S = 10;
const WARM_UP_MS = 2_000;
/** The last sends, when one sender may already have nothing left, are not the sustained rate. */
const DRAIN_MS = 1_500;
const FLOOR_ROUNDS = 5;

const WORKER = new URL('./reminder-worker.ts', import.meta.url).pathname;
const WOJEWODZTWA = [...new Set(GMINY.map((gmina) => gmina.wojewodztwoCode))].sort();

interface Stack {
  db: Db;
  env: Record<string, string>;
  inbox: string;
}

async function withStack<T>(run: (stack: Stack) => Promise<T>): Promise<T> {
  const dynamo = await startDynamoDbLocal({ port: await freePort(), persist: false, echo: false });
  const ses = await startSesEmulator({ port: await freePort(), echo: false }).catch(async (error) => {
    await dynamo.process.stop();
    throw error;
  });
  try {
    const env = {
      ...handlerEnvironment({
        dynamodb: dynamo.endpoint,
        ses: ses.endpoint,
        s3: 'http://127.0.0.1:9',
        site: 'http://localhost:5173',
      }),
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    };
    Object.assign(process.env, env);
    const client = localDynamoClient(dynamo.endpoint);
    await ensureTable(client, TABLE_NAME);
    client.destroy();
    const [{ createDb }, { readConfig }] = await Promise.all([
      import('../functions/repositories/dynamo.ts'),
      import('../functions/lib/config.ts'),
    ]);
    // Not config(): in the full run an earlier part has cached its own stack's (now stopped) in it.
    return await run({ db: createDb(readConfig(process.env)), env, inbox: ses.endpoint });
  } finally {
    await Promise.all([dynamo.process.stop(), ses.process.stop()]);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Planning

/** A Tuesday with no day off in the two weeks after it: every deadline's send falls on it, as planned. */
const PLAN_DAY = '2031-09-09';
const PROGRAMME_ID = 'bench-przypomnienia';
const callOf = (wojewodztwo: string) => `bench-nabor-${wojewodztwo}`;
const coordinatorOf = (wojewodztwo: string) => `koordynator.${wojewodztwo}@rops.example`;
const AUDIENCE: TAudienceGroup[] = ['gminas', 'ops', 'pcpr', 'coordinators'];

/** Six deadlines coordinators add (the lead, for the whole project), beside the programme's four due then. */
const CUSTOM_DEADLINES: [title: string, day: number, time: string][] = [
  ['Sprawozdanie z realizacji KM I', 0, '16:00'],
  ['Spotkanie koordynatorów gminnych', 1, '12:00'],
  ['Plan projektu socjalnego', 7, '23:59'],
  ['Ankieta ewaluacyjna KM II', 14, '10:00'],
  ['Lista uczestników szkoleń', 7, '10:00'],
  ['Harmonogram działań na KM III', 1, '15:00'],
];

export interface PlanningFigures {
  gminas: number;
  wojewodztwa: number;
  cards: number;
  deadlines: number;
  expectedMessages: number;
  seedItems: number;
  seedSeconds: number;
  planner: PlanFigures;
  /** The bare Queries of the selected cards' partitions, each once (median of a few, warm). */
  floorMs: number;
  floorItems: number;
}

/**
 * The project at the start of its second milestone: one programme over the 16 voivodeships, a call in
 * each, every gmina's card selected, naming its contact, OPS and PCPR (three addresses: the worst case; in
 * life a PCPR serves its powiat's gminas under one address), a coordinator per voivodeship and the lead.
 */
async function seedPlanning(
  db: Db,
  gminy: readonly Gmina[],
  now: Date,
): Promise<{ cards: number; seedSeconds: number }> {
  const [{ createProgramme }, { createCall }, { createUserIfAbsent }, { saveDeadline }, support] =
    await Promise.all([
      import('../functions/repositories/programmes.ts'),
      import('../functions/repositories/calls.ts'),
      import('../functions/repositories/users.ts'),
      import('../functions/repositories/deadlines.ts'),
      import('../test/support/review-cards.ts'),
    ]);
  const { syncDerivedDeadlines } = await import('../functions/domain/reminder-deadlines.ts');
  const day = (offset: number) => addDays(PLAN_DAY, offset);
  // KM I ends on the day, KM II starts the next and ends a week later, KM III ends two weeks later: the
  // offsets 0, 1, 7 and 14 of four milestone deadlines all fall on the planned day.
  await createProgramme(db, {
    id: PROGRAMME_ID,
    name: 'Kooperacja w całej Polsce (bench)',
    description: '',
    leadWojewodztwo: '14',
    wojewodztwa: WOJEWODZTWA,
    gminaKinds: ['wiejska', 'miejsko-wiejska', 'miejska'],
    startsOn: '2030-01-01',
    endsOn: '2032-12-31',
    milestones: [
      { number: 1, name: 'Opracowanie modelu', startsOn: '2030-06-01', endsOn: day(0) },
      { number: 2, name: 'Testowanie modelu', startsOn: day(1), endsOn: day(7) },
      { number: 3, name: 'Wdrożenie modelu', startsOn: day(8), endsOn: day(14) },
      { number: 4, name: 'Upowszechnienie', startsOn: day(15), endsOn: '2032-06-30' },
    ],
  });
  for (const wojewodztwo of WOJEWODZTWA) {
    await createCall(db, {
      id: callOf(wojewodztwo),
      programmeId: PROGRAMME_ID,
      title: `Nabór gmin województwa ${wojewodztwo} (bench)`,
      wojewodztwa: [wojewodztwo],
      gminaKinds: ['wiejska', 'miejsko-wiejska', 'miejska'],
      opensAt: '2030-03-01T00:00:00.000Z',
      closesAt: '2030-03-31T21:59:00.000Z',
      formVersion: 1,
      rules: '',
    });
    await createUserIfAbsent(db, {
      email: coordinatorOf(wojewodztwo),
      name: `Koordynator ${wojewodztwo}`,
      role: 'coordinator',
      wojewodztwa: [wojewodztwo],
    });
  }
  await createUserIfAbsent(db, {
    email: 'lider@rops.example',
    name: 'Lider',
    role: 'lead',
    wojewodztwa: ['14'],
  });
  const cards = gminy.map((gmina, index) => {
    const item = support.reviewedCardItem({
      callId: callOf(gmina.wojewodztwoCode),
      teryt: gmina.teryt,
      submittedAt: new Date(Date.UTC(2030, 2, 10) + index * 60_000).toISOString(),
      reviewStatus: 'selected',
      score: support.scoreFor(index),
    });
    const answers = item.answers as {
      contacts: { contact: { email: string }; ops: { email: string } };
      partner: { pcpr: { email: string } };
    };
    answers.contacts.contact.email = `kontakt.${gmina.teryt}@gmina.example`;
    answers.contacts.ops.email = `ops.${gmina.teryt}@gmina.example`;
    answers.partner.pcpr.email = `pcpr.${gmina.teryt}@powiat.example`;
    return item;
  });
  const seedStarted = performance.now();
  await support.loadItems(db, cards);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // The planner's first run writes the programme's deadlines; the measured run is a later, hourly one.
  await syncDerivedDeadlines(db, now);
  for (const [index, [title, offset, time]] of CUSTOM_DEADLINES.entries()) {
    const dueAt = warsawLocalToInstant(`${day(offset)}T${time}`);
    await saveDeadline(
      db,
      {
        id: `custom-bench-${index + 1}`,
        kind: 'custom',
        title,
        description: 'Termin dodany na potrzeby pomiaru.',
        dueAt: dueAt.toISOString(),
        wojewodztwa: WOJEWODZTWA,
        audience: AUDIENCE,
        policy: DEFAULT_REMINDER_POLICY,
        optional: true,
        createdBy: 'lider@rops.example',
        createdAt: now.toISOString(),
      },
      plannedSends(dueAt, DEFAULT_REMINDER_POLICY),
    );
  }
  return { cards: cards.length, seedSeconds };
}

function runPlanner(env: Record<string, string>, now: Date, since: Date): Promise<PlanFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [WORKER, 'plan', JSON.stringify({ now: now.toISOString(), since: since.toISOString() })],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as PlanFigures);
      else reject(new Error(`the planner exited with ${code}:\n${stderr}${stdout}`));
    });
  });
}

/** What any planner must read at the least: the selected cards' partitions, bare, each once. */
async function planningFloor(db: Db): Promise<{ ms: number; items: number }> {
  const { QueryCommand } = await import('../functions/repositories/document.ts');
  const { keys } = await import('../functions/repositories/keys.ts');
  const once = async () => {
    let items = 0;
    for (const wojewodztwo of WOJEWODZTWA) {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db.client.send(
          new QueryCommand({
            TableName: db.tableName,
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :pk',
            ExpressionAttributeValues: {
              ':pk': keys.cardBySendingTime(callOf(wojewodztwo), wojewodztwo, '', '').gsi2pk,
            },
            ProjectionExpression:
              'answers.contacts.contact.email, answers.contacts.ops.email, answers.partner.pcpr.email',
            ExclusiveStartKey,
          }),
        );
        items += page.Items?.length ?? 0;
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }
    return items;
  };
  await once(); // warm-up
  const times: number[] = [];
  let items = 0;
  for (let round = 0; round < FLOOR_ROUNDS; round += 1) {
    const started = performance.now();
    items = await once();
    times.push(performance.now() - started);
  }
  return { ms: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0, items };
}

async function benchPlanningOn(stack: Stack, quick: boolean): Promise<PlanningFigures> {
  // Quick: every tenth gmina (248, all voivodeships still), for a check at CI speed.
  const gminy = quick ? GMINY.filter((_, index) => index % 10 === 0) : GMINY;
  const now = new Date(warsawLocalToInstant(`${PLAN_DAY}T08:00`).getTime() + 60_000);
  const since = new Date(now.getTime() - 3_600_000);
  const { cards, seedSeconds } = await seedPlanning(stack.db, gminy, now);
  const planner = await runPlanner(stack.env, now, since);
  const deadlines = 4 + CUSTOM_DEADLINES.length;
  const floor = await planningFloor(stack.db);
  return {
    gminas: gminy.length,
    wojewodztwa: WOJEWODZTWA.length,
    cards,
    deadlines,
    expectedMessages: deadlines * (3 * cards + WOJEWODZTWA.length),
    seedItems: cards,
    seedSeconds,
    planner,
    floorMs: floor.ms,
    floorItems: floor.items,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Sending

export interface SendRunFigures {
  rate: number;
  queued: number;
  duplicatesQueued: number;
  batches: number;
  failures: number;
  deadLetters: number;
  seconds: number;
  /** Sends per second over the sustained window (after the warm-up, before the drain). */
  achieved: number;
  sustainedSeconds: number;
  /** The most sends that left for SES within any one second. */
  peakPerSecond: number;
  emails: number;
  expected: number;
  /** (recipient, deadline, offset) with more than one e-mail, and those with none. */
  doubled: number;
  missing: number;
  /** The sender's records of the missing ones, by status (and reason). */
  missingRecords: Record<string, number>;
}

export interface SendingFigures {
  senders: number;
  warmUpSeconds: number;
  paced: SendRunFigures;
  floor: SendRunFigures;
}

class Sender {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, (message: WorkerMessage & { type: 'done' }) => void>();
  private nextId = 0;
  private readonly exited: Promise<unknown>;
  readonly ready: Promise<void>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [WORKER, 'send'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.ready = new Promise((resolve, reject) => {
      this.child.once('exit', (code) => reject(new Error(`a sender exited with ${code}`)));
      this.child.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') resolve();
        else this.pending.get(message.id)?.(message);
      });
    });
  }

  invoke(event: SQSEvent): Promise<WorkerMessage & { type: 'done' }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // A copy that dies mid-batch stops the run rather than leaving it waiting.
      const died = () => reject(new Error('a sender exited mid-batch'));
      this.exited.then(died);
      this.pending.set(id, (message) => {
        this.pending.delete(id);
        resolve(message);
      });
      this.child.send({ type: 'batch', id, event } satisfies ParentMessage);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null)
      this.child.send({ type: 'stop' } satisfies ParentMessage);
    await this.exited;
  }
}

/**
 * Lambda's SQS event source for `senders` concurrent copies of the function: each takes a batch of up to 10
 * visible messages, the ones it reports failed come back after the visibility timeout, the rest are deleted.
 */
async function consume(queue: LocalQueue, senders: Sender[], timeoutMs: number) {
  const sesAt: number[] = [];
  let batches = 0;
  let failures = 0;
  const until = Date.now() + timeoutMs;
  await Promise.all(
    senders.map(async (sender) => {
      while (queue.size > 0 && Date.now() < until) {
        const records = queue.receive(10);
        if (records.length === 0) {
          // Another copy holds the rest, or they wait out their visibility timeout.
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        batches += 1;
        const done = await sender.invoke({ Records: records });
        sesAt.push(...done.sesAt);
        const failed = new Set(done.failed);
        failures += failed.size;
        for (const record of records) if (!failed.has(record.messageId)) queue.delete(record.messageId);
      }
    }),
  );
  return { sesAt: sesAt.sort((a, b) => a - b), batches, failures };
}

async function sendRun(
  stack: Stack,
  options: { label: string; rate: number; messages: number; senders: number },
): Promise<SendRunFigures> {
  const { saveDeadline } = await import('../functions/repositories/deadlines.ts');
  const { getSend } = await import('../functions/repositories/reminder-sends.ts');
  // Four deadlines a month ahead (the sender refuses a passed one), each sent at one offset, so that a
  // mail's subject (its deadline's title) and recipient name its (deadline, offset, recipient).
  const dueAt = new Date(Date.now() + 30 * 86_400_000);
  const offsets = [14, 7, 1, 0];
  const deadlines = offsets.map((offsetDays, index) => ({
    id: `custom-${options.label}-${index + 1}`,
    title: `Termin próbny ${index + 1} (${options.label})`,
    offsetDays,
  }));
  for (const deadline of deadlines)
    await saveDeadline(
      stack.db,
      {
        id: deadline.id,
        kind: 'custom',
        title: deadline.title,
        description: 'Termin dodany na potrzeby pomiaru.',
        dueAt: dueAt.toISOString(),
        wojewodztwa: WOJEWODZTWA,
        audience: AUDIENCE,
        policy: DEFAULT_REMINDER_POLICY,
        // Optional: each mail carries its own unsubscribe link, the heaviest kind of reminder.
        optional: true,
        createdAt: new Date().toISOString(),
      },
      plannedSends(dueAt, DEFAULT_REMINDER_POLICY),
    );
  const perDeadline = Math.ceil(options.messages / deadlines.length);
  const messages = Array.from({ length: options.messages }, (_, index) => {
    const deadline = deadlines[Math.floor(index / perDeadline)] ?? deadlines[0];
    const gmina = GMINY[(index % perDeadline) * 7] ?? GMINY[0];
    if (!deadline || !gmina) throw new Error('no deadline or gmina');
    return {
      title: deadline.title,
      message: {
        deadlineId: deadline.id,
        offsetDays: deadline.offsetDays,
        email: `kontakt.${gmina.teryt}@gmina.example`,
        role: 'gmina',
        wojewodztwo: gmina.wojewodztwoCode,
        replyTo: coordinatorOf(gmina.wojewodztwoCode),
      },
    };
  });
  // SQS delivers a message more than once now and then: every twentieth again, a little later.
  const bodies = messages.map(({ message }) => JSON.stringify(message));
  const duplicates = bodies.filter((_, index) => index % 20 === 3);
  const mixed = [...bodies];
  for (const [index, body] of duplicates.entries())
    mixed.splice(Math.min(mixed.length, index * 21 + 40), 0, body);
  const queue = new LocalQueue({ visibilityTimeoutMs: 5_000 });
  queue.send(mixed);

  const env = { ...stack.env, REMINDER_SEND_RATE: String(options.rate) };
  const senders = Array.from({ length: options.senders }, () => new Sender(env));
  try {
    await Promise.all(senders.map((sender) => sender.ready));
    const started = performance.now();
    const run = await consume(queue, senders, 10 * 60_000);
    const seconds = (performance.now() - started) / 1000;
    const first = run.sesAt[0] ?? 0;
    const last = run.sesAt.at(-1) ?? 0;
    const windowStart = first + WARM_UP_MS;
    const windowEnd = last - DRAIN_MS;
    const inWindow = run.sesAt.filter((at) => at >= windowStart && at < windowEnd).length;
    const sustainedSeconds = Math.max(0, (windowEnd - windowStart) / 1000);
    let peakPerSecond = 0;
    for (let start = 0, end = 0; end < run.sesAt.length; end += 1) {
      while ((run.sesAt[end] ?? 0) - (run.sesAt[start] ?? 0) >= 1000) start += 1;
      peakPerSecond = Math.max(peakPerSecond, end - start + 1);
    }
    const titles = new Set(deadlines.map((deadline) => deadline.title));
    const mails = (await sentMail(stack.inbox)).filter((mail) =>
      [...titles].some((title) => mail.subject.includes(title)),
    );
    const counted = new Map<string, number>();
    for (const mail of mails)
      for (const to of mail.destination.to) {
        const title = [...titles].find((candidate) => mail.subject.includes(candidate));
        const key = `${to}|${title}`;
        counted.set(key, (counted.get(key) ?? 0) + 1);
      }
    const expected = new Map(messages.map(({ title, message }) => [`${message.email}|${title}`, message]));
    // Why an e-mail is missing, from the sender's own record of it (e.g. "unknown": SES did not answer
    // within the mailer's 5 s, so it was not resent).
    const missingRecords: Record<string, number> = {};
    for (const [key, message] of expected) {
      if (counted.has(key)) continue;
      const record = await getSend(stack.db, message);
      const status = record ? `${record.status}${record.reason ? ` (${record.reason})` : ''}` : 'no record';
      missingRecords[status] = (missingRecords[status] ?? 0) + 1;
    }
    return {
      rate: options.rate,
      queued: mixed.length,
      duplicatesQueued: duplicates.length,
      batches: run.batches,
      failures: run.failures,
      deadLetters: queue.deadLetters.length,
      seconds,
      achieved: sustainedSeconds > 0 ? inWindow / sustainedSeconds : 0,
      sustainedSeconds,
      peakPerSecond,
      emails: mails.length,
      expected: expected.size,
      doubled: [...counted.values()].filter((count) => count > 1).length,
      missing: [...expected.keys()].filter((key) => !counted.has(key)).length,
      missingRecords,
    };
  } finally {
    await Promise.all(senders.map((sender) => sender.stop()));
  }
}

async function benchSendingOn(stack: Stack, quick: boolean): Promise<SendingFigures> {
  const { REMINDER_SENDERS } = await import('../functions/lib/reminder-senders.ts');
  // The floor first: the same senders without a limit (it also warms DynamoDB Local and the emulator).
  const floor = await sendRun(stack, {
    label: 'bez limitu',
    rate: 10_000,
    messages: quick ? 150 : 400,
    senders: REMINDER_SENDERS,
  });
  const paced = await sendRun(stack, {
    label: 'limit',
    rate: SEND_RATE,
    // Quick: 200 sends, still over 10 s sustained at 14/s.
    messages: quick ? 200 : 1_000,
    senders: REMINDER_SENDERS,
  });
  return { senders: REMINDER_SENDERS, warmUpSeconds: WARM_UP_MS / 1000, paced, floor };
}

export interface ReminderFigures {
  planning: PlanningFigures;
  sending: SendingFigures;
}

/** Both measures on one local stack (`--quick`: a tenth of the gminas, 200 reminders). */
export async function benchReminders(options: { quick: boolean }): Promise<ReminderFigures> {
  return withStack(async (stack) => ({
    planning: await benchPlanningOn(stack, options.quick),
    sending: await benchSendingOn(stack, options.quick),
  }));
}

export function benchReminderPlanning(options: { quick: boolean }): Promise<PlanningFigures> {
  return withStack((stack) => benchPlanningOn(stack, options.quick));
}

export function planningPasses(figures: PlanningFigures): boolean {
  const { planner } = figures;
  return (
    planner.plannedMs <= PLAN_TARGET_MS &&
    planner.messages === figures.expectedMessages &&
    planner.queued === planner.messages &&
    planner.distinct === planner.messages
  );
}

export function sendingPasses(figures: SendRunFigures): boolean {
  return (
    Math.abs(figures.achieved - figures.rate) <= figures.rate * SEND_RATE_TOLERANCE &&
    figures.sustainedSeconds >= SUSTAIN_TARGET_S &&
    figures.doubled === 0 &&
    figures.missing === 0 &&
    figures.emails === figures.expected
  );
}
