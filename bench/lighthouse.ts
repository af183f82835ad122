// Lighthouse (mobile profile, simulated slow 4G and a slow CPU) on the built site (bench/built-site.ts):
// what a clerk on a rural link would get from CloudFront.
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

/** Runs per page; the median is reported (a single run on a shared 2-vCPU VM swings by ±5 points). */
export const LIGHTHOUSE_RUNS = 5;

export interface LighthouseFigures {
  page: string;
  /** The median run's score. */
  performance: number;
  /** Every run's score, lowest first. */
  performanceRuns: number[];
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
      const runs: LighthouseFigures[] = [];
      for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
        runs.push(await audit(chrome.port, page, `${siteUrl}${path}`));
      }
      // Lighthouse's own advice on variability: several runs, report the median one (by performance).
      const sorted = runs.sort((a, b) => a.performance - b.performance);
      const median = sorted[Math.floor(sorted.length / 2)] as LighthouseFigures;
      figures.push({ ...median, performanceRuns: sorted.map((run) => run.performance) });
    }
    return figures;
  } finally {
    chrome.kill();
  }
}

async function audit(port: number, page: string, url: string): Promise<LighthouseFigures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { categories, audits } = result.lhr;
  if (process.env.LIGHTHOUSE_DEBUG) {
    for (const entry of Object.values(audits)) {
      if (entry.score !== null && entry.score < 0.9 && entry.scoreDisplayMode !== 'informative') {
        console.log(page, entry.id, entry.score, entry.displayValue ?? '');
      }
    }
  }
  const performance = Math.round((categories.performance?.score ?? 0) * 100);
  return {
    page,
    performance,
    performanceRuns: [performance],
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    firstContentfulPaintMs: audits['first-contentful-paint']?.numericValue ?? 0,
    largestContentfulPaintMs: audits['largest-contentful-paint']?.numericValue ?? 0,
    totalBlockingTimeMs: audits['total-blocking-time']?.numericValue ?? 0,
  };
}
