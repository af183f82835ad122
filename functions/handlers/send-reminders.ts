import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { deliverMail, type ReadDocument } from '../domain/deliver-mail.ts';
import { sendReminder } from '../domain/send-reminder.ts';
import { logger } from '../lib/logger.ts';
import { outboxKeyOf } from '../mail/mail-queue.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ReminderMessage } from '../mail/reminder-queue.ts';
import { mailSenderDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

type Deps = Parameters<typeof sendReminder>[0] & {
  /** SES's simple sending, for outbox messages (the reminders' raw mailer builds their MIME itself). */
  outboxMailer?: Mailer | undefined;
  /** To attach final agreements; without it such a message is left to the sweeper, which has the bucket. */
  readDocument?: ReadDocument | undefined;
};

function isReminder(body: Partial<ReminderMessage>): body is ReminderMessage {
  return (
    typeof body.deadlineId === 'string' &&
    typeof body.offsetDays === 'number' &&
    typeof body.email === 'string' &&
    typeof body.role === 'string' &&
    typeof body.wojewodztwo === 'string'
  );
}

function parseBody(record: SQSRecord): unknown {
  try {
    return JSON.parse(record.body);
  } catch {
    return undefined;
  }
}

/**
 * The one sender every e-mail leaves the system by (ARCHITECTURE.md, "Mail that is not silently lost"): an
 * SQS consumer of the mail queue, which carries reminders (from the planner) and outbox messages (from the
 * table's stream, through an EventBridge Pipe), one message per e-mail, sent in order within a batch, each
 * waiting for its share of the SES rate. A message SES refused fails alone (partial batch response) and
 * comes back after the visibility timeout; one that is neither kind is logged and dropped.
 */
export function sendRemindersHandler(deps: Deps) {
  const processor = new BatchProcessor(EventType.SQS);
  const record = async (message: SQSRecord) => {
    const body = parseBody(message);
    const outbox = outboxKeyOf(body);
    if (outbox) {
      if (!deps.outboxMailer) throw new Error('this sender has no mailer for outbox messages');
      const result = await deliverMail({ ...deps, mailer: deps.outboxMailer }, outbox);
      // Released for a retry (SES refused, or the table was away): the queue brings it back after the
      // visibility timeout; after five tries the dead letters raise an alarm and the sweeper keeps retrying.
      if (result === 'retry-later') throw new Error('outbox message not sent yet; to be retried');
      return result;
    }
    if (!isReminder((body ?? {}) as Partial<ReminderMessage>)) {
      logger.error('neither a reminder nor an outbox message; dropped', { messageId: message.messageId });
      return 'dropped';
    }
    return sendReminder(deps, body as ReminderMessage);
  };
  return (event: SQSEvent, context: Context) =>
    processPartialResponse(event, record, processor, { context, throwOnFullBatchFailure: false });
}

export const handler = sendRemindersHandler(withDocuments(mailSenderDeps()));
