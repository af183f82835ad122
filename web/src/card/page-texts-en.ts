import type { PageTexts } from './page-texts.ts';

/** English texts of the card's pages other than its steps (page-texts.ts); loaded when someone picks English. */

export const en: PageTexts = {
  check: {
    title: 'Check your answers before sending',
    change: 'Change',
    notGiven: 'Not given',
    accepted: 'Yes',
    none: 'None',
    ratio: (ratio) => `${ratio}% of the population`,
    sendHeading: 'Send the application card',
    sendText:
      'By sending the card you confirm that the information is true. Until the deadline you can change or withdraw it.',
    send: 'Send the application card',
    sendChanged: 'Save the changes to the card',
    sending: 'Sending the card…',
    sendFailed: 'The card could not be sent',
    networkRetry: 'The card may not have arrived. Try again: it will not be sent twice.',
    contest:
      'If your gmina’s office did not send this card, contact the centre running the call: it can void the card, and the gmina can then send its own.',
  },
  contact: { heading: 'Contact about this call', email: 'e-mail:', phone: 'phone', hours: 'office hours:' },
  sent: {
    title: 'The application card has been sent',
    titleChanged: 'The changes to the card have been saved',
    reference: 'Application reference',
    referenceHint: 'Keep this reference: quote it whenever you contact the centre about the application.',
    receipt: 'Receipt',
    receivedAt: 'Received',
    version: 'Card version',
    sha256: 'SHA-256 digest of the answers',
    sha256Hint:
      'The digest proves the card has not changed since it was sent: give it on the receipt check page.',
    email:
      'We have e-mailed a confirmation to the contact person. It has a link with which the card can be changed or withdrawn until the deadline.',
    check: 'Check the receipt',
    backToCard: 'Back to the card',
    home: 'Back to the list of calls',
  },
  save: {
    title: 'Save the card and finish later',
    intro:
      'We will e-mail a link to the saved card to the address you give. Open it to carry on, on another computer too.',
    email: 'E-mail address',
    emailHint: 'The link works until the deadline of the call. Do not pass it on to others.',
    submit: 'Send the link',
    saving: 'Saving…',
    failed: 'The card could not be saved',
    doneTitle: 'The card has been saved',
    doneSent: (email) => `We have sent a link to the saved card to ${email}.`,
    doneUpdated: 'We have saved the changes. The link in the e-mail opens the card with these answers.',
    expires: 'The link works until',
  },
  card: {
    titleOf: (gmina) => `Application card of the gmina ${gmina}`,
    loading: 'Loading the card…',
    loadFailed: 'The card could not be loaded',
    noLink:
      'This page opens from the link in the e-mail confirming the card. Open that e-mail and follow the link.',
    linkInvalid:
      'The link is not valid or has expired. Use the link in the latest confirmation e-mail. If the problem persists, contact the centre running the call.',
    call: 'Call',
    status: 'Status',
    statuses: { submitted: 'Sent', withdrawn: 'Withdrawn' },
    reference: 'Application reference',
    version: 'Version',
    receivedAt: 'Received (latest version)',
    sha256: 'SHA-256 digest of the answers',
    editableUntil: 'Can be changed or withdrawn until',
    change: 'Change the card',
    withdraw: 'Withdraw the card',
    closed:
      'The deadline has passed, so the card can no longer be changed or withdrawn. Its answers are below.',
    withdrawn: 'The card has been withdrawn and will not be assessed.',
    resendable: 'Until the deadline you can send it again, with changes if needed.',
    resend: 'Send the card again',
    justWithdrawn: 'The card has been withdrawn. We have e-mailed a confirmation of the withdrawal.',
    withdrawTitle: 'Are you sure you want to withdraw the card?',
    withdrawText: (gmina) =>
      `A withdrawn card of the gmina ${gmina} is not assessed. Until the deadline it can be sent again from this page.`,
    withdrawConfirm: 'Yes, withdraw the card',
    withdrawCancel: 'No, back to the card',
    withdrawing: 'Withdrawing the card…',
    withdrawFailed: 'The card could not be withdrawn',
  },
  cardLink: {
    backToCall: 'Back to the call',
    title: 'A link to the sent card',
    intro:
      'This gmina has already sent an application card in this call. The card can be viewed, changed or withdrawn through the link e-mailed to the contact person named in the card.',
    resendText:
      'If that e-mail did not arrive or went to someone else in the office, we will send a new link. It goes to the same address: the contact person named in the sent card.',
    send: 'Send the link again',
    sending: 'Sending the link…',
    failed: 'The link could not be sent',
    done: "If this gmina has sent a card in this call, we have sent a new link to it to the contact person's e-mail address named in the card. If you cannot see it, check the spam folder. Earlier links still work.",
    notUs:
      'If nobody in the gmina office sent this card, or you cannot reach the address named in it, contact the centre running the call.',
  },
};
