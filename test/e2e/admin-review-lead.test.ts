import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { removeCall } from '../support/calls.ts';
import { linkToken, sendCard, sentMail, validAnswers } from '../support/cards.ts';
import { fromPanel, signInToPanel } from '../support/review.ts';

/**
 * The review beyond one coordinator's card: the lead ROPS's overview of a call, the ranking's quota groups
 * and the rules edited (in Polish and English, at 320 px), and a gmina withdrawing its card after the
 * deadline, which the API allows until a decision.
 */
const siteUrl = inject('siteUrl');
const apiUrl = inject('apiUrl');
const inboxUrl = inject('inboxUrl');
const dynamodbUrl = inject('dynamodbUrl');
const LEAD = 'lider@kooperacja.example';
const CALL = 'liderzy-kooperacji-06';
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

async function expectFits320(): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBe(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe('the review, for the lead ROPS', () => {
  it("shows every voivodeship of a call side by side, and a card's review in English", async () => {
    const answers = validAnswers('0603022');
    answers.contacts.contact.email = `bialopole.${Date.now()}@gmina.example`;
    expect((await sendCard(apiUrl, CALL, answers)).status).toBe(201);
    await signInToPanel(page, siteUrl, inboxUrl, LEAD);
    await page.goto(`${siteUrl}/admin?nabor=${CALL}&woj=06`);
    await page.getByRole('link', { name: 'Zestawienie województw' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zestawienie województw' }).waitFor();
    const table = page.getByRole('table', { name: /^Nabór:/ });
    const row = table.getByRole('row', { name: /lubelskie/ });
    await row.waitFor();
    // Cards, then one column per review status, then selected and reserve.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toHaveLength(13);
    expect(Number(cells[0])).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);
    await expectFits320();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voivodeships side by side' }).waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`${siteUrl}/admin/karty/${CALL}/0603022`);
    await page.getByRole('heading', { level: 2, name: 'Review of the card' }).waitFor();
    expect(await page.locator('.review dl.facts strong').textContent()).toBe('awaiting formal check');
    await page.getByRole('button', { name: 'Accept formally' }).click();
    await page.locator('.error-summary').getByText('There is a problem').waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('names what is missing in a quota group, and edits the rules as the API versions them', async () => {
    await signInToPanel(page, siteUrl, inboxUrl, LEAD);
    await page.goto(`${siteUrl}/admin/ranking/${CALL}?woj=06`);
    await page.getByRole('heading', { level: 1, name: 'Ranking i decyzje — lubelskie' }).waitFor();
    await page.getByLabel('Liczba miejsc', { exact: true }).fill('2');
    await page.getByLabel('Liczba miejsc na liście rezerwowej').fill('1');
    await page.getByRole('button', { name: 'Dodaj grupę powiatów' }).click();
    // The new group's first field takes the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-group-0-name');
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(
      Array(3).fill('To pole jest wymagane.'),
    );
    await expectNoAxeViolations(page);
    // A group whose seats do not add up to the seats: the API's answer names it.
    await page.getByLabel('Nazwa grupy').fill('Subregion bialski');
    await page.getByLabel('Miejsca dla grupy').fill('1');
    await page.locator('#f-group-0-powiaty').check();
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await summary.getByText('Miejsca w grupach muszą sumować się do liczby miejsc.').waitFor();
    await page.getByLabel('Miejsca dla grupy').fill('2');
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await page.getByRole('status').filter({ hasText: 'Ustawienia zapisane' }).waitFor();
    await expectNoAxeViolations(page);
    await expectFits320();

    // Another coordinator saves meanwhile: this page's form still holds the revision it read, so its
    // save is refused, said in Polish, and reading again shows the other's settings.
    const read = await fromPanel(page, 'GET', `/api/admin/calls/${CALL}/ranking?wojewodztwo=06`);
    const { revision } = (read.body as { settings: { revision: number } }).settings;
    const other = await fromPanel(page, 'PUT', `/api/admin/calls/${CALL}/ranking/settings?wojewodztwo=06`, {
      seats: 3,
      reserveSize: 1,
      revision,
    });
    expect(other.status).toBe(200);
    await page.getByLabel('Liczba miejsc na liście rezerwowej').fill('2');
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Ktoś inny zapisał ustawienia rankingu' });
    await conflict.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('review-failure');
    await expectNoAxeViolations(page);
    await conflict.getByRole('button', { name: 'Wczytaj ponownie' }).click();
    await expect.poll(() => page.getByLabel('Liczba miejsc', { exact: true }).inputValue()).toBe('3');
    expect(await page.getByLabel('Liczba miejsc na liście rezerwowej').inputValue()).toBe('1');
    expect(await page.getByLabel('Nazwa grupy').count()).toBe(0);

    // No card of this call is scored: a change replaces version 1.
    await page.goto(`${siteUrl}/admin/zasady/${CALL}?woj=06`);
    await page.getByText('Tą wersją nie oceniono jeszcze żadnej karty').waitFor();
    await page.getByRole('button', { name: 'Zmień zasady' }).click();
    await page.fill('#f-rule-0-0-points', 'dużo');
    await page.getByRole('button', { name: 'Zapisz zasady' }).click();
    await page.locator('.error-summary').getByText('Wpisz prawidłową wartość.').waitFor();
    await expectNoAxeViolations(page);
    await page.fill('#f-rule-0-0-points', '1,5');
    await page.getByRole('button', { name: 'Zapisz zasady' }).click();
    await page.getByRole('status').filter({ hasText: 'Zapisano zasady, wersja 2.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wersja 2' }).waitFor();
    expect(await page.textContent('table')).toContain('1,5');
    await expectFits320();
    expect(pageErrors).toEqual([]);
  });
});

describe("the gmina's card after the deadline", () => {
  it('may be withdrawn until a decision, though no longer changed', { timeout: 150_000 }, async () => {
    // A call of its own that closes at the end of this minute (Warsaw time), announced by the lead.
    await signInToPanel(page, siteUrl, inboxUrl, LEAD);
    const now = new Date();
    const local = (date: Date, time: string) =>
      `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(date)}T${time}`;
    const minute = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Warsaw',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    const callId = `wycofanie-po-terminie-${now.getTime()}`;
    const created = await fromPanel(page, 'POST', '/api/admin/calls', {
      id: callId,
      programmeId: 'liderzy-kooperacji',
      title: 'Nabór kończący się za chwilę',
      wojewodztwa: ['06'],
      gminaKinds: ['wiejska'],
      opensAt: local(new Date(now.getTime() - 86_400_000), '08:00'),
      closesAt: local(now, minute),
      formVersion: 1,
      rules: '',
    });
    expect(created.status).toBe(201);
    const closesAt = (created.body as { closesAt: string }).closesAt;
    try {
      const answers = validAnswers('0603032');
      const email = `chelm.${now.getTime()}@gmina.example`;
      answers.contacts.contact.email = email;
      expect((await sendCard(apiUrl, callId, answers)).status).toBe(201);
      await expect
        .poll(async () => (await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(email)))
        .toHaveLength(1);
      const [mail] = (await sentMail(inboxUrl)).filter((item) => item.destination.to.includes(email));
      const token = linkToken(mail as never, '#t=');
      // Until the call has closed by the server's clock (a minute at most).
      await expect
        .poll(() => Date.now() > Date.parse(closesAt), { timeout: 75_000, interval: 1000 })
        .toBe(true);

      await page.goto(`${siteUrl}/karta#t=${token}`);
      await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Chełm' }).waitFor();
      await page.getByText('Do czasu decyzji ośrodka możesz ją jeszcze wycofać.').waitFor();
      expect(await page.getByRole('link', { name: 'Zmień kartę' }).count()).toBe(0);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Wycofaj kartę' }).click();
      await page.getByText('Termin naboru minął, więc nie będzie można wysłać jej ponownie.').waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Tak, wycofaj kartę' }).click();
      await page.getByText('Karta została wycofana.').first().waitFor();
      expect(await page.getByRole('link', { name: 'Wycofaj kartę' }).count()).toBe(0);
      await expectNoAxeViolations(page);
      expect(pageErrors).toEqual([]);
    } finally {
      await removeCall(dynamodbUrl, callId);
    }
  });
});
