import { logger } from '../lib/logger.ts';
import type { Db } from '../repositories/dynamo.ts';
import { keyOfTag, reconcileDelivery } from '../repositories/outbox.ts';
import { putSuppression, recordDelivery } from '../repositories/reminder-sends.ts';
import { tellCoordinatorsOfSuppression } from './suppression-notice.ts';

/**
 * SES's sending events as the mail stack delivers them (configuration set → SNS → SQS, raw message
 * delivery, so the body is SES's event JSON; an SNS envelope is unwrapped too). A permanent bounce or a
 * complaint suppresses the address: no reminder goes to it again, and the coordinators of its voivodeship
 * are told once (suppression-notice.ts).
 */
interface SesEvent {
  eventType?: string;
  notificationType?: string;
  /** Tags as SES reports them: each name with a list of values (the outbox's key under "outbox"). */
  mail?: { messageId?: string; tags?: Record<string, string[] | undefined> };
  bounce?: {
    bounceType?: string;
    bounceSubType?: string;
    bouncedRecipients?: { emailAddress?: string; diagnosticCode?: string }[];
  };
  complaint?: { complainedRecipients?: { emailAddress?: string }[]; complaintFeedbackType?: string };
}

export type MailEventOutcome = 'suppressed' | 'recorded' | 'ignored';

function parse(body: string): SesEvent {
  const event = JSON.parse(body) as SesEvent & { Type?: string; Message?: string };
  return event.Type === 'Notification' && typeof event.Message === 'string'
    ? (JSON.parse(event.Message) as SesEvent)
    : event;
}

/** An address as SES writes it may carry a display name: "Jan <jan@gmina.pl>". */
function bareAddress(address: string): string {
  return (/<([^>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
}

export async function recordMailEvent(
  deps: { db: Db; now: () => Date; siteUrl: string },
  body: string,
): Promise<MailEventOutcome> {
  const event = parse(body);
  const type = event.eventType ?? event.notificationType;
  const messageId = event.mail?.messageId;
  await settleOutbox(deps, event, type);
  if (type === 'Bounce') {
    if (event.bounce?.bounceType !== 'Permanent') {
      logger.info('transient bounce: the address is kept', {
        bounceType: event.bounce?.bounceType,
        messageId,
      });
      return 'ignored';
    }
    for (const recipient of event.bounce.bouncedRecipients ?? []) {
      if (!recipient.emailAddress) continue;
      const email = bareAddress(recipient.emailAddress);
      const detail = `${event.bounce.bounceSubType ?? ''} ${recipient.diagnosticCode ?? ''}`.trim();
      await putSuppression(deps.db, email, 'bounce', detail, deps.now());
      await tellCoordinators(deps, event, { email, reason: 'bounce', detail });
    }
    if (messageId) await recordDelivery(deps.db, messageId, 'bounced');
    logger.warn('address suppressed after a permanent bounce', { messageId });
    return 'suppressed';
  }
  if (type === 'Complaint') {
    for (const recipient of event.complaint?.complainedRecipients ?? []) {
      if (!recipient.emailAddress) continue;
      const email = bareAddress(recipient.emailAddress);
      const detail = event.complaint?.complaintFeedbackType ?? '';
      await putSuppression(deps.db, email, 'complaint', detail, deps.now());
      await tellCoordinators(deps, event, { email, reason: 'complaint', detail });
    }
    if (messageId) await recordDelivery(deps.db, messageId, 'complained');
    logger.warn('address suppressed after a complaint', { messageId });
    return 'suppressed';
  }
  if (type === 'Delivery' && messageId) {
    await recordDelivery(deps.db, messageId, 'delivered');
    return 'recorded';
  }
  logger.info('mail event ignored', { type, messageId });
  return 'ignored';
}

/** After the suppression is stored: a failure here fails the event, and its retry tells them once. */
function tellCoordinators(
  deps: { db: Db; now: () => Date; siteUrl: string },
  event: SesEvent,
  address: { email: string; reason: 'bounce' | 'complaint'; detail: string },
) {
  return tellCoordinatorsOfSuppression(deps, {
    ...address,
    at: deps.now(),
    messageId: event.mail?.messageId,
    outboxTag: event.mail?.tags?.outbox?.[0],
  });
}

/** Events that prove SES accepted the message (a Reject means it did not send it). */
const ACCEPTED = new Set(['Delivery', 'Bounce', 'Complaint', 'Send']);

/**
 * An outbox message SES reports on was accepted, whatever its record says: a "sending" whose "sent" could
 * not be written (DynamoDB away) or an "unknown" (SES answered too late) is settled as sent — no alarm,
 * nothing resent. A failure here throws, and SQS delivers the event again.
 */
async function settleOutbox(
  deps: { db: Db; now: () => Date },
  event: SesEvent,
  type: string | undefined,
): Promise<void> {
  const tag = event.mail?.tags?.outbox?.[0];
  const messageId = event.mail?.messageId;
  if (!tag || !messageId || !type || !ACCEPTED.has(type)) return;
  const key = keyOfTag(tag);
  if (!key) return;
  if ((await reconcileDelivery(deps.db, key, messageId, deps.now())) === 'settled')
    logger.info('outbox message settled as sent by its SES event', { key, messageId, type });
}
