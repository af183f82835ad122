import { planReminders } from '../domain/plan-reminders.ts';
import { logger } from '../lib/logger.ts';
import { reminderPlannerDeps } from '../wiring.ts';

const deps = reminderPlannerDeps();

/** Run hourly by EventBridge Scheduler: queues the reminders due since the last run (one per e-mail). */
export async function handler() {
  const report = await planReminders(deps);
  logger.info('reminders planned', { ...report });
  return report;
}
