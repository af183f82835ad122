import { randomBytes } from 'node:crypto';
import { warsawDate } from '../../shared/time.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { logger } from '../lib/logger.ts';
import { deadlineEvent } from '../mail/calendar.ts';
import type { RawMailer } from '../mail/raw-mailer.ts';
import type { ReminderMessage } from '../mail/reminder-queue.ts';
import { getDeadline } from '../repositories/deadlines.ts';
import type { Db } from '../repositories/dynamo.ts';
import {
  claimSend,
  getSuppression,
  markSendSent,
  markSendUnknown,
  recipientHash,
  recordSkippedSend,
  releaseSend,
} from '../repositories/reminder-sends.ts';
import { uploadLinkForSend } from './deliverable-parties.ts';
import { signingReminderFor } from './reminder-audience-agreements.ts';
import { reminderContent, UNSUBSCRIBE_PAGE } from './reminder-content.ts';

export type SendOutcome = 'sent' | 'skipped' | 'duplicate' | 'unknown';

/**
 * Longer than any sender holds a claim (its function times out after 30 s): a claim still "sending" after
 * this belongs to a sender that died between SES and the record.
 */
export const STALE_CLAIM_MS = 60_000;

/** As the outbox decides (domain/deliver-mail.ts): no answer in time may mean SES sent it. */
function outcomeUnknown(error: unknown): boolean {
  const { name, code } = error as { name?: string; code?: string };
  return name === 'AbortError' || name === 'TimeoutError' || code === 'ECONNRESET' || code === 'EPIPE';
}

/** The unsubscribe token: the send's key and a secret whose hash the send keeps. */
function unsubscribeToken(message: ReminderMessage, secret: string): string {
  return `${message.deadlineId}.${message.offsetDays}.${recipientHash(message.email)}.${secret}`;
}

/** The one-click unsubscribe address (List-Unsubscribe, RFC 8058: the mail client POSTs to it). */
export function unsubscribeUrl(siteUrl: string, message: ReminderMessage, secret: string): string {
  return `${siteUrl}/api/reminders/unsubscribe?t=${encodeURIComponent(unsubscribeToken(message, secret))}`;
}

export function unsubscribePageUrl(siteUrl: string, message: ReminderMessage, secret: string): string {
  return `${siteUrl}${UNSUBSCRIBE_PAGE}#t=${encodeURIComponent(unsubscribeToken(message, secret))}`;
}

/** The e-mail of a reminder as it goes out, with its calendar file (also the test a coordinator sends to themselves). */
export function reminderMail(...args: Parameters<typeof reminderContent>) {
  const [deadline] = args;
  const { link, ...content } = reminderContent(...args);
  return {
    ...content,
    attachments: [
      {
        filename: 'termin.ics',
        contentType: 'text/calendar; charset=UTF-8; method=PUBLISH',
        content: deadlineEvent({
          deadlineId: deadline.id,
          title: deadline.title,
          description: deadline.description,
          dueAt: deadline.dueAt,
          url: link,
          // A milestone lasts whole days: its start and end are calendar days, not the day's last minute.
          allDay:
            deadline.kind === 'milestone-start' || deadline.kind === 'milestone-end'
              ? warsawDate(new Date(deadline.dueAt))
              : undefined,
        }),
      },
    ],
  };
}

/**
 * Sends one queued reminder, at most once per (deadline, offset, recipient). Skips — recorded with the
 * reason and logged — a deadline that has passed, an address that bounced or complained, and an optional
 * reminder to an address that opted out. Throws when SES refused, so the queue delivers the message again
 * (and, after five tries, to the dead-letter queue, which raises an alarm); every other outcome is final.
 */
export async function sendReminder(
  deps: {
    db: Db;
    mailer: RawMailer;
    now: () => Date;
    siteUrl: string;
    pace?: (() => Promise<void>) | undefined;
  },
  message: ReminderMessage,
): Promise<SendOutcome> {
  const context = { deadlineId: message.deadlineId, offsetDays: message.offsetDays, role: message.role };
  const deadline = await getDeadline(deps.db, message.deadlineId);
  if (!deadline) {
    logger.warn('reminder skipped: its deadline no longer exists', context);
    return 'skipped';
  }
  const claim = {
    deadlineId: deadline.id,
    offsetDays: message.offsetDays,
    email: message.email,
    role: message.role,
    wojewodztwo: message.wojewodztwo,
    title: deadline.title,
  };
  const now = deps.now();
  const skip = async (reason: string) => {
    await recordSkippedSend(deps.db, claim, reason, now);
    logger.warn('reminder skipped', { ...context, reason });
    return 'skipped' as const;
  };
  // Queued before a coordinator called it off: the planner plans no more of it, the sender sends none.
  if (deadline.cancelledAt) return skip('deadline-cancelled');
  if (now.getTime() >= Date.parse(deadline.dueAt)) return skip('deadline-passed');
  const suppression = await getSuppression(deps.db, message.email);
  if (suppression.suppressed) return skip(suppression.suppressed.reason);
  if (deadline.optional && suppression.optedOutAt) return skip('opted-out');
  const upload = await uploadLinkForSend(deps, deadline, message);
  if (upload.delivered) return skip('delivered');
  // Planned an hour ago at most; the signatory may have signed since, or the signing ended.
  const signing =
    deadline.kind === 'agreement-signing'
      ? await signingReminderFor(deps.db, deadline, message.email)
      : undefined;
  if (signing && !signing.awaiting) return skip('not-awaiting-signature');

  const secret = deadline.optional ? randomBytes(32).toString('base64url') : undefined;
  const claimed = await claimSend(
    deps.db,
    { ...claim, unsubscribeSha256: secret ? sha256Hex(secret) : undefined },
    now,
  );
  if (claimed.outcome === 'taken') {
    const { record } = claimed;
    const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    if (record.status === 'sending' && record.claimedAt < staleBefore) {
      if (
        await markSendUnknown(deps.db, claim, 'its sender stopped between SES and the record', staleBefore)
      ) {
        logger.error(
          'reminder may or may not have been sent: its sender stopped mid-send; not resent',
          context,
        );
        return 'unknown';
      }
    }
    logger.info('reminder already claimed; not sent again', { ...context, status: record.status });
    return 'duplicate';
  }

  await deps.pace?.();
  const mail = reminderMail(deadline, deps.siteUrl, now, {
    unsubscribeUrl: secret ? unsubscribeUrl(deps.siteUrl, message, secret) : undefined,
    unsubscribePageUrl: secret ? unsubscribePageUrl(deps.siteUrl, message, secret) : undefined,
    replyTo: signing?.coordinatorEmail ?? message.replyTo,
    linkSentAt: signing?.linkSentAt,
    uploadUrl: upload.url,
    wojewodztwo: message.wojewodztwo,
    role: message.role,
  });
  let messageId: string;
  try {
    messageId = await deps.mailer.send({ to: [message.email], ...mail });
  } catch (error) {
    if (outcomeUnknown(error)) {
      await markSendUnknown(deps.db, claim, (error as Error).name ?? 'no answer');
      logger.error('reminder may or may not have been sent: SES did not answer in time; not resent', {
        ...context,
        error: error as Error,
      });
      return 'unknown';
    }
    await releaseSend(deps.db, claim, (error as Error).name ?? 'Error');
    logger.warn('reminder not accepted by SES; the queue will deliver it again', {
      ...context,
      attempts: claimed.attempts,
      error: error as Error,
    });
    throw error;
  }
  try {
    await markSendSent(deps.db, claim, messageId, deps.now());
  } catch (error) {
    // Sent, but not recorded: it stays "sending", which no sender resends; a person checks.
    logger.error('reminder sent but its record failed; it will not be resent', {
      ...context,
      messageId,
      error: error as Error,
    });
    return 'sent';
  }
  logger.info('reminder sent', { ...context, messageId });
  return 'sent';
}
