import { dictionaryPart, plForm } from '../lib/i18n.ts';

/**
 * The texts of the panel's reminders (/admin/przypomnienia, /admin/przypomnienia/nowy and a deadline's change,
 * /admin/przypomnienia/termin/<id>): a part of their
 * own, loaded with the panel. Polish is the source; reminders-texts-en.ts fills the same type.
 */
const days = (n: number) => plForm(n, { one: 'dzień', few: 'dni', many: 'dni', other: 'dnia' });

const pl = {
  title: 'Przypomnienia o terminach',
  intro:
    'Przed każdym terminem (zamknięcie naboru, początek i koniec kamienia milowego, terminy dodane przez koordynatora) wysyłamy e-maile o 8:00 czasu polskiego.',
  wojewodztwo: 'Województwo',
  show: 'Pokaż',
  addDeadline: 'Dodaj własny termin',
  added: (title: string) => `Zapisano termin „${title}”. Jest na liście terminów z dniami przypomnień.`,
  changed: (title: string) => `Zapisano zmiany terminu „${title}”.`,
  upcoming: 'Najbliższe przypomnienia (30 dni)',
  noUpcoming: 'W ciągu 30 dni nie wyślemy żadnego przypomnienia.',
  sendAt: 'Wysyłka (czas polski)',
  deadline: 'Termin',
  dueAt: 'Termin upływa (czas polski)',
  offset: 'Ile przed terminem',
  offsetDays: (n: number) => (n === 0 ? 'w dniu terminu' : `${n} ${days(n)} przed`),
  recipients: 'Odbiorcy',
  recipientsCount: (n: number) =>
    `${n} ${plForm(n, { one: 'adres', few: 'adresy', many: 'adresów', other: 'adresu' })}`,
  kinds: {
    'call-closing': 'zamknięcie naboru',
    'milestone-start': 'początek kamienia milowego',
    'milestone-end': 'koniec kamienia milowego',
    custom: 'termin koordynatora',
    'agreement-signing': 'termin podpisania porozumienia',
  } as Record<string, string>,
  audience: {
    gminas: 'wybrane gminy',
    ops: 'ich OPS',
    pcpr: 'PCPR',
    coordinators: 'koordynatorzy',
    drafts: 'gminy z niewysłaną kartą',
    signatories: 'osoby, które jeszcze nie podpisały',
  } as Record<string, string>,
  deadlines: 'Terminy',
  deadlinesIntro:
    'Wszystkie terminy, które jeszcze nie minęły, od najbliższego — także te za kilka miesięcy — z dniami ich przypomnień. Własny termin koordynatora można zmienić albo odwołać.',
  noDeadlines: 'W tym województwie nie ma terminów, które jeszcze nie minęły.',
  remindedOn: 'Przypomnienia (czas polski)',
  noSendsLeft: 'Żadne przypomnienie nie wyjdzie już przed tym terminem.',
  sendOn: (offset: string, past: boolean) => ` (${offset}${past ? ', ten dzień już minął' : ''})`,
  createdBy: 'Dodał(a)',
  change: 'Zmień',
  changeFor: (title: string) => ` termin „${title}”`,
  cancel: 'Odwołaj termin',
  cancelFor: (title: string) => ` „${title}”`,
  cancelQuestion: (title: string) => `Odwołać termin „${title}”?`,
  cancelWarning:
    'Nie wyślemy już żadnego jego przypomnienia, także tych w kolejce. Wysłane zostają w dzienniku, a przesłane dokumenty na liście dokumentów.',
  cancelYes: 'Tak, odwołaj termin',
  cancelNo: 'Nie, zostaw go',
  cancelling: 'Odwoływanie…',
  cancelled: (title: string) => `Odwołano termin „${title}”. Nie wyślemy już jego przypomnień.`,
  cancelStale: (title: string) =>
    `Nie odwołaliśmy terminu „${title}”: ktoś go w międzyczasie zmienił. Lista pokazuje teraz jego obecną wersję — sprawdź ją i odwołaj go ponownie, jeśli trzeba.`,
  cancelGone: (title: string) =>
    `Terminu „${title}” już nie ma na liście: ktoś go odwołał albo właśnie minął.`,
  cancelFailed: (title: string) => `Nie udało się odwołać terminu „${title}”`,
  deadlinesHint:
    'Wiadomość testowa to przypomnienie takie, jakie wyszłoby teraz, wysłane tylko na Twój adres (z [TEST] w temacie).',
  recipientsNow: (n: number, title: string) =>
    `Odbiorcy, gdyby wysłać teraz: ${n} ${plForm(n, { one: 'adres', few: 'adresy', many: 'adresów', other: 'adresu' })} — ${title}`,
  recipientsMore: (n: number) =>
    `…i ${n} ${plForm(n, { one: 'inny', few: 'inne', many: 'innych', other: 'innego' })}.`,
  recipientsNone: 'Nikt: grupy tego terminu nie mają teraz adresów, do których możemy pisać.',
  preview: (title: string) => `Podgląd wiadomości: ${title}`,
  previewLoading: 'Wczytywanie podglądu…',
  previewFailed: 'Nie udało się wczytać podglądu.',
  subject: 'Temat',
  sendTest: 'Wyślij test do mnie',
  sendTestFor: (title: string) => ` — ${title}`,
  sending: 'Wysyłanie…',
  testSent: (email: string, subject: string) => `Wysłano wiadomość testową na adres ${email}: „${subject}”.`,
  testFailed: 'Nie udało się wysłać wiadomości testowej',
  sent: 'Wysłane przypomnienia',
  noSent: 'Nie wysłaliśmy jeszcze żadnego przypomnienia w tym województwie.',
  when: 'Kiedy (czas polski)',
  recipient: 'Odbiorca',
  state: 'Stan',
  roles: {
    gmina: 'gmina',
    ops: 'OPS',
    pcpr: 'PCPR',
    coordinator: 'koordynator',
    draft: 'gmina (wersja robocza)',
    signatory: 'podpisujący porozumienie',
  } as Record<string, string>,
  statuses: {
    sending: 'w trakcie wysyłania',
    sent: 'wysłane',
    retry: 'do ponowienia (serwer poczty odmówił)',
    unknown: 'nie wiadomo, czy wysłane — sprawdź',
    skipped: 'pominięte',
  } as Record<string, string>,
  deliveries: {
    delivered: 'doręczone',
    bounced: 'odbite — adres nie przyjmuje poczty',
    complained: 'zgłoszone jako spam',
  } as Record<string, string>,
  reasons: {
    bounce: 'adres odbija pocztę',
    complaint: 'odbiorca zgłosił spam',
    'opted-out': 'odbiorca zrezygnował',
    'deadline-passed': 'termin już minął',
    delivered: 'dokument już przesłany',
    'not-awaiting-signature': 'już podpisał(a) lub podpisywanie zakończono',
  } as Record<string, string>,
  suppressed: 'Adresy, do których nie wysyłamy',
  suppressedHint:
    'Na adres odbity lub zgłaszający spam nie wysyłamy żadnych przypomnień; kto zrezygnował, nie dostaje przypomnień nieobowiązkowych.',
  noSuppressed: 'Wszystkie adresy z ostatnich przypomnień je przyjmują.',
  email: 'Adres e-mail',
  role: 'Rola',
  reason: 'Powód',
  since: 'Od kiedy (czas polski)',
  // The new deadline's form.
  newTitle: 'Nowy termin',
  newIntro: (wojewodztwo: string) =>
    // The name stays in the nominative ("podlaskie"): "w województwie podlaskie" reads wrong to a Pole.
    `Województwo ${wojewodztwo}: przypomnienia wyślemy o 8:00 czasu polskiego w wybrane dni przed terminem.`,
  backToReminders: 'Wróć do przypomnień',
  name: 'Nazwa terminu',
  nameHint: 'Na przykład: Sprawozdanie z kamienia milowego II. Trafi do tematu wiadomości.',
  description: 'Opis (nieobowiązkowy)',
  descriptionHint: 'Co trzeba zrobić do tego dnia. Trafi do treści wiadomości.',
  when_: 'Kiedy upływa (czas polski)',
  whenHint: 'Na przykład 15.03.2027 i 12:00.',
  date: 'Dzień',
  dateHint: 'dd.mm.rrrr',
  time: 'Godzina',
  timeHint: 'gg:mm',
  scope: 'Których gmin dotyczy',
  scopeAll: (wojewodztwo: string) => `Wszystkie wybrane gminy (województwo ${wojewodztwo})`,
  scopeCall: 'Wybrane gminy jednego naboru',
  call: 'Nabór',
  audienceLegend: 'Kto dostanie przypomnienie',
  audienceHint: 'Zaznacz co najmniej jedną grupę.',
  audienceGroups: {
    gminas: 'gminy (osoba do kontaktu z karty)',
    ops: 'ośrodki pomocy społecznej (OPS) tych gmin',
    pcpr: 'powiatowe centra pomocy rodzinie (PCPR)',
    coordinators: 'koordynatorzy ROPS województwa',
  } as Record<string, string>,
  offsets: 'Ile dni przed terminem przypomnieć',
  offsetsHint: 'Liczby dni oddzielone przecinkami; 0 to dzień terminu. Najwyżej 8, każda od 0 do 90.',
  optional: 'Przypomnienie nieobowiązkowe',
  optionalHint: 'Odbiorca może zrezygnować z takich przypomnień jednym kliknięciem w programie pocztowym.',
  avoidDaysOff: 'Wysyłka w weekend lub święto przechodzi na poprzedni dzień roboczy',
  options: 'Ustawienia',
  save: 'Zapisz termin',
  // A deadline's change.
  editTitle: 'Zmiana terminu',
  editIntro: (wojewodztwo: string) =>
    `Województwo ${wojewodztwo}: zmień nazwę, opis, dzień lub dni przypomnień własnego terminu.`,
  editSentNote:
    'Przypomnienie już wysłane nie wyjdzie drugi raz, także gdy zmienisz dzień; kolejne podadzą nowy termin.',
  editKept: 'Bez zmian zostają',
  editAudience: 'Kto dostaje przypomnienia',
  editScope: 'Których gmin dotyczy',
  editDocument: 'Dokument, o który prosisz',
  editNotFound:
    'Tego terminu nie ma na liście terminów, które jeszcze nie minęły: ktoś go odwołał albo już minął.',
  editNotEditable:
    'Ten termin wynika z naboru lub z programu i zmienia się razem z nimi; tu można zmienić tylko własny termin koordynatora.',
  saveChanges: 'Zapisz zmiany',
  staleTitle: 'Ktoś zmienił ten termin w międzyczasie',
  staleBody:
    'Twoich zmian nie zapisaliśmy. To, co wpisano, zostaje w formularzu, dopóki nie wczytasz obecnej wersji: skopiuj to, co chcesz zachować, wczytaj ją i wprowadź zmiany ponownie.',
  staleReload: 'Wczytaj obecną wersję',
  saving: 'Zapisywanie…',
  errorSummary: 'Popraw błędy w formularzu',
  /** By field, by the API's key; `_` for any other. */
  errors: {
    title: {
      required: 'Wpisz nazwę terminu.',
      too_long: 'Nazwa może mieć najwyżej 200 znaków.',
      _: 'Nazwa może zawierać tylko zwykły tekst w jednym wierszu.',
    },
    description: {
      too_long: 'Opis może mieć najwyżej 2000 znaków.',
      _: 'Opis może zawierać tylko zwykły tekst.',
    },
    dueAt: {
      required: 'Podaj dzień i godzinę terminu.',
      invalid_date: 'Podaj prawdziwy dzień w formacie dd.mm.rrrr i godzinę w formacie gg:mm.',
      not_in_warsaw: 'Tej godziny nie ma w Polsce: zegary przesuwa się wtedy z 2:00 na 3:00.',
      in_past: 'Termin musi być w przyszłości.',
      passed: 'Ten termin już minął: nie można go zmienić ani odwołać.',
      _: 'Podaj dzień w formacie dd.mm.rrrr i godzinę w formacie gg:mm.',
    },
    wojewodztwa: {
      not_in_call: 'Ten nabór nie obejmuje tego województwa.',
      _: 'Wybierz województwo.',
    },
    callId: { not_found: 'Nie ma takiego naboru.', _: 'Wybierz nabór z listy.' },
    audience: { empty_audience: 'Wybierz, kto dostanie przypomnienie.', _: 'Wybierz grupę z listy.' },
    offsetsDays: {
      required: 'Podaj co najmniej jeden dzień przypomnienia.',
      too_many: 'Podaj najwyżej 8 dni przypomnienia.',
      after_deadline: 'Przypomnienie nie może wyjść po terminie: podaj liczby od 0 w górę.',
      out_of_range: 'Przypomnienie może wyjść najwcześniej 90 dni przed terminem.',
      no_send_before_deadline:
        'Żadne z tych przypomnień nie zdąży przed terminem: wszystkie dni już minęły. Podaj mniejsze liczby.',
      before_send_hour:
        'Przypomnienie w dniu terminu wychodzi o 8:00, a termin upływa wcześniej: podaj późniejszą godzinę terminu albo dodaj dzień przed nim (np. 1).',
      _: 'Podaj liczby całkowite dni oddzielone przecinkami, na przykład 14, 7, 1, 0.',
    },
    deadlineId: {
      not_editable: 'Ten termin wynika z naboru lub z programu: zmienia się go tam, nie tutaj.',
      _: 'Tego terminu nie można zmienić.',
    },
    _: { _: 'Sprawdź wartość tego pola.' },
  } as Record<string, Record<string, string>>,
};

export type RemindersTexts = typeof pl;

export const remindersTexts = dictionaryPart<RemindersTexts>(pl, {
  en: () => import('./reminders-texts-en.ts').then((module) => module.en),
});

export const useRemindersTexts = remindersTexts.use;
