import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { sendCard, validAnswers } from '../support/cards.ts';
import { stackMailTo } from '../support/mail.ts';
import { outboxTo } from '../support/outbox.ts';

/** Save and return: a half-filled card saved with an e-mail, restored from the e-mailed link elsewhere. */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const apiUrl = inject('apiUrl');
const dynamodbUrl = inject('dynamodbUrl');
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
});

/** A browser of its own: nothing in sessionStorage, as on another computer. */
async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const { context, page, errors } = await openPage(browser);
  contexts.push(context);
  return { page, errors };
}

describe('save and return', () => {
  it('saves a draft, e-mails its link, and restores the answers from it in a fresh browser', async () => {
    const email = `sztabin.${Date.now()}@gmina.example`;
    const first = await freshPage();
    let page = first.page;
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    await page.fill('#f-teryt', 'sztabin');
    await page.locator('#gmina-2001072').check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dane urzędu gminy' }).waitFor();
    await page.fill('#f-address-street', 'ul. Augustowska 3');
    await page.fill('#f-nip', '5261040828');

    // Saving checks nothing: half an answer is worth keeping.
    await page.getByRole('button', { name: 'Zapisz i dokończ później' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zapisz kartę i dokończ później' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Wyślij odnośnik' }).click();
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => page.title()).toMatch(/^Błąd:/);
    await page.fill('#f-email', email);
    await page.getByRole('button', { name: 'Wyślij odnośnik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta została zapisana' }).waitFor();
    // The form and its button are gone: the confirmation's heading has the focus, so it is read out.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Karta została zapisana');
    expect(await page.textContent('main')).toContain(email);
    await expectNoAxeViolations(page);
    expect(first.errors).toEqual([]);

    await expect.poll(async () => await stackMailTo(inject('dynamodbUrl'), inboxUrl, email)).toHaveLength(1);
    const [mail] = await stackMailTo(inject('dynamodbUrl'), inboxUrl, email);
    const link = new RegExp(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie#szkic=[A-Za-z0-9_-]+`).exec(
      mail?.body.text ?? '',
    )?.[0];
    if (!link) throw new Error(`no draft link in: ${mail?.body.text}`);

    // Another computer: the link restores the answers and carries on at the first unfinished step.
    const second = await freshPage();
    page = second.page;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Dane urzędu gminy' }).waitFor();
    expect(await page.textContent('main')).toContain('Wczytaliśmy zapisaną kartę');
    expect(await page.inputValue('#f-address-street')).toBe('ul. Augustowska 3');
    expect(await page.inputValue('#f-nip')).toBe('5261040828');
    // The token has left the address bar (history, a shared screen); the tab keeps it.
    expect(page.url()).not.toContain('szkic');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Wstecz' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    expect(await page.isChecked('#gmina-2001072')).toBe(true);

    // Saving again updates the same draft: no second e-mail, no address asked, not even when the first
    // try fails (a second draft would be saved, and e-mailed, beside the one this tab keeps updating).
    await page.route('**/api/drafts/current', (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('button', { name: 'Zapisz i dokończ później' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nie udało się zapisać karty' }).waitFor();
    expect(await page.locator('#f-email').count()).toBe(0);
    await page.unroute('**/api/drafts/current');
    await page.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta została zapisana' }).waitFor();
    expect(await page.textContent('main')).toContain('Zapisaliśmy zmiany');
    expect(await stackMailTo(inject('dynamodbUrl'), inboxUrl, email)).toHaveLength(1);
    expect(second.errors).toEqual([]);

    // Once the gmina's card is sent (from anywhere), the link says so instead of offering the card again.
    const sent = await fetch(`${apiUrl}/api/calls/liderzy-kooperacji-20/cards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ answers: validAnswers('2001072') }),
    });
    expect(sent.status).toBe(201);
    const third = await freshPage();
    page = third.page;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Karta tej gminy została już wysłana' }).waitFor();
    expect(await page.textContent('main')).toContain('użyj odnośnika z e-maila potwierdzającego');
    expect(await page.locator('form').count()).toBe(0);
    await expectNoAxeViolations(page);
    // Whoever holds the draft may not have the card's link (a colleague sent it): the page offers it again.
    await page.getByRole('link', { name: 'Nie masz odnośnika do tej karty? Wyślemy go ponownie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Odnośnik do wysłanej karty' }).waitFor();
    expect(third.errors).toEqual([]);
  });

  it('saves a draft once when the answer to the first save was lost on the way', async () => {
    const email = `zgubione.${Date.now()}@gmina.example`;
    const { page, errors } = await freshPage();
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/urzad`);
    await page.getByRole('heading', { level: 1, name: /Dane urzędu gminy/ }).waitFor();
    await page.fill('#f-address-street', 'ul. Rynek 1');
    await page.getByRole('button', { name: 'Zapisz i dokończ później' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zapisz kartę i dokończ później' }).waitFor();
    // The first save reaches the server, but its answer does not reach the browser.
    let lost = true;
    await page.route('**/api/calls/*/drafts', async (route) => {
      if (!lost) return route.continue();
      lost = false;
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.fill('#f-email', email);
    await page.getByRole('button', { name: 'Wyślij odnośnik' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nie udało się zapisać karty' }).waitFor();
    await page.getByRole('button', { name: 'Wyślij odnośnik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta została zapisana' }).waitFor();
    // One draft, one e-mail (a new draft would have sent a second with another link). Both requests have
    // been answered, so every message they wrote is in the outbox: one, and once it is sent, in the inbox.
    await expect.poll(() => outboxTo(dynamodbUrl, email)).toEqual(['sent']);
    expect(await stackMailTo(inject('dynamodbUrl'), inboxUrl, email)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('keeps a draft link through a failed restore, so a reload tries it again', async () => {
    const clerk = `nowinka.${Date.now()}@gmina.example`;
    const saved = await fetch(`${apiUrl}/api/calls/liderzy-kooperacji-20/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: clerk, answers: { office: { teryt: '2001052', nip: '526' } } }),
    });
    expect(saved.status).toBe(201);
    await expect.poll(async () => await stackMailTo(inject('dynamodbUrl'), inboxUrl, clerk)).toHaveLength(1);
    const [mail] = await stackMailTo(inject('dynamodbUrl'), inboxUrl, clerk);
    const token = /#szkic=([A-Za-z0-9_-]{43})/.exec(mail?.body.text ?? '')?.[1];
    const { page } = await freshPage();
    let down = true;
    await page.route('**/api/drafts/current', (route) =>
      down ? route.abort('internetdisconnected') : route.continue(),
    );

    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie#szkic=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Nie udało się wczytać zapisanej karty' }).waitFor();
    // The token has left the address bar; the tab still has it, for this call's form only.
    expect(page.url()).not.toContain('szkic');
    down = false;
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-06/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: /Wybierz gminę/ }).waitFor();
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: /Dane urzędu gminy/ }).waitFor();
    expect(await page.inputValue('#f-nip')).toBe('526');
    // Restored: a later reload is the form as it is now, not the draft again.
    await page.fill('#f-nip', '5261040828');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Dane urzędu gminy/ }).waitFor();
    expect(await page.inputValue('#f-nip')).toBe('5261040828');
  });

  it("e-mails the card's link again, to the card's own contact, when the gmina's card was sent by someone else", async () => {
    const clerk = `juchnowiec.${Date.now()}@gmina.example`;
    const colleague = `kolega.${Date.now()}@gmina.example`;
    const mailsTo = async (address: string) => await stackMailTo(inject('dynamodbUrl'), inboxUrl, address);
    const answers = validAnswers('2002052');
    const saved = await fetch(`${apiUrl}/api/calls/liderzy-kooperacji-20/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: clerk, answers }),
    });
    expect(saved.status).toBe(201);
    await expect.poll(() => mailsTo(clerk)).toHaveLength(1);
    const [draftMail] = await mailsTo(clerk);
    const link = /https?:\/\/\S+#szkic=[A-Za-z0-9_-]+/.exec(draftMail?.body.text ?? '')?.[0];
    if (!link) throw new Error(`no draft link in: ${draftMail?.body.text}`);
    const { page, errors } = await freshPage();
    await page.goto(link.replace(/^https?:\/\/[^/]+/, siteUrl));
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();

    // Meanwhile a colleague sends the gmina's card, giving their own address.
    const card = {
      ...answers,
      contacts: { ...answers.contacts, contact: { ...answers.contacts.contact, email: colleague } },
    };
    const sent = await sendCard(apiUrl, 'liderzy-kooperacji-20', card);
    expect(sent.status).toBe(201);

    await page.getByRole('button', { name: 'Wyślij kartę zgłoszeniową' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ta gmina wysłała już kartę' }).waitFor();
    await page.getByRole('link', { name: 'Nie masz odnośnika do tej karty? Wyślemy go ponownie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Odnośnik do wysłanej karty' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Wyślij odnośnik ponownie' }).click();
    await page.getByRole('status').filter({ hasText: 'wysłaliśmy nowy odnośnik' }).waitFor();
    expect(await page.getByRole('button', { name: 'Wyślij odnośnik ponownie' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The link went to the address the card gives, not to whoever asked; it opens the card.
    await expect
      .poll(async () => (await mailsTo(colleague)).map((mail) => mail.subject.split(' ')[0]))
      .toEqual(['Potwierdzenie', 'Odnośnik']);
    expect(await mailsTo(clerk)).toHaveLength(1);
    const linkMail = (await mailsTo(colleague))[1];
    const cardLink = /#t=[A-Za-z0-9_-]{43}/.exec(linkMail?.body.text ?? '')?.[0];
    await page.goto(`${siteUrl}/karta${cardLink}`);
    await page
      .getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Juchnowiec Kościelny' })
      .waitFor();
    expect(errors).toEqual([]);
  });
});
