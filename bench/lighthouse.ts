// Lighthouse (mobile profile, simulated slow 4G and a slow CPU) on the built site, served by `vite
// preview` in front of the local API: what a clerk on a rural link would get from CloudFront.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { REPO_DIR } from '../functions/local/paths.ts';
import { freePort, httpAnswers, startProcess, waitUntilReady } from '../functions/local/processes.ts';
import { startLocalStack } from '../functions/local/stack.ts';

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

export async function benchLighthouse(pages: Record<string, string>): Promise<LighthouseFigures[]> {
  const stack = await startLocalStack({
    ports: {
      web: await freePort(),
      api: await freePort(),
      dynamodb: await freePort(),
      ses: await freePort(),
    },
    persist: false,
    echo: false,
    web: false,
  });
  const vite = join(REPO_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const port = await freePort();
  const env = { KOOPERACJA_API_URL: stack.urls.api };
  const build = startProcess('web', process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], {
    cwd: REPO_DIR,
    env,
    echo: false,
  });
  await new Promise((resolve) => build.child.once('exit', resolve));
  const preview = startProcess(
    'web',
    process.execPath,
    [vite, 'preview', '--config', 'web/vite.config.ts', '--port', String(port), '--strictPort'],
    { cwd: REPO_DIR, env, echo: false },
  );
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
    const site = `http://localhost:${port}`;
    await waitUntilReady(preview, () => httpAnswers(site));
    const figures: LighthouseFigures[] = [];
    for (const [page, path] of Object.entries(pages)) {
      const result = await lighthouse(`${site}${path}`, {
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
    await preview.stop();
    await stack.stop();
  }
}
