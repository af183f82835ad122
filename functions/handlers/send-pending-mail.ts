import type { Context, ScheduledEvent } from 'aws-lambda';
import { sendPendingMail } from '../domain/send-pending-mail.ts';
import { logger } from '../lib/logger.ts';
import { storeAndMailDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const deps = withDocuments(storeAndMailDeps());

/** Run every few minutes by EventBridge Scheduler (locally: POST /__local/run/send-pending-mail). */
export async function handler(_event: ScheduledEvent | Record<string, never>, context: Context) {
  const report = await sendPendingMail({ ...deps, timeLeftMs: () => context.getRemainingTimeInMillis() });
  logger.info('outbox swept', { ...report });
  return report;
}
