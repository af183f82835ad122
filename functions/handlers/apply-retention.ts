import type { Context, ScheduledEvent } from 'aws-lambda';
import { applyRetention } from '../domain/apply-retention.ts';
import { logger } from '../lib/logger.ts';
import { deleteDocumentsUnder } from '../repositories/documents.ts';
import { storeDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const deps = withDocuments(storeDeps());
const { documents } = deps;

/** Run every 6 hours by EventBridge Scheduler (locally: POST /__local/run/apply-retention). */
export async function handler(_event: ScheduledEvent | Record<string, never>, context: Context) {
  const report = await applyRetention({
    ...deps,
    timeLeftMs: () => context.getRemainingTimeInMillis(),
    deleteDocuments: documents ? (prefix) => deleteDocumentsUnder(documents, prefix) : undefined,
  });
  logger.info('retention applied', { ...report });
  return report;
}
