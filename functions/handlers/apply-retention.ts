import type { Context, ScheduledEvent } from 'aws-lambda';
import { applyRetention } from '../domain/apply-retention.ts';
import { logger } from '../lib/logger.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

/** Run every 6 hours by EventBridge Scheduler (locally: POST /__local/run/apply-retention). */
export async function handler(_event: ScheduledEvent | Record<string, never>, context: Context) {
  const report = await applyRetention({ ...deps, timeLeftMs: () => context.getRemainingTimeInMillis() });
  logger.info('retention applied', { ...report });
  return report;
}
