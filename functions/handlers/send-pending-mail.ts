import type { Context, ScheduledEvent } from 'aws-lambda';
import { sendPendingMail } from '../domain/send-pending-mail.ts';
import { config } from '../lib/config.ts';
import { logger } from '../lib/logger.ts';
import { createPacer } from '../lib/pacer.ts';
import { REMINDER_SENDERS } from '../lib/reminder-senders.ts';
import { storeAndMailDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const settings = config();
// Its share of the SES rate, as each copy of the sender keeps: what it sends goes beside the sender's.
const deps = {
  ...withDocuments(storeAndMailDeps(settings)),
  pace: createPacer(settings.REMINDER_SEND_RATE / REMINDER_SENDERS),
};

/** Run every few minutes by EventBridge Scheduler (locally: POST /__local/run/send-pending-mail). */
export async function handler(_event: ScheduledEvent | Record<string, never>, context: Context) {
  const report = await sendPendingMail({ ...deps, timeLeftMs: () => context.getRemainingTimeInMillis() });
  logger.info('outbox swept', { ...report });
  return report;
}
