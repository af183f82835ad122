// Reminders on this machine, with the same planner and sender code as Lambda:
//   npm run reminders -- --now 2019-03-17T08:00 [--since 2019-03-10T08:00]   plan and send as of an instant
//   node functions/local/reminders.ts --every 60                               npm start's timer (a minute)
// Against the running `npm start` stack (DynamoDB Local and the SES emulator on their ports).

import { parseArgs } from 'node:util';
import type { Context, SQSEvent } from 'aws-lambda';
import { warsawLocalToInstant } from '../../shared/time.ts';
import { LocalQueue } from './local-queue.ts';
import { PORT_VARIABLES } from './stack.ts';

export interface RunReport {
  planned: number;
  window: { from: string; to: string };
  batches: number;
  failures: number;
  deadLetters: number;
  /** Coordinators told of signatures missing at a deadline (through the outbox). */
  overdueNotices: number;
}

function context(): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'send-reminders',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:send-reminders',
    memoryLimitInMB: '512',
    awsRequestId: crypto.randomUUID(),
    logGroupName: '/aws/lambda/send-reminders',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * One planner run and the sending of what it queued, through an in-process queue into the send-reminders
 * handler module. With `now`, both run as of that instant (the clock is injected; nothing else changes).
 */
export async function runReminders(options: {
  now?: Date | undefined;
  since?: Date | undefined;
  recordRun: boolean;
  queue?: LocalQueue;
}): Promise<RunReport> {
  // Imported here: the handler modules read the configuration when they load, and the CLI sets it first.
  const [{ planReminders }, { storeAndSiteDeps, reminderSenderDeps }, { sendRemindersHandler }] =
    await Promise.all([
      import('../domain/plan-reminders.ts'),
      import('../wiring.ts'),
      import('../handlers/send-reminders.ts'),
    ]);
  const fixed = options.now;
  const clock = fixed ? () => new Date(fixed) : () => new Date();
  const queue = options.queue ?? new LocalQueue({ visibilityTimeoutMs: 5_000 });
  const report = await planReminders(
    {
      ...storeAndSiteDeps(),
      now: clock,
      queue: { send: async (messages) => queue.send(messages.map((message) => JSON.stringify(message))) },
    },
    { since: options.since, recordRun: options.recordRun },
  );
  const handler = sendRemindersHandler({ ...reminderSenderDeps(), now: clock });
  const drained = await queue.drain((event: SQSEvent) => handler(event, context()), { maxWaitMs: 30_000 });
  if (report.overdueNoticeKeys.length > 0) {
    // In the cloud (and under `npm start`) the mail pipeline sends these notices; a run on its own has no
    // pipeline, so it sends them itself, as of its clock (the outbox's claim keeps it to one e-mail if both do).
    const [{ deliverMail }, { storeAndMailDeps }, { withDocuments }] = await Promise.all([
      import('../domain/deliver-mail.ts'),
      import('../wiring.ts'),
      import('../wiring-documents.ts'),
    ]);
    const deps = { ...withDocuments(storeAndMailDeps()), now: clock };
    for (const key of report.overdueNoticeKeys) await deliverMail(deps, key);
  }
  return {
    planned: report.messages,
    window: { from: report.from, to: report.to },
    ...drained,
    deadLetters: queue.deadLetters.length,
    overdueNotices: report.overdueNotices,
  };
}

/** "2019-03-17T08:00" (Warsaw time) or an ISO instant with its offset. */
function instant(text: string): Date {
  const date = /[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? new Date(text) : warsawLocalToInstant(text);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date and time: ${text}`);
  return date;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { now: { type: 'string' }, since: { type: 'string' }, every: { type: 'string' } },
  });
  if (!process.env.TABLE_NAME) {
    const { handlerEnvironment } = await import('./stack.ts');
    const port = (name: keyof typeof PORT_VARIABLES, fallback: number) =>
      process.env[PORT_VARIABLES[name]] ?? String(fallback);
    Object.assign(
      process.env,
      handlerEnvironment({
        dynamodb: `http://127.0.0.1:${port('dynamodb', 8000)}`,
        ses: `http://127.0.0.1:${port('ses', 8005)}`,
        s3: `http://127.0.0.1:${port('s3', 4569)}`,
        site: `http://localhost:${port('web', 5173)}`,
      }),
    );
  }
  if (values.every) {
    const seconds = Number(values.every);
    const tick = async () => {
      try {
        const report = await runReminders({ recordRun: true });
        if (report.planned > 0 || report.failures > 0) console.log(`reminders: ${JSON.stringify(report)}`);
      } catch (error) {
        console.error('reminders: the run failed', error);
      }
      setTimeout(tick, seconds * 1000);
    };
    await tick();
    return;
  }
  const now = values.now ? instant(values.now) : new Date();
  // A run as of another time does not move the timer's last run; without --since it looks a week back.
  const since = values.since ? instant(values.since) : new Date(now.getTime() - 7 * 86_400_000);
  const report = await runReminders({ now, since, recordRun: false });
  console.log(
    `Reminders as of ${now.toISOString()} (due since ${since.toISOString()}): ${report.planned} queued, ` +
      `${report.batches} batches sent${report.failures ? `, ${report.failures} to retry` : ''}` +
      `${report.deadLetters ? `, ${report.deadLetters} given up` : ''}` +
      `${report.overdueNotices ? `, ${report.overdueNotices} coordinators told of signatures overdue` : ''}. The inbox: http://127.0.0.1:${process.env[PORT_VARIABLES.ses] ?? 8005}/`,
  );
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
