import { logger } from '../lib/logger.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { type MailTemplate, renderMail } from '../mail/templates.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getOffice } from '../repositories/offices.ts';
import {
  addressTo,
  claimMessage,
  markFailed,
  markSent,
  markSkipped,
  markUnknownNow,
  type OutboxKey,
  outboxTag,
  releaseForRetry,
} from '../repositories/outbox.ts';

export type DeliveryResult = 'sent' | 'not-claimed' | 'retry-later' | 'failed' | 'unknown' | 'skipped';

/**
 * SES refusing is mostly passing (throttling, an outage) or a setting a person fixes (a paused account,
 * an unverified sender): a message is retried for two days, waiting longer each time, and only then given
 * up and reported (logged as an error, which raises an alarm). Each retry is one cheap refused call.
 */
export const GIVE_UP_AFTER_MS = 48 * 3600_000;

/** 5 minutes after the first refusal, doubling, at most 2 hours: about 25 attempts in two days. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(attempts - 1, 0), 2 * 3600_000);
}

/**
 * A send that timed out or lost its connection may have been accepted: resending could deliver it twice, so
 * such a message is reported instead (status "unknown"). Anything else SES refused is retried later.
 */
function outcomeUnknown(error: unknown): boolean {
  const { name, code } = error as { name?: string; code?: string };
  return name === 'AbortError' || name === 'TimeoutError' || code === 'ECONNRESET' || code === 'EPIPE';
}

/**
 * Reads a document from the bucket, digest checked. Injected (functions/wiring-documents.ts) rather than
 * imported: the S3 client would otherwise come into every function that sends mail.
 */
export type ReadDocument = (key: string, sha256: string) => Promise<Uint8Array | undefined>;

/**
 * The largest final record sent as an attachment. SES's raw sending (API v1) takes a message of at most
 * 10 MB (10,000,000 bytes counted, to be safe) after encoding; base64 in 76-character lines makes a file
 * 4/3 × 78/76 ≈ 1.37 times larger: 7,000,000 bytes become 9.58 MB, which leaves ~400 kB for the text, the
 * HTML and the headers (test/unit/final-attachment-size.test.ts measures the raw message). A larger record
 * (a paper agreement's scan of up to 10 MB makes one of ~9–10 MB) is not attached: its e-mail says where
 * to download it, with its SHA-256, instead of being refused by SES over and over and then held.
 */
export const FINAL_ATTACHMENT_MAX_BYTES = 7_000_000;

/** The message with its attachment read from the documents bucket (a final agreement), if small enough. */
async function rendered(
  deps: { readDocument?: ReadDocument | undefined },
  to: string[],
  mail: MailTemplate,
): Promise<MailMessage> {
  if (mail.template !== 'agreement-completed') return renderMail(to, mail);
  const { attachment } = mail.data;
  if (!deps.readDocument) throw new Error('this function has no documents bucket to attach a file from');
  // Read (and its digest checked) either way: a changed or missing record is not announced as sent.
  const content = await deps.readDocument(attachment.key, attachment.sha256);
  if (!content) throw new Error(`attachment ${attachment.key} is missing`);
  if (content.byteLength > FINAL_ATTACHMENT_MAX_BYTES)
    return renderMail(to, { ...mail, data: { ...mail.data, tooLarge: { bytes: content.byteLength } } });
  return {
    ...renderMail(to, mail),
    attachments: [{ filename: attachment.filename, contentType: 'application/pdf', content }],
  };
}

/**
 * Sends one outbox message if this caller can claim it (the mail sender, for each message the table's stream
 * queued; the sweeper, for one whose stream record was lost or whose retry is due). It never throws: what is
 * stored is stored, and a message that could not be sent now is released for a later try.
 */
export async function deliverMail(
  deps: {
    db: Db;
    mailer: Mailer;
    now: () => Date;
    readDocument?: ReadDocument | undefined;
    /** The sender's share of the SES rate: waited for after the claim, so a duplicate costs no slot. */
    pace?: (() => Promise<void>) | undefined;
  },
  key: OutboxKey,
): Promise<DeliveryResult> {
  try {
    const message = await claimMessage(deps.db, key, deps.now());
    if (!message) return 'not-claimed';
    if (
      message.mail.template === 'sign-in' &&
      Date.parse(message.mail.data.expiresAt) <= deps.now().getTime()
    ) {
      // A sign-in link that could not go out in time would only arrive dead: give it up, the user asks again.
      await markFailed(deps.db, key, 'the sign-in link expired before it could be sent', deps.now());
      logger.warn('sign-in mail given up: its link expired before delivery', { key });
      return 'failed';
    }
    let to = message.to;
    if (message.toOffice && to.length === 0) {
      // A notice to a gmina office goes to its official address as the directory has it now.
      const office = await getOffice(deps.db, message.toOffice);
      if (!office) {
        await markSkipped(deps.db, key, 'the office directory has no address for the gmina', deps.now());
        logger.info('office notice not sent: the directory has no address for the gmina', {
          key,
          teryt: message.toOffice,
        });
        return 'skipped';
      }
      to = [office.email];
      await addressTo(deps.db, key, to);
    }
    let messageId: string;
    try {
      await deps.pace?.();
      const tag = outboxTag(key);
      messageId = await deps.mailer.send({
        ...(await rendered(deps, to, message.mail)),
        ...(tag ? { tags: { outbox: tag } } : {}),
      });
    } catch (error) {
      if (outcomeUnknown(error)) {
        // Not an alarm yet: SES may have taken it, and then its delivery event settles it as sent within
        // the grace. The sweeper reports it (an error, an alarm) only if no event came by then.
        await markUnknownNow(deps.db, key, deps.now());
        logger.warn('mail may or may not have been sent: SES did not answer in time; held for its event', {
          key,
          error: error as Error,
        });
        return 'unknown';
      }
      const now = deps.now().getTime();
      if (now - Date.parse(message.createdAt) >= GIVE_UP_AFTER_MS) {
        await markFailed(deps.db, key, (error as Error).message ?? String(error), deps.now());
        logger.error('mail given up after two days of refusals', {
          key,
          attempts: message.attempts,
          error: error as Error,
        });
        return 'failed';
      }
      logger.warn('mail not accepted; it will be retried', {
        key,
        attempts: message.attempts,
        error: error as Error,
      });
      await releaseForRetry(
        deps.db,
        key,
        (error as Error).name ?? 'Error',
        new Date(now + retryDelayMs(message.attempts)),
      );
      return 'retry-later';
    }
    try {
      await markSent(deps.db, key, messageId, deps.now());
    } catch (error) {
      // SES has the message; only its record failed (DynamoDB away). Not an alarm and never resent: the
      // message stays "sending" with its claim, SES's delivery event (carrying the outbox tag) settles it as
      // sent once the table answers again, and the sweeper would hold it only if no event ever came.
      logger.warn('mail sent, but its record failed; SES delivery event will settle it', {
        key,
        messageId,
        error: error as Error,
      });
      return 'sent';
    }
    logger.info('mail sent', { key, template: message.mail.template, messageId });
    return 'sent';
  } catch (error) {
    logger.error('outbox bookkeeping failed; the sweeper will pick the message up', {
      key,
      error: error as Error,
    });
    return 'retry-later';
  }
}
