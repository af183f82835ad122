import { createSesMailer } from '../mail/mailer.ts';
import { createDb } from '../repositories/dynamo.ts';
import type { Config } from './config.ts';

/**
 * What the functions that store and e-mail work with (the table, the mailer, the clock, the site's address
 * for links), made once per cold start from the validated configuration.
 */
export function storeAndMailDeps(settings: Config) {
  return {
    db: createDb(settings),
    mailer: createSesMailer(settings),
    now: () => new Date(),
    siteUrl: settings.SITE_URL,
  };
}
