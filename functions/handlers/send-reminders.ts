import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { sendReminder } from '../domain/send-reminder.ts';
import { logger } from '../lib/logger.ts';
import type { ReminderMessage } from '../mail/reminder-queue.ts';
import { reminderSenderDeps } from '../wiring.ts';

type Deps = Parameters<typeof sendReminder>[0];

function parseMessage(record: SQSRecord): ReminderMessage | undefined {
  try {
    const body = JSON.parse(record.body) as Partial<ReminderMessage>;
    const valid =
      typeof body.deadlineId === 'string' &&
      typeof body.offsetDays === 'number' &&
      typeof body.email === 'string' &&
      typeof body.role === 'string' &&
      typeof body.wojewodztwo === 'string';
    return valid ? (body as ReminderMessage) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The SQS consumer that sends reminders, one message per e-mail, in order within a batch (each send waits
 * for its share of the SES rate). A message SES refused fails alone (partial batch response) and comes
 * back after the visibility timeout; one that is not a reminder is logged and dropped.
 */
export function sendRemindersHandler(deps: Deps) {
  const processor = new BatchProcessor(EventType.SQS);
  const record = async (message: SQSRecord) => {
    const reminder = parseMessage(message);
    if (!reminder) {
      logger.error('not a reminder message; dropped', { messageId: message.messageId });
      return 'dropped';
    }
    return sendReminder(deps, reminder);
  };
  return (event: SQSEvent, context: Context) =>
    processPartialResponse(event, record, processor, { context, throwOnFullBatchFailure: false });
}

export const handler = sendRemindersHandler(reminderSenderDeps());
