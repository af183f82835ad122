import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { linkToken, validAnswers } from '../support/cards.ts';
import { stackMailTo } from '../support/mail.ts';

/**
 * A clerk may type anything, markup included: every page that shows the answers shows it as the text it
 * is, and none of it runs. Followed through the check page, the card's own page and the coordinators'
 * card view, in the browser.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const COORDINATOR = 'koordynator.14@kooperacja.example';
const MOTIVATION = '<img src=x onerror="window.__ran=1"> Chcemy <b>współpracować</b> & uczyć się.';
const EXPECTATIONS = '<script>window.__ran=2</script> Wymiany doświadczeń.';
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  const opened = await openPage(browser);
  ({ page, errors: pageErrors } = opened);
  return () => opened.context.close();
});

async function mailsTo(address: string) {
  return await stackMailTo(inject('dynamodbUrl'), inboxUrl, address);
}

/** The answers are on the page as typed, as text: no element came of them and no script of theirs ran. */
async function expectShownAsText(target: Page): Promise<void> {
  const main = (await target.textContent('main')) ?? '';
  expect(main).toContain(MOTIVATION);
  expect(main).toContain(EXPECTATIONS);
  expect(await target.locator('main img, main b, main script').count()).toBe(0);
  expect(await target.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
}

describe('markup typed into a card', () => {
  it('is shown as text on the check page, the card page and in the coordinators’ panel', async () => {
    // Stromiec (powiat białobrzeski), mazowieckie: its card starts at the check page, as after the steps.
    const answers = validAnswers('1401052', '1401');
    const email = `stromiec.${Date.now()}@gmina.example`;
    answers.contacts.contact.email = email;
    answers.motivation = { motivation: MOTIVATION, expectations: EXPECTATIONS };
    await page.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
      'kooperacja.karta.liderzy-kooperacji-14',
      JSON.stringify({ answers, serverErrors: {} }),
    ] as const);
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-14/zgloszenie/sprawdz`);
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();
    await expectShownAsText(page);

    await page.getByRole('button', { name: 'Wyślij kartę zgłoszeniową' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa została wysłana' }).waitFor();
    await expect.poll(() => mailsTo(email)).toHaveLength(1);
    const [confirmation] = await mailsTo(email);
    await page.goto(`${siteUrl}/karta#t=${linkToken(confirmation as never, '#t=')}`);
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Stromiec' }).waitFor();
    await expectShownAsText(page);
    await expectNoAxeViolations(page);

    // The coordinator of mazowieckie reads the same card in the panel.
    await page.goto(`${siteUrl}/admin/logowanie`);
    await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
    await page.goto(`${siteUrl}/admin/karty/liderzy-kooperacji-14/1401052`);
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Stromiec' }).waitFor();
    await expectShownAsText(page);
    expect(pageErrors).toEqual([]);
  });
});
