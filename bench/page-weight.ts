import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser.ts';

export interface PageWeight {
  page: string;
  /** Gzipped bytes (level 9) of everything of that kind the page downloaded. */
  javascript: number;
  /** The same JavaScript as Brotli (quality 11), which CloudFront sends to browsers that accept it. */
  javascriptBrotli: number;
  css: number;
  /** The page's HTML document (what the address itself answers), gzipped; 0 for a page reached by a link. */
  html: number;
  data: number;
  files: number;
}

/** A page opened directly (a path), or reached by following its link from another page already shown. */
export type PageVisit = string | { from: string; to: string };

/**
 * What a browser really downloads to show each page: every script, stylesheet and data file it fetched,
 * gzipped as CloudFront would send them. Measured in Chromium, so lazy chunks the route needs are counted
 * and chunks it does not are not. For a page reached from another, only what the link's click added.
 */
/**
 * Runs `action`, then waits until no request has been in flight for 500 ms: Playwright's "networkidle",
 * which a client-side navigation does not reset.
 */
async function quietAfter(tab: Page, action: () => Promise<void>): Promise<void> {
  let inFlight = 0;
  let quietSince = performance.now();
  const started = () => {
    inFlight += 1;
  };
  const ended = () => {
    inFlight -= 1;
    quietSince = performance.now();
  };
  tab.on('request', started);
  tab.on('requestfinished', ended);
  tab.on('requestfailed', ended);
  try {
    await action();
    while (inFlight > 0 || performance.now() - quietSince < 500) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    tab.off('request', started);
    tab.off('requestfinished', ended);
    tab.off('requestfailed', ended);
  }
}

export async function measurePageWeight(
  siteUrl: string,
  pages: Record<string, PageVisit>,
): Promise<PageWeight[]> {
  const browser = await launchBrowser();
  try {
    const weights: PageWeight[] = [];
    for (const [page, path] of Object.entries(pages)) {
      const context = await browser.newContext({ locale: 'pl-PL' });
      const tab = await context.newPage();
      const weight: PageWeight = {
        page,
        javascript: 0,
        javascriptBrotli: 0,
        css: 0,
        html: 0,
        data: 0,
        files: 0,
      };
      const pending: Promise<void>[] = [];
      let counting = typeof path === 'string';
      tab.on('response', (response) => {
        if (!counting) return;
        const type = response.request().resourceType();
        const kind =
          type === 'script'
            ? 'javascript'
            : type === 'stylesheet'
              ? 'css'
              : type === 'document'
                ? 'html'
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
      if (typeof path === 'string') {
        await tab.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
      } else {
        await tab.goto(`${siteUrl}${path.from}`, { waitUntil: 'networkidle' });
        counting = true;
        await quietAfter(tab, async () => {
          await tab.click(`a[href="${path.to}"]`);
          await tab.waitForURL(`${siteUrl}${path.to}`);
        });
      }
      await Promise.all(pending);
      weights.push(weight);
      await context.close();
    }
    return weights;
  } finally {
    await browser.close();
  }
}
