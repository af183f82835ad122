import type { ComponentChildren } from 'preact';
import { dictionaryPart } from '../lib/i18n.ts';

type Child = ComponentChildren;

/**
 * The texts of the trust screens (issue 13): voiding a card and revoking its links (card-trust.tsx), the
 * held mail (held-mail.tsx), the directory of gmina offices (offices.tsx) and the lead's erasure (erasure.tsx).
 */
const pl = {
  errorSummary: 'Popraw błędy',
  errorPrefix: 'Błąd:',
  saving: 'Zapisywanie…',
  required: 'To pole jest wymagane.',
  errors: {
    required: 'To pole jest wymagane.',
    too_long: 'Tekst jest za długi.',
    email: 'Wpisz adres e-mail w poprawnym formacie, np. urzad@gmina.pl.',
    epuap: 'Wpisz adres skrytki ePUAP w formacie /identyfikator/skrytka.',
    does_not_match: 'Kod TERYT nie zgadza się z kodem gminy podanym wyżej.',
    teryt: 'Wpisz 7-cyfrowy kod TERYT gminy.',
    programme: 'Wybierz program.',
    file: 'Wybierz plik CSV.',
    already_resent: 'Tę wiadomość ktoś już wysłał ponownie.',
    invalid: 'Wpisz prawidłową wartość.',
  } as Record<string, string>,
  // A card's screen.
  voidHeading: 'Unieważnienie karty',
  voidIntro:
    'Unieważnij kartę, jeśli nie wysłała jej gmina (ktoś podał się za nią). Osoba do kontaktu podana w karcie i urząd gminy (na adres z katalogu urzędów) dostaną e-mail z powodem. Gmina może potem wysłać własną kartę. Unieważniona karta, jej wersje i powód pozostają do wglądu, a jej odnośnik przestaje działać.',
  voidReason: 'Powód unieważnienia',
  voidReasonHint: 'Powód dostaną e-mailem osoba do kontaktu i urząd gminy.',
  voidButton: 'Unieważnij kartę',
  voidConfirm: (gmina: string) => `Czy na pewno unieważnić kartę gminy ${gmina}? Tego nie można cofnąć.`,
  voidYes: 'Tak, unieważnij kartę',
  voidDecided:
    'O tej karcie już zdecydowano, więc nie można jej unieważnić. Najpierw otwórz ponownie jej ocenę.',
  voidNo: 'Nie, wróć',
  voidDone: 'Karta unieważniona. Osoba do kontaktu i urząd gminy dostaną e-mail.',
  voidedNotice: (at: Child) => ['Koordynator unieważnił tę kartę ', at, '. Gmina może wysłać własną kartę.'],
  voidedHeading: 'Unieważnienie',
  voidedAt: 'Kiedy',
  voidedBy: 'Kto',
  voidedWhy: 'Powód',
  earlierHeading: 'Wcześniej unieważnione karty tej gminy w naborze',
  earlierReference: 'Numer zgłoszenia',
  earlierSubmitted: 'Wysłana',
  earlierContact: 'Osoba do kontaktu',
  earlierVoided: 'Unieważniona',
  earlierVersions: (count: number) => `wersji: ${count}`,
  revokeHeading: 'Unieważnienie odnośników do karty',
  revokeIntro:
    'Jeśli odnośnik do karty trafił do niewłaściwej osoby, unieważnij wszystkie odnośniki. Gmina dostanie nowy, prosząc o niego na stronie naboru — przyjdzie na adres osoby do kontaktu.',
  revokeReason: 'Powód unieważnienia odnośników',
  revokeButton: 'Unieważnij odnośniki',
  revokeDone: 'Odnośniki do karty unieważnione.',
  heldHeading: 'Wiadomości tej karty, które mogły nie dotrzeć',
  // Held mail.
  heldTitle: 'Wiadomości, które mogły nie dotrzeć',
  heldIntro:
    'Wiadomości o kartach województwa, których wysłania serwis pocztowy nie potwierdził albo które odrzucał przez dwa dni. Możesz je wysłać ponownie do tych samych adresatów; każde ponowne wysłanie jest zapisywane w historii karty.',
  heldNone: 'Nie ma takich wiadomości.',
  heldCard: 'Karta',
  heldWhat: 'Wiadomość',
  heldTo: 'Do',
  heldAt: 'Od kiedy',
  heldStatus: 'Stan',
  heldAction: 'Działanie',
  heldStatuses: {
    unknown: 'nie wiadomo, czy wysłana',
    failed: 'odrzucona',
  } as Record<string, string>,
  // By the outbox's template names (functions/mail): what a coordinator calls each message.
  templates: {
    'card-submitted': 'Potwierdzenie wysłania karty',
    'card-changed': 'Potwierdzenie zmiany karty',
    'card-withdrawn': 'Potwierdzenie wycofania karty',
    'card-link': 'Odnośnik do karty',
    'review-decision': 'Decyzja o karcie',
    'correction-request': 'Prośba o uzupełnienie braków',
    'trust-card-voided': 'Unieważnienie karty',
    'trust-office-notice': 'Zawiadomienie urzędu gminy',
    'trust-contact-changed': 'Zmiana adresu kontaktowego',
    'call-extended': 'Przedłużenie naboru',
    'call-cancelled': 'Odwołanie naboru',
    'call-invitation': 'Zaproszenie do naboru',
    'agreement-signing-link': 'Porozumienie do podpisu',
    'agreement-declined': 'Odmowa podpisania porozumienia',
    'agreement-completed': 'Podpisane porozumienie',
    'agreement-upload-received': 'Przesłany podpisany plik porozumienia',
  } as Record<string, string>,
  resend: (what: string) => `Wyślij ponownie: ${what}`,
  resendShort: 'Wyślij ponownie',
  resendFailed: 'Nie udało się wysłać wiadomości ponownie',
  resent: 'Wysłana ponownie',
  notResendable: 'Treść już usunięta',
  resentDone: (what: string) => `Wysłano ponownie: ${what}.`,
  alreadyResent: (what: string) => `Wiadomość „${what}” ktoś już wysłał ponownie. Lista została odświeżona.`,
  wojewodztwo: 'Województwo',
  show: 'Pokaż',
  // Offices.
  officesTitle: 'Urzędy gmin',
  officesIntro:
    'Adresy urzędów gmin, na które idzie zawiadomienie o karcie wysłanej w imieniu gminy i o jej unieważnieniu. Każda zmiana jest zapisywana w dzienniku zdarzeń.',
  officesList: (name: string) => `Urzędy gmin: ${name}`,
  officesGmina: 'Gmina',
  officesEmail: 'Adres e-mail urzędu',
  officesEpuap: 'Skrytka ePUAP',
  officesName: 'Nazwa urzędu',
  officesChanged: 'Zmienione',
  officesNone: 'brak adresu',
  officesEdit: (gmina: string) => `Zmień adres urzędu gminy ${gmina}`,
  officesEditShort: 'Zmień',
  officesEditHeading: (gmina: string) => `Adres urzędu gminy ${gmina}`,
  officesSave: 'Zapisz adres',
  officesCancel: 'Anuluj',
  officesSaved: (gmina: string) => `Zapisano adres urzędu gminy ${gmina}.`,
  officesMissing: (count: number) => `Gminy bez adresu urzędu: ${count}.`,
  importHeading: 'Import adresów z pliku CSV',
  importHint:
    'Plik CSV w UTF-8, kolumny rozdzielone średnikiem lub przecinkiem: teryt, email i opcjonalnie name (nazwa urzędu) i epuap. Pierwszy wiersz może nazywać kolumny.',
  importFile: 'Plik CSV',
  importButton: 'Importuj adresy',
  importTooLarge: 'Plik jest za duży: najwyżej 90 000 znaków.',
  reportHeading: 'Wynik importu',
  report: (r: { rows: number; created: number; changed: number; unchanged: number; rejected: number }) =>
    `Wierszy: ${r.rows}. Dodano: ${r.created}, zmieniono: ${r.changed}, bez zmian: ${r.unchanged}, odrzucono: ${r.rejected}.`,
  rejectedHeading: 'Odrzucone wiersze',
  rejectedLine: 'Wiersz pliku',
  rejectedTeryt: 'TERYT',
  rejectedWhy: 'Powód',
  problems: {
    columns: 'zła liczba kolumn',
    teryt: 'to nie jest 7-cyfrowy kod TERYT gminy',
    unknown_teryt: 'nie ma gminy o takim kodzie TERYT',
    other_wojewodztwo: 'gmina spoza Twoich województw',
    email: 'nieprawidłowy adres e-mail',
    epuap: 'nieprawidłowy adres skrytki ePUAP',
    name: 'nieprawidłowa nazwa urzędu',
    duplicate: 'ten kod TERYT powtarza się w pliku (żaden z tych wierszy nie został przyjęty)',
  } as Record<string, string>,
  conflict: 'Ktoś zmienił te adresy w międzyczasie. Wczytaj listę ponownie i spróbuj jeszcze raz.',
  reload: 'Wczytaj ponownie',
  // Erasure.
  erasureTitle: 'Usunięcie danych osobowych gminy',
  erasureIntro:
    'Na żądanie (RODO art. 17) usuń dane osobowe jednej gminy we wszystkich naborach programu: osobę do kontaktu, nazwiska wójta i kierowników OPS i PCPR oraz ich adresy e-mail i telefony; odnośniki do kart przestaną działać, a wersje robocze zostaną usunięte. Pozostają: numer zgłoszenia, daty, ocena, decyzje i historia — potrzebne do kontroli projektu.',
  erasureWarning: 'Tego nie można cofnąć.',
  erasureProgramme: 'Program',
  erasureTeryt: 'Kod TERYT gminy',
  erasureTerytHint: '7 cyfr, np. 1801022.',
  erasureConfirm: 'Wpisz ponownie kod TERYT gminy',
  erasureConfirmHint: 'Potwierdzenie, że to ta gmina.',
  erasureReason: 'Podstawa usunięcia',
  erasureReasonHint: 'Na przykład: wniosek z dnia … (znak sprawy).',
  erasureButton: 'Usuń dane osobowe gminy',
  erasureDone: (cards: number, items: number) =>
    `Usunięto dane osobowe: kart ${cards}, zapisów ${items}. Usunięcie zapisano w dzienniku zdarzeń.`,
  leadOnly: 'Ten ekran jest dostępny tylko dla lidera projektu.',
  nav: { mail: 'Poczta', offices: 'Urzędy gmin', erasure: 'Usuwanie danych' },
};

export type TrustTexts = typeof pl;

export const trustTexts = dictionaryPart<TrustTexts>(pl, {
  en: () => import('./trust-texts-en.ts').then((module) => module.en),
});

export const useTrustTexts = trustTexts.use;
