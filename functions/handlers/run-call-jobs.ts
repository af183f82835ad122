import { runLeftCallJobs } from '../domain/call-life.ts';
import { logger } from '../lib/logger.ts';
import { storeAndMailDeps } from '../wiring.ts';

const deps = storeAndMailDeps();

/**
 * Run every few minutes by EventBridge Scheduler (locally: POST /__local/run/run-call-jobs): the e-mails
 * and drafts' expiry of a call's extension or cancellation whose request died after its commit.
 */
export async function handler() {
  const ran = await runLeftCallJobs(deps);
  logger.info('call jobs run', { ran });
  return { ran };
}
