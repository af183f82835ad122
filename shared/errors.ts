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
  'CALL_NOT_FOUND',
  'CALL_NOT_OPEN',
  'CALL_CLOSED',
  'GMINA_NOT_ELIGIBLE',
  'CARD_EXISTS',
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_REUSED',
  'LINK_INVALID',
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
    CALL_NOT_FOUND: 'Nie ma takiego naboru.',
    CALL_NOT_OPEN: 'Ten nabór jeszcze się nie rozpoczął: zgłoszenia można wysyłać od daty jego otwarcia.',
    CALL_CLOSED: 'Termin tego naboru minął: zgłoszeń nie można już wysyłać ani zmieniać.',
    GMINA_NOT_ELIGIBLE: 'Ta gmina nie może zgłosić się do tego naboru.',
    CARD_EXISTS:
      'Ta gmina wysłała już kartę zgłoszeniową w tym naborze. Aby ją zmienić, użyj odnośnika z e-maila potwierdzającego.',
    IDEMPOTENCY_KEY_MISSING: 'Brakuje nagłówka Idempotency-Key, który chroni przed podwójnym wysłaniem.',
    IDEMPOTENCY_KEY_REUSED: 'Ten klucz Idempotency-Key użyto już dla innej treści zgłoszenia.',
    LINK_INVALID: 'Ten odnośnik jest nieprawidłowy albo wygasł.',
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
    CALL_NOT_FOUND: 'There is no such call.',
    CALL_NOT_OPEN: 'This call has not opened yet: cards can be sent from its opening date.',
    CALL_CLOSED: 'The deadline of this call has passed: cards can no longer be sent or changed.',
    GMINA_NOT_ELIGIBLE: 'This gmina cannot apply to this call.',
    CARD_EXISTS:
      'This gmina has already sent a card in this call. To change it, use the link in the confirmation e-mail.',
    IDEMPOTENCY_KEY_MISSING: 'The Idempotency-Key header, which guards against sending twice, is missing.',
    IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was already used for a different card.',
    LINK_INVALID: 'This link is not valid or has expired.',
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
    too_long: 'Tekst jest za długi.',
    too_short: 'Tekst jest za krótki.',
    control_characters:
      'Tekst zawiera niedozwolone znaki sterujące (np. złamanie wiersza w polu jednowierszowym).',
    email: 'Wpisz adres e-mail w formacie nazwa@domena.pl.',
    phone: 'Wpisz numer telefonu: 9–15 cyfr, np. 85 744 72 72 lub +48 600 100 200.',
    nip: 'NIP jest niepoprawny: sprawdź, czy ma 10 cyfr i czy nie ma w nim literówki.',
    regon: 'REGON jest niepoprawny: sprawdź, czy ma 9 lub 14 cyfr i czy nie ma w nim literówki.',
    teryt: 'Wybierz gminę z listy.',
    postal_code: 'Wpisz kod pocztowy w formacie 00-000.',
    powiat: 'Wybierz powiat z listy.',
    out_of_range: 'Liczba jest spoza dopuszczalnego zakresu.',
    not_integer: 'Wpisz liczbę całkowitą.',
    grosze: 'Podaj kwotę z dokładnością do groszy (najwyżej dwie cyfry po przecinku).',
    exceeds_population: 'Liczba nie może być większa od liczby mieszkańców.',
    exceeds_assistance_persons:
      'Liczba nie może być większa od liczby osób korzystających z pomocy społecznej.',
    families_exceed_persons: 'Rodzin nie może być więcej niż osób korzystających z pomocy społecznej.',
    exceeds_assistance_families:
      'Liczba nie może być większa od liczby rodzin korzystających z pomocy społecznej.',
    duplicate: 'Ta pozycja jest zaznaczona więcej niż raz.',
    must_accept: 'To oświadczenie jest wymagane, aby wysłać zgłoszenie.',
    unknown_gmina: 'Nie ma takiej gminy w rejestrze TERYT.',
    wrong_wojewodztwo: 'Ta gmina leży poza województwem, którego dotyczy nabór.',
    wrong_kind: 'Nabór nie jest przeznaczony dla gmin tego rodzaju.',
    cannot_change_gmina: 'Gminy nie można zmienić w wysłanej karcie.',
    malformed_text: 'Tekst zawiera uszkodzone znaki. Wpisz go ponownie zamiast wklejać.',
  },
  en: {
    required: 'This field is required.',
    unknown_field: 'This field is not part of the form.',
    invalid: 'The value is not valid.',
    unexpected_body: 'This address takes no request body.',
    too_long: 'The text is too long.',
    too_short: 'The text is too short.',
    control_characters: 'The text contains control characters (such as a line break in a one-line field).',
    email: 'Enter an e-mail address like name@domain.pl.',
    phone: 'Enter a phone number: 9–15 digits, e.g. 85 744 72 72 or +48 600 100 200.',
    nip: 'The NIP is not valid: check that it has 10 digits and no typing error.',
    regon: 'The REGON is not valid: check that it has 9 or 14 digits and no typing error.',
    teryt: 'Choose the gmina from the list.',
    postal_code: 'Enter the postal code as 00-000.',
    powiat: 'Choose the powiat from the list.',
    out_of_range: 'The number is outside the allowed range.',
    not_integer: 'Enter a whole number.',
    grosze: 'Give the amount to the grosz (at most two digits after the decimal point).',
    exceeds_population: 'The number cannot be larger than the population.',
    exceeds_assistance_persons:
      'The number cannot be larger than the number of persons on social assistance.',
    families_exceed_persons: 'There cannot be more families than persons on social assistance.',
    exceeds_assistance_families:
      'The number cannot be larger than the number of families on social assistance.',
    duplicate: 'This item is ticked more than once.',
    must_accept: 'This declaration is required to send the card.',
    unknown_gmina: 'There is no such gmina in the TERYT register.',
    wrong_wojewodztwo: 'This gmina lies outside the voivodeship of this call.',
    wrong_kind: 'This call is not meant for gminas of this kind.',
    cannot_change_gmina: 'The gmina of a sent card cannot be changed.',
    malformed_text: 'The text contains broken characters. Type it again instead of pasting it.',
  },
};
