import type { AgreementErrorCode, ErrorCode } from '../error-codes.ts';

/** The API's error messages in English (a module per language: the site downloads only the one it shows). */
/** The agreements' are in agreement-errors-en.ts. */
export const ERROR_MESSAGES_EN: Record<Exclude<ErrorCode, AgreementErrorCode>, string> = {
  MALFORMED_JSON: 'The request body is not valid JSON.',
  VALIDATION_FAILED: 'Some fields are not filled in correctly.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json).',
  PAYLOAD_TOO_LARGE: 'The request body is too large (100 KB at most).',
  NOT_FOUND: 'The resource was not found.',
  ROUTE_NOT_FOUND: 'There is no such API address.',
  METHOD_NOT_ALLOWED: 'This address does not accept this HTTP method.',
  CONFLICT: 'The resource already exists or was changed meanwhile.',
  CALL_NOT_FOUND: 'There is no such call.',
  CALL_NOT_OPEN: 'This call has not opened yet: cards can be sent from its opening date.',
  CALL_CLOSED: 'The deadline of this call has passed: cards can no longer be sent or changed.',
  CALL_CANCELLED: 'This call has been cancelled: cards can no longer be sent or changed.',
  FORM_VERSION_UNSUPPORTED:
    'This call uses another version of the application card, which this site does not support yet. Contact the call’s coordinator.',
  GMINA_NOT_ELIGIBLE: 'This gmina cannot apply to this call.',
  CARD_EXISTS:
    'This gmina has already sent a card in this call. To change it, use the link in the confirmation e-mail.',
  CARD_DECIDED:
    'A decision about this application card has been made: it can no longer be changed or withdrawn. Contact the call’s coordinator.',
  REVIEW_STEP_NOT_ALLOWED: 'This assessment step is not possible for the card in its present state.',
  SCORE_INCOMPLETE: 'Assess every criterion scored by a person first: the card has no complete score.',
  IDEMPOTENCY_KEY_MISSING: 'The Idempotency-Key header, which guards against sending twice, is missing.',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was already used for a different card.',
  LINK_INVALID: 'This link is not valid or has expired.',
  SESSION_REQUIRED: 'Sign in to see this page.',
  FORBIDDEN: "You have no access to this voivodeship's data.",
  CROSS_SITE_REQUEST:
    'A request sent from another website was refused. Open this Kooperacja page and try again.',
  RATE_LIMITED: 'Too many attempts in a short time. Please try again in an hour.',
  DEPENDENCY_UNAVAILABLE: 'The service is briefly unavailable. Please try again shortly.',
  INTERNAL: 'An unexpected error occurred. Please try again later.',
};
