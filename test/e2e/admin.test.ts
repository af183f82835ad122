import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { sentMail, validAnswers } from '../support/cards.ts';

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

async function signInLinks(): Promise<string[]> {
  const mails = (await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(COORDINATOR));
  return mails.flatMap(
    (mail) => /(http\S+\/admin\/logowanie#t=[A-Za-z0-9_-]{43})/.exec(mail.body.text)?.[1] ?? [],
  );
}

/** Presses Tab until the element matching `selector` has the focus (the keyboard's only way forward). */
async function tabTo(selector: string, limit = 40): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("the coordinators' panel", () => {
  it('signs in through the e-mailed link, lists a card sent just now, shows it, and signs out', async () => {
    // Gródek (powiat białostocki) sends its card to the podlaskie call, as the form would.
    const answers = validAnswers('2002042');
    answers.contacts.contact.email = `grodek.${Date.now()}@gmina.example`;
    const sent = await fetch(`${apiUrl}/api/calls/liderzy-kooperacji-20/cards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ answers }),
    });
    expect(sent.status).toBe(201);
    const { reference } = (await sent.json()) as { reference: string };

    // Without a session the panel sends the coordinator to sign in.
    await page.goto(`${siteUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    expect(page.url()).toBe(`${siteUrl}/admin/logowanie`);
    expect(await page.title()).toBe('Logowanie do panelu koordynatora — Kooperacja');
    await expectNoAxeViolations(page);

    // A mistyped address is named; then the real one, by keyboard.
    await page.getByLabel('Służbowy adres e-mail').fill('koordynator.20');
    await page.keyboard.press('Enter');
    await page.getByText('Wpisz adres e-mail w formacie nazwa@domena.pl.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-email');
    await expectNoAxeViolations(page);
    await page.getByLabel('Służbowy adres e-mail').fill(COORDINATOR);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sprawdź skrzynkę e-mail' }).waitFor();
    expect(await page.title()).toBe('Sprawdź skrzynkę e-mail — Kooperacja');
    await expectNoAxeViolations(page);

    await expect.poll(signInLinks).toHaveLength(1);
    const [link] = await signInLinks();
    expect(link?.startsWith(`${siteUrl}/admin/logowanie#t=`)).toBe(true);
    await page.goto(link as string);
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
    // The token left the address bar; the session is a cookie no script can read.
    expect(page.url()).toBe(`${siteUrl}/admin`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    await page
      .getByText(`Zalogowano: Koordynator — Regionalny Ośrodek Polityki Społecznej w Białymstoku`)
      .waitFor();

    const table = page.getByRole('table', { name: /Karty w naborze .*, województwo podlaskie/ });
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
    ]);
    expect(await page.title()).toBe('Karty zgłoszeniowe — Kooperacja');
    await expectNoAxeViolations(page);

    await row.getByRole('link', { name: 'Gródek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Gródek' }).waitFor();
    expect(await page.title()).toBe('Karta zgłoszeniowa gminy Gródek — Kooperacja');
    const main = await page.textContent('main');
    expect(main).toContain(reference);
    expect(main).toContain('ul. Główna 1, 28-300 Oksa');
    expect(main).toContain('Chcemy lepiej współpracować.');
    await expectNoAxeViolations(page);

    // Signing out, by keyboard: Tab reaches the button, and its focus ring shows.
    await tabTo('.admin-user button');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe(
      'solid',
    );
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Wylogowano' }).waitFor();
    expect(await page.context().cookies()).toEqual([]);
    await expectNoAxeViolations(page);

    // The link was used once; opening it again signs nobody in.
    await page.goto(link as string);
    await page
      .getByText('Ten odnośnik do logowania jest nieprawidłowy, wygasł albo został już użyty.')
      .waitFor();
    await page.goto(`${siteUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
