import { HEAD_TITLES_PL, INFRASTRUCTURE_ITEMS_PL } from '../../../shared/messages/card-pl.ts';
import { FIELD_MESSAGES_PL } from '../../../shared/messages/fields-pl.ts';
import { dictionaryPart, plForm } from '../lib/i18n.ts';

/*
 * The texts of the karta zgłoszeniowa's steps: labels, hints, the gmina picker, messages, and what the
 * form's route shows around them. Polish is the source; texts-en.ts must fill the same type. Kept apart from
 * the main dictionary so the list of calls does not download the form's labels (see dictionaryPart); the
 * pages after the steps and the card's own page have theirs in page-texts.ts.
 */

const pl = {
  steps: {
    gmina: 'Wybierz gminę',
    urzad: 'Dane urzędu gminy',
    kontakty: 'Osoba do kontaktu i ośrodek pomocy społecznej',
    powiat: 'Powiat partnerski',
    kryteria: 'Dane do oceny zgłoszenia',
    infrastruktura: 'Infrastruktura społeczna w gminie',
    uzasadnienie: 'Uzasadnienie udziału w projekcie',
    oswiadczenia: 'Oświadczenia',
  },
  stepOf: (step: number, total: number) => `Krok ${step} z ${total}`,
  back: 'Wstecz',
  next: 'Dalej',
  saveLater: 'Zapisz i dokończ później',
  errorSummary: 'Popraw błędy',
  /** Read before an inline error, which is otherwise shown by colour and position only. */
  errorPrefix: 'Błąd:',
  errorTitle: (title: string) => `Błąd: ${title}`,
  /** A number field with something in it that is not a number ("dwieście", "12 tys."). */
  notNumber: 'Wpisz liczbę cyframi, np. 1250 albo 4321,55.',
  /** A figure outside its range says the range ("out_of_range" alone would leave the clerk guessing). */
  numberRange: (min: number, max: number) =>
    `Wpisz liczbę od ${min.toLocaleString('pl-PL')} do ${max.toLocaleString('pl-PL')}.`,
  yearRange: (min: number, max: number) => `Wpisz rok od ${min} do ${max}.`,
  /** Field errors by message key, as the shared schemas and the API give them. */
  fieldMessages: FIELD_MESSAGES_PL,
  /** Labels by section and dotted path; also name the fields in the error summary and the check page. */
  labels: {
    office: {
      teryt: 'Gmina',
      address: 'Adres urzędu gminy',
      'address.street': 'Ulica i numer budynku',
      'address.postalCode': 'Kod pocztowy',
      'address.city': 'Miejscowość (poczta)',
      nip: 'NIP gminy',
      regon: 'REGON gminy',
      'head.title': 'Kto kieruje gminą?',
      'head.name': 'Imię i nazwisko wójta, burmistrza albo prezydenta miasta',
    },
    contacts: {
      contact: 'Osoba do kontaktu w sprawie zgłoszenia',
      'contact.name': 'Imię i nazwisko',
      'contact.position': 'Stanowisko',
      'contact.email': 'Adres e-mail',
      'contact.phone': 'Numer telefonu',
      ops: 'Ośrodek pomocy społecznej (OPS) w gminie',
      'ops.name': 'Nazwa ośrodka',
      'ops.head': 'Imię i nazwisko kierownika ośrodka',
      'ops.email': 'Adres e-mail ośrodka',
      'ops.phone': 'Numer telefonu ośrodka',
    },
    partner: {
      powiatCode: 'Powiat partnerski',
      pcpr: 'Powiatowe centrum pomocy rodzinie (PCPR) w tym powiecie',
      'pcpr.name': 'Nazwa centrum',
      'pcpr.head': 'Imię i nazwisko kierownika (dyrektora) centrum',
      'pcpr.email': 'Adres e-mail centrum',
      'pcpr.phone': 'Numer telefonu centrum',
    },
    criteria: {
      population: 'Liczba mieszkańców gminy',
      solectwa: 'Liczba sołectw',
      incomePerInhabitant: 'Dochody gminy na jednego mieszkańca',
      longTermAssistancePersons: 'Osoby długotrwale korzystające z pomocy społecznej',
      assistanceFamilies: 'Rodziny korzystające z pomocy społecznej',
      assistancePersons: 'Osoby w rodzinach korzystających z pomocy społecznej',
      familiesWithAssistant: 'Rodziny objęte pracą asystenta rodziny',
    },
    infrastructure: {
      items: 'Które instytucje i miejsca wsparcia działają w gminie?',
      other: 'Inne instytucje lub miejsca wsparcia (nieobowiązkowe)',
    },
    motivation: {
      motivation: 'Dlaczego gmina chce wziąć udział w projekcie?',
      expectations: 'Czego gmina oczekuje od udziału w projekcie?',
    },
    declarations: {
      agreementReadiness:
        'Gmina jest gotowa zawrzeć z województwem i powiatem partnerskim porozumienie o współpracy w projekcie, jeśli zostanie wybrana.',
      milestonesParticipation:
        'Gmina weźmie udział we wszystkich etapach (kamieniach milowych) projektu: opracowaniu, testowaniu i podsumowaniu modelu kooperacji oraz w szkoleniach.',
      rodoAcknowledged: 'Zapoznałam się / zapoznałem się z informacją o przetwarzaniu danych osobowych.',
    },
  },
  hints: {
    office: {
      'address.street': 'Np. ul. Kościuszki 12. W miejscowości bez nazw ulic: nazwa miejscowości i numer.',
      'address.postalCode': 'Np. 26-070',
      nip: 'NIP gminy (10 cyfr, kreski i spacje nie przeszkadzają). Jest w stopce pism urzędu, w Biuletynie Informacji Publicznej gminy i w wyszukiwarce REGON na stronie GUS.',
      regon: 'REGON gminy: 9 cyfr (jednostka lokalna: 14). Jest w tych samych miejscach co NIP.',
    },
    contacts: {
      contact: 'Na adres e-mail tej osoby wyślemy potwierdzenie z odnośnikiem do karty.',
      'contact.phone': 'Np. 41 391 40 12 albo +48 600 100 200.',
      'ops.name': 'Pełna nazwa, np. Gminny Ośrodek Pomocy Społecznej w Oksie.',
    },
    partner: {
      powiatCode:
        'Zwykle powiat, w którym leży gmina. Jeśli gmina zostanie wybrana, powiat podpisze porozumienie razem z nią.',
      'pcpr.name': 'Pełna nazwa, np. Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie.',
    },
    criteria: {
      population: 'Stan na 31 grudnia, np. z Banku Danych Lokalnych GUS.',
      solectwa: 'Jeśli gmina nie ma sołectw, wpisz 0.',
      incomePerInhabitant:
        'Dochody budżetu gminy ogółem podzielone przez liczbę mieszkańców, w złotych z groszami, np. 4321,55.',
      longTermAssistancePersons:
        'Tak jak w Ocenie zasobów pomocy społecznej: osoby, które w ostatnich 4 latach korzystały z pomocy społecznej przez co najmniej 36 miesięcy (łącznie lub z przerwami).',
      assistanceFamilies: 'Ze sprawozdania MRiPS-03 albo z Oceny zasobów pomocy społecznej.',
      assistancePersons: 'Wszystkie osoby w rodzinach, którym przyznano świadczenia pomocy społecznej.',
      familiesWithAssistant: 'Jeśli gmina nie zatrudnia asystenta rodziny, wpisz 0.',
    },
    infrastructure: {
      items: 'Zaznacz wszystkie, które działają na terenie gminy.',
      other: 'Np. spółdzielnia socjalna, dom pomocy społecznej, klub integracji.',
    },
    motivation: {
      motivation:
        'Opisz najważniejsze problemy społeczne w gminie i co chcecie zmienić dzięki współpracy instytucji.',
      expectations: 'Np. jakich szkoleń, doradztwa lub rozwiązań potrzebują pracownicy gminy i OPS.',
    },
  },
  criteriaIntro:
    'Każdą liczbę podaj razem z rokiem, którego dotyczy: najlepiej za ostatni pełny rok, za który gmina ma dane.',
  figureValue: 'Liczba',
  figureAmount: 'Kwota w złotych',
  /** An amount as the check page shows it (the number already in the language's format). */
  money: (amount: string) => `${amount} zł`,
  figureYear: 'Rok',
  /** Names the year input in error messages: "Liczba sołectw — rok". */
  yearOf: (label: string) => `${label} — rok`,
  ratioLabel: 'Osoby długotrwale korzystające z pomocy społecznej w stosunku do liczby mieszkańców:',
  ratioPending: 'wyliczymy, gdy wpiszesz obie liczby',
  headTitles: HEAD_TITLES_PL,
  infrastructureItems: INFRASTRUCTURE_ITEMS_PL,
  charLimit: (max: string) => `Możesz wpisać do ${max} znaków.`,
  charsLeft: (n: number, shown: string) =>
    n >= 0
      ? `${plForm(n, { one: 'Pozostał', few: 'Pozostały', many: 'Pozostało', other: 'Pozostało' })} ${shown} ${plForm(n, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' })}`
      : `Za dużo o ${shown} ${plForm(-n, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' })}`,
  declarationsHint: 'Zaznacz wszystkie trzy oświadczenia: bez nich nie można wysłać karty.',
  picker: {
    label: 'Nazwa gminy',
    hint: 'Wpisz co najmniej 2 litery nazwy gminy albo powiatu. Polskie znaki nie są konieczne.',
    results: 'Wyniki wyszukiwania',
    loading: 'Wczytywanie listy gmin…',
    loadFailed: 'Nie udało się wczytać listy gmin',
    none: 'Nie znaleziono gminy o takiej nazwie. Sprawdź pisownię.',
    found: (n: number, shown: number) =>
      `Znaleziono ${n} ${plForm(n, { one: 'gminę', few: 'gminy', many: 'gmin', other: 'gminy' })}${shown < n ? `; pokazano ${shown} pierwszych, wpisz więcej liter` : ''}.`,
    /** Said with `found` when some results cannot be chosen (each says why in the list). */
    unavailable: (n: number) => `Nie do wybrania w tym naborze: ${n}.`,
    /** "powiat kielecki, województwo świętokrzyskie, gmina miejsko-wiejska" */
    describe: (powiat: string, wojewodztwo: string, kind: string) =>
      `powiat ${powiat}, województwo ${wojewodztwo}, gmina ${kind}`,
    wrongKind: (name: string, kind: string, allowed: string) =>
      `${name} to gmina ${kind}; ten nabór jest dla ${allowed}.`,
    wrongWojewodztwo: (name: string, wojewodztwo: string, allowed: string) =>
      `${name} leży w województwie ${wojewodztwo.replace(/ie$/, 'im')}; ten nabór jest dla gmin z województwa ${allowed}.`,
    /** The call's voivodeships in the genitive: "podkarpackiego", "lubelskiego lub podkarpackiego". */
    wojewodztwoGenitive: (name: string) => name.replace(/ie$/, 'iego'),
    or: 'lub',
  },
  /** "gmina ___" and "dla ___" forms of the kinds. */
  /** A powiat in the list: cities with powiat rights have capitalised names ("Kielce"), others not. */
  powiatLabel: (name: string) =>
    /^\p{Lu}/u.test(name) ? `${name} (miasto na prawach powiatu)` : `powiat ${name}`,
  kindNames: { wiejska: 'wiejska', 'miejsko-wiejska': 'miejsko-wiejska', miejska: 'miejska' },
  kindsFor: {
    wiejska: 'gmin wiejskich',
    'miejsko-wiejska': 'gmin miejsko-wiejskich',
    miejska: 'gmin miejskich',
  },
  cardTitle: 'Karta zgłoszeniowa',
  backToForm: 'Wróć do wypełniania karty',
  restore: {
    sent: 'Karta tej gminy została już wysłana',
    loading: 'Wczytywanie zapisanej karty…',
    done: 'Wczytaliśmy zapisaną kartę. Sprawdź odpowiedzi i dokończ wypełnianie.',
    failed: 'Nie udało się wczytać zapisanej karty',
  },
  form: {
    callClosed: 'Ten nabór jest zakończony albo jeszcze się nie rozpoczął: nie można teraz wysłać karty.',
    backToCall: 'Wróć do naboru',
    /** Where a gmina whose card was sent by someone else, or whose e-mail was lost, gets its link. */
    cardLinkOffer: 'Nie masz odnośnika do tej karty? Wyślemy go ponownie',
  },
};

export type CardTexts = typeof pl;

export const cardTexts = dictionaryPart<CardTexts>(pl, {
  en: () => import('./texts-en.ts').then((module) => module.en),
});

export const useCardTexts = cardTexts.use;
