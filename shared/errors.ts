/**
 * Every error the API can answer with. The browser translates a code, never the server's text, so the
 * messages below are the one place both the API (Polish by default) and the site take them from.
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
  'DEPENDENCY_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Language = 'pl' | 'en';

export const ERROR_MESSAGES: Record<Language, Record<ErrorCode, string>> = {
  pl: {
    MALFORMED_JSON: 'Treść żądania nie jest poprawnym dokumentem JSON.',
    VALIDATION_FAILED: 'Niektóre pola są wypełnione niepoprawnie.',
    UNSUPPORTED_MEDIA_TYPE: 'Treść żądania musi być w formacie JSON (Content-Type: application/json).',
    PAYLOAD_TOO_LARGE: 'Treść żądania jest za duża (najwyżej 100 KB).',
    NOT_FOUND: 'Nie znaleziono szukanego zasobu.',
    ROUTE_NOT_FOUND: 'Nie ma takiego adresu w API.',
    METHOD_NOT_ALLOWED: 'Ten adres nie obsługuje tej metody HTTP.',
    CONFLICT: 'Zasób już istnieje albo został zmieniony w międzyczasie.',
    DEPENDENCY_UNAVAILABLE: 'Usługa jest chwilowo niedostępna. Spróbuj ponownie za chwilę.',
    INTERNAL: 'Wystąpił nieoczekiwany błąd. Spróbuj ponownie później.',
  },
  en: {
    MALFORMED_JSON: 'The request body is not valid JSON.',
    VALIDATION_FAILED: 'Some fields are not filled in correctly.',
    UNSUPPORTED_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json).',
    PAYLOAD_TOO_LARGE: 'The request body is too large (100 KB at most).',
    NOT_FOUND: 'The resource was not found.',
    ROUTE_NOT_FOUND: 'There is no such API address.',
    METHOD_NOT_ALLOWED: 'This address does not accept this HTTP method.',
    CONFLICT: 'The resource already exists or was changed meanwhile.',
    DEPENDENCY_UNAVAILABLE: 'The service is briefly unavailable. Please try again shortly.',
    INTERNAL: 'An unexpected error occurred. Please try again later.',
  },
};

/** Messages for a single field, keyed by the short codes that shared schemas use as zod messages. */
export const FIELD_MESSAGES: Record<Language, Record<string, string>> = {
  pl: {
    required: 'To pole jest wymagane.',
    unknown_field: 'To pole nie jest przewidziane w formularzu.',
    invalid: 'Wartość jest niepoprawna.',
    unexpected_body: 'Ten adres nie przyjmuje treści żądania.',
  },
  en: {
    required: 'This field is required.',
    unknown_field: 'This field is not part of the form.',
    invalid: 'The value is not valid.',
    unexpected_body: 'This address takes no request body.',
  },
};
