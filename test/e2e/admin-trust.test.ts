import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { sendCard, validAnswers } from '../support/cards.ts';
import { mailTo, signInToPanel } from '../support/review.ts';

/**
 * The panel's trust screens (issue 13), as a zachodniopomorskie coordinator uses them: a card sent in
 * Karlino's name by someone else is voided (reason required, asked once more), the gmina's own card then
 * shows the voided one, its links are revoked; the directory of gmina offices is edited and imported from a
 * CSV with rows refused and why; the held mail screen; and the lead erases the gmina's personal data. Axe
 * finds nothing on every screen visited.
 */
const siteUrl = inject('siteUrl');
const apiUrl = inject('apiUrl');
const inboxUrl = inject('inboxUrl');
const CALL = 'kooperacja-efektywna-32';
const COORDINATOR = 'koordynator.32@kooperacja.example';
const LEAD = 'lider.torun@kooperacja.example';
/** Karlino, urban-rural, powiat białogardzki. */
const KARLINO = '3201033';
const run = Date.now();
const squatter = `ktos.obcy.${run}@example.com`;
const realContact = `gops.karlino.${run}@gmina.example`;
const REASON = 'Urząd Miejski w Karlinie potwierdził pismem, że nie wysyłał tej karty.';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, errors: pageErrors } = await openPage(browser));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

async function send(contact: string) {
  const answers = validAnswers(KARLINO);
  answers.contacts.contact.email = contact;
  expect((await sendCard(apiUrl, CALL, answers)).status).toBe(201);
}

describe('the trust screens of the panel', () => {
  it('voids a card sent in the gmina’s name: reason required, confirmed, then its facts shown', async () => {
    await send(squatter);
    await signInToPanel(page, siteUrl, inboxUrl, COORDINATOR);
    await page.goto(`${siteUrl}/admin/karty/${CALL}/${KARLINO}`);
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Karlino' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Unieważnienie karty' }).waitFor();
    await expectNoAxeViolations(page);

    // No reason: the summary takes the focus and links to the field.
    await page.getByRole('button', { name: 'Unieważnij kartę' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['To pole jest wymagane.']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await summary.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-void-reason');
    await expectNoAxeViolations(page);

    // With a reason: asked once more, the question focused; nothing is sent before "Tak".
    await page.getByLabel('Powód unieważnienia', { exact: true }).fill(REASON);
    await page.getByRole('button', { name: 'Unieważnij kartę' }).click();
    await page.getByRole('button', { name: 'Tak, unieważnij kartę' }).waitFor();
    await expect
      .poll(() => focusedText())
      .toContain('Czy na pewno unieważnić kartę gminy Karlino? Tego nie można cofnąć.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Tak, unieważnij kartę' }).click();
    await status('Karta unieważniona.').waitFor();
    await expect.poll(() => focusedText()).toContain('Karta unieważniona.');

    // The voided card: said first, its facts (when, who, why), no void or revoke form any more.
    await page.getByText(/Koordynator unieważnił tę kartę/).waitFor();
    const facts = page.locator('section[aria-labelledby="voided-heading"]');
    expect(await facts.textContent()).toContain(COORDINATOR);
    expect(await facts.textContent()).toContain(REASON);
    expect(await page.getByRole('button', { name: 'Unieważnij kartę' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    // The card's contact hears of it, with the reason.
    await mailTo(inboxUrl, squatter, REASON);
    expect(pageErrors).toEqual([]);
  });

  it('shows the gmina’s own card with the voided one before it, and revokes its links', async () => {
    await send(realContact);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Karlino' }).waitFor();
    const earlier = page.getByRole('table', { name: 'Wcześniej unieważnione karty tej gminy w naborze' });
    await earlier.waitFor();
    expect(await earlier.textContent()).toContain(squatter);
    expect(await earlier.textContent()).toContain(REASON);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Unieważnij odnośniki' }).click();
    await page.locator('.error-summary').waitFor();
    await page.getByLabel('Powód unieważnienia odnośników').fill('Odnośnik trafił do niewłaściwej osoby.');
    await page.getByRole('button', { name: 'Unieważnij odnośniki' }).click();
    await status('Odnośniki do karty unieważnione.').waitFor();
    await expect.poll(() => focusedText()).toContain('Odnośniki do karty unieważnione.');
    // Logged in the card's history.
    await page.getByRole('cell', { name: 'Unieważnienie odnośników do karty' }).first().waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('edits one gmina office’s address, the API’s refusal linked to its field', async () => {
    // The card's screen has no navigation: the screen is opened by its address.
    await page.goto(`${siteUrl}/admin/urzedy?woj=32`);
    await page.getByRole('heading', { level: 1, name: 'Urzędy gmin' }).waitFor();
    const table = page.getByRole('table', { name: 'Urzędy gmin: zachodniopomorskie' });
    const row = table.getByRole('row', { name: /Karlino/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(`urzad.${KARLINO}@gmina.example`);
    await expectNoAxeViolations(page);

    await row.getByRole('button', { name: 'Zmień adres urzędu gminy Karlino' }).click();
    await page.getByRole('heading', { level: 2, name: 'Adres urzędu gminy Karlino' }).waitFor();
    await expect.poll(() => focusedText()).toBe('Adres urzędu gminy Karlino');
    await page.getByLabel('Adres e-mail urzędu').fill('to nie adres');
    await page.getByRole('button', { name: 'Zapisz adres' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Wpisz adres e-mail w poprawnym formacie, np. urzad@gmina.pl.',
    ]);
    await expectNoAxeViolations(page);
    await page.getByLabel('Adres e-mail urzędu').fill('sekretariat@karlino.example');
    await page.getByLabel('Nazwa urzędu').fill('Urząd Miejski w Karlinie');
    await page.getByRole('button', { name: 'Zapisz adres' }).click();
    await status('Zapisano adres urzędu gminy Karlino.').waitFor();
    await expect.poll(() => row.textContent()).toContain('sekretariat@karlino.example');
    expect(await row.textContent()).toContain(COORDINATOR);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('imports offices from a CSV file and reports the rows refused, with why', async () => {
    const csv = [
      'teryt;email;name',
      '3201043;sekretariat@tychowo.example;Urząd Gminy Tychowo',
      '1401022;promna@gmina.example;',
      '3201033;zly adres;',
      '12;a@b.example;',
    ].join('\r\n');
    await page.getByLabel('Plik CSV').setInputFiles({
      name: 'urzedy.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
    });
    await page.getByRole('button', { name: 'Importuj adresy' }).click();
    const report = page.locator('section[aria-labelledby="import-report"]');
    await report.waitFor();
    await expect.poll(() => focusedText()).toContain('Wynik importu');
    expect(await report.textContent()).toContain(
      'Wierszy: 4. Dodano: 0, zmieniono: 1, bez zmian: 0, odrzucono: 3.',
    );
    const rejected = page.getByRole('table', { name: 'Odrzucone wiersze' });
    const rows = (await rejected.getByRole('row').allTextContents()).slice(1);
    expect(rows).toEqual([
      '31401022gmina spoza Twoich województw',
      '43201033nieprawidłowy adres e-mail',
      '5—to nie jest 7-cyfrowy kod TERYT gminy',
    ]);
    const tychowo = page.getByRole('table', { name: 'Urzędy gmin: zachodniopomorskie' }).getByRole('row', {
      name: /Tychowo/,
    });
    await expect.poll(() => tychowo.textContent()).toContain('sekretariat@tychowo.example');
    // Once the list is read again, the report keeps the focus: Karlino's earlier notice is not said again.
    expect(await focusedText()).toContain('Wynik importu');
    expect(await page.getByText('Zapisano adres urzędu gminy Karlino.').count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('shows the held mail of the voivodeship', async () => {
    await page.getByRole('link', { name: 'Poczta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wiadomości, które mogły nie dotrzeć' }).waitFor();
    await page.getByText('Nie ma takich wiadomości.').waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('lets the lead erase the gmina’s personal data, its TERYT code typed twice', async () => {
    const lead = await openPage(browser);
    try {
      const leadPage = lead.page;
      await signInToPanel(leadPage, siteUrl, inboxUrl, LEAD);
      await leadPage.getByRole('link', { name: 'Usuwanie danych' }).click();
      await leadPage.getByRole('heading', { level: 1, name: 'Usunięcie danych osobowych gminy' }).waitFor();
      await expectNoAxeViolations(leadPage);
      await leadPage.getByLabel('Kod TERYT gminy', { exact: true }).fill(KARLINO);
      await leadPage.getByLabel('Wpisz ponownie kod TERYT gminy').fill('3201043');
      await leadPage.getByLabel('Program').selectOption('kooperacja-efektywna-i-skuteczna');
      await leadPage.getByLabel('Podstawa usunięcia').fill('Wniosek gminy z 1 grudnia 2026 r.');
      await leadPage.getByRole('button', { name: 'Usuń dane osobowe gminy' }).click();
      const summary = leadPage.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        'Kod TERYT nie zgadza się z kodem gminy podanym wyżej.',
      ]);
      await expectNoAxeViolations(leadPage);
      await leadPage.getByLabel('Wpisz ponownie kod TERYT gminy').fill(KARLINO);
      await leadPage.getByRole('button', { name: 'Usuń dane osobowe gminy' }).click();
      const done = leadPage.getByRole('status').filter({ hasText: 'Usunięto dane osobowe: kart 1' });
      await done.waitFor();
      await expectNoAxeViolations(leadPage);
      expect(lead.errors).toEqual([]);
    } finally {
      await lead.context.close();
    }
  });
});
