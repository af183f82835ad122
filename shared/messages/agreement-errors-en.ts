import type { AgreementErrorCode } from '../error-codes.ts';

/**
 * The agreements' error messages in English: apart from errors-en.ts, so the site's first download (which
 * carries the Polish messages) does not carry these; the pages that sign and verify agreements bring them.
 */
export const AGREEMENT_ERROR_MESSAGES_EN: Record<AgreementErrorCode, string> = {
  CARD_NOT_SELECTED: 'An agreement can only be prepared with a gmina selected for the project.',
  AGREEMENT_STATE: 'This cannot be done with the agreement in its current state.',
  SIGNING_LINK_REPLACED:
    'This signing link has been replaced by a newer one or is no longer valid. Use the latest link from your e-mail.',
  SIGNING_LINK_EXPIRED: 'The deadline for signing the agreement has passed. Contact the coordinator.',
  AGREEMENT_CANCELLED: 'This agreement has been cancelled by the coordinator.',
  ALREADY_SIGNED: 'This party has already signed the agreement.',
  NOT_YOUR_TURN: 'You cannot sign yet: the agreement is signed in order (gmina, powiat, voivodeship).',
  SIGNATURE_NAME_MISMATCH: 'The name typed does not match the signatory’s name.',
  CONSENT_REQUIRED: 'To sign, tick the consent to sign the agreement electronically.',
  DOCUMENT_CHANGED:
    'The text of the agreement changed after you opened the page. Reload the page and read it again.',
  NOT_A_PDF: 'The uploaded file is not a PDF document.',
  FILE_TOO_LARGE: 'The file is too large (10 MB at most).',
  UPLOAD_INCOMPLETE: 'Not every part of the file arrived. Choose the file and send it again.',
};
