import { logger } from '../lib/logger.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Db } from '../repositories/dynamo.ts';
import {
  confirmUnknown,
  listBodiesDue,
  listUndelivered,
  markUnknown,
  removeBody,
} from '../repositories/outbox.ts';
import { deliverMail, type ReadDocument } from './deliver-mail.ts';

/** Longer than any sender can take (the SES call times out after 5 s, a function after 60 s). */
const STALE_CLAIM_MS = 15 * 60_000;
const BATCH = 100;

export interface SweepReport {
  sent: number;
  retryLater: number;
  unknown: number;
  failed: number;
  /** Unknown past the grace, held and reported. */
  held?: number;
  /** Held messages whose bodies were removed. */
  bodiesRemoved?: number;
}

/** Claiming stops when less time than this is left, so the function is never killed mid-send. */
const TIME_PER_MESSAGE_MS = 15_000;

/**
 * The outbox sweeper, run every few minutes by the scheduler: retries what SES refused once its retry is
 * due, and reports messages whose sender died mid-send (status "unknown", logged as an error, which the
 * function's logged-errors alarm announces).
 */
export async function sendPendingMail(deps: {
  db: Db;
  mailer: Mailer;
  now: () => Date;
  /** To attach files (final agreements) to the messages that carry them. */
  readDocument?: ReadDocument | undefined;
  /** Its share of the SES rate. */
  pace?: (() => Promise<void>) | undefined;
  timeLeftMs: () => number;
}): Promise<SweepReport> {
  const now = deps.now();
  const report: SweepReport = { sent: 0, retryLater: 0, unknown: 0, failed: 0 };
  const undelivered = await listUndelivered(deps.db, now, BATCH);
  for (const { key, status } of undelivered) {
    if (deps.timeLeftMs() < TIME_PER_MESSAGE_MS) break;
    if (status === 'sending') {
      const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
      if (await markUnknown(deps.db, key, staleBefore, now)) {
        report.unknown += 1;
        logger.warn('mail may or may not have been sent: its sender stopped mid-send; held for its event', {
          key,
        });
      }
      continue;
    }
    if (status === 'unknown') {
      // The grace passed and no SES event said it was delivered: now it is worth a person's attention.
      if (await confirmUnknown(deps.db, key, now)) {
        report.held = (report.held ?? 0) + 1;
        logger.error('mail may not have been sent: no SES event came; a coordinator may resend it', { key });
      }
      continue;
    }
    const result = await deliverMail(deps, key);
    if (result === 'sent') report.sent += 1;
    if (result === 'retry-later') report.retryLater += 1;
    if (result === 'unknown') report.unknown += 1;
    if (result === 'failed') report.failed += 1;
  }
  for (const key of await listBodiesDue(deps.db, now, BATCH)) {
    if (deps.timeLeftMs() < TIME_PER_MESSAGE_MS) break;
    await removeBody(deps.db, key, now);
    report.bodiesRemoved = (report.bodiesRemoved ?? 0) + 1;
  }
  return report;
}
