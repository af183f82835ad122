import * as z from 'zod/mini';
import { isWellFormedText } from '../text.ts';
import { keyed } from '../validation.ts';

/**
 * Text fields as every contract takes them (the card, a call's title and rules). What is stored is what a
 * reader will see: trimmed, in Unicode NFC (so "ó" typed as o + combining accent and as one letter are the
 * same answer with the same receipt hash), and text that shows nothing (zero-width spaces, the braille
 * blank) counts as empty.
 */
function text(max: number, min: number, allowed: RegExp) {
  return z.string(keyed('invalid')).check(
    z.overwrite((value) => {
      const normalised = value.normalize('NFC').trim();
      return VISIBLE.test(normalised) ? normalised : '';
    }),
    z.minLength(min, min === 1 ? 'required' : 'too_short'),
    z.maxLength(max, 'too_long'),
    z.regex(allowed, 'control_characters'),
    z.refine(isWellFormedText, 'malformed_text'),
  );
}

/** A letter, digit, punctuation mark or symbol that leaves a mark (not the braille blank or Hangul fillers). */
const VISIBLE = /(?![\u2800\u115f\u1160\u3164\uffa0])[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): no Polish text needs them,
 * and in a name they can make the panel or an e-mail show the characters in another order than typed.
 */
const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';

/** No control characters and no bidi controls: made once, shared by every field (the schema is built at load). */
const ONE_LINE = new RegExp(`^[^\\p{Cc}${BIDI_CONTROLS}]*$`, 'u');
/** The same, but line breaks and tabs allowed. */
const PARAGRAPHS = new RegExp(`^(?:[^\\p{Cc}${BIDI_CONTROLS}]|[\\t\\n\\r])*$`, 'u');

/** Free text that fits on one line: no control characters, so nothing can smuggle a header into an e-mail. */
export const line = (max: number, min = 1) => text(max, min, ONE_LINE);

/** Longer text: line breaks and tabs allowed, other control characters not. */
export const paragraphs = (max: number, min = 1) => text(max, min, PARAGRAPHS);
