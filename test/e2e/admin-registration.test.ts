import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { TABLE_NAME } from '../../functions/local/stack.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { dbOf } from '../../functions/repositories/dynamo.ts';
import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { removeCall } from '../support/calls.ts';
import { OTHER_NIP } from '../support/cards.ts';
import { mailTo, signInToPanel } from '../support/review.ts';

/**
 * A card that came by post, registered in the panel by the świętokrzyskie coordinator days after the call
 * closed: signed in through the e-mailed link, the card form's steps typed in, a postmark after the deadline
 * refused with the date named, the right postmark taken with the scan; the card in the list with its
 * channel, its screen with how it came and the scan; the gmina's contact confirmed by e-mail.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const dynamodbUrl = inject('dynamodbUrl');
const client = localDynamoClient(dynamodbUrl);
const run = Date.now();
const CALL = `nabor-pocztowy-${run}`;
const COORDINATOR = 'koordynator.26@kooperacja.example';
/** Oksa, a rural gmina of powiat jędrzejowski. */
const OKSA = '2602052';
const contactEmail = `kontakt.oksa.${run}@gmina.example`;
const day = 86_400_000;
/** A minimal file that is a PDF by its magic bytes, as the API checks it. */
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let reference = '';

/** The Warsaw calendar day `days` from now as a date input takes it: "2026-12-31". */
function warsawIsoDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(
    new Date(Date.now() + days * day),
  );
}

beforeAll(async () => {
  // Opened three weeks ago, closed three days ago: what came by post is typed in after the deadline.
  await createCall(dbOf(client, TABLE_NAME), {
    id: CALL,
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór gmin wiejskich z kartami nadesłanymi pocztą',
    wojewodztwa: ['26'],
    gminaKinds: ['wiejska'],
    opensAt: new Date(Date.now() - 21 * day).toISOString(),
    closesAt: new Date(Date.now() - 3 * day).toISOString(),
    formVersion: CARD_FORM_VERSION,
    rules: 'Decyduje data stempla pocztowego.',
  });
  browser = await launchBrowser();
  ({ context, page, errors: pageErrors } = await openPage(browser));
});

// Other files count the demo's open calls on this shared stack: the call goes afterwards.
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await removeCall(dynamodbUrl, CALL);
  client.destroy();
});

async function next(heading: string): Promise<void> {
  await page.getByRole('button', { name: 'Dalej' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
}

describe('a card that came by post, registered in the panel', () => {
  it("is typed in through the card form's steps from the list of a closed call", async () => {
    await signInToPanel(page, siteUrl, inboxUrl, COORDINATOR);
    await page.goto(`${siteUrl}/admin?nabor=${CALL}&woj=26`);
    await page.getByRole('link', { name: 'Zarejestruj kartę nadesłaną pocztą lub e-mailem' }).click();
    await page.getByRole('heading', { level: 1, name: /Wybierz gminę/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.fill('#f-teryt', 'oksa');
    await page.locator(`#gmina-${OKSA}`).check();
    await next('Dane urzędu gminy');
    await page.fill('#f-address-street', 'ul. Włoszczowska 22');
    await page.fill('#f-address-postalCode', '28-363');
    await page.fill('#f-address-city', 'Oksa');
    await page.fill('#f-nip', OTHER_NIP);
    await page.fill('#f-regon', '000331501');
    // A rural gmina is headed by a wójt: preselected, as in the clerk's form.
    expect(await page.isChecked('#f-head-title')).toBe(true);
    await page.fill('#f-head-name', 'Jan Kowalski');
    await next('Osoba do kontaktu');
    await page.fill('#f-contact-name', 'Anna Nowak');
    await page.fill('#f-contact-position', 'kierownik GOPS');
    await page.fill('#f-contact-email', contactEmail);
    await page.fill('#f-contact-phone', '41 381 00 00');
    await page.fill('#f-ops-name', 'Gminny Ośrodek Pomocy Społecznej w Oksie');
    await page.fill('#f-ops-head', 'Ewa Wiśniewska');
    await page.fill('#f-ops-email', 'gops@oksa.example');
    await page.fill('#f-ops-phone', '41 381 00 01');
    await next('Powiat partnerski');
    await page.fill('#f-pcpr-name', 'Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie');
    await page.fill('#f-pcpr-head', 'Piotr Zieliński');
    await page.fill('#f-pcpr-email', 'pcpr@jedrzejow.example');
    await page.fill('#f-pcpr-phone', '41 386 00 00');
    await next('Dane do oceny zgłoszenia');
    for (const [name, value] of [
      ['population', '4500'],
      ['solectwa', '20'],
      ['incomePerInhabitant', '4321,55'],
      ['longTermAssistancePersons', '120'],
      ['assistanceFamilies', '90'],
      ['assistancePersons', '250'],
      ['familiesWithAssistant', '10'],
    ] as const) {
      await page.fill(`#f-${name}-value`, value);
      await page.fill(`#f-${name}-year`, '2024');
    }
    await next('Infrastruktura społeczna');
    await page.locator('#f-items').check();
    await next('Uzasadnienie udziału');
    await page.fill('#f-motivation', 'Chcemy, aby GOPS, szkoły i policja pracowały razem.');
    await page.fill('#f-expectations', 'Szkolenia i doradztwo.');
    await next('Oświadczenia');
    for (const name of ['agreementReadiness', 'milestonesParticipation', 'rodoAcknowledged'])
      await page.locator(`#f-${name}`).check();
    await next('Jak i kiedy przyszła karta');
    expect(await page.textContent('main')).toContain('Termin naboru:');
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a postmark after the deadline, naming the date, and takes the right one with the scan', async () => {
    await page.locator('#rejestracja-kanal-post').check();
    await page.fill('#rejestracja-data', warsawIsoDay(-1));
    await page.locator('#rejestracja-skan').setInputFiles({
      name: 'karta-oksa.pdf',
      mimeType: 'application/pdf',
      buffer: SCAN,
    });
    await page.getByRole('button', { name: 'Zarejestruj kartę' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Data stempla pocztowego: Ta data jest późniejsza niż termin naboru: karty nie można przyjąć.',
    ]);
    expect(await page.locator('#rejestracja-data').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await summary.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rejestracja-data');

    // Posted five days before it was typed in, two before the deadline: counted by the postmark.
    await page.fill('#rejestracja-data', warsawIsoDay(-5));
    await page.getByRole('button', { name: 'Zarejestruj kartę' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta zarejestrowana' }).waitFor();
    reference = /KZ-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec((await page.textContent('main')) ?? '')?.[0] ?? '';
    expect(reference).not.toBe('');
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it("e-mails the gmina's contact the confirmation with the reference and the card's link", async () => {
    const mail = await mailTo(inboxUrl, contactEmail, reference);
    expect(mail.subject).toContain(reference);
    expect(mail.body.text).toMatch(new RegExp(`${siteUrl}/karta#t=[A-Za-z0-9_-]+`));
  });

  it('shows the card in the list with its channel, and on its screen how it came and its scan', async () => {
    await page.goto(`${siteUrl}/admin?nabor=${CALL}&woj=26`);
    const table = page.getByRole('table', { name: /^Karty w naborze/ });
    const row = table.getByRole('row', { name: /Oksa/ });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).at(-1)).toBe('pocztą');
    await expectNoAxeViolations(page);

    await row.getByRole('link', { name: 'Oksa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa gminy Oksa' }).waitFor();
    const facts = page.locator('section[aria-labelledby="registration-heading"] dl');
    await facts.waitFor();
    const fact = (name: string) =>
      facts
        .locator('.facts__row')
        .filter({ has: page.locator('dt', { hasText: name }) })
        .locator('dd');
    expect(await fact('Jak przyszła karta').textContent()).toBe('pocztą');
    const postmark = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${warsawIsoDay(-5)}T12:00:00Z`),
    );
    expect(await fact('Data stempla pocztowego').textContent()).toContain(postmark);
    expect(await fact('Zarejestrował(a)').textContent()).toBe(COORDINATOR);
    expect(await fact('Zarejestrowano').textContent()).toMatch(/czasu polskiego$/);
    const link = page.getByRole('link', { name: /^Pobierz skan karty \(PDF, / });
    // The link goes through the API, which checks access and the digest, then to the scan itself.
    const download = await page.request.get(new URL((await link.getAttribute('href')) ?? '', siteUrl).href);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(SCAN)).toBe(true);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});
