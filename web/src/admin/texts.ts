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
    // The limit is said here once and for all: past it the page still says "sent" (it must not tell which
    // addresses have accounts), so a coordinator would otherwise wait for a message that never comes.
    sentHint:
      'Nie ma wiadomości? Sprawdź folder spam i czy to adres, który ROPS zapisał dla Ciebie w panelu. Na jeden adres wysyłamy najwyżej 5 odnośników w ciągu godziny.',
    again: 'Wyślij ponownie',
    checking: 'Logowanie…',
    confirm: 'Zaloguj się',
    confirmIntro: 'Naciśnij przycisk, aby zalogować się do panelu koordynatora w tej przeglądarce.',
    exchangeFailed: 'Nie udało się zalogować',
    signInToContinue: 'Zaloguj się, aby zobaczyć tę stronę. Po zalogowaniu wrócisz na nią.',
    linkInvalid:
      'Ten odnośnik do logowania jest nieprawidłowy, wygasł albo został już użyty. Wyślij sobie nowy.',
    toPanel: 'Przejdź do panelu',
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
    rereadFailed: 'Nie udało się odświeżyć danych: widać je takie, jakie były przed ostatnią zmianą',
    noCalls: 'Nie ma naborów w Twoich województwach.',
    /** Without a day: open already. */
    announced: (opensOn: string | undefined) =>
      opensOn
        ? `Nabór ogłoszony. Gminy zobaczą go na liście naborów od ${opensOn}.`
        : 'Nabór ogłoszony. Gminy widzą go już na liście naborów.',
    callPage: 'Strona naboru',
    choose: 'Wybierz nabór i województwo',
    call: 'Nabór',
    wojewodztwo: 'Województwo',
    show: 'Pokaż karty',
    /** A call in the list of calls, with where it stands, so calls with like titles can be told apart. */
    callOption: (title: string, phase: 'open' | 'closed' | 'upcoming', day: string) =>
      `${title} (${phase === 'open' ? `trwa do ${day}` : phase === 'closed' ? `zakończony ${day}` : `od ${day}`})`,
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
    stalePage: 'Adres tej strony listy jest nieprawidłowy.',
    announce: 'Ogłoś nabór',
  },
  newCall: {
    title: 'Ogłoś nabór',
    intro:
      'Nabór pojawi się na liście naborów w serwisie od chwili jego początku i będzie przyjmował karty zgłoszeniowe do jego końca.',
    backToList: 'Wróć do listy kart',
    noProgrammes: 'Nie ma programów, w których możesz ogłosić nabór.',
    callTitle: 'Tytuł naboru',
    programme: 'Program',
    wojewodztwa: 'Województwa',
    wojewodztwaHint: 'Na liście są województwa programu, w których możesz ogłaszać nabory.',
    gminaKinds: 'Rodzaje gmin, które mogą się zgłosić',
    opensAt: 'Początek naboru',
    closesAt: 'Koniec naboru',
    opensAtHint: 'Od tej chwili gminy mogą wysyłać karty. Podaj czas polski.',
    closesAtHint: 'Ostatnia minuta przyjmowania kart, np. 23:59 oznacza do 23:59:59. Podaj czas polski.',
    date: 'Data',
    time: 'Godzina (czas polski)',
    rules: 'Zasady naboru',
    rulesHint: 'Tekst, który gminy zobaczą na stronie naboru. Akapity oddziel pustym wierszem.',
    formVersion: (version: number) => `Gminy wypełnią kartę zgłoszeniową w wersji ${version}.`,
    charLimit: (max: string) => `Możesz wpisać do ${max} znaków.`,
    // As the card form words it (src/card/texts.ts): the verb agrees with the count too.
    charsLeft: (n: number, shown: string) =>
      n >= 0
        ? `${plForm(n, { one: 'Pozostał', few: 'Pozostały', many: 'Pozostało', other: 'Pozostało' })} ${shown} ${plForm(n, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' })}`
        : `Za dużo o ${shown} ${plForm(-n, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' })}`,
    submit: 'Ogłoś nabór',
    sending: 'Zapisywanie…',
    errorSummary: 'Popraw błędy w formularzu',
    failed: 'Nie udało się ogłosić naboru',
    /** By field, then by the contract's message key; `_` is any other key. */
    errors: {
      title: {
        required: 'Wpisz tytuł naboru.',
        too_long: 'Tytuł naboru może mieć najwyżej 300 znaków.',
        control_characters: 'Tytuł musi mieścić się w jednym wierszu i nie może zawierać znaków sterujących.',
        _: 'Tytuł zawiera uszkodzone znaki. Wpisz go ponownie zamiast wklejać.',
      },
      programmeId: { _: 'Wybierz program z listy.' },
      wojewodztwa: {
        forbidden: 'Możesz ogłosić nabór tylko w swoich województwach. Odznacz pozostałe.',
        not_in_programme: 'Zaznacz tylko województwa, w których działa wybrany program.',
        _: 'Zaznacz co najmniej jedno województwo.',
      },
      gminaKinds: { _: 'Zaznacz co najmniej jeden rodzaj gminy.' },
      opensAt: {
        required: 'Podaj datę i godzinę początku naboru.',
        not_in_warsaw:
          'Tej godziny nie ma w tym dniu: w nocy zmiany czasu zegary przeskakują z 2:00 na 3:00.',
        _: 'Podaj prawdziwą datę i godzinę początku naboru, np. 1.12.2026 i 08:00.',
      },
      closesAt: {
        required: 'Podaj datę i godzinę końca naboru.',
        closes_before_opening: 'Koniec naboru musi być późniejszy niż jego początek.',
        closes_in_past: 'Ten termin już minął. Sprawdź rok w dacie końca naboru.',
        not_in_warsaw:
          'Tej godziny nie ma w tym dniu: w nocy zmiany czasu zegary przeskakują z 2:00 na 3:00.',
        _: 'Podaj prawdziwą datę i godzinę końca naboru, np. 31.12.2026 i 23:59.',
      },
      rules: {
        too_long: 'Zasady naboru mogą mieć najwyżej 10 000 znaków.',
        control_characters:
          'Zasady zawierają niedozwolone znaki sterujące. Wpisz je ponownie zamiast wklejać.',
        _: 'Zasady zawierają uszkodzone znaki. Wpisz je ponownie zamiast wklejać.',
      },
    } satisfies Record<string, { _: string; [key: string]: string }>,
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
    /** The time comes as a node (a <time> element). */
    withdrawn: <T>(at: T) => ['Gmina wycofała tę kartę ', at, '. Poniżej jej ostatnie odpowiedzi.'],
    versions: 'Wersje karty',
    receivedAt: 'Otrzymano (czas polski)',
  },
  administration: {
    nav: 'Panel',
    cards: 'Karty zgłoszeniowe',
    account: 'Moje konto',
    accounts: 'Konta koordynatorów',
    auditLog: 'Dziennik zdarzeń',
    programmes: 'Programy',
    save: 'Zapisz',
    saving: 'Zapisywanie…',
    saved: 'Zapisano.',
    failed: 'Nie udało się zapisać',
    errorSummary: 'Popraw błędy w formularzu',
    email: 'Adres e-mail',
    name: 'Imię i nazwisko',
    role: 'Rola',
    roleHint: (wojewodztwa: string) =>
      `Koordynator ocenia karty zaznaczonych województw. Lider projektu ma te same uprawnienia co Ty (Twój ROPS: ${wojewodztwa}); jego województwa to województwa Twojego ROPS.`,
    roles: { coordinator: 'koordynator', lead: 'lider projektu' } as Record<string, string>,
    wojewodztwa: 'Województwa',
    state: 'Stan',
    active: 'aktywne',
    disabledState: 'wyłączone',
    lastSignIn: 'Ostatnie logowanie (czas polski)',
    never: 'nigdy',
    ownSessions: 'Moje sesje',
    sessionStarted: 'Rozpoczęta (czas polski)',
    sessionLastSeen: 'Ostatnia aktywność (czas polski)',
    thisSession: 'ta sesja (ta przeglądarka)',
    otherSession: 'inna przeglądarka lub urządzenie',
    sessionsHint: 'Sesja kończy się po 30 minutach bez aktywności albo po 8 godzinach od zalogowania.',
    endOthers: 'Wyloguj pozostałe sesje',
    endedOthers: (n: number) =>
      `Zakończono ${n} ${plForm(n, { one: 'sesję', few: 'sesje', many: 'sesji', other: 'sesji' })}.`,
    addAccount: 'Dodaj konto koordynatora',
    addAccountHint:
      'Koordynator loguje się odnośnikiem wysłanym na ten adres. Zaznacz województwa, których karty ma oceniać.',
    add: 'Dodaj konto',
    added: (email: string) => `Dodano konto ${email}.`,
    edit: (email: string) => `Zmień konto ${email}`,
    editTitle: 'Zmiana konta koordynatora',
    disable: 'Wyłącz konto',
    enable: 'Włącz konto',
    disabledNotice: (n: number) =>
      `Konto wyłączone. Zakończono ${n} ${plForm(n, { one: 'sesję', few: 'sesje', many: 'sesji', other: 'sesji' })}.`,
    enabledNotice: 'Konto włączone. Koordynator może się znów zalogować.',
    backToAccounts: 'Wróć do listy kont',
    noAccount: 'Nie ma takiego konta albo nie zarządzasz nim.',
    month: 'Miesiąc',
    show: 'Pokaż',
    when: 'Kiedy (czas polski)',
    who: 'Kto',
    what: 'Zdarzenie',
    subject: 'Dotyczy',
    details: 'Szczegóły',
    noEntries: 'W tym miesiącu nie ma zdarzeń.',
    events: {
      'signed-in': 'logowanie',
      'signed-out': 'wylogowanie',
      'account-created': 'dodanie konta',
      'account-changed': 'zmiana konta',
      'account-disabled': 'wyłączenie konta',
      'account-enabled': 'włączenie konta',
      'sessions-revoked': 'zakończenie sesji',
      'programme-created': 'utworzenie programu',
      'programme-changed': 'zmiana programu',
      'milestone-dates-changed': 'zmiana terminów kamienia milowego',
      'deadline-changed': 'zmiana terminu z przypomnieniami',
      'deadline-cancelled': 'odwołanie terminu z przypomnieniami',
    } as Record<string, string>,
    noProgrammes: 'Nie prowadzisz żadnego programu.',
    addProgramme: 'Dodaj program',
    newProgramme: 'Nowy program',
    createProgramme: 'Dodaj program',
    created: (name: string) => `Dodano program ${name}.`,
    onlyLead: 'Programy dodaje i zmienia lider projektu.',
    programmeName: 'Nazwa programu',
    programmeNameHint: 'Z nazwy powstaje adres programu w panelu; nazwę można potem zmienić, adres zostaje.',
    programmeTaken: 'Program o takiej nazwie już istnieje. Zmień nazwę.',
    programmeIdInvalid: 'Nazwa musi zawierać litery lub cyfry.',
    dateHint: 'dd.mm.rrrr, np. 15.03.2027',
    editProgramme: (name: string) => `Zmień program ${name}`,
    programmeTitle: 'Program',
    description: 'Opis',
    leadWojewodztwo: 'Województwo lidera',
    gminaKinds: 'Rodzaje gmin',
    startsOn: 'Początek',
    endsOn: 'Koniec',
    milestones: 'Kamienie milowe',
    milestone: (n: number) => `Kamień milowy ${n}`,
    milestoneName: 'Nazwa',
    milestonesHint:
      'Zmiana terminu kamienia milowego jest zapisywana w dzienniku; przypomnienia biorą nowe terminy.',
    addMilestone: 'Dodaj kamień milowy',
    removeMilestone: (n: number) => `Usuń kamień milowy ${n}`,
    backToProgrammes: 'Wróć do listy programów',
    /** By the contract's message key; `_` for any other. */
    errors: {
      email: 'Wpisz adres e-mail w formacie nazwa@domena.pl.',
      taken: 'Konto z tym adresem już istnieje.',
      required: 'Uzupełnij to pole.',
      unknown_wojewodztwo: 'Wybierz województwo z listy.',
      ends_before_start: 'Koniec nie może być wcześniejszy niż początek.',
      invalid_date: 'Podaj prawdziwą datę.',
      date_format: 'Wpisz datę jako dzień.miesiąc.rok, np. 15.03.2027.',
      too_long: 'Ten tekst jest za długi.',
      lead_not_in_programme: 'Województwo lidera musi być jednym z województw programu.',
      lead_not_own: 'Konto lidera projektu może mieć tylko województwa Twojego ROPS.',
      other_lead: 'Jedno z województw należy do programu innego lidera.',
      not_own: 'Województwo lidera musi być Twoim województwem.',
      duplicate_number: 'Numery kamieni milowych nie mogą się powtarzać.',
      forbidden: 'Nie możesz tego zrobić: zaznacz tylko województwa swoich programów.',
      conflict: 'W międzyczasie ktoś to zmienił. Wczytaj stronę ponownie.',
      _: 'Sprawdź wartość tego pola.',
    } as Record<string, string>,
  },
  kinds: { wiejska: 'wiejska', 'miejsko-wiejska': 'miejsko-wiejska', miejska: 'miejska' } satisfies Record<
    GminaKind,
    string
  >,
  statuses: { submitted: 'wysłana', changed: 'zmieniona', withdrawn: 'wycofana' } satisfies Record<
    TAdminCardRow['status'],
    string
  >,
  registerLink: 'Zarejestruj kartę nadesłaną pocztą lub e-mailem',
  remindersNav: 'Przypomnienia',
};

export type AdminTexts = typeof pl;

export const adminTexts = dictionaryPart<AdminTexts>(pl, {
  en: () => import('./texts-en.ts').then((module) => module.en),
});

export const useAdminTexts = adminTexts.use;
