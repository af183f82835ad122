import type { TCall } from './schemas/programme.ts';

/**
 * The version of the karta zgłoszeniowa this code knows (shared/schemas/card.ts). A call set up for another
 * version takes no cards here, in the site or the API: its answers would be checked against the wrong
 * contract. A module of its own, importing nothing, so the pages that only show calls carry a few bytes of
 * it and not the schema or the time functions.
 */
export const CARD_FORM_VERSION = 1;

export function takesThisCardForm(call: Pick<TCall, 'formVersion'>): boolean {
  return call.formVersion === CARD_FORM_VERSION;
}
