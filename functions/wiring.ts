import { type Config, config } from './lib/config.ts';
import { createSesMailer } from './mail/mailer.ts';
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

/** With the documents bucket too (functions whose record in routes.ts says `documents`). */
export function storeMailAndDocumentsDeps(settings: Config = config()) {
  return { ...storeAndMailDeps(settings), documents: createDocumentStore(settings) };
}
