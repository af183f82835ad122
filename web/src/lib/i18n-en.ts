import { ERROR_MESSAGES_EN } from '../../../shared/messages/errors-en.ts';
import type { Dictionary } from './i18n.ts';

/*
 * Loaded only when someone picks English (see loadDictionary in i18n.ts): most readers are Polish, and the
 * dictionaries grow with every form, so the first download carries one language.
 */

const enPlural = new Intl.PluralRules('en-GB');

/** English: same keys as Polish — a missing or extra key is a type error. */
export const en: Dictionary = {
  locale: 'en-GB',
  serviceName: 'Kooperacja',
  pageTitle: (page) => `${page} — Kooperacja`,
  skipLink: 'Skip to main content',
  header: {
    homeLink: 'Kooperacja — home page',
    navLabel: 'Main menu',
    calls: 'Calls',
    languageSwitchLabel: 'Page language',
  },
  footer: {
    euFunding: 'This project is co-financed by the European Union through the European Social Fund.',
    operator: 'The service is run by the regional social policy centres.',
  },
  pageLoading: 'Loading the page…',
  pageLoadFailed: {
    title: 'The page could not be loaded',
    body: 'The connection may have been interrupted or the service was updated meanwhile. Reload the page to try again.',
    reload: 'Reload the page',
  },
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
    titleWhileLoading: 'Call',
    loading: 'Loading the call…',
    backToList: 'Back to the list of calls',
    loadFailed: 'The call could not be loaded',
    rulesHeading: 'Rules of the call',
    noRules: 'The organiser has not published the rules of this call yet.',
    closed: 'This call has closed. Applications are no longer accepted.',
    startCard: 'Fill in the application card',
    startCardHint:
      'The card is filled in a few steps. Have ready the NIP and REGON of the gmina, the details of a contact ' +
      'person, the social assistance centre and the district family support centre, and last year’s figures on ' +
      'population and social assistance. You can save the card and finish it later.',
    notYetOpen: 'This call has not opened yet.',
    notFoundTitle: 'Call not found',
    notFoundBody:
      'There is no call at this address. It may have been removed or the address may be wrong. Check the address or choose a call from the list.',
  },
  notFound: {
    title: 'Page not found',
    body: 'If you typed the address, check that it is correct. If you followed a link, the page may have moved.',
    homeLink: 'Go to the list of calls',
  },
  facts: {
    programme: 'Programme',
    wojewodztwa: (n) => (n === 1 ? 'Voivodeship' : 'Voivodeships'),
    gminaKinds: 'Who can apply',
    opensAt: 'Opens',
    closesAt: 'Deadline',
    warsawTime: 'Polish time',
  },
  // Proper names: the English service keeps the Polish names, as Statistics Poland does in English.
  wojewodztwa: {
    '02': 'Dolnośląskie',
    '04': 'Kujawsko-Pomorskie',
    '06': 'Lubelskie',
    '08': 'Lubuskie',
    '10': 'Łódzkie',
    '12': 'Małopolskie',
    '14': 'Mazowieckie',
    '16': 'Opolskie',
    '18': 'Podkarpackie',
    '20': 'Podlaskie',
    '22': 'Pomorskie',
    '24': 'Śląskie',
    '26': 'Świętokrzyskie',
    '28': 'Warmińsko-Mazurskie',
    '30': 'Wielkopolskie',
    '32': 'Zachodniopomorskie',
  },
  gminaKinds: {
    wiejska: 'rural gminas',
    'miejsko-wiejska': 'urban-rural gminas',
    miejska: 'urban gminas',
  },
  errors: {
    ...ERROR_MESSAGES_EN,
    TIMEOUT: 'The server did not answer within 15 seconds. Check your internet connection and try again.',
    NETWORK: 'Could not connect to the server. Check your internet connection and try again.',
    BAD_RESPONSE: 'The server sent an unexpected answer. Please try again shortly.',
  },
  errorReference: (requestId) => `If you report this problem, quote this reference: ${requestId}`,
  retry: 'Try again',
};
