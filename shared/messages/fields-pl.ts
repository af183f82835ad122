/**
 * Messages for a single field in Polish, keyed by the short codes that shared schemas use as zod messages
 * (a module per language: the form downloads only the one it shows).
 */
export const FIELD_MESSAGES_PL: Record<string, string> = {
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
  future_year: 'Rok nie może być późniejszy niż bieżący.',
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
  closes_before_opening: 'Koniec naboru musi być późniejszy niż jego początek.',
  date: 'Wpisz datę w formacie RRRR-MM-DD.',
  date_past: 'Termin nie może być wcześniejszy niż dzisiaj.',
  reason_required: 'Podaj powód.',
  checklist_failed: 'Nie wszystkie punkty listy kontrolnej są spełnione.',
  checklist_passed: 'Wszystkie punkty listy kontrolnej są spełnione.',
  unknown_criterion: 'Nie ma takiego kryterium ocenianego przez osobę w zasadach oceny naboru.',
  bands_overlap: 'Przedziały punktacji nie mogą na siebie nachodzić.',
  malformed_text: 'Tekst zawiera uszkodzone znaki. Wpisz go ponownie zamiast wklejać.',
};
