import { type Config, config } from './lib/config.ts';
import { createPacer } from './lib/pacer.ts';
import { REMINDER_SENDERS } from './lib/reminder-senders.ts';
import { createSesMailer } from './mail/mailer.ts';
import { createSesRawMailer } from './mail/raw-mailer.ts';
import { createSqsReminderQueue } from './mail/reminder-queue.ts';
import { createDocumentStore } from './repositories/documents.ts';
import { createDb } from './repositories/dynamo.ts';

/**
 * What the use-cases work with, made once per cold start (module scope in a handler) from the validated
 * configuration. The one place that puts lib/, repositories/ and mail/ together.
 */
export function storeDeps(settings: Config = config()) {
  return { db: createDb(settings), now: () => new Date() };
}

/** The table and the clock, with the mailer and the site's address for the links e-mails carry. */
export function storeAndMailDeps(settings: Config = config()) {
  return { ...storeDeps(settings), mailer: createSesMailer(settings), siteUrl: settings.SITE_URL };
}

/** The reminder sender's: the table, the clock, SES's raw sending, and its share of the sending rate. */
export function reminderSenderDeps(settings: Config = config()) {
  return {
    ...storeDeps(settings),
    mailer: createSesRawMailer(settings),
    siteUrl: settings.SITE_URL,
    pace: createPacer(settings.REMINDER_SEND_RATE / REMINDER_SENDERS),
  };
}

/**
 * The mail sender's (send-reminders): the reminders' deps with SES's simple sending for outbox messages. The
 * same pacer paces both kinds, so together they stay under the account's rate.
 */
export function mailSenderDeps(settings: Config = config()) {
  return { ...reminderSenderDeps(settings), outboxMailer: createSesMailer(settings) };
}

/**
 * The planner's: the table, the clock, the site's address (the overdue signatures' notice links the panel)
 * and the reminders queue (SQS; locally the caller passes its own).
 */
export function reminderPlannerDeps(settings: Config = config()) {
  if (!settings.REMINDERS_QUEUE_URL) throw new Error('Invalid configuration: REMINDERS_QUEUE_URL is not set');
  return {
    ...storeDeps(settings),
    siteUrl: settings.SITE_URL,
    queue: createSqsReminderQueue(settings.REMINDERS_QUEUE_URL, settings.AWS_REGION),
  };
}

/** With the documents bucket too (functions whose record in routes.ts says `documents`). */
export function storeMailAndDocumentsDeps(settings: Config = config()) {
  return { ...storeAndMailDeps(settings), documents: createDocumentStore(settings) };
}

/** The table, the clock and the site's address (a reminder previewed as it would be e-mailed). */
export function storeAndSiteDeps(settings: Config = config()) {
  return { ...storeDeps(settings), siteUrl: settings.SITE_URL };
}
