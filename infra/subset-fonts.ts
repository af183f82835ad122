import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { POLISH_PDF_CODE_POINTS } from '../functions/documents/font-coverage.ts';

/**
 * Makes the agreements' PDF fonts (functions/documents/fonts/): DejaVu Sans and DejaVu Sans Bold cut to the
 * characters Polish documents need (font-coverage.ts), once, here, rather than the whole fonts (740 and
 * 690 KB) beside every function and parsed at every render. Run after changing the coverage or the
 * dejavu-fonts-ttf package: `node infra/subset-fonts.ts` (needs the dev dependency subset-font, HarfBuzz's
 * hb-subset as WebAssembly); a unit test checks the files hold every character of the coverage.
 */
const require = createRequire(import.meta.url);
const subsetFont = require('subset-font') as (
  font: Buffer,
  text: string,
  options: { targetFormat: 'truetype' },
) => Promise<Buffer>;

const text = String.fromCodePoint(...POLISH_PDF_CODE_POINTS);
for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
  const whole = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  const subset = await subsetFont(whole, text, { targetFormat: 'truetype' });
  writeFileSync(new URL(`../functions/documents/fonts/${file}`, import.meta.url), subset);
  console.log(`${file}: ${whole.byteLength} → ${subset.byteLength} bytes`);
}
