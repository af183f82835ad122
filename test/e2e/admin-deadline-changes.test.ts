import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../shared/reminders/holidays.ts';
import { warsawDate, warsawLocalToInstant } from '../../shared/time.ts';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';

/**
 * Deadlines ahead in the panel, in Chromium with axe on each screen and state: a coordinator adds a deadline
 * 60 days ahead (past the 30 days of upcoming sends) and finds it under "Terminy" with its reminders' days,
 * changes it (a day that does not exist first: the summary names it), meets a change someone else saved
 * meanwhile (the form keeps what was typed until the current version is asked for), and calls it off after
 * a confirmation, the notice staying (with the focus) when the list read again no longer has it.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
// Lubuskie's coordinator: no other e2e file uses it, so its deadlines list holds only this file's.
const COORDINATOR = 'koordynator.08@kooperacja.example';
const WOJ = '08';
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  const opened = await openPage(browser);
  ({ page, errors } = opened);
  return () => opened.context.close();
});

/** "15.03.2027": a Warsaw day as a Polish coordinator types it. */
const polish = (day: string) => day.split('-').reverse().join('.');
const today = () => warsawDate(new Date());

type Listed = { id: string; title: string; dueAt: string; revision: number };

/** The deadlines ahead as the API lists them to the signed-in page. */
async function listed(): Promise<Listed[]> {
  return (
    (await page.evaluate(
      (woj) => fetch(`/api/admin/reminders/deadlines?wojewodztwo=${woj}`).then((response) => response.json()),
      WOJ,
    )) as { deadlines: Listed[] }
  ).deadlines;
}

/** Someone else's change, saved through the API over the revision they read. */
async function changedElsewhere(deadline: Listed, title: string): Promise<number> {
  return page.evaluate(
    ({ id, body }) =>
      fetch(`/api/admin/reminders/deadlines/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((response) => response.status),
    {
      id: deadline.id,
      body: {
        title,
        description: '',
        dueAt: `${addDays(today(), 70)}T09:00`,
        timeZone: 'Europe/Warsaw',
        wojewodztwa: [WOJ],
        offsetsDays: [14, 7, 1, 0],
        revision: deadline.revision,
      },
    },
  );
}

async function signIn(): Promise<void> {
  await page.goto(`${siteUrl}/admin/przypomnienia?woj=${WOJ}`);
  await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
  await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();
}

async function addDeadline(title: string, day: string): Promise<void> {
  await page.getByRole('link', { name: 'Dodaj własny termin' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nowy termin' }).waitFor();
  await page.getByLabel('Nazwa terminu').fill(title);
  await page.getByRole('textbox', { name: 'Dzień (dd.mm.rrrr)' }).fill(polish(day));
  await page.getByRole('textbox', { name: 'Godzina (gg:mm)' }).fill('12:00');
  await page.getByRole('checkbox', { name: 'koordynatorzy ROPS województwa' }).check();
  await page.getByRole('button', { name: 'Zapisz termin' }).click();
  await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: `Zapisano termin „${title}”` })
    .waitFor();
}

/** The page fits a 320 px screen: nothing but its tables scrolls sideways (WCAG 1.4.10). */
async function expectFits320(): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBe(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('deadlines ahead in the panel (the lubuskie coordinator)', () => {
  it('lists a deadline two months ahead, changes it, and calls it off after a confirmation', async () => {
    const title = `Plan e2e ${Date.now()}`;
    const moved = `${title} (przesunięty)`;
    await signIn();
    const firstDay = addDays(today(), 60);
    await addDeadline(title, firstDay);

    // Under "Terminy" with its kind, its day and its four reminders' days, though none is in the 30 days.
    const deadlines = page.getByRole('region', { name: 'Terminy' });
    const tools = deadlines.getByRole('region', { name: title });
    await tools.waitFor();
    expect(await tools.textContent()).toContain('termin koordynatora');
    expect(await tools.locator('time').first().getAttribute('datetime')).toBe(
      warsawLocalToInstant(`${firstDay}T12:00`).toISOString(),
    );
    expect(
      await tools
        .getByRole('list', { name: /Przypomnienia/ })
        .getByRole('listitem')
        .count(),
    ).toBe(4);
    expect(await tools.textContent()).toContain('14 dni przed');
    expect(
      await page
        .getByRole('table', { name: /Najbliższe przypomnienia/ })
        .getByRole('row')
        .filter({ hasText: title })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(page);
    await expectFits320();

    // Its change: the form as it was saved, the day as a Pole types it.
    await tools.getByRole('link', { name: `Zmień termin „${title}”` }).click();
    await page.getByRole('heading', { level: 1, name: 'Zmiana terminu' }).waitFor();
    expect(await page.getByLabel('Nazwa terminu').inputValue()).toBe(title);
    expect(await page.getByRole('textbox', { name: 'Dzień (dd.mm.rrrr)' }).inputValue()).toBe(
      polish(firstDay),
    );
    expect(await page.getByRole('textbox', { name: 'Godzina (gg:mm)' }).inputValue()).toBe('12:00');
    expect(await page.getByLabel('Ile dni przed terminem przypomnieć').inputValue()).toBe('14, 7, 1, 0');
    await page.getByText('Przypomnienie już wysłane nie wyjdzie drugi raz').waitFor();
    await page.getByText('Kto dostaje przypomnienia: koordynatorzy ROPS województwa').waitFor();
    await expectNoAxeViolations(page);

    // A day that does not exist: the summary names it, takes the focus and leads to the field.
    await page.getByLabel('Nazwa terminu').fill(moved);
    await page.getByRole('textbox', { name: 'Dzień (dd.mm.rrrr)' }).fill('31.02.2027');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Popraw błędy w formularzu' });
    const dayError = 'Podaj prawdziwy dzień w formacie dd.mm.rrrr i godzinę w formacie gg:mm.';
    await summary.getByRole('link', { name: dayError }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^Błąd/);
    await expectNoAxeViolations(page);
    await expectFits320();
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-dueAt-date');
    // Nothing changed.
    expect((await listed()).find((deadline) => deadline.title === title)?.revision).toBe(0);

    // Moved by two weeks with a new name: the list shows both.
    const secondDay = addDays(today(), 74);
    await page.getByRole('textbox', { name: 'Dzień (dd.mm.rrrr)' }).fill(polish(secondDay));
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Zapisano zmiany terminu „${moved}”` })
      .waitFor();
    const movedTools = deadlines.getByRole('region', { name: moved });
    await movedTools.waitFor();
    expect(await deadlines.getByRole('region', { name: title, exact: true }).count()).toBe(0);
    expect(await movedTools.locator('time').first().getAttribute('datetime')).toBe(
      warsawLocalToInstant(`${secondDay}T12:00`).toISOString(),
    );
    await expectNoAxeViolations(page);

    // Someone else saves a change while the form is open: the form keeps what was typed, says so, and
    // loads the current version only when asked.
    await movedTools.getByRole('link', { name: `Zmień termin „${moved}”` }).click();
    await page.getByRole('heading', { level: 1, name: 'Zmiana terminu' }).waitFor();
    const current = (await listed()).find((deadline) => deadline.title === moved) as Listed;
    const theirs = `${title} (zmiana innej osoby)`;
    expect(await changedElsewhere(current, theirs)).toBe(200);
    await page.getByLabel('Nazwa terminu').fill(`${title} (moja zmiana)`);
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Ktoś zmienił ten termin w międzyczasie' });
    await stale.waitFor();
    expect(await focusedText()).toContain('Ktoś zmienił ten termin w międzyczasie');
    expect(await page.getByLabel('Nazwa terminu').inputValue()).toBe(`${title} (moja zmiana)`);
    await expectNoAxeViolations(page);
    await stale.getByRole('button', { name: 'Wczytaj obecną wersję' }).click();
    await expect.poll(() => page.getByLabel('Nazwa terminu').inputValue()).toBe(theirs);
    expect(await page.getByRole('textbox', { name: 'Godzina (gg:mm)' }).inputValue()).toBe('09:00');
    await page.getByRole('link', { name: 'Wróć do przypomnień' }).click();
    await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();

    // Called off: a real button, then the question on the spot; "no" keeps it and gives the focus back.
    const theirTools = deadlines.getByRole('region', { name: theirs });
    const editHref = (await theirTools
      .getByRole('link', { name: `Zmień termin „${theirs}”` })
      .getAttribute('href')) as string;
    await theirTools.getByRole('button', { name: `Odwołaj termin „${theirs}”` }).click();
    await theirTools.getByText(`Odwołać termin „${theirs}”?`).waitFor();
    expect(await focusedText()).toContain(`Odwołać termin „${theirs}”?`);
    await expectNoAxeViolations(page);
    await expectFits320();
    await theirTools.getByRole('button', { name: 'Nie, zostaw go' }).click();
    await expect.poll(focusedText).toContain(`Odwołaj termin „${theirs}”`);
    await theirTools.getByRole('button', { name: `Odwołaj termin „${theirs}”` }).click();
    await theirTools.getByRole('button', { name: 'Tak, odwołaj termin' }).click();
    const notice = deadlines.getByRole('status').filter({ hasText: `Odwołano termin „${theirs}”` });
    await notice.waitFor();
    // Gone from the list read again, the notice still there and focused.
    await expect.poll(() => theirTools.count()).toBe(0);
    await notice.waitFor();
    expect(await focusedText()).toContain(`Odwołano termin „${theirs}”`);
    expect((await listed()).map((deadline) => deadline.title)).not.toContain(theirs);
    await expectNoAxeViolations(page);

    // Its change's address now says it is gone, with no form.
    await page.goto(`${siteUrl}${editHref}`);
    await page.getByText('Tego terminu nie ma na liście terminów, które jeszcze nie minęły').waitFor();
    expect(await page.getByRole('button', { name: 'Zapisz zmiany' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('says a deadline changed meanwhile is not called off, and shows its current version', async () => {
    const title = `Raport e2e ${Date.now()}`;
    await signIn();
    await addDeadline(title, addDays(today(), 50));
    const deadlines = page.getByRole('region', { name: 'Terminy' });
    const tools = deadlines.getByRole('region', { name: title });
    await tools.getByRole('button', { name: `Odwołaj termin „${title}”` }).click();
    const theirs = `${title} (zmiana innej osoby)`;
    expect(await changedElsewhere((await listed()).find((d) => d.title === title) as Listed, theirs)).toBe(
      200,
    );
    await tools.getByRole('button', { name: 'Tak, odwołaj termin' }).click();
    const notice = deadlines.getByRole('status').filter({ hasText: `Nie odwołaliśmy terminu „${title}”` });
    await notice.waitFor();
    // The list read again: their version, still there, not called off.
    await deadlines.getByRole('region', { name: theirs }).waitFor();
    expect(await focusedText()).toContain('ktoś go w międzyczasie zmienił');
    expect((await listed()).map((deadline) => deadline.title)).toContain(theirs);
    await expectNoAxeViolations(page);

    // In English: the same list and its change's form.
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Deadlines' });
    await english.getByRole('region', { name: theirs }).getByText('14 days before').waitFor();
    await english.getByRole('link', { name: `Change deadline “${theirs}”` }).click();
    await page.getByRole('heading', { level: 1, name: 'Change of a deadline' }).waitFor();
    await page.getByLabel('Name of the deadline').waitFor();
    await expectNoAxeViolations(page);
  });
});
