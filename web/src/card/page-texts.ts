import { dictionaryPart } from '../lib/i18n.ts';

/*
 * Texts of the card's pages other than its steps: check your answers and send, the confirmation, save
 * and return, and the card's own page (/karta). A part of its own, fetched with those pages' code, so the
 * steps of the form download none of it. Polish is the source; page-texts-en.ts must fill the same type.
 */

const pl = {
  check: {
    title: 'Sprawdź odpowiedzi przed wysłaniem',
    change: 'Zmień',
    notGiven: 'Nie podano',
    accepted: 'Tak',
    none: 'Brak',
    ratio: (ratio: string) => `${ratio}% mieszkańców`,
    sendHeading: 'Wyślij kartę zgłoszeniową',
    sendText:
      'Wysyłając kartę, potwierdzasz, że dane są zgodne z prawdą. Do terminu naboru kartę można zmienić albo wycofać.',
    send: 'Wyślij kartę zgłoszeniową',
    sendChanged: 'Zapisz zmiany w karcie',
    sending: 'Wysyłanie karty…',
    sendFailed: 'Nie udało się wysłać karty',
    networkRetry: 'Karta mogła nie dotrzeć. Spróbuj ponownie: karta nie zostanie wysłana dwa razy.',
    contest:
      'Jeśli urząd Twojej gminy tej karty nie wysłał, skontaktuj się z ośrodkiem prowadzącym nabór: może ją unieważnić, a wtedy gmina wyśle własną.',
  },
  /** A ROPS's contact in a few lines (the refusal of a second card, the page asking for its link again). */
  contact: { heading: 'Kontakt w sprawie naboru', email: 'e-mail:', phone: 'tel.', hours: 'godziny pracy:' },
  sent: {
    title: 'Karta zgłoszeniowa została wysłana',
    titleChanged: 'Zmiany w karcie zostały zapisane',
    reference: 'Numer zgłoszenia',
    referenceHint:
      'Zapisz ten numer: podaj go, gdy będziesz kontaktować się z ośrodkiem w sprawie zgłoszenia.',
    receipt: 'Potwierdzenie otrzymania',
    receivedAt: 'Otrzymano',
    version: 'Wersja karty',
    sha256: 'Skrót SHA-256 odpowiedzi',
    sha256Hint:
      'Skrót pozwala sprawdzić, że karta nie zmieniła się od wysłania: wystarczy go podać na stronie sprawdzania potwierdzenia.',
    email:
      'Wysłaliśmy e-mail z potwierdzeniem do osoby do kontaktu. Jest w nim odnośnik, którym do terminu naboru można kartę zmienić albo wycofać.',
    check: 'Sprawdź potwierdzenie',
    backToCard: 'Wróć do karty',
    home: 'Wróć do listy naborów',
  },
  save: {
    title: 'Zapisz kartę i dokończ później',
    intro:
      'Wyślemy na podany adres e-mail odnośnik do zapisanej karty. Otwórz go, aby wrócić do wypełniania: także na innym komputerze.',
    email: 'Adres e-mail',
    emailHint: 'Odnośnik działa do terminu naboru. Nie przekazuj go innym osobom.',
    submit: 'Wyślij odnośnik',
    saving: 'Zapisywanie…',
    failed: 'Nie udało się zapisać karty',
    doneTitle: 'Karta została zapisana',
    doneSent: (email: string) => `Wysłaliśmy odnośnik do zapisanej karty na adres ${email}.`,
    doneUpdated: 'Zapisaliśmy zmiany. Odnośnik z e-maila otworzy kartę z tymi odpowiedziami.',
    expires: 'Odnośnik działa do',
  },
  card: {
    titleOf: (gmina: string) => `Karta zgłoszeniowa gminy ${gmina}`,
    loading: 'Wczytywanie karty…',
    loadFailed: 'Nie udało się wczytać karty',
    noLink:
      'Tę stronę otwiera się odnośnikiem z e-maila potwierdzającego wysłanie karty. Otwórz ten e-mail i kliknij odnośnik.',
    linkInvalid:
      'Odnośnik jest nieprawidłowy albo wygasł. Użyj odnośnika z najnowszego e-maila potwierdzającego. Jeśli problem się powtarza, skontaktuj się z ośrodkiem prowadzącym nabór.',
    call: 'Nabór',
    status: 'Stan',
    statuses: { submitted: 'Wysłana', withdrawn: 'Wycofana' },
    reference: 'Numer zgłoszenia',
    version: 'Wersja',
    receivedAt: 'Otrzymano (ostatnia wersja)',
    sha256: 'Skrót SHA-256 odpowiedzi',
    editableUntil: 'Zmiany i wycofanie możliwe do',
    change: 'Zmień kartę',
    withdraw: 'Wycofaj kartę',
    closed:
      'Termin naboru minął, dlatego karty nie można już zmienić ani wycofać. Poniżej są jej odpowiedzi.',
    withdrawn: 'Karta została wycofana i nie będzie oceniana.',
    resendable: 'Do terminu naboru możesz wysłać ją ponownie, także ze zmianami.',
    resend: 'Wyślij kartę ponownie',
    justWithdrawn: 'Karta została wycofana. Wysłaliśmy e-mail z potwierdzeniem wycofania.',
    withdrawTitle: 'Czy na pewno wycofać kartę zgłoszeniową?',
    withdrawText: (gmina: string) =>
      `Wycofana karta gminy ${gmina} nie będzie oceniana. Do terminu naboru można ją wysłać ponownie z tej strony.`,
    withdrawConfirm: 'Tak, wycofaj kartę',
    withdrawCancel: 'Nie, wróć do karty',
    withdrawing: 'Wycofywanie karty…',
    withdrawFailed: 'Nie udało się wycofać karty',
  },
  cardLink: {
    backToCall: 'Wróć do naboru',
    title: 'Odnośnik do wysłanej karty',
    intro:
      'Ta gmina wysłała już kartę zgłoszeniową w tym naborze. Kartę można zobaczyć, zmienić albo wycofać przez odnośnik, który przyszedł e-mailem do osoby do kontaktu podanej w karcie.',
    resendText:
      'Jeśli ten e-mail nie dotarł albo trafił do innej osoby w urzędzie, wyślemy nowy odnośnik. Trafi na ten sam adres: osoby do kontaktu podanej w wysłanej karcie.',
    send: 'Wyślij odnośnik ponownie',
    sending: 'Wysyłanie odnośnika…',
    failed: 'Nie udało się wysłać odnośnika',
    done: 'Jeśli ta gmina wysłała kartę w tym naborze, wysłaliśmy nowy odnośnik do niej na adres e-mail osoby do kontaktu podany w karcie. Jeśli nie widać wiadomości, sprawdź folder spam. Wcześniejsze odnośniki nadal działają.',
    notUs:
      'Jeśli nikt z urzędu gminy nie wysłał tej karty albo nie macie dostępu do adresu podanego w karcie, skontaktuj się z ośrodkiem prowadzącym nabór.',
  },
};

export type PageTexts = typeof pl;

export const pageTexts = dictionaryPart<PageTexts>(pl, {
  en: () => import('./page-texts-en.ts').then((module) => module.en),
});

export const usePageTexts = pageTexts.use;
