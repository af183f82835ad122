// Lighthouse (mobile profile, simulated slow 4G and a slow CPU) on the built site (bench/built-site.ts):
// what a clerk on a rural link would get from CloudFront.
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseFigures {
  page: string;
  performance: number;
  accessibility: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
}

async function chromePath(): Promise<string> {
  const explicit =
    process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (explicit) return explicit;
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return sparticuz.executablePath();
}

/** Lighthouse's default mobile profile: a mid-range phone on a slow 4G link (simulated). */
export async function benchLighthouse(
  siteUrl: string,
  pages: Record<string, string>,
): Promise<LighthouseFigures[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: await chromePath(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const figures: LighthouseFigures[] = [];
    for (const [page, path] of Object.entries(pages)) {
      const result = await lighthouse(`${siteUrl}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      const { categories, audits } = result.lhr;
      if (process.env.LIGHTHOUSE_DEBUG) {
        for (const audit of Object.values(audits)) {
          if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative') {
            console.log(page, audit.id, audit.score, audit.displayValue ?? '');
          }
        }
      }
      figures.push({
        page,
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        firstContentfulPaintMs: audits['first-contentful-paint']?.numericValue ?? 0,
        largestContentfulPaintMs: audits['largest-contentful-paint']?.numericValue ?? 0,
        totalBlockingTimeMs: audits['total-blocking-time']?.numericValue ?? 0,
      });
    }
    return figures;
  } finally {
    chrome.kill();
  }
}
