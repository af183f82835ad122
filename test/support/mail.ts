import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, inject } from 'vitest';
import { type LocalMailPipeline, startLocalMailPipeline } from '../../functions/local/mail-pipeline.ts';
import type { Mailer } from '../../functions/mail/mailer.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';
import { type SentMail, sentMail } from './cards.ts';
import { mailSettled, pipelineState } from './outbox.ts';

export { mailSettled, stackMailTo } from './outbox.ts';

/**
 * Mail leaves through the pipeline (ARCHITECTURE.md, "Mail that is not silently lost"), after the request
 * answered: a test that counts e-mails waits until the outbox has settled, never a fixed time.
 */

let running: LocalMailPipeline | undefined;

/** What a test may swap in the sender: its mailer (SES refusing or silent) or its table client. */
export interface SenderFaults {
  mailer?: Mailer | undefined;
  db?: Db | undefined;
  /** Stands in for the sender's invocation (a crash mid-batch); the real handler is passed in. */
  invoke?:
    | ((
        event: SQSEvent,
        real: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>,
      ) => Promise<SQSBatchResponse | undefined>)
    | undefined;
}

/**
 * The test file's mail pipeline: its table's stream → the in-process queue → the sender handler module, as
 * `npm start` runs it. For integration tests, which call handlers in-process on a table of their own.
 */
export function useMailPipeline(options: { visibilityTimeoutMs?: number } = {}): SenderFaults {
  const faults: SenderFaults = {};
  beforeAll(async () => {
    const [{ sendRemindersHandler }, { mailSenderDeps }] = await Promise.all([
      import('../../functions/handlers/send-reminders.ts'),
      import('../../functions/wiring.ts'),
    ]);
    const { withDocuments } = await import('../../functions/wiring-documents.ts');
    const deps = withDocuments(mailSenderDeps());
    // The sender's own SES and table, each replaceable by a test that injects a fault into the sender.
    const handler = sendRemindersHandler({
      ...deps,
      db: {
        ...deps.db,
        client: { send: (command: never) => (faults.db ?? deps.db).client.send(command) } as never,
      },
      outboxMailer: { send: (message) => (faults.mailer ?? deps.outboxMailer).send(message) },
      pace: undefined,
    });
    pipelineState.running = true;
    running = await startLocalMailPipeline({
      dynamodbEndpoint: inject('dynamodbEndpoint'),
      tableName: process.env.TABLE_NAME as string,
      visibilityTimeoutMs: options.visibilityTimeoutMs ?? 1_000,
      handler: (event, context) => {
        const real = (batch: SQSEvent) => handler(batch, context) as Promise<SQSBatchResponse | undefined>;
        return faults.invoke ? faults.invoke(event, real) : real(event);
      },
    });
  });
  afterAll(async () => {
    await running?.stop();
    running = undefined;
    pipelineState.running = false;
  });
  return faults;
}

/** The running pipeline's queue (a test puts a duplicate on it). */
export function pipelineQueue(): LocalMailPipeline['queue'] {
  if (!running) throw new Error('no mail pipeline in this file (useMailPipeline)');
  return running.queue;
}

/** The e-mails to `address` in the SES emulator, once the outbox has settled for it. */
export async function settledMailTo(db: Db, inboxUrl: string, address: string): Promise<SentMail[]> {
  await mailSettled(db, address);
  return (await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(address));
}
