import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { fillAgreementTemplate } from '../../functions/documents/agreement-template.ts';
import { POLISH_PDF_CODE_POINTS } from '../../functions/documents/font-coverage.ts';

/**
 * The agreements' PDF fonts are DejaVu cut to the characters Polish documents need (infra/subset-fonts.ts,
 * committed): every character of the coverage has its glyph in both faces, and so has every character the
 * template itself writes (a new one there means making the fonts again).
 */
const faces = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => ({
  file,
  font: fontkit.create(readFileSync(new URL(`../../functions/documents/fonts/${file}`, import.meta.url))),
}));

describe('the PDF fonts', () => {
  it.each(faces)('$file has a glyph for every character of the coverage', ({ font }) => {
    const missing = POLISH_PDF_CODE_POINTS.filter((code) => code !== 0x20 && code !== 0xa0)
      .filter((code) => !font.hasGlyphForCodePoint(code))
      .map((code) => `U+${code.toString(16).toUpperCase()}`);
    expect(missing).toEqual([]);
    for (const letter of 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–—…→§')
      expect(font.hasGlyphForCodePoint(letter.codePointAt(0) ?? 0)).toBe(true);
  });

  it('covers every character of the agreement template', () => {
    const text = fillAgreementTemplate({
      kind: 'three-party',
      programmeName: 'Liderzy kooperacji',
      callTitle: 'Nabór „świętokrzyski” — gminy wiejskie',
      programmeStartsOn: '2026-01-01',
      programmeEndsOn: '2027-12-31',
      milestones: [],
      parties: (['gmina', 'powiat', 'wojewodztwo'] as const).map((role) => ({
        role,
        name: 'Gmina Łopuszno',
        address: 'ul. Jana Pawła II 6, 26-070 Łopuszno',
        representative: 'Wójt Gminy Łopuszno',
        institution: 'Gminny Ośrodek Pomocy Społecznej w Łopusznie',
      })),
      place: 'Kielcach',
    });
    const covered = new Set(POLISH_PDF_CODE_POINTS);
    const outside = [...new Set(text)].filter(
      (char) => char !== '\n' && !covered.has(char.codePointAt(0) ?? 0),
    );
    expect(outside).toEqual([]);
  });
});
