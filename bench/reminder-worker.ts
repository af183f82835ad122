// A child process of the reminders benchmark, so that what it measures is the planner's or a sender's own
// process and not the benchmark's (its memory above all):
//   node bench/reminder-worker.ts plan '{"now":"…","since":"…"}'   one planner run; prints its figures as JSON
//   node bench/reminder-worker.ts send                              a sender "Lambda instance": SQS events in
//                                                                   over IPC, batch responses back
// Both read their configuration from the environment at import, as a function does at its cold start.
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Context, SQSEvent } from 'aws-lambda';

export interface PlanFigures {
  plannedMs: number;
  deadlinesDue: number;
  messages: number;
  queued: number;
  /** Distinct (deadline, offset, address) among the queued messages: equal to `queued` when none is doubled. */
  distinct: number;
  /** Resident set after the imports, before planning, and the process's peak (resourceUsage().maxRSS). */
  rssBeforeBytes: number;
  maxRssBytes: number;
  /** The highest V8 heap in use seen while planning (sampled every 20 ms). */
  heapPeakBytes: number;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; failed: string[]; sesAt: number[]; error?: string };

export type ParentMessage = { type: 'batch'; id: number; event: SQSEvent } | { type: 'stop' };

async function plan(options: { now: string; since: string }): Promise<void> {
  const [{ planReminders }, { storeDeps }, { LocalQueue }] = await Promise.all([
    import('../functions/domain/plan-reminders.ts'),
    import('../functions/wiring.ts'),
    import('../functions/local/local-queue.ts'),
  ]);
  // The queue `npm start` and the reminders CLI plan into (functions/local/reminders.ts).
  const queue = new LocalQueue();
  const bodies: string[] = [];
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 20);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const report = await planReminders(
    {
      ...storeDeps(),
      now: () => new Date(options.now),
      siteUrl: 'http://localhost:5173',
      queue: {
        send: async (messages) => {
          const json = messages.map((message) => JSON.stringify(message));
          queue.send(json);
          for (const body of json) bodies.push(body);
        },
      },
    },
    { since: new Date(options.since), recordRun: false },
  );
  const plannedMs = performance.now() - started;
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  // Read now: the check below parses every message again, which is the benchmark's work, not the planner's.
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  const distinct = new Set(
    bodies.map((body) => {
      const { deadlineId, offsetDays, email } = JSON.parse(body) as Record<string, unknown>;
      return `${deadlineId}|${offsetDays}|${email}`;
    }),
  ).size;
  const figures: PlanFigures = {
    plannedMs,
    deadlinesDue: report.deadlinesDue,
    messages: report.messages,
    queued: queue.size,
    distinct,
    rssBeforeBytes: rssBefore,
    // maxRSS is in kilobytes.
    maxRssBytes,
    heapPeakBytes: heapPeak,
  };
  console.log(JSON.stringify(figures));
}

async function send(): Promise<void> {
  const sesHost = new URL(process.env.SES_ENDPOINT ?? 'http://127.0.0.1:9').host;
  // When each send left for SES (what SES's rate limit counts), seen from outside the handler's code; its
  // answers would add the emulator's own delays (it parses each message) to the pace.
  let sesAt: number[] = [];
  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest };
    if (request.getHeader('host') === sesHost) sesAt.push(performance.timeOrigin + performance.now());
  });
  const { handler } = await import('../functions/handlers/send-reminders.ts');
  const context = (): Context =>
    ({
      functionName: 'send-reminders',
      awsRequestId: crypto.randomUUID(),
      getRemainingTimeInMillis: () => 30_000,
    }) as Context;
  const reply = (message: WorkerMessage) => process.send?.(message);
  process.on('message', async (message: ParentMessage) => {
    if (message.type === 'stop') process.exit(0);
    try {
      const response = await handler(message.event, context());
      const failed = (response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier);
      reply({ type: 'done', id: message.id, failed, sesAt });
    } catch (error) {
      // A handler that throws fails its whole batch, as Lambda's event source treats it.
      reply({
        type: 'done',
        id: message.id,
        failed: message.event.Records.map((record) => record.messageId),
        sesAt,
        error: String(error),
      });
    }
    sesAt = [];
  });
  reply({ type: 'ready' });
}

if (import.meta.main) {
  const [mode, options] = process.argv.slice(2);
  const run = mode === 'plan' ? plan(JSON.parse(options ?? '{}')) : send();
  run.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
