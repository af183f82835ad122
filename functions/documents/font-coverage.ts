/**
 * The characters the agreements' PDF fonts hold (infra/subset-fonts.ts cuts DejaVu Sans to them): Basic
 * Latin, Latin-1 and Latin Extended-A (every Polish letter, and the Czech, Slovak, German, Lithuanian…
 * ones a name may have), Romanian ș ț, typographic punctuation („…”, –, —, …, •), arrows (the audit
 * trail's "→"), € and №. A character outside it prints as the font's empty box: Cyrillic and Greek, which
 * the whole font had, are not kept.
 */
const ranges: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x218, 0x21b],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x2190, 0x2195],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
];

export const POLISH_PDF_CODE_POINTS: readonly number[] = ranges.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index),
);
