import type { ReceiptTexts } from './receipt-texts.ts';

/** English texts of the receipt check: same keys as Polish (receipt-texts.ts). */
export const en: ReceiptTexts = {
  title: 'Check a receipt',
  intro:
    'Enter the application reference and the SHA-256 digest from the receipt. We will check that the card was received and whether this is its current version.',
  reference: 'Application reference',
  referenceHint: 'E.g. KZ-ABCD-EFGH',
  sha256: 'SHA-256 digest',
  sha256Hint: '64 characters: digits and the letters a to f.',
  submit: 'Check',
  checking: 'Checking…',
  failed: 'The receipt could not be checked',
  badReference: 'Enter the reference as KZ-ABCD-EFGH.',
  badSha256: 'Enter the SHA-256 digest: 64 characters, digits and the letters a to f.',
  valid: 'The receipt is genuine',
  validText: (version) => `This version (${version}) of the card was received by the server.`,
  superseded: 'This version of the card was later changed: a newer version applies.',
  withdrawn: 'The gmina later withdrew this card: it is not assessed.',
  voided:
    'The call’s coordinator later voided this card (sent in the gmina’s name by someone else, for example): it is not assessed.',
  invalid: 'No such receipt was found',
  invalidText: 'There is no card with this reference and digest. Check both for typing errors.',
  gmina: 'Gmina',
  call: 'Call',
  receivedAt: 'Received',
  errorSummary: 'Correct the errors',
  errorPrefix: 'Error:',
  errorTitle: (title) => `Error: ${title}`,
};
