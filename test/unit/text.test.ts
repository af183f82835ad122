import { describe, expect, it } from 'vitest';
import { nestedInQuotes } from '../../shared/quotes.ts';
import { line, paragraphs } from '../../shared/schemas/text.ts';
import { isWellFormedText, textLength } from '../../shared/text.ts';
import { issuesToFieldErrors } from '../../shared/validation.ts';

function verdict(schema: ReturnType<typeof line>, value: string): string {
  const result = schema.safeParse(value);
  return result.success ? `ok:${result.data}` : (issuesToFieldErrors(result.error.issues)._ as string);
}

describe('text as every contract takes it', () => {
  it.each<[string, string]>([
    ['  Oksa  ', 'ok:Oksa'],
    // A combining accent is stored as the one letter it shows.
    ['Jo\u0301zef', 'ok:J\u00f3zef'],
    ['\u200b\u200b', 'required'],
    ['\u2800', 'required'],
    ['   ', 'required'],
    ['Anna\nNowak', 'control_characters'],
    ['Anna \u202eakwoN', 'control_characters'],
    ['Anna \u2066x\u2069', 'control_characters'],
    ['Anna \ud800', 'malformed_text'],
    ['Anna \ufffd', 'malformed_text'],
    ['Anna 😀', 'ok:Anna 😀'],
  ])('one line %j: %s', (value, expected) => {
    expect(verdict(line(20), value)).toBe(expected);
  });

  it('keeps line breaks and tabs in paragraphs, and lets an optional one be empty', () => {
    expect(verdict(paragraphs(20), 'a\r\n\tb')).toBe('ok:a\r\n\tb');
    expect(verdict(paragraphs(20, 0), '\u200b')).toBe('ok:');
    expect(verdict(paragraphs(20), 'a\u0007')).toBe('control_characters');
  });

  it('counts length as the character counter shows it: an emoji or an accented letter is one', () => {
    for (const value of ['😀'.repeat(5), 'a\u0328'.repeat(5), ` ${'ż'.repeat(5)} `, 'abcde']) {
      expect(textLength(value)).toBe(5);
      expect(paragraphs(5).safeParse(value).success).toBe(true);
      expect(paragraphs(4).safeParse(value).success).toBe(false);
    }
  });

  it('tells well-formed text from lone surrogates and lost letters', () => {
    expect(isWellFormedText('a😀b')).toBe(true);
    expect(isWellFormedText('\ud83d')).toBe(false);
    expect(isWellFormedText('\ude00x')).toBe(false);
    expect(isWellFormedText('😀\ude00')).toBe(false);
    expect(isWellFormedText('\ufffd')).toBe(false);
  });
});

describe('a title in quotation marks', () => {
  it('nests the quotation marks inside it as Polish typography does', () => {
    expect(nestedInQuotes('Nabór do projektu „Liderzy kooperacji”')).toBe(
      'Nabór do projektu «Liderzy kooperacji»',
    );
    expect(nestedInQuotes('Nabór 2027')).toBe('Nabór 2027');
  });
});
