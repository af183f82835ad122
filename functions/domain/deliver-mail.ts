import { logger } from '../lib/logger.ts';
import type { Mailer } from '../mail/mailer.ts';
import { renderMail } from '../mail/templates.ts';
import type { Db } from '../repositories/dynamo.ts';
import { claimMessage, markSent, type OutboxKey, releaseForRetry } from '../repositories/outbox.ts';

export type DeliveryResult = 'sent' | 'not-claimed' | 'retry-later';

/** Sends one outbox message if this caller can claim it. Never throws for an SES failure: it is retried. */
export async function deliverMail(
  deps: { db: Db; mailer: Mailer; now: () => Date },
  key: OutboxKey,
): Promise<DeliveryResult> {
  const message = await claimMessage(deps.db, key, deps.now());
  if (!message) return 'not-claimed';
  let messageId: string;
  try {
    messageId = await deps.mailer.send(renderMail(message.to, message.mail));
  } catch (error) {
    logger.warn('mail not accepted; it will be retried', {
      key,
      attempts: message.attempts,
      error: error as Error,
    });
    await releaseForRetry(deps.db, key, (error as Error).message ?? String(error));
    return 'retry-later';
  }
  await markSent(deps.db, key, messageId, deps.now());
  logger.info('mail sent', { key, template: message.mail.template, messageId });
  return 'sent';
}
