import type { AgreementTexts } from './texts.ts';

/** English texts of the agreement pages: same keys as Polish (texts.ts). The agreement itself stays Polish. */
export const en: AgreementTexts = {
  title: 'Cooperation agreement',
  titleOf: (gmina) => `Cooperation agreement — ${gmina}`,
  loading: 'Loading the agreement…',
  loadFailed: 'The agreement could not be loaded',
  reload: 'Load the agreement again',
  noLink:
    'This page is opened with the link in the e-mail asking you to sign the agreement. Open that e-mail and follow the link.',
  deadLink: {
    LINK_INVALID: {
      title: 'The link is not valid',
      body: 'This signing link does not exist. Check that it was copied whole, or use the link in the latest e-mail.',
    },
    SIGNING_LINK_EXPIRED: {
      title: 'The signing deadline has passed',
      body: 'The link worked until the signing deadline. Contact the coordinator at the regional social policy centre: they can set a new deadline.',
    },
    SIGNING_LINK_REPLACED: {
      title: 'The link is no longer valid',
      body: 'A newer link has replaced this one: the text may have changed or another person was named to sign. Use the link in the latest e-mail.',
    },
    AGREEMENT_CANCELLED: {
      title: 'The agreement was cancelled',
      body: 'The coordinator cancelled this agreement, so it can no longer be signed. If you have questions, contact the regional social policy centre.',
    },
  },
  you: 'You sign as',
  youOf: (name, party) => `${name} — ${party}`,
  deadline: 'Signing deadline',
  sha256: 'SHA-256 digest of the document',
  sha256Hint:
    'The digest identifies exactly the text you sign. Your signature is bound to the document with this digest.',
  agreementId: 'Agreement number',
  pdf: 'Download the agreement (PDF)',
  pdfPreparing: 'Preparing the PDF…',
  pdfFailed: 'The PDF could not be downloaded',
  pdfChanged: 'The downloaded file has a different digest from the document on this page. Reload the page.',
  pdfReady: 'The PDF is ready to save.',
  pdfSave: (name) => `Save ${name}`,
  textHeading: 'Text of the agreement',
  partiesHeading: 'Who has signed',
  party: 'Party',
  state: 'Status',
  roles: { gmina: 'Gmina', powiat: 'Powiat', wojewodztwo: 'Voivodeship' },
  statuses: {
    waiting: 'Waiting for its turn',
    pending: 'Signing now',
    uploaded: 'Signed file sent — awaiting the coordinator’s confirmation',
    signed: 'Signed',
    declined: 'Declined to sign',
  },
  signedOn: 'signed',
  yourTurn: 'It is your turn to sign.',
  notYourTurn:
    'The agreement is signed in order: gmina, powiat, voivodeship. We will e-mail you when it is your turn; this link will work then.',
  youSigned: 'Signed with your name. Thank you.',
  youUploaded:
    'Your file is awaiting the coordinator’s confirmation. Once confirmed, the agreement moves on to the next party.',
  youDeclined: 'You declined to sign the agreement. The coordinator has received your reason.',
  completed:
    'All parties have signed the agreement. Each has received its final version by e-mail (a PDF with an electronic seal and the signing history).',
  declinedAgreement: 'A party declined to sign. The coordinator will be in touch about it.',
  verifyLink: 'Check that a signed agreement is genuine',
  choose: 'What would you like to do?',
  chooseSign: 'Sign on this page',
  chooseUpload: 'Upload a file signed with a qualified signature or Profil Zaufany',
  chooseDecline: 'Decline to sign',
  sign: {
    heading: 'Sign the agreement',
    intro:
      'You sign by typing your full name and confirming your consent. We record the time, IP address, browser and the document’s digest.',
    fullName: 'Full name',
    fullNameHint: (name) =>
      `As the coordinator gave it: ${name}. Letter case and Polish letters do not matter.`,
    consent:
      'I declare that I have read the agreement and I sign it electronically on behalf of the party I represent.',
    submit: 'Sign the agreement',
    busy: 'Signing…',
    failed: 'The agreement could not be signed',
    nameRequired: 'Enter your full name.',
    consentRequired: 'Tick the consent to sign the agreement electronically.',
    done: 'The agreement has been signed',
  },
  upload: {
    heading: 'Upload a file signed with a qualified signature or Profil Zaufany',
    intro:
      'Download the PDF, sign it with a qualified signature or Profil Zaufany and upload it here. It counts once the coordinator confirms it.',
    file: 'Signed PDF file',
    fileHint: 'PDF only, 10 MB at most.',
    submit: 'Upload the file',
    busy: 'Uploading the file…',
    failed: 'The file could not be uploaded',
    fileRequired: 'Choose the signed PDF file.',
    notPdf: 'The chosen file is not a PDF.',
    tooBig: 'The file is too large: 10 MB at most.',
    done: 'The file has been uploaded',
    signed: 'The file carries an electronic signature.',
    signer: 'Signed by',
    unsigned:
      'No electronic signature was found in the file. The coordinator will see this before confirming; if it is a mistake, contact them.',
    fileSha256: 'SHA-256 digest of the uploaded file',
  },
  decline: {
    heading: 'Decline to sign',
    intro: 'Signing will stop and the coordinator will receive an e-mail with your reason.',
    reason: 'Reason',
    reasonHint: '2000 characters at most.',
    submit: 'Decline to sign',
    busy: 'Sending…',
    failed: 'Your answer could not be sent',
    reasonRequired: 'Enter the reason.',
    reasonTooLong: 'The reason can be 2000 characters at most.',
    done: 'Your answer has been sent',
  },
  errorSummary: 'Correct the errors',
  errorPrefix: 'Error:',
  errorTitle: (title) => `Error: ${title}`,
  verify: {
    title: 'Check a signed agreement',
    intro:
      'Enter the agreement number and the SHA-256 digest of its final PDF (from the e-mail sent once every party signed). We will check that it is that document.',
    agreementId: 'Agreement number',
    agreementIdHint: 'E.g. PZ-ABCD-EFGH',
    sha256: 'SHA-256 digest of the PDF',
    sha256Hint:
      '64 characters: digits and the letters a to f. E.g. on the command line: sha256sum agreement.pdf',
    submit: 'Check',
    checking: 'Checking…',
    failed: 'The agreement could not be checked',
    badId: 'Enter the agreement number as PZ-ABCD-EFGH.',
    badSha256: 'Enter the SHA-256 digest: 64 characters, digits and the letters a to f.',
    valid: 'The agreement is genuine',
    validText: 'The file with this digest is the final version of the agreement, signed by every party.',
    completedAt: 'Signed by every party',
    parties: 'Parties and signing dates',
    invalid: 'This is not a signed agreement',
    invalidText:
      'There is no signed agreement with this number and file digest. The file may have been changed, it may be a version from before signing, or the number or digest may contain a typing error.',
  },
};
