import type { AgreementErrorCode } from '../../../shared/error-codes.ts';
import { AGREEMENT_ERROR_MESSAGES_PL } from '../../../shared/messages/agreement-errors-pl.ts';
import { type ApiError, KNOWN_ERROR_CODES } from '../lib/api.ts';
import { dictionaryPart, useI18n } from '../lib/i18n.ts';

/**
 * The agreements' error codes and their words, which the site's first download leaves out (12 messages, half
 * a kilobyte gzipped on every page, the card form's too): loading this module makes lib/api.ts accept those
 * codes, and its part gives their messages in the current language. Any page that calls the agreements'
 * routes imports it (agreements/api.ts does), and shows errors through useErrorMessage, not t.errors alone.
 */
for (const code of Object.keys(AGREEMENT_ERROR_MESSAGES_PL)) KNOWN_ERROR_CODES.add(code);

const agreementErrors = dictionaryPart<Record<AgreementErrorCode, string>>(AGREEMENT_ERROR_MESSAGES_PL, {
  en: () =>
    import('../../../shared/messages/agreement-errors-en.ts').then((m) => m.AGREEMENT_ERROR_MESSAGES_EN),
});

/** Loads the messages in the current language (the route loader waits for it, as for a page's texts). */
export const errorsReady = agreementErrors.load;

/** What an error says in the current language, the agreements' codes included. */
export function useErrorMessage(): (error: ApiError) => string {
  const { t } = useI18n();
  const own = agreementErrors.use() as Partial<Record<string, string>>;
  return (error) => own[error.code] ?? t.errors[error.code];
}
