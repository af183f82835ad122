import type { AgreementErrorCode, ErrorCode } from '../error-codes.ts';

/** The API's error messages in Polish (a module per language: the site downloads only the one it shows). */
/** The agreements' are in agreement-errors-pl.ts. */
export const ERROR_MESSAGES_PL: Record<Exclude<ErrorCode, AgreementErrorCode>, string> = {
  MALFORMED_JSON: 'Treść żądania nie jest poprawnym dokumentem JSON.',
  VALIDATION_FAILED: 'Niektóre pola są wypełnione niepoprawnie.',
  UNSUPPORTED_MEDIA_TYPE: 'Treść żądania musi być w formacie JSON (Content-Type: application/json).',
  PAYLOAD_TOO_LARGE: 'Treść żądania jest za duża (najwyżej 100 KB).',
  NOT_FOUND: 'Nie znaleziono szukanego zasobu.',
  ROUTE_NOT_FOUND: 'Nie ma takiego adresu w API.',
  METHOD_NOT_ALLOWED: 'Ten adres nie obsługuje tej metody HTTP.',
  CONFLICT: 'Zasób już istnieje albo został zmieniony w międzyczasie.',
  CALL_NOT_FOUND: 'Nie ma takiego naboru.',
  CALL_NOT_OPEN: 'Ten nabór jeszcze się nie rozpoczął: zgłoszenia można wysyłać od daty jego otwarcia.',
  CALL_CLOSED: 'Termin tego naboru minął: zgłoszeń nie można już wysyłać ani zmieniać.',
  CALL_CANCELLED: 'Ten nabór został odwołany: zgłoszeń nie można wysyłać ani zmieniać.',
  FORM_VERSION_UNSUPPORTED:
    'Ten nabór używa innej wersji karty zgłoszeniowej, której ta strona jeszcze nie obsługuje. Skontaktuj się z koordynatorem naboru.',
  GMINA_NOT_ELIGIBLE: 'Ta gmina nie może zgłosić się do tego naboru.',
  CARD_EXISTS:
    'Ta gmina wysłała już kartę zgłoszeniową w tym naborze. Aby ją zmienić, użyj odnośnika z e-maila potwierdzającego.',
  CARD_DECIDED:
    'O tej karcie zgłoszeniowej zapadła już decyzja: nie można jej zmienić ani wycofać. Skontaktuj się z koordynatorem naboru.',
  REVIEW_STEP_NOT_ALLOWED: 'Tego kroku oceny nie można wykonać dla karty w jej obecnym stanie.',
  SCORE_INCOMPLETE: 'Najpierw oceń wszystkie kryteria oceniane przez osobę: karta nie ma pełnej oceny.',
  IDEMPOTENCY_KEY_MISSING: 'Brakuje nagłówka Idempotency-Key, który chroni przed podwójnym wysłaniem.',
  IDEMPOTENCY_KEY_REUSED: 'Ten klucz Idempotency-Key użyto już dla innej treści zgłoszenia.',
  LINK_INVALID: 'Ten odnośnik jest nieprawidłowy albo wygasł.',
  SESSION_REQUIRED: 'Zaloguj się, aby zobaczyć tę stronę.',
  FORBIDDEN: 'Nie masz dostępu do danych tego województwa.',
  CROSS_SITE_REQUEST:
    'Odrzucono żądanie wysłane z innej strony internetowej. Otwórz tę stronę Kooperacji i spróbuj ponownie.',
  RATE_LIMITED: 'Za dużo prób w krótkim czasie. Spróbuj ponownie za godzinę.',
  DEPENDENCY_UNAVAILABLE: 'Usługa jest chwilowo niedostępna. Spróbuj ponownie za chwilę.',
  INTERNAL: 'Wystąpił nieoczekiwany błąd. Spróbuj ponownie później.',
};
