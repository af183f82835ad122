import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/support/browser.ts';

export interface PageWeight {
  page: string;
  /** Gzipped bytes (level 9) of everything of that kind the page downloaded. */
  javascript: number;
  /** The same JavaScript as Brotli (quality 11), which CloudFront sends to browsers that accept it. */
  javascriptBrotli: number;
  css: number;
  data: number;
  files: number;
}

/**
 * What a browser really downloads to show each page when opened directly: every script, stylesheet and
 * data file it fetched, gzipped as CloudFront would send them. Measured in Chromium, so lazy chunks the
 * route needs are counted and chunks it does not are not.
 */
export async function measurePageWeight(
  siteUrl: string,
  pages: Record<string, string>,
): Promise<PageWeight[]> {
  const browser = await launchBrowser();
  try {
    const weights: PageWeight[] = [];
    for (const [page, path] of Object.entries(pages)) {
      const context = await browser.newContext({ locale: 'pl-PL' });
      const tab = await context.newPage();
      const weight: PageWeight = { page, javascript: 0, javascriptBrotli: 0, css: 0, data: 0, files: 0 };
      const pending: Promise<void>[] = [];
      tab.on('response', (response) => {
        const type = response.request().resourceType();
        const kind =
          type === 'script'
            ? 'javascript'
            : type === 'stylesheet'
              ? 'css'
              : type === 'fetch' && !response.url().includes('/api/')
                ? 'data'
                : undefined;
        if (!kind) return;
        pending.push(
          response.body().then((body) => {
            weight[kind] += gzipSync(body, { level: 9 }).byteLength;
            if (kind === 'javascript') {
              weight.javascriptBrotli += brotliCompressSync(body, {
                params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
              }).byteLength;
            }
            weight.files += 1;
          }),
        );
      });
      await tab.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      weights.push(weight);
      await context.close();
    }
    return weights;
  } finally {
    await browser.close();
  }
}
