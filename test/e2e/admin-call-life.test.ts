import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { slugOfTitle } from '../../functions/domain/announce-call.ts';
import { LIDERZY_KOOPERACJI } from '../../functions/local/demo-data.ts';
import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import { warsawDate, warsawOffsetMinutes } from '../../shared/time.ts';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { removeCall } from '../support/calls.ts';
import { sentMail } from '../support/cards.ts';

/**
 * A call over its life in the panel (issue 17): announced to open tomorrow and edited on its management
 * screen; another, open since a minute ago, extended (a gmina with a draft is e-mailed); a third cancelled.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const COORDINATOR = 'koordynator.26@kooperacja.example';
const stamp = String(Date.now()).slice(-6);
const title = `Nabór do zmiany ${stamp}: gminy wiejskie regionu kieleckiego`;
const callIds = [slugOfTitle(title)];
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
// Other files count the demo's open calls on the shared stack: the calls made here go afterwards.
afterAll(async () => {
  for (const id of callIds) await removeCall(inject('dynamodbUrl'), id);
});

beforeEach(async () => {
  const opened = await openPage(browser, 'America/New_York');
  ({ page, errors: pageErrors } = opened);
  return () => opened.context.close();
});

/** Warsaw wall-clock "YYYY-MM-DDTHH:MM" of an instant `minutes` from now. */
function warsawIn(minutes: number): string {
  const instant = new Date(Date.now() + minutes * 60_000);
  return new Date(instant.getTime() + warsawOffsetMinutes(instant) * 60_000).toISOString().slice(0, 16);
}

/** From the browser, with its session: a call announced through the API, its id kept for removing. */
async function announce(callTitle: string, opensAt: string): Promise<string> {
  const entry = {
    programmeId: LIDERZY_KOOPERACJI.id,
    title: callTitle,
    wojewodztwa: ['26'],
    gminaKinds: ['wiejska'],
    opensAt,
    closesAt: warsawIn(30 * 24 * 60),
    formVersion: CARD_FORM_VERSION,
    rules: 'Gmina zgłasza się, wysyłając kartę.',
  };
  const answer = await page.evaluate(async (body) => {
    const response = await fetch('/api/admin/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as { id: string } };
  }, entry);
  expect(answer.status).toBe(201);
  callIds.push(answer.json.id);
  return answer.json.id;
}

async function signIn(path: string): Promise<void> {
  await page.goto(`${siteUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
  await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
}

describe("a call's management screen", () => {
  it('edits a call before it opens, reached from the list of calls', async () => {
    const tomorrow = warsawDate(new Date(Date.now() + 24 * 60 * 60_000));
    await signIn('/admin/nabory/nowy');
    await page.getByRole('heading', { level: 1, name: 'Ogłoś nabór' }).waitFor();
    await page.getByLabel('Tytuł naboru').fill(title);
    await page.getByRole('checkbox', { name: 'wiejska', exact: true }).check();
    await page.getByLabel('Data', { exact: true }).first().fill(tomorrow);
    await page.getByLabel('Godzina (czas polski)').first().fill('08:00');
    await page
      .getByLabel('Data', { exact: true })
      .nth(1)
      .fill(warsawDate(new Date(Date.now() + 40 * 86_400_000)));
    await page.getByLabel('Godzina (czas polski)').nth(1).fill('23:59');
    await page.getByRole('button', { name: 'Ogłoś nabór' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
    // The demo's call for rural gminas of świętokrzyskie overlaps it: the API's warning, shown after announcing.
    await page
      .getByRole('heading', { level: 2, name: 'Uwaga: w tym samym czasie trwa inny nabór' })
      .waitFor();
    const overlap = page.getByRole('link', { name: /^Nabór gmin wiejskich województwa świętokrzyskiego/ });
    expect(await overlap.getAttribute('href')).toBe('/admin/nabory/liderzy-kooperacji-26');
    await expectNoAxeViolations(page);

    // From the call's tools on the list to its management screen.
    await page.getByRole('link', { name: 'Zarządzaj naborem (terminy, odwołanie)' }).click();
    await page.getByRole('heading', { level: 1, name: `Zarządzanie naborem ${title}` }).waitFor();
    expect(page.url()).toBe(`${siteUrl}/admin/nabory/${callIds[0]}`);
    const facts = page.getByRole('table').first();
    await facts.getByRole('row', { name: /Stan jeszcze się nie rozpoczął/ }).waitFor();
    await facts
      .getByRole('row', { name: /Początek \(czas polski\)/ })
      .getByText('08:00')
      .waitFor();
    await expectNoAxeViolations(page);

    // A closing before the opening: refused by the API, named in the form's error summary.
    const edit = page.getByRole('region', { name: 'Zmień nabór przed jego rozpoczęciem' });
    await edit
      .getByRole('group', { name: 'Koniec naboru' })
      .getByLabel('Data', { exact: true })
      .fill(tomorrow);
    await edit
      .getByRole('group', { name: 'Koniec naboru' })
      .getByLabel('Godzina (czas polski)')
      .fill('07:00');
    await edit.getByRole('button', { name: 'Zapisz zmiany' }).click();
    const summary = edit.getByRole('alert').filter({ hasText: 'Popraw błędy w formularzu' });
    await summary
      .getByRole('link', { name: 'Koniec naboru musi być późniejszy niż jego początek.' })
      .waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await expectNoAxeViolations(page);

    // Corrected, with a new title and rules: saved, said in a focused notice, the facts read again.
    const newTitle = `${title} (zmieniony)`;
    await edit.getByLabel('Tytuł naboru').fill(newTitle);
    await edit
      .getByRole('group', { name: 'Koniec naboru' })
      .getByLabel('Godzina (czas polski)')
      .fill('20:00');
    await edit.getByLabel('Zasady naboru').fill('Nowe zasady naboru.');
    await edit.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await page.getByText('Zapisano zmiany naboru.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Zapisano zmiany naboru.');
    await page.getByRole('heading', { level: 1, name: `Zarządzanie naborem ${newTitle}` }).waitFor();
    await page.getByRole('cell', { name: 'zmiana naboru' }).waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('extends an open call, e-mailing a gmina with a draft, and cancels another', async () => {
    await signIn('/admin');
    await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
    const openId = await announce(`Nabór do przedłużenia ${stamp}`, warsawIn(-1));
    const draftEmail = `szkic.${stamp}.${Math.random().toString(36).slice(2, 8)}@gmina.example`;
    const draft = await page.evaluate(
      async ({ id, email }) =>
        (
          await fetch(`/api/calls/${id}/drafts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, answers: { office: { teryt: '2601022' } } }),
          })
        ).status,
      { id: openId, email: draftEmail },
    );
    expect(draft).toBe(201);

    await page.goto(`${siteUrl}/admin/nabory/${openId}`);
    await page
      .getByRole('heading', { level: 1, name: /Zarządzanie naborem Nabór do przedłużenia/ })
      .waitFor();
    await page.getByRole('row', { name: /Stan trwa/ }).waitFor();
    expect(await page.getByRole('region', { name: 'Zmień nabór przed jego rozpoczęciem' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Nothing given: both fields named; then a closing earlier than the current one, refused by the API.
    const extend = page.getByRole('region', { name: 'Przedłuż nabór' });
    const closing = extend.getByRole('group', { name: 'Nowy koniec naboru' });
    await closing
      .getByLabel('Data', { exact: true })
      .fill(warsawDate(new Date(Date.now() + 10 * 86_400_000)));
    await extend.getByRole('button', { name: 'Przedłuż nabór' }).click();
    const summary = extend.getByRole('alert').filter({ hasText: 'Popraw błędy w formularzu' });
    await summary.getByRole('link', { name: 'Wpisz powód.' }).waitFor();
    await extend.getByLabel('Powód przedłużenia').fill('Awaria poczty w gminach.');
    await extend.getByRole('button', { name: 'Przedłuż nabór' }).click();
    await summary
      .getByRole('link', { name: 'Nowy termin musi być późniejszy niż obecny koniec naboru.' })
      .waitFor();
    await expectNoAxeViolations(page);
    await summary
      .getByRole('link', { name: 'Nowy termin musi być późniejszy niż obecny koniec naboru.' })
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-extend-closesAt-date');

    const later = warsawDate(new Date(Date.now() + 45 * 86_400_000));
    await closing.getByLabel('Data', { exact: true }).fill(later);
    await closing.getByLabel('Godzina (czas polski)').fill('15:00');
    await extend.getByRole('button', { name: 'Przedłuż nabór' }).click();
    await page.getByText('Nabór przedłużony. Wysłaliśmy e-mail z nowym terminem na 1 adres.').waitFor();
    await page
      .getByRole('row', { name: /Koniec \(czas polski\)/ })
      .getByText('15:00')
      .waitFor();
    await expect
      .poll(async () =>
        (await sentMail(inboxUrl)).some(
          (mail) => mail.destination.to.includes(draftEmail) && mail.subject.startsWith('Przedłużony'),
        ),
      )
      .toBe(true);
    await expectNoAxeViolations(page);

    // Invitations: a gmina by its name (diacritics not needed), another by its TERYT code; Kielce is urban,
    // which the API refuses against its row.
    const invite = page.getByRole('region', { name: 'Zaproszenia gmin' });
    await invite.getByLabel('Gmina: kod TERYT (7 cyfr) albo nazwa').fill('2661011');
    await invite.getByLabel('Adres e-mail urzędu gminy').fill(`urzad.kielce.${stamp}@kielce.example`);
    await invite.getByRole('button', { name: 'Dodaj kolejną gminę' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-invite-gmina-1');
    const second = invite.getByRole('group', { name: 'Gmina 2' });
    await second.getByLabel('Gmina: kod TERYT (7 cyfr) albo nazwa').fill('solec-zdroj');
    const solec = `urzad.solec.${stamp}@solec.example`;
    await second.getByLabel('Adres e-mail urzędu gminy').fill(solec);
    await invite.getByRole('button', { name: 'Wyślij zaproszenia' }).click();
    await invite
      .getByRole('alert')
      .getByRole('link', { name: 'Nabór nie dotyczy gmin tego rodzaju.' })
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-invite-gmina-0');
    await expectNoAxeViolations(page);
    await invite
      .getByRole('group', { name: 'Gmina 1' })
      .getByLabel('Gmina: kod TERYT (7 cyfr) albo nazwa')
      .fill('2601072');
    const tuczepy = `urzad.tuczepy.${stamp}@tuczepy.example`;
    await invite
      .getByRole('group', { name: 'Gmina 1' })
      .getByLabel('Adres e-mail urzędu gminy')
      .fill(tuczepy);
    await invite.getByRole('button', { name: 'Wyślij zaproszenia' }).click();
    await page.getByText('Wysłaliśmy 2 zaproszenia.').waitFor();
    const invited = page.getByRole('table', { name: 'Zaproszone gminy' });
    await invited.getByRole('row', { name: new RegExp(`Solec-Zdrój 2601052 ${solec}`) }).waitFor();
    await invited.getByRole('row', { name: new RegExp(`Tuczępy 2601072 ${tuczepy}`) }).waitFor();
    await expect
      .poll(async () =>
        (await sentMail(inboxUrl)).some(
          (mail) =>
            mail.destination.to.includes(solec) && mail.body.text.includes(`/nabory/${openId}?gmina=2601052`),
        ),
      )
      .toBe(true);
    await expectNoAxeViolations(page);

    // Attachments: a file that is not a document by its name, then by its bytes (the API's verdict), then a
    // PDF, listed with its size and removed.
    const files = page.getByRole('region', { name: 'Załączniki do zasad naboru' });
    const fileField = files.getByLabel('Plik do dodania');
    await fileField.setInputFiles({ name: 'notatki.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await files.getByRole('button', { name: 'Dodaj załącznik' }).click();
    const fileError = files
      .getByRole('alert')
      .getByRole('link', { name: 'Plik musi być w formacie PDF, DOCX albo ODT.' });
    await fileError.waitFor();
    await fileField.setInputFiles({
      name: 'program.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ not a document'),
    });
    await files.getByRole('button', { name: 'Dodaj załącznik' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await fileError.waitFor();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(50_000)]);
    await fileField.setInputFiles({ name: 'Regulamin.pdf', mimeType: 'application/pdf', buffer: pdf });
    await files.getByRole('button', { name: 'Dodaj załącznik' }).click();
    await page.getByText('Dodano załącznik Regulamin.pdf.').waitFor();
    const listed = files.getByRole('link', { name: 'Regulamin.pdf' });
    await files.getByRole('row', { name: /Regulamin\.pdf 49 kB/ }).waitFor();
    expect(await listed.getAttribute('href')).toMatch(new RegExp(`^/api/calls/${openId}/attachments/`));
    await expectNoAxeViolations(page);
    await files.getByRole('button', { name: 'Usuń Regulamin.pdf' }).click();
    await page.getByText('Usunięto załącznik Regulamin.pdf.').waitFor();
    await files.getByText('Nabór nie ma jeszcze załączników.').waitFor();

    // Cancelling another call: the irreversibility is confirmed first.
    const cancelId = await announce(`Nabór do odwołania ${stamp}`, warsawIn(-1));
    await page.goto(`${siteUrl}/admin/nabory/${cancelId}`);
    const cancel = page.getByRole('region', { name: 'Odwołaj nabór' });
    await cancel.getByLabel('Powód odwołania').fill('Brak środków w budżecie projektu.');
    await cancel.getByRole('button', { name: 'Odwołaj nabór' }).click();
    await cancel
      .getByRole('alert')
      .getByRole('link', { name: 'Potwierdź, że rozumiesz, że odwołania nie można cofnąć.' })
      .waitFor();
    await expectNoAxeViolations(page);
    await cancel.getByLabel('Rozumiem, że odwołania naboru nie można cofnąć').check();
    await cancel.getByRole('button', { name: 'Odwołaj nabór' }).click();
    await page.getByText('Nabór odwołany. Wysłaliśmy e-mail z powodem na 0 adresów.').waitFor();
    await page.getByRole('row', { name: /Stan odwołany/ }).waitFor();
    await page.getByRole('row', { name: /Powód odwołania Brak środków/ }).waitFor();
    expect(await page.getByRole('region', { name: 'Przedłuż nabór' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Odwołaj nabór' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});
