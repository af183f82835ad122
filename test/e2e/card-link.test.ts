import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ZCardReceipt, ZCardView } from '../../shared/schemas/submission.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { linkToken, sendCard, validAnswers } from '../support/cards.ts';
import { stackMailTo } from '../support/mail.ts';

/** The card's own page, opened from the link in the confirmation e-mail: read, changed, withdrawn. */
const siteUrl = inject('siteUrl');
const apiUrl = inject('apiUrl');
const inboxUrl = inject('inboxUrl');
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

async function mailsTo(email: string) {
  return await stackMailTo(inject('dynamodbUrl'), inboxUrl, email);
}

describe('the card page', () => {
  it('opens from the confirmation e-mail, shows the card, changes it and withdraws it', async () => {
    // Drelów (powiat bialski) in the lubelskie call, sent through the API as the form would.
    const answers = validAnswers('0601042');
    const email = `drelow.${Date.now()}@gmina.example`;
    answers.contacts.contact.email = email;
    const response = await sendCard(apiUrl, 'liderzy-kooperacji-06', answers);
    expect(response.status).toBe(201);
    const receipt = ZCardReceipt.parse(await response.json());
    await expect.poll(() => mailsTo(email)).toHaveLength(1);
    const [confirmation] = await mailsTo(email);
    if (!confirmation) throw new Error('no confirmation e-mail');
    const token = linkToken(confirmation, '#t=');

    await page.goto(`${siteUrl}/karta#t=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Drelów' }).waitFor();
    // The token leaves the address bar at once; the tab keeps it for its session.
    expect(page.url()).toBe(`${siteUrl}/karta`);
    const facts = await page.textContent('dl.facts');
    expect(facts).toContain(receipt.reference);
    expect(facts).toContain('Wysłana');
    expect(facts).toContain(receipt.sha256);
    expect(await page.textContent('main')).toContain('ul. Główna 1');
    await expectNoAxeViolations(page);

    // A change: the same steps, prefilled, sent with PUT as version 2.
    await page.getByRole('link', { name: 'Zmień kartę' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dane urzędu gminy' }).waitFor();
    expect(await page.inputValue('#f-nip')).toBe('5261040828');
    await page.fill('#f-address-street', 'ul. Główna 2');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Osoba do kontaktu i ośrodek pomocy społecznej' })
      .waitFor();
    await page.goto(`${siteUrl}/karta/zmiana/sprawdz`);
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();
    expect(await page.textContent('main')).toContain('ul. Główna 2');
    await page.getByRole('button', { name: 'Zapisz zmiany w karcie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zmiany w karcie zostały zapisane' }).waitFor();
    expect(await page.textContent('.reference')).toBe(receipt.reference);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Wróć do karty' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Drelów' }).waitFor();
    await expect.poll(() => page.textContent('main')).toContain('ul. Główna 2');

    // Withdrawal asks first, then says it is done.
    await page.getByRole('link', { name: 'Wycofaj kartę' }).click();
    await page.getByRole('heading', { level: 1, name: 'Czy na pewno wycofać kartę zgłoszeniową?' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Tak, wycofaj kartę' }).click();
    await page.getByText('Karta została wycofana. Wysłaliśmy e-mail').waitFor();
    expect(new URL(page.url()).pathname).toBe('/karta');
    expect(await page.textContent('dl.facts')).toContain('Wycofana');
    expect(await page.getByRole('link', { name: 'Wycofaj kartę' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    const view = ZCardView.parse(
      await (
        await fetch(`${apiUrl}/api/cards/current`, { headers: { authorization: `Bearer ${token}` } })
      ).json(),
    );
    expect(view.status).toBe('withdrawn');
    expect(view.version).toBe(2);
    await expect
      .poll(async () => (await mailsTo(email)).map((mail) => mail.subject.split(' ')[0]))
      .toEqual(expect.arrayContaining(['Potwierdzenie', 'Zmiana', 'Wycofanie']));
    expect(pageErrors).toEqual([]);
  });

  it('says what to do when opened without a link or with a link that does not work', async () => {
    await page.goto(`${siteUrl}/karta`);
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa' }).waitFor();
    expect(await page.textContent('main')).toContain('odnośnikiem z e-maila');
    await expectNoAxeViolations(page);

    await page.goto(`${siteUrl}/karta#t=${'x'.repeat(43)}`);
    await page.getByText('Odnośnik jest nieprawidłowy albo wygasł').waitFor();
    await expectNoAxeViolations(page);
  });
});

describe('the receipt check', () => {
  it('confirms a receipt from its link and rejects a wrong digest', async () => {
    const answers = validAnswers('0601052');
    answers.contacts.contact.email = `janow.${Date.now()}@gmina.example`;
    const response = await sendCard(apiUrl, 'liderzy-kooperacji-06', answers);
    const receipt = ZCardReceipt.parse(await response.json());

    await page.goto(`${siteUrl}/potwierdzenie?ref=${receipt.reference}&sha256=${receipt.sha256}`);
    await page.getByRole('heading', { level: 2, name: 'Potwierdzenie jest prawdziwe' }).waitFor();
    expect(await page.textContent('main')).toContain('Janów Podlaski');
    expect(await page.inputValue('#f-ref')).toBe(receipt.reference);
    await expectNoAxeViolations(page);

    // Asked while the link is down: the check fails; "Sprawdź" again (the same question) asks again.
    await page.fill('#f-sha256', '0'.repeat(64));
    await page.route('**/api/receipts/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Sprawdź' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nie udało się sprawdzić potwierdzenia' }).waitFor();
    await page.unroute('**/api/receipts/**');
    await page.getByRole('button', { name: 'Sprawdź' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nie znaleziono takiego potwierdzenia' }).waitFor();
    // The pressed button went with the rebuilt form: the verdict has the focus, and Tab goes on from it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('verdict');

    // The reference as people copy it from paper or a phone call: lower case, no dashes, spaces.
    await page.fill(
      '#f-ref',
      ` ${receipt.reference
        .replaceAll('-', '')
        .toLowerCase()
        .replace(/(.{4})/, '$1 ')} `,
    );
    await page.fill('#f-sha256', receipt.sha256.toUpperCase());
    await page.getByRole('button', { name: 'Sprawdź' }).click();
    await page.getByRole('heading', { level: 2, name: 'Potwierdzenie jest prawdziwe' }).waitFor();

    await page.fill('#f-ref', 'KZ-1');
    await page.getByRole('button', { name: 'Sprawdź' }).click();
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => page.title()).toMatch(/^Błąd:/);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});
