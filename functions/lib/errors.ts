import type { ErrorCode } from '../../shared/errors.ts';
import type { TErrorContact } from '../../shared/schemas/api.ts';

/** The one error type the API throws on purpose; anything else becomes a 500 without details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string> | undefined;
  /** Set-Cookie values sent with the error (e.g. clearing a session the table no longer honours). */
  readonly cookies: string[] | undefined;
  /** Whom to contact about it (CARD_EXISTS: the ROPS of the gmina's voivodeship), sent in the error body. */
  readonly contact: TErrorContact | undefined;

  constructor(
    code: ErrorCode,
    options: {
      fields?: Record<string, string>;
      headers?: Record<string, string>;
      cookies?: string[];
      contact?: TErrorContact;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers;
    this.cookies = options.cookies;
    this.contact = options.contact;
  }
}

/** The only place that knows HTTP statuses of errors. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  MALFORMED_JSON: 400,
  VALIDATION_FAILED: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  CALL_NOT_FOUND: 404,
  CALL_NOT_OPEN: 409,
  CALL_CLOSED: 409,
  CALL_CANCELLED: 410,
  FORM_VERSION_UNSUPPORTED: 409,
  GMINA_NOT_ELIGIBLE: 422,
  CARD_EXISTS: 409,
  CARD_DECIDED: 409,
  REVIEW_STEP_NOT_ALLOWED: 409,
  SCORE_INCOMPLETE: 409,
  IDEMPOTENCY_KEY_MISSING: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  LINK_INVALID: 401,
  SESSION_REQUIRED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  RATE_LIMITED: 429,
  DEPENDENCY_UNAVAILABLE: 503,
  CARD_NOT_SELECTED: 409,
  AGREEMENT_STATE: 409,
  SIGNING_LINK_REPLACED: 410,
  SIGNING_LINK_EXPIRED: 410,
  AGREEMENT_CANCELLED: 410,
  ALREADY_SIGNED: 409,
  NOT_YOUR_TURN: 409,
  SIGNATURE_NAME_MISMATCH: 422,
  CONSENT_REQUIRED: 422,
  DOCUMENT_CHANGED: 409,
  NOT_A_PDF: 415,
  FILE_TOO_LARGE: 413,
  UPLOAD_INCOMPLETE: 409,
  INTERNAL: 500,
};
