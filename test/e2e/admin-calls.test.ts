import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { slugOfTitle } from '../../functions/domain/announce-call.ts';
import { warsawDate } from '../../shared/time.ts';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { removeCall } from '../support/calls.ts';

/** Announcing a nabór in the coordinators' panel, from the e-mailed link to the public list of calls. */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const COORDINATOR = 'koordynator.26@kooperacja.example';
let browser: Browser;
let page: Page;
let pageErrors: string[];
// Its title names it apart from the demo's calls; the call's id is made from the title.
const title = `Nabór próbny ${String(Date.now()).slice(-6)}: gminy wiejskie regionu kieleckiego`;
const callId = slugOfTitle(title);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

// Other files count the demo's five open calls on the shared stack: the call announced here goes afterwards.
afterAll(() => removeCall(inject('dynamodbUrl'), callId));

beforeEach(async () => {
  // A laptop set to another zone: the times typed are Polish time whatever the browser's clock says.
  const opened = await openPage(browser, 'America/New_York');
  ({ page, errors: pageErrors } = opened);
  return () => opened.context.close();
});

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('announcing a call in the panel', () => {
  it('checks the form, stores the call, lists it in the panel and on the public list of calls', async () => {
    const day = 24 * 60 * 60_000;
    const opensOn = warsawDate(new Date(Date.now() - day));
    const closesOn = warsawDate(new Date(Date.now() + 60 * day));

    // Signing in through the e-mailed link brings the coordinator back to the form.
    await page.goto(`${siteUrl}/admin/nabory/nowy`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ogłoś nabór' }).waitFor();
    expect(page.url()).toBe(`${siteUrl}/admin/nabory/nowy`);
    expect(await page.title()).toBe('Ogłoś nabór — Kooperacja');
    // Only the coordinator's own voivodeship is offered.
    const wojewodztwa = page.getByRole('group', { name: 'Województwa' });
    await wojewodztwa.getByRole('checkbox', { name: 'świętokrzyskie' }).waitFor();
    expect(await wojewodztwa.getByRole('checkbox').count()).toBe(1);
    // Being the only one, it is chosen already; unticked here, to see the form ask for it.
    const own = wojewodztwa.getByRole('checkbox', { name: 'świętokrzyskie' });
    expect(await own.isChecked()).toBe(true);
    await own.uncheck();
    await page.getByRole('group', { name: 'Koniec naboru' }).getByLabel('Godzina (czas polski)').waitFor();
    await expectNoAxeViolations(page);

    // Sent empty: the summary takes the focus and names every missing answer; its links lead to the fields.
    await page.getByRole('button', { name: 'Ogłoś nabór' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Popraw błędy w formularzu' });
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    expect(await page.title()).toBe('Błąd: Ogłoś nabór — Kooperacja');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Wpisz tytuł naboru.',
      'Zaznacz co najmniej jedno województwo.',
      'Zaznacz co najmniej jeden rodzaj gminy.',
      'Podaj datę i godzinę początku naboru.',
      'Podaj datę i godzinę końca naboru.',
    ]);
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: 'Podaj datę i godzinę końca naboru.' }).click();
    await expect.poll(() => focusedId()).toBe('f-call-closesAt-date');
    await summary.getByRole('link', { name: 'Zaznacz co najmniej jedno województwo.' }).click();
    await expect.poll(() => focusedId()).toBe('f-call-woj-26');
    await summary.getByRole('link', { name: 'Wpisz tytuł naboru.' }).click();
    await expect.poll(() => focusedId()).toBe('f-call-title');

    // Filled in with the keyboard, from the title on (no identifier to invent: it is made from the title);
    // the native date and time pickers take fill().
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedId()).toBe('f-call-programmeId');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedId()).toBe('f-call-woj-26');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedId()).toBe('f-call-kind-wiejska');
    await page.keyboard.press('Space');
    await page.getByLabel('Data', { exact: true }).first().fill(opensOn);
    await page.getByLabel('Godzina (czas polski)').first().fill('08:00');
    // A closing before the opening is refused (by the API, which names the field), against the closing.
    await page.getByLabel('Data', { exact: true }).nth(1).fill(opensOn);
    await page.getByLabel('Godzina (czas polski)').nth(1).fill('07:59');
    await page.getByLabel('Zasady naboru').focus();
    await page.keyboard.type('Gmina zgłasza się, wysyłając kartę zgłoszeniową.');
    // 9 952, grouped as Polish groups it (with a no-break space), and "znaki" as Polish counts it.
    // (The visible count: a second after typing stops, the live region for screen readers says the same.)
    await page.locator('.char-count', { hasText: /^Pozostały 9\s952 znaki$/ }).waitFor();
    await page.getByRole('button', { name: 'Ogłoś nabór' }).press('Enter');
    await summary
      .getByRole('link', { name: 'Koniec naboru musi być późniejszy niż jego początek.' })
      .waitFor();
    expect(await summary.getByRole('link').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByLabel('Data', { exact: true }).nth(1).fill(closesOn);
    await page.getByLabel('Godzina (czas polski)').nth(1).fill('23:59');

    // The session ends before sending (its cookie is gone): signing in again through a new link (a fresh
    // page load, as in the link's own tab) brings the coordinator back to the form as they typed it.
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Ogłoś nabór' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    expect(page.url()).toBe(`${siteUrl}/admin/logowanie?powrot=${encodeURIComponent('/admin/nabory/nowy')}`);
    await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ogłoś nabór' }).waitFor();
    expect(page.url()).toBe(`${siteUrl}/admin/nabory/nowy`);
    expect(await page.inputValue('#f-call-title')).toBe(title);
    expect(await page.isChecked('#f-call-woj-26')).toBe(true);
    expect(await page.isChecked('#f-call-kind-wiejska')).toBe(true);
    expect(await page.inputValue('#f-call-opensAt-date')).toBe(opensOn);
    expect(await page.inputValue('#f-call-closesAt-time')).toBe('23:59');
    expect(await page.inputValue('#f-call-rules')).toBe('Gmina zgłasza się, wysyłając kartę zgłoszeniową.');
    // On AWS the list of calls is read from an index that can lag a moment behind the write (DynamoDB
    // Local's never does, so the lag is played here): the first list after announcing lacks the new call.
    let lagged = false;
    await page.route('**/api/admin/calls', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { calls: { id: string }[] };
      if (!lagged) {
        lagged = true;
        body.calls = body.calls.filter((call) => call.id !== callId);
      }
      await route.fulfill({ response, json: body });
    });
    await page.getByRole('button', { name: 'Ogłoś nabór' }).press('Enter');

    // On the list, with the new call chosen (asked again until it is there, not another call in its place).
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
    expect(page.url()).toBe(
      `${siteUrl}/admin?${new URLSearchParams({ nabor: callId, woj: '26', ogloszono: '1' })}`,
    );
    // Said so, with where gminas find it (open since yesterday: on the list already); the message has the
    // focus, so a screen reader reads it.
    await page.getByText('Nabór ogłoszony. Gminy widzą go już na liście naborów.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Nabór ogłoszony. Gminy widzą go już na liście naborów. Strona naboru');
    expect(await page.getByRole('link', { name: 'Strona naboru' }).getAttribute('href')).toBe(
      `/nabory/${callId}`,
    );
    expect(lagged).toBe(true);
    await page.unroute('**/api/admin/calls');
    expect(await page.getByLabel('Nabór', { exact: true }).inputValue()).toBe(callId);
    await page
      .getByRole('heading', { name: `Karty w naborze „${title}”, województwo świętokrzyskie` })
      .waitFor();
    await expectNoAxeViolations(page);

    // Open since yesterday, so gminas see it on the public list of calls.
    await page.goto(`${siteUrl}/`);
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: title, exact: true }).getAttribute('href')).toBe(
      `/nabory/${callId}`,
    );
    expect(pageErrors).toEqual([]);
  });
});
