import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/**
 * Text laid out on A4 pages with DejaVu Sans, embedded as a subset (only the glyphs used, so every Polish
 * letter is there and a page of text costs tens of kilobytes, not the font's 740 KB). The font files are
 * DejaVu already cut to the characters Polish documents need (fonts/, made by infra/subset-fonts.ts: 61 and
 * 53 KB, parsed at each render); they lie beside a function's bundle (infra/bundling.ts, LAMBDA_DATA_FILES)
 * and in fonts/ when run from source.
 */
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
const fontCache = new Map<string, Uint8Array>();

function fontBytes(file: string): Uint8Array {
  let bytes = fontCache.get(file);
  if (bytes) return bytes;
  try {
    bytes = readFileSync(new URL(`./${file}`, import.meta.url));
  } catch {
    bytes = readFileSync(new URL(`./fonts/${file}`, import.meta.url));
  }
  fontCache.set(file, bytes);
  return bytes;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Embeds both faces as subsets with fixed names, so the same text gives the same bytes. */
export async function embedFonts(pdf: PDFDocument): Promise<Fonts> {
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(fontBytes(FONT_FILES.regular), { subset: true, customName: 'KOOPAA+DejaVuSans' }),
    pdf.embedFont(fontBytes(FONT_FILES.bold), { subset: true, customName: 'KOOPAB+DejaVuSans-Bold' }),
  ]);
  return { regular, bold };
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

export interface Style {
  font: 'regular' | 'bold';
  size: number;
  /** Space before the block, in points. */
  before?: number;
  align?: 'left' | 'center';
  color?: [number, number, number];
}

/** Writes blocks of text down the page, wrapping words and starting new pages as needed. */
export class PageWriter {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];
  private readonly pdf: PDFDocument;
  private readonly fonts: Fonts;

  constructor(pdf: PDFDocument, fonts: Fonts) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  /** A paragraph: its own line breaks kept, long lines wrapped at spaces. */
  write(text: string, style: Style): void {
    const font = this.fonts[style.font];
    const lineHeight = style.size * 1.4;
    this.y -= style.before ?? 0;
    for (const sourceLine of text.split('\n')) {
      for (const line of wrap(sourceLine, font, style.size, WIDTH)) {
        if (this.y - lineHeight < MARGIN) this.newPage();
        this.y -= lineHeight;
        const width = font.widthOfTextAtSize(line, style.size);
        const x = style.align === 'center' ? MARGIN + (WIDTH - width) / 2 : MARGIN;
        this.page.drawText(line, {
          x,
          y: this.y + style.size * 0.3,
          size: style.size,
          font,
          color: rgb(...(style.color ?? [0.04, 0.05, 0.05])),
        });
      }
    }
  }

  /** Keeps a block of `points` height on one page. */
  keep(points: number): void {
    if (this.y - points < MARGIN) this.newPage();
  }
}

/**
 * Words onto lines no wider than `width`; a word longer than a line (a hash) is cut by characters. Each
 * word is measured once and lines are summed (fontkit lays out every string it measures: measuring each
 * growing line made a three-page agreement take half a second).
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  if (text === '') return [''];
  const measure = (part: string) => font.widthOfTextAtSize(part, size);
  const space = measure(' ');
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of text.split(/ +/)) {
    const wordWidth = measure(word);
    if (current && currentWidth + space + wordWidth <= width) {
      current = `${current} ${word}`;
      currentWidth += space + wordWidth;
      continue;
    }
    if (current) lines.push(current);
    let rest = word;
    let restWidth = wordWidth;
    while (restWidth > width) {
      let cut = Math.max(1, Math.floor((rest.length * width) / restWidth));
      while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
      restWidth = measure(rest);
    }
    current = rest;
    currentWidth = restWidth;
  }
  if (current) lines.push(current);
  return lines;
}

/** A footer line with "strona 2 z 5" at the bottom of every page from `from` on (counted from there). */
export function numberPages(pdf: PDFDocument, fonts: Fonts, footer: string, from = 0): void {
  const pages = pdf.getPages().slice(from);
  for (const [index, page] of pages.entries()) {
    const text = `${footer} · strona ${index + 1} z ${pages.length}`;
    const size = 8;
    const lines = wrap(text, fonts.regular, size, WIDTH);
    lines.forEach((line, at) => {
      page.drawText(line, {
        x: MARGIN,
        y: MARGIN / 2 - at * size * 1.3,
        size,
        font: fonts.regular,
        color: rgb(0.3, 0.33, 0.35),
      });
    });
  }
}
