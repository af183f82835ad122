import type { PartyRole } from '../../../shared/schemas/agreements.ts';
import { dictionaryPart } from '../lib/i18n.ts';

/**
 * The texts of the agreement pages: signing by the e-mailed link (/porozumienie) and the public verification
 * (/porozumienie/weryfikacja). A part of their own, fetched with those pages' code, so no other page
 * downloads them. Polish is the source; texts-en.ts must fill the same type.
 */
const pl = {
  title: 'Porozumienie o współpracy',
  titleOf: (gmina: string) => `Porozumienie o współpracy — ${gmina}`,
  loading: 'Wczytywanie porozumienia…',
  loadFailed: 'Nie udało się wczytać porozumienia',
  reload: 'Wczytaj porozumienie ponownie',
  noLink:
    'Tę stronę otwiera się odnośnikiem z e-maila z prośbą o podpisanie porozumienia. Otwórz ten e-mail i kliknij odnośnik.',
  /** Why a link opens nothing: a page of its own for each, with what to do next. */
  deadLink: {
    LINK_INVALID: {
      title: 'Odnośnik jest nieprawidłowy',
      body: 'Ten odnośnik do podpisu nie istnieje. Sprawdź, czy został skopiowany w całości, albo użyj odnośnika z najnowszego e-maila.',
    },
    SIGNING_LINK_EXPIRED: {
      title: 'Termin podpisania minął',
      body: 'Odnośnik działał do terminu podpisania porozumienia. Skontaktuj się z koordynatorem w regionalnym ośrodku polityki społecznej: może wyznaczyć nowy termin.',
    },
    SIGNING_LINK_REPLACED: {
      title: 'Odnośnik przestał obowiązywać',
      body: 'Ten odnośnik zastąpił nowszy: treść porozumienia mogła się zmienić albo wskazano inną osobę do podpisu. Użyj odnośnika z najnowszego e-maila.',
    },
    AGREEMENT_CANCELLED: {
      title: 'Porozumienie zostało anulowane',
      body: 'Koordynator anulował to porozumienie, więc nie można go już podpisać. W razie pytań skontaktuj się z regionalnym ośrodkiem polityki społecznej.',
    },
  },
  you: 'Podpisujesz jako',
  youOf: (name: string, party: string) => `${name} — ${party}`,
  deadline: 'Termin podpisania',
  sha256: 'Skrót SHA-256 dokumentu',
  sha256Hint:
    'Skrót jednoznacznie identyfikuje treść, którą podpisujesz. Podpis jest przypisany do dokumentu o tym skrócie.',
  agreementId: 'Numer porozumienia',
  pdf: 'Pobierz porozumienie (PDF)',
  pdfPreparing: 'Przygotowywanie pliku PDF…',
  pdfFailed: 'Nie udało się pobrać pliku PDF',
  pdfChanged: 'Pobrany plik ma inny skrót niż dokument na tej stronie. Odśwież stronę.',
  pdfReady: 'Plik PDF jest gotowy do zapisania.',
  pdfSave: (name: string) => `Zapisz plik ${name}`,
  textHeading: 'Treść porozumienia',
  partiesHeading: 'Kto podpisał',
  party: 'Strona',
  state: 'Stan',
  roles: { gmina: 'Gmina', powiat: 'Powiat', wojewodztwo: 'Województwo' } satisfies Record<PartyRole, string>,
  statuses: {
    waiting: 'Czeka na swoją kolej',
    pending: 'Teraz podpisuje',
    uploaded: 'Przesłano podpisany plik — czeka na potwierdzenie koordynatora',
    signed: 'Podpisano',
    declined: 'Odmówiono podpisu',
  } as Record<string, string>,
  signedOn: 'podpisano',
  yourTurn: 'Teraz Twoja kolej na podpis.',
  notYourTurn:
    'Porozumienie podpisuje się po kolei: gmina, powiat, województwo. Wyślemy Ci e-mail, gdy przyjdzie Twoja kolej; ten odnośnik będzie wtedy działał.',
  youSigned: 'Podpisano Twoim imieniem i nazwiskiem. Dziękujemy.',
  youUploaded:
    'Przesłany plik czeka na potwierdzenie koordynatora. Gdy je otrzyma, porozumienie przejdzie do następnej strony.',
  youDeclined: 'Odmówiono podpisania porozumienia. Koordynator otrzymał powód.',
  completed:
    'Wszystkie strony podpisały porozumienie. Jego ostateczna wersja (PDF z pieczęcią elektroniczną i historią podpisów) jest do pobrania poniżej przez 30 dni od podpisania; każda strona otrzymała o niej e-mail.',
  /** The sealed final record, downloaded from the bucket by a link the API signs for a minute. */
  final: {
    download: 'Pobierz podpisane porozumienie (PDF)',
    preparing: 'Przygotowywanie pliku…',
    failed: 'Nie udało się pobrać podpisanego porozumienia',
    started: (megabytes: string) => `Pobieranie pliku rozpoczęte (${megabytes} MB). Skrót SHA-256 pliku:`,
    hint: 'Ten sam skrót podaliśmy w e-mailu. Możesz nim sprawdzić pobrany plik na stronie weryfikacji.',
  },
  declinedAgreement: 'Jedna ze stron odmówiła podpisu. Koordynator skontaktuje się w tej sprawie.',
  verifyLink: 'Sprawdź autentyczność podpisanego porozumienia',
  /** The three ways to answer, as links to their sections. */
  choose: 'Co chcesz zrobić?',
  chooseSign: 'Podpisz na tej stronie',
  chooseUpload: 'Prześlij plik podpisany podpisem kwalifikowanym lub profilem zaufanym',
  chooseDecline: 'Odmów podpisania',
  sign: {
    heading: 'Podpisz porozumienie',
    intro:
      'Podpisujesz, wpisując swoje imię i nazwisko i potwierdzając zgodę. Zapiszemy czas podpisu, adres IP, przeglądarkę i skrót dokumentu.',
    fullName: 'Imię i nazwisko',
    fullNameHint: (name: string) =>
      `Tak, jak podał koordynator: ${name}. Wielkość liter i znaki polskie nie mają znaczenia.`,
    consent:
      'Oświadczam, że przeczytałem(-am) porozumienie i podpisuję je w formie elektronicznej w imieniu reprezentowanej strony.',
    submit: 'Podpisz porozumienie',
    busy: 'Podpisywanie…',
    failed: 'Nie udało się podpisać',
    nameRequired: 'Wpisz swoje imię i nazwisko.',
    consentRequired: 'Zaznacz zgodę na podpisanie porozumienia w formie elektronicznej.',
    done: 'Porozumienie zostało podpisane',
  },
  upload: {
    heading: 'Prześlij plik podpisany podpisem kwalifikowanym lub profilem zaufanym',
    intro:
      'Pobierz plik PDF, podpisz go podpisem kwalifikowanym albo profilem zaufanym i prześlij tutaj. Podpis zostanie uwzględniony po potwierdzeniu przez koordynatora.',
    file: 'Plik PDF z podpisem',
    fileHint: 'Tylko PDF, najwyżej 10 MB.',
    submit: 'Prześlij plik',
    busy: 'Przesyłanie pliku…',
    failed: 'Nie udało się przesłać pliku',
    fileRequired: 'Wybierz plik PDF z podpisem.',
    notPdf: 'Wybrany plik nie jest plikiem PDF.',
    tooBig: 'Plik jest za duży: najwyżej 10 MB.',
    done: 'Plik został przesłany',
    signed: 'Plik zawiera podpis elektroniczny.',
    signer: 'Podpisał(a)',
    unsigned:
      'W pliku nie znaleziono podpisu elektronicznego. Koordynator zobaczy to przed potwierdzeniem; jeśli to pomyłka, skontaktuj się z nim.',
    fileSha256: 'Skrót SHA-256 przesłanego pliku',
  },
  decline: {
    heading: 'Odmów podpisania',
    intro: 'Podpisywanie zostanie wstrzymane, a koordynator otrzyma e-mail z podanym powodem.',
    reason: 'Powód odmowy',
    reasonHint: 'Najwyżej 2000 znaków.',
    submit: 'Odmów podpisania',
    busy: 'Wysyłanie odmowy…',
    failed: 'Nie udało się wysłać odmowy',
    reasonRequired: 'Wpisz powód odmowy.',
    reasonTooLong: 'Powód może mieć najwyżej 2000 znaków.',
    done: 'Odmowa została wysłana',
  },
  errorSummary: 'Popraw błędy',
  errorPrefix: 'Błąd:',
  errorTitle: (title: string) => `Błąd: ${title}`,
  verify: {
    title: 'Sprawdź podpisane porozumienie',
    intro:
      'Podaj numer porozumienia i skrót SHA-256 jego ostatecznego pliku PDF (z e-maila po podpisaniu przez wszystkie strony). Sprawdzimy, czy to ten dokument.',
    agreementId: 'Numer porozumienia',
    agreementIdHint: 'Np. PZ-ABCD-EFGH',
    sha256: 'Skrót SHA-256 pliku PDF',
    sha256Hint: '64 znaki: cyfry i litery od a do f. Np. w wierszu poleceń: sha256sum porozumienie.pdf',
    submit: 'Sprawdź',
    checking: 'Sprawdzanie…',
    failed: 'Nie udało się sprawdzić porozumienia',
    badId: 'Wpisz numer porozumienia w formacie PZ-ABCD-EFGH.',
    badSha256: 'Wpisz skrót SHA-256: 64 znaki, cyfry i litery od a do f.',
    valid: 'Porozumienie jest prawdziwe',
    validText: 'Plik o tym skrócie to ostateczna, podpisana przez wszystkie strony wersja porozumienia.',
    completedAt: 'Podpisane przez wszystkie strony',
    parties: 'Strony i daty podpisu',
    invalid: 'To nie jest podpisane porozumienie',
    invalidText:
      'Nie ma podpisanego porozumienia o tym numerze i skrócie pliku. Plik mógł zostać zmieniony, to może być wersja przed podpisaniem albo numer lub skrót zawierają błąd.',
  },
};

export type AgreementTexts = typeof pl;

export const agreementTexts = dictionaryPart<AgreementTexts>(pl, {
  en: () => import('./texts-en.ts').then((module) => module.en),
});

export const useAgreementTexts = agreementTexts.use;
