import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openEmailedSignInLink, signInLinks } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { linkToken, sendCard, validAnswers } from '../support/cards.ts';
import { stackMailTo } from '../support/mail.ts';

/** The coordinators' panel: signing in by the e-mailed link, the list, one card, signing out. */
const siteUrl = inject('siteUrl');
const apiUrl = inject('apiUrl');
const inboxUrl = inject('inboxUrl');
const COORDINATOR = 'koordynator.20@kooperacja.example';
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

/** Presses Tab until the element matching `selector` has the focus (the keyboard's only way forward). */
async function tabTo(selector: string, limit = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("the coordinators' panel", () => {
  it('signs in through the e-mailed link, lists a card sent just now, shows it, and signs out', async () => {
    // Gródek (powiat białostocki) sends its card to the podlaskie call, as the form would.
    const answers = validAnswers('2002042');
    answers.contacts.contact.email = `grodek.${Date.now()}@gmina.example`;
    const sent = await sendCard(apiUrl, 'liderzy-kooperacji-20', answers);
    expect(sent.status).toBe(201);
    const { reference } = (await sent.json()) as { reference: string };

    // Without a session the panel sends the coordinator to sign in, saying why and keeping the page asked for.
    const cardPath = '/admin/karty/liderzy-kooperacji-20/2002042';
    await page.goto(`${siteUrl}${cardPath}`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    expect(page.url()).toBe(`${siteUrl}/admin/logowanie?powrot=${encodeURIComponent(cardPath)}`);
    await page.getByRole('status').getByText('Zaloguj się, aby zobaczyć tę stronę.').waitFor();
    expect(await page.title()).toBe('Logowanie do panelu koordynatora — Kooperacja');
    await expectNoAxeViolations(page);

    // A mistyped address is named; then the real one, by keyboard.
    await page.getByLabel('Służbowy adres e-mail').fill('koordynator.20');
    await page.keyboard.press('Enter');
    await page.getByText('Wpisz adres e-mail w formacie nazwa@domena.pl.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-email');
    await expectNoAxeViolations(page);
    // Other browser tests may have signed this coordinator in on the shared stack: count from here.
    const earlier = (await signInLinks(inboxUrl, COORDINATOR)).length;
    await page.getByLabel('Służbowy adres e-mail').fill(COORDINATOR);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sprawdź skrzynkę e-mail' }).waitFor();
    expect(await page.title()).toBe('Sprawdź skrzynkę e-mail — Kooperacja');
    await expectNoAxeViolations(page);

    await expect.poll(async () => (await signInLinks(inboxUrl, COORDINATOR)).length).toBe(earlier + 1);
    const link = (await signInLinks(inboxUrl, COORDINATOR)).at(-1);
    expect(link?.startsWith(`${siteUrl}/admin/logowanie#t=`)).toBe(true);
    // Opening the link (as a mail scanner would) signs nobody in: the coordinator presses the button.
    await page.goto(link as string);
    const confirm = page.getByRole('button', { name: 'Zaloguj się' });
    await confirm.waitFor();
    expect(page.url()).toBe(`${siteUrl}/admin/logowanie`);
    expect(await page.context().cookies()).toEqual([]);
    await expectNoAxeViolations(page);
    await confirm.click();
    // Back on the page first asked for; the session is a cookie no script can read.
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Gródek' }).waitFor();
    expect(page.url()).toBe(`${siteUrl}${cardPath}`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    await page.getByRole('link', { name: 'Wróć do listy kart' }).click();
    await page
      .getByText(`Zalogowano: Koordynator — Regionalny Ośrodek Polityki Społecznej w Białymstoku`)
      .waitFor();
    // Back on the list at the card's row, which has the focus (and is scrolled to).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('card-2002042');

    // Quotation marks in the call's title nest as Polish nests them: „… «Liderzy kooperacji»”.
    const table = page.getByRole('table', {
      name: 'Karty w naborze „Nabór gmin wiejskich województwa podlaskiego do projektu «Liderzy kooperacji»”, województwo podlaskie',
    });
    await table.waitFor();
    const row = table.getByRole('row', { name: /Gródek/ });
    await expect.poll(() => row.textContent()).toContain(reference);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toEqual([
      'białostocki',
      'wiejska',
      expect.stringMatching(/^\d{1,2} \S+ \d{4} \d{2}:\d{2}$/),
      reference,
      'wysłana',
      'do oceny formalnej',
      '—',
      'przez serwis',
    ]);
    expect(await page.title()).toBe('Karty zgłoszeniowe — Kooperacja');
    // The call as the list of calls names it: calls with like titles are told apart by where they stand.
    expect(await page.locator('#f-nabor option:checked').textContent()).toMatch(
      /^Nabór gmin wiejskich województwa podlaskiego do projektu „Liderzy kooperacji” \(trwa do \d{1,2} \S+ \d{4}\)$/,
    );
    await expectNoAxeViolations(page);
    // At 320 px (WCAG 1.4.10) the nine columns scroll on their own, not the page.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    expect(await page.locator('.table-scroll').evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(
      true,
    );
    // The list's name stays whole on the screen (as the table's caption it scrolled away with the columns).
    expect(
      await page
        .locator('#cards-caption')
        .evaluate((name) => name.getBoundingClientRect().right <= document.documentElement.clientWidth),
    ).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Answers that asking again would not change offer no "Spróbuj ponownie": a malformed page of the list
    // leads to the first page; another voivodeship's card says it is not for this coordinator.
    await page.goto(`${siteUrl}/admin?nabor=liderzy-kooperacji-20&woj=20&strona=nieaktualna&nr=2`);
    await page.getByRole('alert').getByText('Adres tej strony listy jest nieprawidłowy.').waitFor();
    expect(await page.getByRole('button', { name: 'Spróbuj ponownie' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Pierwsza strona' }).click();
    await table.waitFor();
    await page.goto(`${siteUrl}/admin/karty/liderzy-kooperacji-18/1801012`);
    await page.getByRole('alert').getByText('Nie udało się wczytać danych').waitFor();
    expect(await page.getByRole('button', { name: 'Spróbuj ponownie' }).count()).toBe(0);
    await page.goto(`${siteUrl}/admin?nabor=liderzy-kooperacji-20&woj=20`);
    await table.waitFor();

    // By keyboard: the card's heading has the focus once the card is in (the "loading" heading focused on
    // the way was replaced by it), so the next Tab goes on from there, not from the top of the page.
    await row.getByRole('link', { name: 'Gródek' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Gródek' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.outerHTML))
      .toBe('<h1 tabindex="-1">Karta zgłoszeniowa gminy Gródek</h1>');
    expect(await page.title()).toBe('Karta zgłoszeniowa gminy Gródek — Kooperacja');
    // Opened from a later page of the list, the card leads back to that page.
    await page.goto(`${siteUrl}${cardPath}?strona=abc&nr=3`);
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Gródek' }).waitFor();
    expect(await page.getByRole('link', { name: 'Wróć do listy kart' }).getAttribute('href')).toBe(
      `/admin?nabor=liderzy-kooperacji-20&woj=20&strona=abc&nr=3&karta=2002042`,
    );
    const main = await page.textContent('main');
    expect(main).toContain(reference);
    expect(main).toContain('ul. Główna 1, 28-300 Oksa');
    expect(main).toContain('Chcemy lepiej współpracować.');
    await expectNoAxeViolations(page);

    // The used link pressed again (the e-mail opened twice) while signed in: said so, with who is signed in
    // here (on a shared computer it may be someone else) and the way to the panel.
    await page.goto(link as string);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    const used = page.getByRole('alert').filter({ hasText: 'został już użyty' });
    await used
      .getByText('Zalogowano: Koordynator — Regionalny Ośrodek Polityki Społecznej w Białymstoku')
      .waitFor();
    await used.getByRole('link', { name: 'Przejdź do panelu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();

    // Signing out, by keyboard, once the panel is in (its heading is there while it loads, before the user
    // bar): from the heading, which has the focus, Shift+Tab reaches the button just above it, and its focus
    // ring shows. (Tabbed to while the page was still coming in, Enter sometimes reached no button.)
    await table.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo('.admin-user button', 5, 'Shift+Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe(
      'solid',
    );
    // A sign-out the network loses (the one fault here that cannot be caused for real) says so, and the
    // coordinator stays signed in with the focus on the button, to press it again.
    await page.route('**/api/admin/sign-out', (request) => request.abort('internetdisconnected'));
    // Pressed on the button itself: a busy CI machine let a page-level Enter land nowhere.
    const signOut = page.locator('.admin-user button');
    await signOut.press('Enter');
    await page.getByRole('alert').getByText('Nie udało się wylogować.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Wyloguj się');
    expect(await page.context().cookies()).toHaveLength(1);
    await expectNoAxeViolations(page);
    await page.unroute('**/api/admin/sign-out');
    await signOut.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Wylogowano' }).waitFor();
    expect(await page.context().cookies()).toEqual([]);
    await expectNoAxeViolations(page);

    // The link was used once; opening it again signs nobody in.
    await page.goto(link as string);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page
      .getByText('Ten odnośnik do logowania jest nieprawidłowy, wygasł albo został już użyty.')
      .waitFor();
    await page.goto(`${siteUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("shows a changed card's versions, and says first that a card was withdrawn", async () => {
    // Czarna (podkarpackie) sends its card, changes it and withdraws it through its e-mailed link.
    const coordinator = 'koordynator.18@kooperacja.example';
    const answers = validAnswers('1801032');
    answers.contacts.contact.email = `czarna.${Date.now()}@gmina.example`;
    const sent = await sendCard(apiUrl, 'liderzy-kooperacji-18', answers);
    expect(sent.status).toBe(201);
    const toGmina = async () =>
      await stackMailTo(inject('dynamodbUrl'), inboxUrl, answers.contacts.contact.email);
    await expect.poll(async () => (await toGmina()).length).toBe(1);
    const token = linkToken((await toGmina())[0] as never, '#t=');
    const withLink = (method: string, body?: unknown) =>
      fetch(`${apiUrl}/api/cards/current`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const changed = { ...answers, motivation: { ...answers.motivation, expectations: 'Nowe oczekiwania.' } };
    expect((await withLink('PUT', { answers: changed })).status).toBe(200);
    expect((await withLink('DELETE', {})).status).toBe(200);

    await page.goto(`${siteUrl}/admin/logowanie`);
    await openEmailedSignInLink(page, inboxUrl, coordinator);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
    await page.goto(`${siteUrl}/admin/karty/liderzy-kooperacji-18/1801032`);
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Czarna' }).waitFor();

    // Right under the heading, not only in the status row: a withdrawn card is not to be assessed by mistake.
    expect(await page.locator('h1 + .notice').textContent()).toMatch(
      /^Gmina wycofała tę kartę \d{1,2} \S+ \d{4} \d{2}:\d{2} czasu polskiego\. Poniżej jej ostatnie odpowiedzi\.$/,
    );
    const versions = page.getByRole('table', { name: 'Wersje karty' });
    const rows = await versions.getByRole('row').allTextContents();
    expect(rows.slice(1).map((row) => row.slice(0, 1))).toEqual(['1', '2']);
    expect(await versions.locator('code').allTextContents()).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    expect(await page.textContent('main')).toContain('Nowe oczekiwania.');
    await expectNoAxeViolations(page);
  });

  it('moves the focus to the new list when the lead ROPS picks another voivodeship, in either language', async () => {
    const lead = 'lider@kooperacja.example';
    await page.goto(`${siteUrl}/admin/logowanie`);
    await openEmailedSignInLink(page, inboxUrl, lead);
    // On a slow link the list the panel opens with may arrive after the lead has asked for another: held
    // back here until then, it must not keep the focus from the list asked for.
    let releaseFirst = () => {};
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let held = false;
    await page.route('**/api/admin/calls/*/cards?*', async (route) => {
      if (!held) {
        held = true;
        await firstHeld;
      }
      await route.continue().catch(() => {});
    });
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
    expect(page.url()).toBe(`${siteUrl}/admin`);

    await page.getByLabel('Nabór', { exact: true }).selectOption('liderzy-kooperacji-18');
    await page.getByLabel('Województwo', { exact: true }).selectOption('18');
    await page.getByRole('button', { name: 'Pokaż karty' }).click();
    releaseFirst();

    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')))
      .toBe('cards-caption');
    const focused = await page.evaluate(() => document.getElementById('cards-caption')?.textContent);
    expect(focused).toMatch(/^Karty w naborze „.+”, województwo podkarpackie/);
    await expect
      .poll(() => page.getByRole('status').last().textContent())
      .toMatch(/^\d+ (karta|karty|kart) na liście, strona 1\.$/);
    expect(page.url()).toBe(`${siteUrl}/admin?nabor=liderzy-kooperacji-18&woj=18`);
    await expectNoAxeViolations(page);

    // The panel in English: its own texts, the call's Polish title marked as Polish.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Application cards' }).waitFor();
    const caption = page.locator('#cards-caption');
    await expect
      .poll(() => caption.textContent())
      .toMatch(/^Cards in the call “.+”, voivodeship Podkarpackie/i);
    expect(await caption.locator('[lang="pl"]').count()).toBe(1);
    await expectNoAxeViolations(page);

    // At 320 px (WCAG 1.4.10) the calls' long titles in the select do not make the page scroll sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
