import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';

/**
 * The production build (what CloudFront serves, with its Content-Security-Policy) rather than the dev
 * server's modules: its chunks load, nothing breaks the CSP, and the form checks a step with zod in its
 * no-eval mode. The other e2e tests cover behaviour on the dev server.
 */
const builtSiteUrl = inject('builtSiteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the production build', () => {
  it('shows the calls, a call and the form, moves to the next step, and opens the check page, with no CSP violation or error', async () => {
    const { context, page, errors } = await openPage(browser);
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      // A script answered from the cache on a later visit (304) has no body to read; its first answer did.
      if (response.request().resourceType() === 'script' && response.ok()) scripts.push(response.text());
    });
    const response = await page.goto(builtSiteUrl);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Every address gets the same HTML: its title names no page until the page in view names itself.
    expect(await response?.text()).toContain('<title>Kooperacja</title>');
    await expect.poll(() => page.locator('.call-summary').count()).toBe(11);

    await page.locator('.call-summary a', { hasText: 'świętokrzyskiego' }).click();
    await page.getByRole('heading', { level: 2, name: 'Zasady naboru' }).waitFor();
    await page.getByRole('link', { name: 'Wypełnij kartę zgłoszeniową' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    await page.fill('#f-teryt', 'oksa');
    await page.locator('#gmina-2602052').check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dane urzędu gminy' }).waitFor();
    // An empty step is refused by the shared schema, in the browser.
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.locator('.error-summary').waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`${builtSiteUrl}/nabory/liderzy-kooperacji-26/zgloszenie/sprawdz`);
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();
    await expectNoAxeViolations(page);

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    // A regular expression with a lookbehind is a syntax error before Safari 16.4: one in any chunk would
    // stop the form from loading at all in Safari 14, which the build targets. Chromium cannot tell.
    const lookbehinds = (await Promise.all(scripts)).flatMap((code) => code.match(/\(\?<[!=]/g) ?? []);
    expect(scripts.length).toBeGreaterThan(2);
    expect(lookbehinds).toEqual([]);
    await context.close();
  });

  it('answers the two public checks, whose shared module each route carries a copy of (no chunk of its own)', async () => {
    const { context, page, errors } = await openPage(browser);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    // Well-formed questions that match nothing: each page's verdict, drawn by components/digest-check.tsx.
    await page.goto(`${builtSiteUrl}/potwierdzenie?ref=KZ-AAAA-AAAA&sha256=${'0'.repeat(64)}`);
    await page.getByRole('heading', { level: 2, name: 'Nie znaleziono takiego potwierdzenia' }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`${builtSiteUrl}/porozumienie/weryfikacja?id=pz aaaa aaaa&sha256=x`);
    await page.locator('.error-summary').getByText('Wpisz skrót SHA-256', { exact: false }).waitFor();
    expect(await page.inputValue('#f-id')).toBe('pz aaaa aaaa');
    await page.fill('#f-sha256', '0'.repeat(64));
    await page.getByRole('button', { name: 'Sprawdź' }).click();
    await page.getByRole('heading', { level: 2, name: 'To nie jest podpisane porozumienie' }).waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toBe('PZ-AAAA-AAAA');
    await expectNoAxeViolations(page);
    expect(scripts.filter((url) => url.includes('digest-check'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
