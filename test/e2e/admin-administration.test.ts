import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';

/**
 * The administration screens of the panel in Chromium, each checked by axe: one's own account, the lead's
 * accounts (adding, changing and disabling a coordinator), the audit log and a programme's milestones.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const LEAD = 'lider.torun@kooperacja.example';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  const opened = await openPage(browser);
  ({ page } = opened);
  return () => opened.context.close();
});

describe('administration in the panel (the Toruń lead)', () => {
  it('shows the account, manages a coordinator, reads the log and moves a milestone', async () => {
    const coordinator = `e2e.${Date.now()}@rops.example`;
    await page.goto(`${siteUrl}/admin/konto`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    await openEmailedSignInLink(page, inboxUrl, LEAD);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();

    // Own account: its facts, this session, the navigation.
    await page.getByRole('heading', { level: 1, name: 'Moje konto' }).waitFor();
    await page.getByRole('cell', { name: 'ta sesja (ta przeglądarka)' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Panel' }).getByRole('link').allTextContents()).toEqual(
      [
        'Karty zgłoszeniowe',
        'Przypomnienia',
        'Poczta',
        'Urzędy gmin',
        'Moje konto',
        'Konta koordynatorów',
        'Dziennik zdarzeń',
        'Programy',
        'Usuwanie danych',
      ],
    );
    await expectNoAxeViolations(page);

    // Accounts: the programme's coordinators; an empty form names what is missing; then one added.
    await page.getByRole('link', { name: 'Konta koordynatorów' }).click();
    await page.getByRole('heading', { level: 1, name: 'Konta koordynatorów' }).waitFor();
    await page.getByRole('cell', { name: 'koordynator.28@kooperacja.example' }).waitFor();
    expect(await page.getByRole('cell', { name: 'koordynator.18@kooperacja.example' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Dodaj konto' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Popraw błędy w formularzu' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.getByLabel('Adres e-mail').fill(coordinator);
    await page.getByLabel('Imię i nazwisko').fill('Ewa Testowa');
    await page
      .getByRole('group', { name: 'Województwa' })
      .getByRole('checkbox', { name: 'warmińsko-mazurskie' })
      .check();
    await page.getByRole('button', { name: 'Dodaj konto' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Dodano konto ${coordinator}.` })
      .waitFor();

    // Another lead of this ROPS: the role chosen, its voivodeships are the lead's own.
    const lead = `e2e.lider.${Date.now()}@rops.example`;
    await page.getByLabel('Adres e-mail').fill(lead);
    await page.getByLabel('Imię i nazwisko').fill('Lena Liderka');
    await page.getByRole('group', { name: 'Rola' }).getByRole('radio', { name: 'lider projektu' }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Dodaj konto' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Dodano konto ${lead}.` })
      .waitFor();
    await page
      .getByRole('row', {
        name: new RegExp(
          `Lena Liderka \\(lider projektu\\).*${lead.replace(/\./g, '\\.')}.*kujawsko-pomorskie`,
        ),
      })
      .waitFor();

    // Its page: renamed, then disabled.
    await page.getByRole('link', { name: `Zmień konto ${coordinator}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Zmiana konta koordynatora' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Imię i nazwisko').fill('Ewa Zmieniona');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByRole('status').filter({ hasText: 'Zapisano.' }).waitFor();
    await page.getByRole('button', { name: 'Wyłącz konto' }).click();
    await page.getByRole('status').filter({ hasText: 'Konto wyłączone.' }).waitFor();
    await page.getByRole('button', { name: 'Włącz konto' }).waitFor();

    // The programme: KM 4 ends a month later.
    await page.getByRole('link', { name: 'Programy' }).click();
    await page.getByRole('link', { name: 'Zmień program Kooperacja – efektywna i skuteczna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kooperacja – efektywna i skuteczna' }).waitFor();
    await expectNoAxeViolations(page);
    const km4 = page.getByRole('group', { name: 'Kamień milowy 4' });
    expect(await km4.getByLabel('Koniec').inputValue()).toBe('30.06.2021');
    await km4.getByLabel('Koniec').fill('31.07.2021');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByRole('status').filter({ hasText: 'Zapisano.' }).waitFor();
    // A milestone ending before it starts: the summary names it, its link leads to the field.
    await km4.getByLabel('Koniec').fill('1.01.2021');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    const error = page
      .getByRole('alert')
      .filter({ hasText: 'Koniec nie może być wcześniejszy niż początek.' });
    await error.waitFor();
    await expectNoAxeViolations(page);
    await error.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-milestones-3-endsOn');

    // A new programme: an empty form names what is missing; a milestone ending before it starts is named
    // and nothing is created; then it is added.
    const name = `Program e2e ${Date.now()}`;
    await page.getByRole('link', { name: 'Programy' }).click();
    await page.getByRole('link', { name: 'Dodaj program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nowy program' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Dodaj program' }).click();
    const missing = page.getByRole('alert').filter({ hasText: 'Popraw błędy w formularzu' });
    await missing
      .getByRole('link', { name: 'Wpisz datę jako dzień.miesiąc.rok, np. 15.03.2027.' })
      .first()
      .waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Nazwa programu').fill(name);
    await page.getByLabel('Opis').fill('Program dodany w teście.');
    await page
      .getByRole('group', { name: 'Rodzaje gmin' })
      .getByRole('checkbox', { name: 'wiejska', exact: true })
      .check();
    await page
      .getByLabel(/^Początek/)
      .first()
      .fill('1.01.2028');
    await page
      .getByLabel(/^Koniec/)
      .first()
      .fill('31.12.2028');
    await page.getByRole('button', { name: 'Dodaj kamień milowy' }).click();
    const km1 = page.getByRole('group', { name: 'Kamień milowy 1' });
    await km1.getByLabel('Nazwa').fill('Diagnoza');
    await km1.getByLabel(/^Początek/).fill('1.03.2028');
    await km1.getByLabel(/^Koniec/).fill('28.02.2028');
    await page.getByRole('button', { name: 'Dodaj program' }).click();
    const early = page
      .getByRole('alert')
      .filter({ hasText: 'Koniec nie może być wcześniejszy niż początek.' });
    await early.waitFor();
    await expectNoAxeViolations(page);
    await early.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-milestones-0-endsOn');
    await km1.getByLabel(/^Koniec/).fill('31.05.2028');
    await page.getByRole('button', { name: 'Dodaj program' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Dodano program ${name}.` })
      .waitFor();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(
      await page
        .getByRole('group', { name: 'Kamień milowy 1' })
        .getByLabel(/^Koniec/)
        .inputValue(),
    ).toBe('31.05.2028');
    await expectNoAxeViolations(page);

    // The log says all of it.
    await page.getByRole('link', { name: 'Dziennik zdarzeń' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dziennik zdarzeń' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('cell', { name: 'zmiana terminów kamienia milowego' }).first().waitFor();
    expect(await table.textContent()).toContain('KM 4 koniec: 2021-06-30 → 2021-07-31');
    for (const event of [
      'utworzenie programu',
      'dodanie konta',
      'zmiana konta',
      'wyłączenie konta',
      'logowanie',
    ])
      expect(await table.getByRole('cell', { name: event, exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});
