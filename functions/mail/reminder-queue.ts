import type { SQSClient } from '@aws-sdk/client-sqs';

/** One e-mail to send: the sender re-reads the deadline, so a change made meanwhile is what goes out. */
export interface ReminderMessage {
  deadlineId: string;
  offsetDays: number;
  email: string;
  /** gmina, ops, pcpr, coordinator, draft: what the recipient is to the deadline. */
  role: string;
  /** Whose coordinators' log shows it, and whose coordinator a reply reaches. */
  wojewodztwo: string;
  replyTo?: string | undefined;
}

/** Where the planner puts messages: SQS in the cloud, an in-process queue locally (functions/local). */
export interface ReminderQueue {
  send(messages: readonly ReminderMessage[]): Promise<void>;
}

/** Batches SQS takes at once from one planner: 7,447 batches one after another would take minutes. */
const BATCHES_IN_FLIGHT = 16;

/**
 * SendMessageBatch, 10 at a time, 16 batches in flight; entries SQS refused are sent again (three tries),
 * then the run fails (the planner's last run is not moved, so the next run queues them again and the
 * claims drop what was already sent).
 */
export function createSqsReminderQueue(queueUrl: string, region: string): ReminderQueue {
  let client: Promise<{
    sqs: SQSClient;
    Batch: typeof import('@aws-sdk/client-sqs').SendMessageBatchCommand;
  }>;
  const sqs = () => {
    client ??= import('@aws-sdk/client-sqs').then(({ SQSClient, SendMessageBatchCommand }) => ({
      sqs: new SQSClient({ region }),
      Batch: SendMessageBatchCommand,
    }));
    return client;
  };
  return {
    async send(messages) {
      if (messages.length === 0) return;
      const { sqs: sqsClient, Batch } = await sqs();
      const sendBatch = async (start: number) => {
        let entries = messages
          .slice(start, start + 10)
          .map((message, index) => ({ Id: String(index), MessageBody: JSON.stringify(message) }));
        for (let attempt = 1; entries.length > 0; attempt += 1) {
          const { Failed = [] } = await sqsClient.send(new Batch({ QueueUrl: queueUrl, Entries: entries }));
          const failed = new Set(Failed.map((entry) => entry.Id));
          entries = entries.filter((entry) => failed.has(entry.Id));
          if (entries.length > 0 && attempt >= 3)
            throw new Error(
              `SQS refused ${entries.length} reminder messages: ${Failed[0]?.Code ?? 'unknown'}`,
            );
        }
      };
      const starts = Array.from({ length: Math.ceil(messages.length / 10) }, (_, index) => index * 10);
      let next = 0;
      // A few workers take the next batch as each finishes; the first refusal fails the whole send.
      await Promise.all(
        Array.from({ length: Math.min(BATCHES_IN_FLIGHT, starts.length) }, async () => {
          while (next < starts.length) await sendBatch(starts[next++] as number);
        }),
      );
    },
  };
}
