/* Rules about text that hold for every contract, with no schema library attached. */

/**
 * A lone UTF-16 surrogate is not text: it cannot be encoded for e-mail or most APIs. (String.prototype
 * .isWellFormed would say the same, but old browsers the clerks use lack it.)
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}
