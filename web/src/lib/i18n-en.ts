import { ERROR_MESSAGES_EN } from '../../../shared/messages/errors-en.ts';
import type { Dictionary } from './i18n.ts';

/*
 * Loaded only when someone picks English (see loadDictionary in i18n.ts): most readers are Polish, and the
 * dictionaries grow with every form, so the first download carries one language.
 */

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
  call: {
    loading: 'Loading the call…',
    loadFailed: 'The call could not be loaded',
    notFoundTitle: 'Call not found',
    notFoundBody:
      'There is no call at this address. It may have been removed or the address may be wrong. Check the address or choose a call from the list.',
  },
  notFound: {
    title: 'Page not found',
    body: 'If you typed the address, check that it is correct. If you followed a link, the page may have moved.',
    homeLink: 'Go to the list of calls',
  },
  warsawTime: 'Polish time',
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
  errors: {
    ...ERROR_MESSAGES_EN,
    TIMEOUT: 'The server did not answer within 15 seconds. Check your internet connection and try again.',
    NETWORK: 'Could not connect to the server. Check your internet connection and try again.',
    BAD_RESPONSE: 'The server sent an unexpected answer. Please try again shortly.',
    // The agreements' messages travel with their pages (agreements/errors.ts), as in Polish.
  } as Dictionary['errors'],
  errorReference: (requestId) => `If you report this problem, quote this reference: ${requestId}`,
  retry: 'Try again',
};
