import { dictionaryPart } from '../lib/i18n.ts';

/**
 * The texts of the receipt check (/potwierdzenie): a part of their own, since auditors and ROPS staff open
 * that page without ever filling a card. Polish is the source; receipt-texts-en.ts fills the same type.
 */
const pl = {
  title: 'Sprawdź potwierdzenie wysłania karty',
  intro:
    'Podaj numer zgłoszenia i skrót SHA-256 z potwierdzenia. Sprawdzimy, czy taka karta została przyjęta i czy to jej aktualna wersja.',
  reference: 'Numer zgłoszenia',
  referenceHint: 'Np. KZ-ABCD-EFGH',
  sha256: 'Skrót SHA-256',
  sha256Hint: '64 znaki: cyfry i litery od a do f.',
  submit: 'Sprawdź',
  checking: 'Sprawdzanie…',
  failed: 'Nie udało się sprawdzić potwierdzenia',
  badReference: 'Wpisz numer zgłoszenia w formacie KZ-ABCD-EFGH.',
  badSha256: 'Wpisz skrót SHA-256: 64 znaki, cyfry i litery od a do f.',
  valid: 'Potwierdzenie jest prawdziwe',
  validText: (version: number) => `Karta w tej wersji (${version}) została przyjęta przez serwer.`,
  superseded: 'Ta wersja karty została później zmieniona: obowiązuje nowsza wersja.',
  withdrawn: 'Gmina wycofała później tę kartę zgłoszeniową: nie jest oceniana.',
  voided:
    'Koordynator naboru unieważnił później tę kartę zgłoszeniową (np. wysłaną w imieniu gminy przez kogoś innego): nie jest oceniana.',
  invalid: 'Nie znaleziono takiego potwierdzenia',
  invalidText:
    'Nie ma karty o tym numerze i tym skrócie. Sprawdź, czy numer i skrót są przepisane bez błędów.',
  gmina: 'Gmina',
  call: 'Nabór',
  receivedAt: 'Otrzymano',
  errorSummary: 'Popraw błędy',
  errorPrefix: 'Błąd:',
  errorTitle: (title: string) => `Błąd: ${title}`,
};

export type ReceiptTexts = typeof pl;

export const receiptTexts = dictionaryPart<ReceiptTexts>(pl, {
  en: () => import('./receipt-texts-en.ts').then((module) => module.en),
});

export const useReceiptTexts = receiptTexts.use;
