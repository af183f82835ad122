import type { GminaKind } from '../../../shared/gmina-kinds.ts';
import type { TAdminCardRow } from '../../../shared/schemas/admin.ts';
import { dictionaryPart, plForm } from '../lib/i18n.ts';

/**
 * The texts of the coordinators' panel (/admin): a part of their own, fetched with the panel's code, so
 * gmina clerks never download them. Polish is the source; texts-en.ts fills the same type.
 */
const pl = {
  errorPrefix: 'Błąd:',
  signIn: {
    title: 'Logowanie do panelu koordynatora',
    intro:
      'Panel jest dla koordynatorów regionalnych ośrodków polityki społecznej. Podaj służbowy adres e-mail: wyślemy na niego odnośnik do zalogowania. Hasło nie jest potrzebne.',
    email: 'Służbowy adres e-mail',
    emailHint: 'Odnośnik działa jeden raz, przez 15 minut.',
    badEmail: 'Wpisz adres e-mail w formacie nazwa@domena.pl.',
    submit: 'Wyślij odnośnik do logowania',
    sending: 'Wysyłanie…',
    failed: 'Nie udało się wysłać odnośnika',
    sentTitle: 'Sprawdź skrzynkę e-mail',
    sent: (email: string) =>
      `Jeśli adres ${email} należy do konta koordynatora, za chwilę przyjdzie na niego wiadomość z odnośnikiem do zalogowania.`,
    sentHint: 'Nie ma wiadomości? Sprawdź folder spam albo wyślij odnośnik ponownie.',
    again: 'Wyślij ponownie',
    checking: 'Logowanie…',
    confirm: 'Zaloguj się',
    confirmIntro: 'Naciśnij przycisk, aby zalogować się do panelu koordynatora w tej przeglądarce.',
    exchangeFailed: 'Nie udało się zalogować',
    signInToContinue: 'Zaloguj się, aby zobaczyć tę stronę. Po zalogowaniu wrócisz na nią.',
    linkInvalid:
      'Ten odnośnik do logowania jest nieprawidłowy, wygasł albo został już użyty. Wyślij sobie nowy.',
    signedOutTitle: 'Wylogowano',
    signedOut: 'Sesja została zakończona. Aby wrócić do panelu, zaloguj się ponownie.',
    signInAgain: 'Zaloguj się ponownie',
  },
  panel: {
    title: 'Karty zgłoszeniowe',
    signedInAs: (name: string, email: string) => `Zalogowano: ${name} (${email})`,
    signOut: 'Wyloguj się',
    signOutFailed: 'Nie udało się wylogować. Naciśnij przycisk „Wyloguj się” ponownie.',
    loading: 'Wczytywanie…',
    loadFailed: 'Nie udało się wczytać danych',
    noCalls: 'Nie ma naborów w Twoich województwach.',
    choose: 'Wybierz nabór i województwo',
    call: 'Nabór',
    wojewodztwo: 'Województwo',
    show: 'Pokaż karty',
    /** The call's title comes as a node, so the page can mark its language. */
    caption: <T>(call: T, wojewodztwo: string) => [
      'Karty w naborze „',
      call,
      `”, województwo ${wojewodztwo}`,
    ],
    listed: (n: number, page: number) =>
      `${n} ${plForm(n, { one: 'karta', few: 'karty', many: 'kart', other: 'karty' })} na liście, strona ${page}.`,
    pageCaption: (n: number) => `strona ${n}`,
    gmina: 'Gmina',
    powiat: 'Powiat',
    kind: 'Rodzaj gminy',
    submittedAt: 'Wysłano (czas polski)',
    reference: 'Numer zgłoszenia',
    status: 'Status',
    empty: 'W tym naborze i województwie nie ma jeszcze kart.',
    pages: 'Strony listy kart',
    nextPage: 'Następna strona',
    firstPage: 'Pierwsza strona',
  },
  card: {
    titleOf: (gmina: string) => `Karta zgłoszeniowa gminy ${gmina}`,
    title: 'Karta zgłoszeniowa',
    backToList: 'Wróć do listy kart',
    call: 'Nabór',
    wojewodztwo: 'Województwo',
    powiat: 'Powiat',
    kind: 'Rodzaj gminy',
    reference: 'Numer zgłoszenia',
    status: 'Status',
    version: 'Wersja',
    submittedAt: 'Wysłano',
    updatedAt: 'Ostatnia zmiana',
    sha256: 'Skrót SHA-256 odpowiedzi',
    answers: 'Odpowiedzi',
    notFound: 'Nie ma takiej karty.',
  },
  kinds: { wiejska: 'wiejska', 'miejsko-wiejska': 'miejsko-wiejska', miejska: 'miejska' } satisfies Record<
    GminaKind,
    string
  >,
  statuses: { submitted: 'wysłana', changed: 'zmieniona', withdrawn: 'wycofana' } satisfies Record<
    TAdminCardRow['status'],
    string
  >,
};

export type AdminTexts = typeof pl;

export const adminTexts = dictionaryPart<AdminTexts>(pl, {
  en: () => import('./texts-en.ts').then((module) => module.en),
});

export const useAdminTexts = adminTexts.use;
