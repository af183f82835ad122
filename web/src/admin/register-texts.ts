import { dictionaryPart } from '../lib/i18n.ts';

/** The texts of registering a card that came by post or e-mail (register-card.tsx), with that screen's code. */
const pl = {
  title: 'Rejestracja karty nadesłanej pocztą lub e-mailem',
  intro:
    'Przepisz odpowiedzi z karty tak, jak je podała gmina. Na końcu podasz, jak karta przyszła i kiedy ją wysłano, i dołączysz jej skan. Gmina dostanie takie samo potwierdzenie jak po wysłaniu karty przez stronę.',
  back: 'Wstecz',
  next: 'Dalej',
  receiptTitle: 'Jak i kiedy przyszła karta',
  channel: 'Jak przyszła karta',
  post: 'Pocztą (decyduje data stempla pocztowego)',
  email: 'Skanem e-mailem (decyduje czas wysłania wiadomości)',
  postmark: 'Data stempla pocztowego',
  sentOn: 'Data wysłania e-maila',
  sentAt: 'Godzina wysłania e-maila (czas polski)',
  dateHint: 'Na przykład 2026-12-31.',
  timeHint: 'Na przykład 23:40.',
  deadline: (at: string) => `Termin naboru: ${at}. Karta wysłana później nie może być przyjęta.`,
  scan: 'Skan karty',
  scanHint: 'PDF, JPEG lub PNG, najwyżej 10 MB.',
  submit: 'Zarejestruj kartę',
  sending: 'Wysyłanie skanu i karty…',
  answersIncomplete: 'Odpowiedzi w karcie są niepełne lub błędne. Popraw je w krokach formularza.',
  errorSummary: 'Popraw błędy',
  errors: {
    required: 'To pole jest wymagane.',
    date: 'Wpisz datę w formacie RRRR-MM-DD.',
    date_time: 'Wpisz datę i godzinę wysłania e-maila.',
    after_deadline: 'Ta data jest późniejsza niż termin naboru: karty nie można przyjąć.',
    before_opening: 'Ta data jest wcześniejsza niż początek naboru.',
    in_future: 'Ta data jeszcze nie nadeszła: sprawdź rok, miesiąc i dzień.',
    scan_required: 'Dołącz skan karty (PDF, JPEG lub PNG, najwyżej 10 MB).',
    scan_type: 'Skan musi być plikiem PDF, JPEG lub PNG.',
    scan_too_large: 'Skan jest za duży: najwyżej 10 MB.',
    scan_missing: 'Skan nie dotarł w całości: dołącz plik jeszcze raz.',
  } as Record<string, string>,
  doneTitle: 'Karta zarejestrowana',
  done: (reference: string) =>
    `Numer zgłoszenia: ${reference}. Osoba do kontaktu w gminie dostanie e-mailem potwierdzenie i odnośnik do karty.`,
  openCard: 'Zobacz kartę',
  another: 'Zarejestruj kolejną kartę',
  toList: 'Wróć do listy kart',
};

export type RegisterTexts = typeof pl;

export const registerTexts = dictionaryPart<RegisterTexts>(pl, {
  en: () => import('./register-texts-en.ts').then((module) => module.en),
});

export const useRegisterTexts = registerTexts.use;
