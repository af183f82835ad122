import type { CallsTexts } from './texts.ts';

const enPlural = new Intl.PluralRules('en-GB');

/** English texts of the list of calls and a call's page: same keys as Polish (texts.ts). */
export const en: CallsTexts = {
  home: {
    title: 'Calls',
    heading: 'Calls for gminas to join cooperation projects',
    intro:
      'On this service a gmina (municipality) can apply to cooperation projects run by regional social policy ' +
      'centres and funded by the European Union. Below are the calls open for applications now. Choose a call ' +
      'to read its rules and check its deadline.',
    openCalls: 'Open calls',
    loading: 'Loading the list of calls…',
    found: (n) => `${n} open ${enPlural.select(n) === 'one' ? 'call' : 'calls'} found.`,
    empty: 'There are no open calls at the moment.',
    emptyHint:
      'Check again later or ask the regional social policy centre of your voivodeship about planned calls.',
    loadFailed: 'The list of calls could not be loaded',
  },
  call: {
    cancelled: (date: string) => `This call was cancelled on ${date}. It no longer takes applications.`,
    cancelledReason: 'Reason for the cancellation:',
    invitedOnly: 'This call is only for the gminas its organiser invited.',
    invitedList: 'Invited gminas:',
    invitationFor: (gmina: string) => `Invitation for the gmina of ${gmina}`,
    invitationHint: 'The application card form opens with this gmina chosen.',
    notInvited: (gmina: string) =>
      `The gmina of ${gmina} is not invited to this call and cannot send an application card to it.`,
    notInvitedHint:
      'Only the gminas listed below can send a card. If your gmina was invited, open the link in the e-mail its office received.',
    attachmentsHeading: 'Documents of the call',
    attachmentSize: (size: string, type: string) => `${type}, ${size}`,
    contactHeading: 'Contact about this call',
    contactIntro: (n: number) =>
      n === 1
        ? 'Questions about the call and the application card go to the centre running it:'
        : 'Questions about the call and the application card go to the centre of your gmina’s voivodeship:',
    contactAddress: 'Address',
    contactEmail: 'E-mail',
    contactPhone: 'Phone',
    contactHours: 'Office hours',
    dataHeading: 'Personal data',
    dataController: (wojewodztwo: string, controller: string) =>
      `${wojewodztwo} voivodeship: the controller of the personal data given in application cards is ${controller}.`,
    dataIod: (email: string, address: string) => `Data protection officer: ${email}, ${address}.`,
    titleWhileLoading: 'Call',
    backToList: 'Back to the list of calls',
    rulesHeading: 'Rules of the call',
    noRules: 'The organiser has not published the rules of this call yet.',
    closed: 'This call has closed. Applications are no longer accepted.',
    startCard: 'Fill in the application card',
    startCardHint:
      'The card is filled in a few steps. Have ready the NIP and REGON of the gmina, the details of a contact ' +
      'person, the social assistance centre and the district family support centre, and last year’s figures on ' +
      'population and social assistance. You can save the card and finish it later.',
    notYetOpen: 'This call has not opened yet.',
  },
  facts: {
    programme: 'Programme',
    wojewodztwa: (n) => (n === 1 ? 'Voivodeship' : 'Voivodeships'),
    gminaKinds: 'Who can apply',
    opensAt: 'Opens',
    closesAt: 'Deadline',
  },
  gminaKinds: {
    wiejska: 'rural gminas',
    'miejsko-wiejska': 'urban-rural gminas',
    miejska: 'urban gminas',
  },
};
