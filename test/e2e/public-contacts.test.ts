import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROPS_CONTACTS } from '../../shared/rops-contacts.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { linkToken, sendCard, sentMail, validAnswers } from '../support/cards.ts';

/**
 * What the public pages say about whom to contact (issue 17): the call's page names the ROPS of its
 * voivodeship with its office hours and the controller of the cards' data with its IOD; the refusal of a
 * second card names the ROPS that can void it; the personal-data notice names the gmina's controller.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const apiUrl = inject('apiUrl');
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const { context, page, errors } = await openPage(browser);
  contexts.push(context);
  return { page, errors };
}

const rzeszow = ROPS_CONTACTS['18'];
const bialystok = ROPS_CONTACTS['20'];
if (!rzeszow || !bialystok) throw new Error('no contacts of ROPS Rzeszów and Białystok');

describe('whom the public pages name', () => {
  it("the call's page: its ROPS's address, e-mail, phone and hours, the controller and its IOD; axe-clean", async () => {
    const { page, errors } = await freshPage();
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-18`);
    await page.getByRole('heading', { level: 2, name: 'Kontakt w sprawie naboru' }).waitFor();
    const main = (await page.textContent('main')) ?? '';
    for (const value of [
      rzeszow.name,
      'ul. Hetmańska 120, 35-078 Rzeszów',
      rzeszow.email,
      rzeszow.phone,
      rzeszow.hours,
    ])
      expect(main).toContain(value);
    expect(await page.getByRole('link', { name: rzeszow.email }).getAttribute('href')).toBe(
      `mailto:${rzeszow.email}`,
    );
    await page.getByRole('heading', { level: 2, name: 'Dane osobowe' }).waitFor();
    expect(main).toContain(
      `administratorem danych osobowych podanych w kartach zgłoszeniowych jest ${rzeszow.controller}`,
    );
    expect(main).toContain(rzeszow.iod.email);
    // Not another region's centre.
    expect(main).not.toContain('Mazowieckie Centrum Polityki Społecznej');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('the refusal of a second card names the ROPS that can void it; the notice names the gmina’s controller', async () => {
    const clerk = `turosn.${Date.now()}@gmina.example`;
    const answers = validAnswers('2002112');
    const saved = await fetch(`${apiUrl}/api/calls/liderzy-kooperacji-20/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: clerk, answers }),
    });
    expect(saved.status).toBe(201);
    let link: string | undefined;
    await expect
      .poll(async () => {
        const mail = (await sentMail(inboxUrl)).find((one) => one.destination.to.includes(clerk));
        link = /https?:\/\/\S+#szkic=[A-Za-z0-9_-]+/.exec(mail?.body.text ?? '')?.[0];
        return link !== undefined;
      })
      .toBe(true);
    const draftMail = (await sentMail(inboxUrl)).find((one) => one.destination.to.includes(clerk));
    // The draft's e-mail ends with the footer of its gmina's ROPS.
    expect(draftMail?.body.text).toContain('nie odpowiadaj na nią');
    expect(draftMail?.body.text).toContain(bialystok.address);

    const { page, errors } = await freshPage();
    await page.goto((link ?? '').replace(/^https?:\/\/[^/]+/, siteUrl));
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();

    // The declarations step's notice names ROPS Białystok (the gmina is in podlaskie) and its IOD.
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/oswiadczenia`);
    await page
      .getByRole('heading', { level: 2, name: 'Informacja o przetwarzaniu danych osobowych' })
      .waitFor();
    const notice = (await page.locator('.inset').textContent()) ?? '';
    expect(notice).toContain(
      `Administratorem danych osobowych podanych w karcie jest ${bialystok.controller}.`,
    );
    expect(notice).toContain(bialystok.iod.email);
    expect(notice).not.toContain('Mazowieckie');
    await expectNoAxeViolations(page);
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/sprawdz`);
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();

    // Meanwhile someone else sends the gmina's card.
    const other = `inny.${Date.now()}@example.com`;
    const sent = await sendCard(apiUrl, 'liderzy-kooperacji-20', {
      ...answers,
      contacts: {
        ...answers.contacts,
        contact: { ...answers.contacts.contact, email: other },
      },
    });
    expect(sent.status).toBe(201);
    await page.getByRole('button', { name: 'Wyślij kartę zgłoszeniową' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Ta gmina wysłała już kartę' });
    await alert.waitFor();
    const refusal = (await alert.textContent()) ?? '';
    expect(refusal).toContain('Jeśli urząd Twojej gminy tej karty nie wysłał');
    for (const value of [
      bialystok.name,
      'ul. Kombatantów 7, 15-110 Białystok',
      bialystok.email,
      bialystok.phone,
      bialystok.hours,
    ])
      expect(refusal).toContain(value);
    await expectNoAxeViolations(page);

    // The page that sends the card's link again names the same ROPS, for an office that did not send it.
    await page.getByRole('link', { name: 'Nie masz odnośnika do tej karty? Wyślemy go ponownie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Odnośnik do wysłanej karty' }).waitFor();
    await page.getByText('ul. Kombatantów 7, 15-110 Białystok').waitFor();
    const linkPage = (await page.textContent('main')) ?? '';
    for (const value of [bialystok.name, bialystok.email, bialystok.phone, bialystok.hours])
      expect(linkPage).toContain(value);
    await expectNoAxeViolations(page);

    // The card's own page (the sender's link) names the ROPS to ask about the card.
    let confirmation: Awaited<ReturnType<typeof sentMail>>[number] | undefined;
    await expect
      .poll(async () => {
        confirmation = (await sentMail(inboxUrl)).find((one) => one.destination.to.includes(other));
        return confirmation !== undefined;
      })
      .toBe(true);
    await page.goto(`${siteUrl}/karta#t=${linkToken(confirmation as never, '#t=')}`);
    await page.getByRole('heading', { level: 2, name: 'Kontakt w sprawie naboru' }).waitFor();
    expect(await page.textContent('main')).toContain('ul. Kombatantów 7, 15-110 Białystok');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});
