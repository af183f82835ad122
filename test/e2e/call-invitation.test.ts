import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { KOOPERACJA_EFEKTYWNA } from '../../functions/local/demo-data.ts';
import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import { warsawOffsetMinutes } from '../../shared/time.ts';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { removeCall } from '../support/calls.ts';
import { sentMail } from '../support/cards.ts';

/**
 * A call by invitation end to end (issue 17): the coordinator invites gminas at the office directory's
 * addresses (prefilled, one typed over), each office's link opens the call's page greeting its gmina and the
 * card form with that gmina chosen; a gmina not invited is told so on the call's page, with no form offered.
 * (And the coordinator is offered no programme form: the lead adds programmes.)
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const COORDINATOR = 'koordynator.28@kooperacja.example';
const callIds: string[] = [];
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
// Other files count the demo's open calls on the shared stack: the call made here goes afterwards.
afterAll(async () => {
  for (const id of callIds) await removeCall(inject('dynamodbUrl'), id);
});

beforeEach(async () => {
  const opened = await openPage(browser);
  ({ page } = opened);
  return () => opened.context.close();
});

function warsawIn(minutes: number): string {
  const instant = new Date(Date.now() + minutes * 60_000);
  return new Date(instant.getTime() + warsawOffsetMinutes(instant) * 60_000).toISOString().slice(0, 16);
}

describe('a call by invitation', () => {
  it("invites at the directory's addresses, greets the invited gmina and refuses another before the form", async () => {
    await page.goto(`${siteUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
    // A coordinator is offered no programmes, and the new programme's address tells it who adds them.
    expect(
      await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Programy' }).count(),
    ).toBe(0);
    await page.goto(`${siteUrl}/admin/programy/nowy`);
    await page.getByText('Programy dodaje i zmienia lider projektu.').waitFor();
    expect(await page.getByRole('button', { name: 'Dodaj program' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    const title = `Nabór na zaproszenie ${Date.now()}`;
    const answer = await page.evaluate(
      async (body) => {
        const response = await fetch('/api/admin/calls', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, json: (await response.json()) as { id: string } };
      },
      {
        programmeId: KOOPERACJA_EFEKTYWNA.id,
        title,
        wojewodztwa: ['28'],
        gminaKinds: ['miejsko-wiejska'],
        opensAt: warsawIn(-1),
        closesAt: warsawIn(30 * 24 * 60),
        formVersion: CARD_FORM_VERSION,
        rules: 'Tylko dla zaproszonych gmin.',
      },
    );
    expect(answer.status).toBe(201);
    const id = answer.json.id;
    callIds.push(id);

    // The invitation form: Pisz by name, its field left empty, goes to the directory's address (said under
    // the field once the gmina is typed); Morąg's address is typed over the directory's.
    // The directory answers only after the gmina is typed, as on a slow link: the address still appears.
    let gminaTyped: () => void = () => undefined;
    const afterTyping = new Promise<void>((resolve) => {
      gminaTyped = resolve;
    });
    await page.route('**/api/admin/offices?**', async (route) => {
      await afterTyping;
      await route.continue();
    });
    await page.goto(`${siteUrl}/admin/nabory/${id}`);
    const invite = page.getByRole('region', { name: 'Zaproszenia gmin' });
    await invite.getByLabel('Gmina: kod TERYT (7 cyfr) albo nazwa').fill('Pisz');
    await invite.getByLabel('Gmina: kod TERYT (7 cyfr) albo nazwa').press('Tab');
    gminaTyped();
    await invite.getByText('Adres z rejestru urzędów gmin: urzad.2816033@gmina.example.').waitFor();
    await page.unroute('**/api/admin/offices?**');
    await invite.getByRole('button', { name: 'Dodaj kolejną gminę' }).click();
    const second = invite.getByRole('group', { name: 'Gmina 2' });
    await second.getByLabel('Gmina: kod TERYT (7 cyfr) albo nazwa').fill('2815083');
    await second.getByLabel('Gmina: kod TERYT (7 cyfr) albo nazwa').press('Tab');
    await second.getByText('Adres z rejestru urzędów gmin: urzad.2815083@gmina.example.').waitFor();
    const typed = `sekretariat.${Date.now()}@morag.example`;
    await second.getByLabel('Adres e-mail urzędu gminy').fill(typed);
    await expectNoAxeViolations(page);
    await invite.getByRole('button', { name: 'Wyślij zaproszenia' }).click();
    await page.getByText('Wysłaliśmy 2 zaproszenia.').waitFor();
    const invited = page.getByRole('table', { name: 'Zaproszone gminy' });
    await invited.getByRole('row', { name: /Pisz 2816033 urzad\.2816033@gmina\.example/ }).waitFor();
    await invited
      .getByRole('row', { name: new RegExp(`Morąg 2815083 ${typed.replace(/\./g, '\\.')}`) })
      .waitFor();
    let link = '';
    await expect
      .poll(async () => {
        const mail = (await sentMail(inboxUrl)).find(
          (one) => one.destination.to.includes('urzad.2816033@gmina.example') && one.body.text.includes(id),
        );
        link = /https?:\/\/\S+\?gmina=2816033/.exec(mail?.body.text ?? '')?.[0] ?? '';
        return link;
      })
      .not.toBe('');

    // The office of Pisz follows its link: greeted by name, and the form opens with Pisz chosen.
    await page.goto(`${siteUrl}/nabory/${id}?gmina=2816033`);
    await page.getByText('Zaproszenie dla gminy Pisz').waitFor();
    await page.getByText(/Zaproszone gminy: Morąg, Pisz/).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Wypełnij kartę zgłoszeniową' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    await expect.poll(() => page.isChecked('#gmina-2816033')).toBe(true);
    await expectNoAxeViolations(page);

    // Ruciane-Nida, not invited, following a forwarded link: told so, and no form is offered.
    await page.goto(`${siteUrl}/nabory/${id}?gmina=2816043`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Gmina Ruciane-Nida nie jest zaproszona do tego naboru' })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Wypełnij kartę zgłoszeniową' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
