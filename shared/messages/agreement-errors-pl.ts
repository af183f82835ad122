import type { AgreementErrorCode } from '../error-codes.ts';

/**
 * The agreements' error messages in Polish: apart from errors-pl.ts, so the site's first download (which
 * carries the Polish messages) does not carry these; the pages that sign and verify agreements bring them.
 */
export const AGREEMENT_ERROR_MESSAGES_PL: Record<AgreementErrorCode, string> = {
  CARD_NOT_SELECTED: 'Porozumienie można przygotować tylko z gminą wybraną do projektu.',
  AGREEMENT_STATE: 'Tego nie można zrobić z porozumieniem w obecnym stanie.',
  SIGNING_LINK_REPLACED:
    'Ten odnośnik do podpisu został zastąpiony nowym albo przestał obowiązywać. Użyj najnowszego odnośnika z e-maila.',
  SIGNING_LINK_EXPIRED: 'Termin podpisania porozumienia minął. Skontaktuj się z koordynatorem.',
  AGREEMENT_CANCELLED: 'To porozumienie zostało anulowane przez koordynatora.',
  ALREADY_SIGNED: 'To porozumienie zostało już podpisane przez tę stronę.',
  NOT_YOUR_TURN:
    'Jeszcze nie można podpisać: porozumienie podpisuje się po kolei (gmina, powiat, województwo).',
  SIGNATURE_NAME_MISMATCH: 'Wpisane imię i nazwisko nie zgadza się z danymi osoby podpisującej.',
  CONSENT_REQUIRED: 'Aby podpisać, zaznacz zgodę na podpisanie porozumienia w formie elektronicznej.',
  DOCUMENT_CHANGED:
    'Treść porozumienia zmieniła się od chwili otwarcia strony. Odśwież stronę i przeczytaj ją ponownie.',
  NOT_A_PDF: 'Przesłany plik nie jest dokumentem PDF.',
  FILE_TOO_LARGE: 'Plik jest za duży (najwyżej 10 MB).',
  UPLOAD_INCOMPLETE: 'Nie dotarły wszystkie części pliku. Wybierz plik i wyślij go jeszcze raz.',
};
