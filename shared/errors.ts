import type { ErrorCode, Language } from './error-codes.ts';
import { AGREEMENT_ERROR_MESSAGES_EN } from './messages/agreement-errors-en.ts';
import { AGREEMENT_ERROR_MESSAGES_PL } from './messages/agreement-errors-pl.ts';
import { ERROR_MESSAGES_EN } from './messages/errors-en.ts';
import { ERROR_MESSAGES_PL } from './messages/errors-pl.ts';
import { FIELD_MESSAGES_EN } from './messages/fields-en.ts';
import { FIELD_MESSAGES_PL } from './messages/fields-pl.ts';

/*
 * Every error the API can answer with, and its messages in every language. The browser translates a code,
 * never the server's text, so the messages are the one place both the API (Polish by default) and the site
 * take them from. Both import the per-language modules directly (shared/messages/), so a page carries one
 * language and a function only Polish, the language the API answers in; this table gathers them for the
 * tests that keep the languages complete.
 */
export { ERROR_CODES, type ErrorCode, type Language } from './error-codes.ts';

export const ERROR_MESSAGES: Record<Language, Record<ErrorCode, string>> = {
  pl: { ...ERROR_MESSAGES_PL, ...AGREEMENT_ERROR_MESSAGES_PL },
  en: { ...ERROR_MESSAGES_EN, ...AGREEMENT_ERROR_MESSAGES_EN },
};

/** Messages for a single field, keyed by the short codes that shared schemas use as zod messages. */
export const FIELD_MESSAGES: Record<Language, Record<string, string>> = {
  pl: FIELD_MESSAGES_PL,
  en: FIELD_MESSAGES_EN,
};
