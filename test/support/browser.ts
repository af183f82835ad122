import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_VIEWER_HEADER } from './http.ts';

/** Flags that keep Chromium from calling home, which a closed network answers with a flood of errors. */
const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Headless Chromium: CHROME_PATH if set, else Debian's /usr/bin/chromium, else the Chromium that the npm
 * package @sparticuz/chromium unpacks (so `npm install && npm test` works where apt is not available).
 */
export async function launchBrowser(): Promise<Browser> {
  const explicit =
    process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (explicit) {
    return chromium.launch({
      executablePath: explicit,
      args: ['--no-sandbox', '--disable-gpu', ...QUIET_FLAGS],
    });
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  // Its args are tuned for Lambda; --single-process there ends the browser when a test closes its context.
  const args = sparticuz.args.filter((arg) => arg !== '--single-process');
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: [...args, ...QUIET_FLAGS],
  });
}

/** WCAG 2.1 A and AA, as axe-core checks them; the violations are listed when there are any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(violations).toEqual([]);
}

/**
 * A page in a context of its own (nothing shared with other tests, as on another computer at an address of
 * its own), Polish and in Warsaw unless told otherwise, collecting page errors and console errors. The CSP
 * forbids inline code, so a violation shows up here even when the page looks right; the browser's own
 * "Failed to load resource" lines for 4xx answers are expected and left out.
 */
export async function openPage(
  browser: Browser,
  timezoneId = 'Europe/Warsaw',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // A viewer address of its own (the e2e stack's edge takes it from this header): one run of every file
  // from 127.0.0.1 would share the per-client limits, e.g. 20 sign-in links an hour, which no person does.
  const viewer = `198.18.${randomInt(256)}.${randomInt(1, 255)}:443`;
  const context = await browser.newContext({
    locale: 'pl-PL',
    timezoneId,
    extraHTTPHeaders: { [TEST_VIEWER_HEADER]: viewer },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      errors.push(message.text());
  });
  return { context, page, errors };
}
