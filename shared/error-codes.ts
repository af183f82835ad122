/**
 * The agreements' codes (porozumienia): their messages are in shared/messages/agreement-errors-*.ts, apart
 * from the rest, so that the site's first download does not carry them (web/src/agreements/errors.ts).
 */
export const AGREEMENT_ERROR_CODES = [
  'CARD_NOT_SELECTED',
  'AGREEMENT_STATE',
  'SIGNING_LINK_REPLACED',
  'SIGNING_LINK_EXPIRED',
  'AGREEMENT_CANCELLED',
  'ALREADY_SIGNED',
  'NOT_YOUR_TURN',
  'SIGNATURE_NAME_MISMATCH',
  'CONSENT_REQUIRED',
  'DOCUMENT_CHANGED',
  'NOT_A_PDF',
  'FILE_TOO_LARGE',
  'UPLOAD_INCOMPLETE',
] as const;

export type AgreementErrorCode = (typeof AGREEMENT_ERROR_CODES)[number];

/**
 * Every error the API can answer with; their messages are in shared/messages/ (one module per language),
 * gathered in shared/errors.ts.
 */
export const ERROR_CODES = [
  'MALFORMED_JSON',
  'VALIDATION_FAILED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'CALL_NOT_FOUND',
  'CALL_NOT_OPEN',
  'CALL_CLOSED',
  'CALL_CANCELLED',
  'FORM_VERSION_UNSUPPORTED',
  'GMINA_NOT_ELIGIBLE',
  'CARD_EXISTS',
  'CARD_DECIDED',
  'REVIEW_STEP_NOT_ALLOWED',
  'SCORE_INCOMPLETE',
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_REUSED',
  'LINK_INVALID',
  'SESSION_REQUIRED',
  'FORBIDDEN',
  'CROSS_SITE_REQUEST',
  'RATE_LIMITED',
  'DEPENDENCY_UNAVAILABLE',
  ...AGREEMENT_ERROR_CODES,
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Language = 'pl' | 'en';
