import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { OTHER_NIP, sentMail, validAnswers } from '../support/cards.ts';

/**
 * The karta zgłoszeniowa in headless Chromium on the whole local stack: sent with the keyboard alone,
 * the error summary, and the gmina picker. Each test uses its own gmina: a gmina sends one card per call.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
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
async function tabTo(selector: string, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Tabs to a field and types into it. */
async function typeInto(id: string, text: string): Promise<void> {
  await tabTo(`#${id}`);
  await page.keyboard.type(text);
}

/** Tabs to "Dalej", presses Enter, and waits for the next step's heading. */
async function next(heading: string | RegExp): Promise<void> {
  await tabTo('button[value="next"]');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function stepChecked(heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expectNoAxeViolations(page);
}

describe('the karta zgłoszeniowa', () => {
  it('is filled in and sent with the keyboard alone, axe-clean on every step, and confirmed by e-mail', async () => {
    const email = `lutowiska.${Date.now()}@gmina.example`;
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-18`);
    await page.getByRole('heading', { level: 2, name: 'Zasady naboru' }).waitFor();
    await tabTo('a.button--start');
    await page.keyboard.press('Enter');

    await stepChecked('Wybierz gminę');
    await typeInto('f-teryt', 'lutowiska');
    await page.locator('#gmina-1801052').waitFor();
    await expectNoAxeViolations(page);
    // Tab leaves the search box for the results; Space chooses the gmina under the focus.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('gmina-1801052');
    await page.keyboard.press('Space');
    await next('Dane urzędu gminy');
    // The new step's heading has the focus, so a screen reader says where the clerk is: step and title.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Krok 2 z 8 Dane urzędu gminy');

    await expectNoAxeViolations(page);
    await typeInto('f-address-street', 'Lutowiska 14');
    await typeInto('f-address-postalCode', '38-713');
    await typeInto('f-address-city', 'Lutowiska');
    await typeInto('f-nip', OTHER_NIP);
    await typeInto('f-regon', '000331501');
    // A rural gmina is headed by a wójt: the radio comes preselected.
    expect(await page.isChecked('#f-head-title')).toBe(true);
    await typeInto('f-head-name', 'Jan Kowalski');
    await next('Osoba do kontaktu i ośrodek pomocy społecznej');

    await expectNoAxeViolations(page);
    expect(await page.getAttribute('#f-contact-email', 'autocomplete')).toBe('email');
    await typeInto('f-contact-name', 'Anna Nowak');
    await typeInto('f-contact-position', 'kierownik GOPS');
    await typeInto('f-contact-email', email);
    await typeInto('f-contact-phone', '13 461 80 00');
    await typeInto('f-ops-name', 'Gminny Ośrodek Pomocy Społecznej w Lutowiskach');
    await typeInto('f-ops-head', 'Ewa Wiśniewska');
    await typeInto('f-ops-email', 'gops@lutowiska.example');
    await typeInto('f-ops-phone', '13 461 80 01');
    await next('Powiat partnerski');

    await expectNoAxeViolations(page);
    // The gmina's own powiat is the default partner.
    expect(await page.inputValue('#f-powiatCode')).toBe('1801');
    await typeInto('f-pcpr-name', 'Powiatowe Centrum Pomocy Rodzinie w Ustrzykach Dolnych');
    await typeInto('f-pcpr-head', 'Piotr Zieliński');
    await typeInto('f-pcpr-email', 'pcpr@bieszczady.example');
    await typeInto('f-pcpr-phone', '13 461 10 00');
    await next('Dane do oceny zgłoszenia');

    await expectNoAxeViolations(page);
    const figures: [string, string][] = [
      ['population', '2 100'],
      ['solectwa', '11'],
      ['incomePerInhabitant', '4321,55'],
      ['longTermAssistancePersons', '63'],
      ['assistanceFamilies', '80'],
      ['assistancePersons', '210'],
      ['familiesWithAssistant', '6'],
    ];
    for (const [name, value] of figures) {
      await typeInto(`f-${name}-value`, value);
      await typeInto(`f-${name}-year`, '2024');
    }
    // Computed, never typed: 63 of 2,100 inhabitants.
    expect(await page.locator('.ratio').textContent()).toContain('3%');
    await next('Infrastruktura społeczna w gminie');

    await expectNoAxeViolations(page);
    await tabTo('#f-items');
    await page.keyboard.press('Space');
    await tabTo('#f-items-swietlica');
    await page.keyboard.press('Space');
    await next('Uzasadnienie udziału w projekcie');

    await expectNoAxeViolations(page);
    await typeInto('f-motivation', 'Chcemy, aby GOPS, szkoły i policja pracowały razem.');
    await expect.poll(() => page.locator('.char-count').first().textContent()).toMatch(/^Pozostał/);
    // 3,000 less what was typed, grouped as Polish writes it (with a non-breaking space).
    expect(await page.locator('.char-count').first().textContent()).toMatch(/^Pozostało 2\s949 znaków$/);
    await typeInto('f-expectations', 'Szkolenia i doradztwo dla pracowników.');
    await next('Oświadczenia');

    await expectNoAxeViolations(page);
    // Nothing ticked yet: each declaration is marked invalid for screen readers, not only shown in red.
    await tabTo('button[value="next"]');
    await page.keyboard.press('Enter');
    await page.locator('.error-summary').waitFor();
    expect(await page.getAttribute('#f-rodoAcknowledged', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    for (const name of ['agreementReadiness', 'milestonesParticipation', 'rodoAcknowledged']) {
      await tabTo(`#f-${name}`);
      await page.keyboard.press('Space');
    }
    expect(await page.textContent('main')).toContain('Informacja o przetwarzaniu danych osobowych');
    await next('Sprawdź odpowiedzi przed wysłaniem');

    await expectNoAxeViolations(page);
    const answers = await page.textContent('main');
    expect(answers).toContain('Lutowiska');
    expect(answers).toContain('powiat bieszczadzki');
    expect(answers).toContain('3% mieszkańców');
    await tabTo('form button[type="submit"]');
    await page.keyboard.press('Enter');

    await stepChecked('Karta zgłoszeniowa została wysłana');
    const reference = (await page.locator('.reference').textContent()) ?? '';
    expect(reference).toMatch(/^KZ-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await page.locator('.digest').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.textContent('main')).toContain('czasu polskiego');

    await expect
      .poll(async () => (await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(email)))
      .toHaveLength(1);
    const [mail] = (await sentMail(inboxUrl)).filter((sent) => sent.destination.to.includes(email));
    expect(mail?.subject).toContain(reference);
    expect(mail?.body.text).toContain(`${siteUrl}/karta#t=`);
    expect(pageErrors).toEqual([]);
  });

  it('keeps what was typed on a step, unchecked, through a reload, the browser\'s Back and Forward, and "Wstecz"', async () => {
    const step = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-18/zgloszenie/urzad`);
    await step('Dane urzędu gminy');
    await page.fill('#f-address-street', 'Lutowiska 14');
    await page.fill('#f-nip', '526-104');

    await page.reload();
    await step('Dane urzędu gminy');
    expect(await page.inputValue('#f-address-street')).toBe('Lutowiska 14');
    // Kept as typed: an unfinished NIP is checked on "Dalej", not when it is kept.
    expect(await page.inputValue('#f-nip')).toBe('526-104');
    expect(await page.locator('.error-summary').count()).toBe(0);

    await page.fill('#f-address-city', 'Lutowiska');
    await page.getByRole('link', { name: 'Wstecz' }).click();
    await step('Wybierz gminę');
    await page.goBack();
    await step('Dane urzędu gminy');
    expect(await page.inputValue('#f-address-city')).toBe('Lutowiska');

    // "Wybierz gminę" is now the page forward in the history.
    await page.fill('#f-head-name', 'Jan Kowalski');
    await page.goForward();
    await step('Wybierz gminę');
    await page.goBack();
    await step('Dane urzędu gminy');
    expect(await page.inputValue('#f-head-name')).toBe('Jan Kowalski');
    expect(pageErrors).toEqual([]);
  });

  it("keeps the gmina's defaults and a chosen partner powiat, however long the clerk pauses", async () => {
    const step = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
    // The page's clock runs as usual, and is moved on by the test when the clerk pauses: the timer that keeps
    // what is typed then fires for certain, however slow the machine.
    await page.clock.install();
    // What the form keeps in this tab's storage (flow.ts): kept once the pause has passed.
    const keptAnswers = () =>
      page.evaluate(
        () => JSON.parse(sessionStorage.getItem('kooperacja.karta.liderzy-kooperacji-18') ?? '{}').answers,
      );
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-18/zgloszenie`);
    await step('Wybierz gminę');
    await page.fill('#f-teryt', 'lutowiska');
    await page.locator('#gmina-1801052').check();
    // Longer than the pause after which what is typed is kept.
    await page.clock.runFor(800);
    await page.getByRole('button', { name: 'Dalej' }).click();
    await step('Dane urzędu gminy');
    // A rural gmina is headed by a wójt, and its own powiat is the partner, whatever the pause.
    expect(await page.isChecked('#f-head-title')).toBe(true);
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-18/zgloszenie/powiat`);
    await step('Powiat partnerski');
    expect(await page.inputValue('#f-powiatCode')).toBe('1801');

    // Another partner, then a reload on a slow link: the PCPR's name is typed before the register (and
    // with it the powiat list) arrives, and keeping it must not erase the powiat chosen.
    await page.selectOption('#f-powiatCode', '1802');
    await expect.poll(() => keptAnswers()).toMatchObject({ partner: { powiatCode: '1802' } });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/register*.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await step('Powiat partnerski');
    await page.fill('#f-pcpr-name', 'Powiatowe Centrum Pomocy Rodzinie w Brzozowie');
    await expect
      .poll(() => keptAnswers())
      .toMatchObject({
        partner: { powiatCode: '1802', pcpr: { name: 'Powiatowe Centrum Pomocy Rodzinie w Brzozowie' } },
      });
    // "Dalej" before the list is here checks the rest of the step, and the partner stays the one chosen.
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).not.toContain('Powiat partnerski');
    release();
    await page.locator('#f-powiatCode').waitFor();
    expect(await page.inputValue('#f-powiatCode')).toBe('1802');
    expect(await page.inputValue('#f-pcpr-name')).toBe('Powiatowe Centrum Pomocy Rodzinie w Brzozowie');
    expect(pageErrors).toEqual([]);
  });

  it("fits a 320 px wide screen without scrolling sideways (WCAG 1.4.10): the picker's reasons and the powiat list", async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-06/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    // Biała Podlaska the city (urban) and Biała in other voivodeships say why they cannot be chosen.
    await page.fill('#f-teryt', 'biała');
    await page.locator('.choice__why').first().waitFor();
    expect(await overflow()).toBe(0);

    await page.locator('#gmina-0601032').check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dane urzędu gminy' }).waitFor();
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-06/zgloszenie/powiat`);
    await page.getByRole('heading', { level: 1, name: 'Powiat partnerski' }).waitFor();
    // The list (there once the register has loaded) holds "Biała Podlaska (miasto na prawach powiatu)".
    await page.locator('#f-powiatCode').waitFor();
    expect(await page.locator('#f-powiatCode option').allTextContents()).toContain(
      'Biała Podlaska (miasto na prawach powiatu)',
    );
    expect(await overflow()).toBe(0);
  });

  it('shows an error summary that takes the focus, links to each field and marks the page title', async () => {
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-14/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();

    // Nothing chosen yet.
    await page.getByRole('button', { name: 'Dalej' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await expect.poll(() => page.title()).toMatch(/^Błąd: Wybierz gminę/);
    expect(await summary.getByRole('heading', { name: 'Popraw błędy' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.fill('#f-teryt', 'promna');
    await page.locator('#gmina-1401022').check();
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dane urzędu gminy' }).waitFor();
    await expect.poll(() => page.title()).not.toMatch(/^Błąd/);

    await page.fill('#f-nip', '123-456-78-90');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await expect.poll(() => page.title()).toMatch(/^Błąd: Dane urzędu gminy/);
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Ulica i numer budynku: To pole jest wymagane.',
      'Kod pocztowy: To pole jest wymagane.',
      'Miejscowość (poczta): To pole jest wymagane.',
      'NIP gminy: NIP jest niepoprawny: sprawdź, czy ma 10 cyfr i czy nie ma w nim literówki.',
      'REGON gminy: To pole jest wymagane.',
      'Imię i nazwisko wójta, burmistrza albo prezydenta miasta: To pole jest wymagane.',
    ]);
    // The inline error is tied to its field, which is marked invalid.
    expect(await page.getAttribute('#f-nip', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-nip', 'aria-describedby')).toContain('f-nip-error');
    expect(await page.textContent('#f-nip-error')).toContain('NIP jest niepoprawny');
    await expectNoAxeViolations(page);

    // From the summary, Tab reaches the first link; Enter on the fourth moves the focus to the NIP field.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Ulica/);
    await links.nth(3).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-nip');
    await links.nth(1).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-address-postalCode');

    // Fixed, the step goes on and the title loses its prefix.
    await page.fill('#f-address-street', 'Promna 1');
    await page.fill('#f-address-postalCode', '26-803');
    await page.fill('#f-address-city', 'Promna');
    await page.fill('#f-nip', '5261040828');
    await page.fill('#f-regon', '000331501');
    await page.fill('#f-head-name', 'Jan Kowalski');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Osoba do kontaktu i ośrodek pomocy społecznej' })
      .waitFor();
    await expect.poll(() => page.title()).not.toMatch(/^Błąd/);
    expect(pageErrors).toEqual([]);
  });

  it('finds gminas without Polish letters and says why a gmina the call is not for cannot be chosen', async () => {
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-26/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();

    await page.fill('#f-teryt', 'lopuszno');
    const lopuszno = page.locator('#gmina-2604083');
    await lopuszno.waitFor();
    expect(await page.textContent('label[for="gmina-2604083"]')).toContain('Łopuszno');
    expect(await page.textContent('label[for="gmina-2604083"]')).toContain(
      'powiat kielecki, województwo świętokrzyskie, gmina miejsko-wiejska',
    );
    // Since 2024 an urban-rural gmina: listed, but not for this call of rural gminas.
    expect(await lopuszno.isDisabled()).toBe(true);
    expect(await page.textContent('#gmina-2604083-why')).toBe(
      'Łopuszno to gmina miejsko-wiejska; ten nabór jest dla gmin wiejskich.',
    );
    // Described by the reason alone: the powiat, voivodeship and kind are in its name already.
    expect(await lopuszno.getAttribute('aria-describedby')).toBe('gmina-2604083-why');
    // Tab never reaches a result that cannot be chosen, so the count says why, and screen readers hear it
    // once the typing pauses.
    const said = 'Znaleziono 1 gminę. Łopuszno to gmina miejsko-wiejska; ten nabór jest dla gmin wiejskich.';
    expect(await page.textContent('.picker__status')).toBe(said);
    await expect.poll(() => page.locator('#f-teryt ~ [aria-live="polite"]').textContent()).toBe(said);
    await expectNoAxeViolations(page);

    // Dalej with only an ineligible gmina in view chooses nothing.
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.textContent('#f-teryt-error')).toContain('Wybierz gminę z listy.');

    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-18/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    await page.fill('#f-teryt', 'Pisz');
    const pisz = page.locator('#gmina-2816033');
    await pisz.waitFor();
    expect(await pisz.isDisabled()).toBe(true);
    expect(await page.textContent('#gmina-2816033-why')).toBe(
      'Pisz leży w województwie warmińsko-mazurskim; ten nabór jest dla gmin z województwa podkarpackiego.',
    );
    // Several found, some not for this call: the count says how many cannot be chosen.
    await page.fill('#f-teryt', 'bia');
    await expect
      .poll(() => page.textContent('.picker__status'))
      .toMatch(/^Znaleziono \d+ gmin.*Nie do wybrania w tym naborze: \d+\.$/);
    // A rural gmina of the call's voivodeship can be chosen.
    await page.fill('#f-teryt', 'domaradz');
    await page.locator('#gmina-1802022').check();
    await page.fill('#f-teryt', 'pisz');
    // The choice stays listed (and chosen) while the clerk searches for something else.
    expect(await page.isChecked('#gmina-1802022')).toBe(true);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('says when the list of gminas could not be loaded, and not that no gmina was found, and tries again', async () => {
    let fail = true;
    await page.route('**/register*.json', (route) =>
      fail ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-26/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Nie udało się wczytać listy gmin' }).waitFor();
    await page.fill('#f-teryt', 'oksa');
    expect(await page.textContent('.picker__status')).toBe('');
    await expectNoAxeViolations(page);

    fail = false;
    await page.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await page.locator('#gmina-2602052').waitFor();
    expect(await page.textContent('.picker__status')).toBe('Znaleziono 1 gminę.');
  });

  it('says on the check page when the gmina names could not be loaded, instead of showing bare codes', async () => {
    let fail = true;
    await page.route('**/register*.json', (route) =>
      fail ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/sprawdz`);
    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [
      'kooperacja.karta.liderzy-kooperacji-20',
      JSON.stringify({ answers: validAnswers('2003062'), serverErrors: {} }),
    ] as const);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Nie udało się wczytać listy gmin' }).waitFor();
    expect(await page.textContent('main')).not.toContain('Orla');
    await expectNoAxeViolations(page);
    fail = false;
    await page.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Orla');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('is in English once switched: steps, the picker and its reasons, the error summary and the check page', async () => {
    // The page's clock runs as usual; the test moves it on past a pause instead of sleeping through one.
    await page.clock.install();
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-26/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose the gmina' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.fill('#f-teryt', 'lopuszno');
    await page.locator('#gmina-2604083').waitFor();
    expect(await page.textContent('label[for="gmina-2604083"]')).toContain(
      'powiat kielecki, Świętokrzyskie voivodeship, urban-rural gmina',
    );
    expect(await page.textContent('#gmina-2604083-why')).toBe(
      'Łopuszno is an urban-rural gmina; this call is for rural gminas.',
    );
    await expectNoAxeViolations(page);
    const announced = page.locator('#f-teryt ~ [aria-live="polite"]');
    await expect.poll(() => announced.textContent()).toMatch(/^1 gmina found\./);
    // Back to Polish and at once to English: the same count in other words is not said again.
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('heading', { level: 1, name: /Wybierz gminę/ }).waitFor();
    // Past the pause after which a count is said, on the page's clock: its timers up to then have all run.
    await page.clock.runFor(1500);
    expect(await announced.textContent()).toBe('');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Choose the gmina/ }).waitFor();

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await page.textContent('#f-teryt-error')).toContain('Choose the gmina from the list.');
    await expectNoAxeViolations(page);

    // A complete card at the check page: its labels, the money figure and the choices in English. (Put in
    // from another page: a step keeps what is typed in it when it is left, over whatever else is stored.)
    await page.goto(siteUrl);
    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [
      'kooperacja.karta.liderzy-kooperacji-26',
      JSON.stringify({ answers: validAnswers('2604092'), serverErrors: {} }),
    ] as const);
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-26/zgloszenie/sprawdz`);
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('The gmina office');
    expect(main).toMatch(/PLN [\d,.]+/);
    expect(main).not.toContain(' zł');
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('says the allowed range of a figure or a year that is outside it', async () => {
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-18/zgloszenie/kryteria`);
    await page.getByRole('heading', { level: 1, name: /Dane do oceny zgłoszenia/ }).waitFor();
    await page.fill('#f-population-value', '0');
    await page.fill('#f-population-year', '1999');
    await page.fill('#f-solectwa-value', '501');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.locator('.error-summary').waitFor();
    const said = await page.locator('.error-summary li').allTextContents();
    expect(said).toContain('Liczba mieszkańców gminy: Wpisz liczbę od 1 do 2\u00a0000\u00a0000.');
    expect(said).toContain(
      `Liczba mieszkańców gminy — rok: Wpisz rok od 2000 do ${new Date().getUTCFullYear()}.`,
    );
    expect(said).toContain('Liczba sołectw: Wpisz liczbę od 0 do 500.');
    expect(await page.textContent('#f-population-value-error')).toContain(
      'Wpisz liczbę od 1 do 2\u00a0000\u00a0000.',
    );
  });

  it("judges a step never opened as its page would, and the step a check page's error leads to shows it", async () => {
    const answers = validAnswers('2003052');
    const partial = { ...answers, office: { ...answers.office, nip: '1234567890' } } as Record<
      string,
      unknown
    >;
    delete partial.infrastructure;
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/sprawdz`);
    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [
      'kooperacja.karta.liderzy-kooperacji-20',
      JSON.stringify({ answers: partial, serverErrors: {} }),
    ] as const);
    await page.reload();
    await page.getByRole('button', { name: 'Wyślij kartę zgłoszeniową' }).click();
    await page.locator('.error-summary').waitFor();
    // Nothing ticked and nothing typed in an optional field is what the infrastructure step accepts.
    expect(await page.locator('.error-summary li').allTextContents()).toEqual([
      expect.stringMatching(/^NIP gminy: /),
    ]);
    await page.locator('.error-summary a').click();
    await page.getByRole('heading', { level: 1, name: /Dane urzędu gminy/ }).waitFor();
    expect(await page.locator('.error-summary li').allTextContents()).toEqual([
      expect.stringMatching(/^NIP gminy: /),
    ]);
    // The step's own error summary has the focus (not its heading), so the next Tab reaches its link.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    expect(await page.getAttribute('#f-nip', 'aria-invalid')).toBe('true');

    // Fixed, and left by "Wstecz" rather than "Dalej": the check page no longer holds the old error.
    await page.fill('#f-nip', '526-104-08-28');
    await page.getByRole('link', { name: 'Wstecz' }).click();
    await page.getByRole('heading', { level: 1, name: /Wybierz gminę/ }).waitFor();
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/sprawdz`);
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await page.title()).toBe('Sprawdź odpowiedzi przed wysłaniem — Kooperacja');
  });

  it('keeps none of the sent answers in the tab when the clerk went Back while the card was on its way', async () => {
    const answers = validAnswers('2003042');
    answers.contacts.contact.email = `bocki.${Date.now()}@gmina.example`;
    const flowKey = 'kooperacja.karta.liderzy-kooperacji-20';
    // Put in from another page: a step keeps what is typed in it when it is left, over the seeded answers.
    await page.goto(siteUrl);
    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [
      flowKey,
      JSON.stringify({ answers, serverErrors: {} }),
    ] as const);
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/oswiadczenia`);
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/calls/*/cards', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Wyślij kartę zgłoszeniową' }).click();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /Oświadczenia/ }).waitFor();
    release();
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa została wysłana' }).waitFor();
    const flow = JSON.parse((await page.evaluate((key) => sessionStorage.getItem(key), flowKey)) ?? '{}');
    expect(flow.answers).toEqual({});
    expect(flow.receipt.reference).toMatch(/^KZ-/);
  });

  it('reuses the Idempotency-Key when sending is retried, sends once on a double click, and says when the gmina has a card', async () => {
    // A complete card for Płaska (podlaskie) put where the form keeps its answers, to start at the check page.
    const answers = validAnswers('2001062');
    answers.contacts.contact.email = `plaska.${Date.now()}@gmina.example`;
    const seed = (target: Page) =>
      target.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
        'kooperacja.karta.liderzy-kooperacji-20',
        JSON.stringify({ answers, serverErrors: {} }),
      ] as const);
    await seed(page);
    const keys: string[] = [];
    let failNext = true;
    await page.route('**/api/calls/*/cards', async (route) => {
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (failNext) {
        failNext = false;
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/sprawdz`);
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();
    const send = page.getByRole('button', { name: 'Wyślij kartę zgłoszeniową' });

    await send.click();
    await page.getByRole('alert').filter({ hasText: 'Nie udało się wysłać karty' }).waitFor();
    expect(await page.textContent('main')).toContain('karta nie zostanie wysłana dwa razy');
    await expect.poll(() => page.title()).toMatch(/^Błąd:/);
    await expectNoAxeViolations(page);

    // Two quick clicks on the retry: one request, with the key of the lost attempt.
    await send.dblclick();
    await page.getByRole('heading', { level: 1, name: 'Karta zgłoszeniowa została wysłana' }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // The same gmina again, from another browser: the API refuses, and the page says what to do instead.
    const other = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const again = await other.newPage();
    await seed(again);
    await again.goto(`${siteUrl}/nabory/liderzy-kooperacji-20/zgloszenie/sprawdz`);
    await again.getByRole('button', { name: 'Wyślij kartę zgłoszeniową' }).click();
    await again.getByRole('alert').filter({ hasText: 'użyj odnośnika z e-maila potwierdzającego' }).waitFor();
    await expectNoAxeViolations(again);
    await other.close();
    expect(pageErrors).toEqual([]);
  });

  it('reaches the form after its code failed to download in the background: the browser remembers the failure, so the page reloads once', async () => {
    let asked = 0;
    await page.route(/\/pages\/card-form[.-][^/]*$/, (route) =>
      asked++ === 0 ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-26`);
    await page.getByRole('heading', { level: 2, name: 'Zasady naboru' }).waitFor();
    // The call page fetches the form's code in the background after 2 s: here the link drops meanwhile.
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(1);
    await page.getByRole('link', { name: 'Wypełnij kartę zgłoszeniową' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    expect(asked).toBe(2);
  });

  it("reloads once, rather than loading for ever, when a page's English texts did not arrive", async () => {
    // English chosen earlier: the form's English texts are fetched with its code (on the way to the form, or
    // in the background from the call's page), and the first try fails.
    await page.addInitScript(() => localStorage.setItem('kooperacja.language', 'en'));
    let asked = 0;
    await page.route(/\/card\/texts-en[.-][^/]*$/, (route) =>
      asked++ === 0 ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-26`);
    await page.getByRole('heading', { level: 2, name: 'Rules of the call' }).waitFor();
    await page.getByRole('link', { name: 'Fill in the application card' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose the gmina' }).waitFor();
    expect(asked).toBe(2);
  });

  it('offers a reload in the chosen language when its texts did not arrive, rather than doing nothing', async () => {
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-26/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    let asked = 0;
    await page.route(/\/card\/texts-en[.-][^/]*$/, (route) =>
      asked++ === 0 ? route.abort('internetdisconnected') : route.continue(),
    );
    // The browser remembers the failed download: only a reload can fetch it again, which the clerk starts
    // (a reload unasked could lose what is typed and not yet kept).
    await page.getByRole('button', { name: 'English' }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'The language could not be switched.' });
    await failed.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await expectNoAxeViolations(page);
    await failed.getByRole('button', { name: 'Reload the page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose the gmina' }).waitFor();
    expect(asked).toBe(2);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('fetches the pages after the steps with their own code, and says how to recover when it cannot be fetched', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const afterSteps = (path: string) => /\/after-steps[.-][^/]*$/.test(path);
    let block = true;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/after-steps[.-][^/]*$/, async (route) => {
      if (block) return route.abort('internetdisconnected');
      await held;
      return route.continue();
    });
    await page.goto(`${siteUrl}/nabory/liderzy-kooperacji-06/zgloszenie`);
    await page.getByRole('heading', { level: 1, name: 'Wybierz gminę' }).waitFor();
    // The steps are here without the pages after them (those follow in the background after 3 s).
    expect(requested.filter(afterSteps)).toEqual([]);

    // On to the check page within the page, as Back and Forward go (no reload), while the link is down.
    await page.evaluate(() => {
      history.pushState(null, '', `${location.pathname}/sprawdz`);
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('heading', { level: 1, name: 'Nie udało się wczytać strony' }).waitFor();
    // The page reloads by itself once (a blip would be over by then), fails again, and then says so.
    await expect.poll(() => requested.filter(afterSteps)).toHaveLength(2);
    await page.getByRole('heading', { level: 1, name: 'Nie udało się wczytać strony' }).waitFor();
    await expect.poll(() => page.title()).toBe('Nie udało się wczytać strony — Kooperacja');
    expect(await page.getAttribute('main > [aria-busy]', 'aria-busy')).toBe('false');
    await expectNoAxeViolations(page);

    // Reloaded on a slow link: while the code is on its way, the page says so (live region, busy content,
    // title) instead of showing nothing. The message is outside the busy part, whose changes screen readers
    // hold back.
    block = false;
    await page.getByRole('button', { name: 'Odśwież stronę' }).click();
    await expect.poll(() => page.title()).toBe('Wczytywanie strony… — Kooperacja');
    expect(await page.getAttribute('main > [aria-busy]', 'aria-busy')).toBe('true');
    expect(await page.getByRole('status').filter({ hasText: 'Wczytywanie strony…' }).count()).toBe(1);
    expect(await page.locator('[aria-busy="true"] [role="status"]').count()).toBe(0);
    release();
    await page.getByRole('heading', { level: 1, name: 'Sprawdź odpowiedzi przed wysłaniem' }).waitFor();
    expect(await page.getAttribute('main > [aria-busy]', 'aria-busy')).toBe('false');
    await expectNoAxeViolations(page);
  });
});
