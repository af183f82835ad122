/* Rules about text that hold for every contract, with no schema library attached. */

/**
 * A lone UTF-16 surrogate is not text: it cannot be encoded for e-mail or most APIs. (String.prototype
 * .isWellFormed would say the same, but old browsers the clerks use lack it; and a lookbehind, the shorter
 * way to write this, is a syntax error before Safari 16.4 that would stop the whole form from loading.)
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * U+FFFD stands where a decoder met bytes that were not UTF-8 (a body in another encoding, a damaged paste):
 * the letter the clerk typed is lost, so the text is refused rather than stored with the gap.
 */
const REPLACEMENT_CHARACTER = '\uFFFD';

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value) && !value.includes(REPLACEMENT_CHARACTER);
}

/**
 * A text's length as the contracts' limits count it (shared/schemas/text.ts): in characters, not UTF-16
 * units (an emoji is one), after NFC (a letter typed with a combining accent is one) and trimming.
 */
export function textLength(value: string): number {
  return [...value.normalize('NFC').trim()].length;
}
