import type { CallLifeTexts } from './call-life-texts.ts';

const s = (n: number) => (n === 1 ? 'address' : 'addresses');

const wallClock = (what: string, example: string) => ({
  required: `Enter the date and time ${what}.`,
  closes_before_opening: 'The call must close after it opens.',
  closes_in_past: 'That time has passed. Enter a time in the future.',
  not_later: 'The new closing must be later than the current one.',
  not_in_warsaw: 'That time does not exist on that day: clocks jump from 2:00 to 3:00 that night.',
  _: `Enter a real date and time ${what}, e.g. ${example}.`,
});

/** English texts of a call's management screen: same keys as Polish (call-life-texts.ts). */
export const en: CallLifeTexts = {
  title: 'Managing the call',
  manage: 'Manage the call (dates, cancelling)',
  backToList: 'Back to the list of cards',
  callPage: 'The call’s page for gminas',
  facts: 'About the call',
  status: 'Status',
  statuses: { upcoming: 'not open yet', open: 'open', closed: 'closed', cancelled: 'cancelled' },
  opensAt: 'Opens (Polish time)',
  closesAt: 'Closes (Polish time)',
  wojewodztwa: 'Voivodeships',
  gminaKinds: 'Kinds of gmina',
  cancelledReason: 'Why it was cancelled',
  overlapsTitle: 'Note: another call runs at the same time',
  overlapsIntro:
    'These calls of the same programme cover the same voivodeships and kinds of gmina at overlapping times. That may be intended (a second round), but check it is not a slip.',
  overlap: (title: string, from: string, to: string) => `${title} (${from} – ${to})`,
  conflict:
    'Someone else changed this call meanwhile, or its status changed. Load it again and try once more.',
  reload: 'Load again',
  failed: 'Could not save',
  errorSummary: 'Correct the errors in the form',
  sending: 'Saving…',
  edit: {
    title: 'Change the call before it opens',
    intro: 'Until the call opens you can change its title, dates, voivodeships, kinds of gmina and rules.',
    callTitle: 'Title of the call',
    opensAt: 'Opens',
    closesAt: 'Closes',
    dateHint: 'Polish time, e.g. 31.12.2026 and 23:59.',
    rules: 'Rules of the call',
    submit: 'Save changes',
    saved: 'The call’s changes are saved.',
  },
  extend: {
    title: 'Extend the call',
    intro:
      'The new closing must be later than the current one. Every gmina with a saved draft or a sent card gets an e-mail with the new closing and the reason.',
    closesAt: 'New closing',
    reason: 'Reason for the extension',
    reasonHint: 'Gminas see it in the e-mail.',
    submit: 'Extend the call',
    saved: (n: number) =>
      n === 0
        ? 'The call is extended. No gmina had a draft or a card yet, so nobody was e-mailed.'
        : `The call is extended. We e-mailed the new closing to ${n} ${s(n)}.`,
  },
  cancel: {
    title: 'Cancel the call',
    intro:
      'A cancelled call cannot be restored. Gminas can no longer send cards, and each with a saved draft or a sent card gets an e-mail with the reason.',
    reason: 'Reason for cancelling',
    reasonHint: 'Gminas see it on the call’s page and in the e-mail.',
    confirm: 'I understand that cancelling the call cannot be undone',
    submit: 'Cancel the call',
    saved: (n: number) => `The call is cancelled. We e-mailed the reason to ${n} ${s(n)}.`,
  },
  invite: {
    title: 'Invited gminas',
    intro:
      'A call you invite gminas to takes cards only from the invited. Each office gets an e-mail with the link to the call at the address you give.',
    invited: 'Invited gminas',
    none: 'Nobody is invited yet: the call is open to every gmina it is for.',
    gmina: 'Gmina',
    teryt: 'TERYT code',
    email: 'Office e-mail address',
    invitedAt: 'Invited (Polish time)',
    row: (n: number) => `Gmina ${n}`,
    gminaField: 'Gmina: TERYT code (7 digits) or name',
    emailField: 'E-mail address of the gmina’s office',
    emailHint:
      "Left empty: the office's address from the gmina offices' directory. Type an address to send to another.",
    emailFromDirectory: (address: string) =>
      `Address in the gmina offices' directory: ${address}. Leave the field empty to send there, or type another.`,
    emailNotInDirectory:
      "The gmina offices' directory has no address for this gmina: type the office's e-mail address.",
    addRow: 'Add another gmina',
    submit: 'Send the invitations',
    saved: (n: number) => `We sent ${n} ${n === 1 ? 'invitation' : 'invitations'}.`,
  },
  files: {
    title: 'Attachments to the rules',
    none: 'The call has no attachments yet.',
    list: 'List of attachments',
    name: 'File',
    size: 'Size',
    addedAt: 'Added (Polish time)',
    actions: 'Actions',
    remove: (name: string) => `Remove ${name}`,
    removeShort: 'Remove',
    removed: (name: string) => `Attachment ${name} removed.`,
    file: 'File to add',
    fileHint: 'PDF, DOCX or ODT, at most 10 MB. Gminas see it on the call’s page.',
    submit: 'Add the attachment',
    saved: (name: string) => `Attachment ${name} added.`,
    sizeOf: (bytes: number) =>
      bytes >= 1024 * 1024
        ? `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
        : `${Math.max(1, Math.round(bytes / 1024))} kB`,
  },
  history: 'History of changes',
  noHistory: 'The call has not been changed yet.',
  historyAt: 'When (Polish time)',
  historyWho: 'Who',
  historyWhat: 'What',
  events: {
    'call-edited': 'call changed',
    'call-extended': 'extended',
    'call-cancelled': 'cancelled',
    'call-invitations': 'invitations',
    'call-attachment-added': 'attachment added',
    'call-attachment-removed': 'attachment removed',
  },
  errors: {
    title: {
      required: 'Enter the title of the call.',
      too_long: 'The title can have at most 300 characters.',
      _: 'The title must fit on one line without control characters.',
    },
    wojewodztwa: {
      forbidden: 'You can choose only your own voivodeships.',
      not_in_programme: 'Choose only voivodeships of the programme.',
      invited_outside: 'Invited gminas are in a voivodeship you want to untick.',
      _: 'Choose at least one voivodeship.',
    },
    gminaKinds: { _: 'Choose at least one kind of gmina.' },
    opensAt: wallClock('the call opens', '1.12.2026 and 08:00'),
    closesAt: wallClock('the call closes', '31.12.2026 and 23:59'),
    rules: {
      too_long: 'The rules can have at most 10,000 characters.',
      _: 'The rules contain characters that are not allowed. Type them rather than pasting.',
    },
    reason: {
      required: 'Enter the reason.',
      too_long: 'The reason can have at most 2,000 characters.',
      _: 'The reason contains characters that are not allowed. Type it rather than pasting.',
    },
    gmina: {
      required: 'Enter the gmina’s TERYT code or name.',
      not_found: 'No gmina the call is for has that name. Enter its TERYT code.',
      ambiguous: 'Several gminas have that name. Enter the TERYT code (7 digits).',
      teryt: 'A gmina’s TERYT code has 7 digits, e.g. 2601022.',
      wrong_kind: 'The call is not for gminas of this kind.',
      wrong_wojewodztwo: 'This gmina is in a voivodeship the call does not cover.',
      unknown_gmina: 'No gmina has that TERYT code.',
      already_invited: 'This gmina is invited already.',
      duplicate: 'Give each gmina only once.',
      forbidden: 'You can invite only gminas of your voivodeships.',
      _: 'Check the gmina.',
    },
    email: {
      required: 'Enter the e-mail address of the gmina’s office.',
      no_office_address:
        "The gmina offices' directory has no address for this gmina. Type the office's e-mail address or complete the directory (Gmina offices).",
      too_long: 'The e-mail address can have at most 254 characters.',
      _: 'Enter an e-mail address like name@domain.pl.',
    },
    file: {
      required: 'Choose a file.',
      attachment_type: 'The file must be a PDF, DOCX or ODT.',
      attachment_too_large: 'The file can be at most 10 MB.',
      attachment_missing: 'The file did not arrive whole. Add it again.',
      too_many: 'A call can have at most 10 attachments.',
      already_attached: 'This file is attached already.',
      _: 'Could not add the file. Try again.',
    },
    confirm: { _: 'Confirm that you understand cancelling cannot be undone.' },
    _: { _: 'Check the value of this field.' },
  },
};
