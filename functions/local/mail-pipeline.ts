import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { outboxQueueBody } from '../mail/mail-queue.ts';
import { LocalQueue } from './local-queue.ts';
import { type StreamPoller, startStreamPoller } from './stream-poller.ts';

/**
 * The mail pipeline on this machine (ARCHITECTURE.md, "Mail that is not silently lost"): the table's stream
 * (stream-poller.ts, the cloud's EventBridge Pipe) → an in-process queue (local-queue.ts, the cloud's SQS
 * mail queue) → the sender handler module Lambda runs (handlers/send-reminders.ts). A sign-in link is in
 * the inbox within about a second; a peak goes out at the sender's pace.
 */
export interface LocalMailPipeline {
  queue: LocalQueue;
  stop(): Promise<void>;
}

type SenderHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export function senderContext(timeoutMs = 30_000): Context {
  const deadline = Date.now() + timeoutMs;
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
 * The handler module Lambda runs, with its deps as Lambda's (process.env), but one local copy keeps the
 * whole REMINDER_SEND_RATE where each of the cloud's REMINDER_SENDERS copies keeps its share.
 */
async function defaultSender(): Promise<SenderHandler> {
  const [{ sendRemindersHandler }, { mailSenderDeps }, { withDocuments }, { createPacer }, { config }] =
    await Promise.all([
      import('../handlers/send-reminders.ts'),
      import('../wiring.ts'),
      import('../wiring-documents.ts'),
      import('../lib/pacer.ts'),
      import('../lib/config.ts'),
    ]);
  const settings = config();
  return sendRemindersHandler({
    ...withDocuments(mailSenderDeps(settings), settings),
    pace: createPacer(settings.REMINDER_SEND_RATE),
  }) as SenderHandler;
}

export async function startLocalMailPipeline(options: {
  dynamodbEndpoint: string;
  tableName: string;
  /** The sender; by default the handler module as Lambda loads it (its configuration from process.env). */
  handler?: SenderHandler;
  /** How soon a refused message comes back (SQS's visibility timeout; the cloud's is 3 minutes). */
  visibilityTimeoutMs?: number;
  idleMs?: number;
  onError?: (error: unknown) => void;
}): Promise<LocalMailPipeline> {
  const handler = options.handler ?? (await defaultSender());
  const queue = new LocalQueue({ visibilityTimeoutMs: options.visibilityTimeoutMs ?? 5_000 });
  const idleMs = options.idleMs ?? 100;
  let running = true;
  let wake: (() => void) | undefined;
  const poller: StreamPoller = await startStreamPoller({
    dynamodbEndpoint: options.dynamodbEndpoint,
    tableName: options.tableName,
    idleMs,
    onOutboxKeys: (keys) => {
      queue.send(keys.map(outboxQueueBody));
      wake?.();
    },
    onError: options.onError,
  });
  // One consumer at a time, as the sender's maxConcurrency would be with one copy: batches of ten.
  const pump = (async () => {
    let deadLetters = 0;
    while (running) {
      try {
        await queue.drain((event) => handler(event, senderContext()), { batchSize: 10 });
      } catch (error) {
        options.onError?.(error);
      }
      // The cloud's dead letters raise an alarm; here the message is said out loud (the sweeper still has it).
      for (const message of queue.deadLetters.slice(deadLetters))
        options.onError?.(new Error(`mail message given up after five tries: ${message.body}`));
      deadLetters = queue.deadLetters.length;
      if (running)
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, idleMs);
        });
    }
  })();
  return {
    queue,
    async stop() {
      running = false;
      wake?.();
      await poller.stop();
      await pump;
    },
  };
}

// A process of its own under `npm start` and the local stack (functions/local/stack.ts), as the cloud's sender
// is a function of its own: its sending does not take the API's CPU.
if (import.meta.main) {
  const { DYNAMODB_ENDPOINT, TABLE_NAME } = process.env;
  if (!DYNAMODB_ENDPOINT || !TABLE_NAME) throw new Error('DYNAMODB_ENDPOINT and TABLE_NAME must be set');
  const pipeline = await startLocalMailPipeline({
    dynamodbEndpoint: DYNAMODB_ENDPOINT,
    tableName: TABLE_NAME,
    onError: (error) => console.error('mail pipeline:', error),
  });
  console.log(`sending the outbox of ${TABLE_NAME} from its stream`);
  const stop = () => pipeline.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
