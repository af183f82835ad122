import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../shared/reminders/holidays.ts';
import { warsawDate } from '../../shared/time.ts';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { sentMail } from '../support/cards.ts';
import { runReminders } from '../support/reminders-cli.ts';

/**
 * The panel's reminders in Chromium, each screen and state checked by axe: a coordinator signs in by the
 * e-mailed link, adds a deadline of their own (a date in the past first: the summary names it and leads to
 * the field), sees its reminders of the next 30 days, previews its e-mail, sends a test to themselves
 * (found in the SES emulator's store), and, once the planner and sender have run as of its first reminder
 * (`npm run reminders -- --now`), reads it in the log of sent ones.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const COORDINATOR = 'koordynator.30@kooperacja.example';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  const opened = await openPage(browser);
  ({ page } = opened);
  return () => opened.context.close();
});

/** "15.03.2027": a Warsaw day as a Polish coordinator types it. */
const polish = (day: string) => day.split('-').reverse().join('.');

describe('reminders in the panel (the wielkopolskie coordinator)', () => {
  it('adds a deadline, previews and tests its e-mail, and reads the log once it is sent', async () => {
    const title = `Sprawozdanie e2e ${Date.now()}`;
    await page.goto(`${siteUrl}/admin/przypomnienia`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();

    // The screen: the voivodeship's reminders; the navigation marks it.
    await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Najbliższe przypomnienia (30 dni): wielkopolskie' })
      .waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Panel' })
        .getByRole('link', { name: 'Przypomnienia' })
        .getAttribute('aria-current'),
    ).toBe('page');
    await expectNoAxeViolations(page);

    // The documents' screen and the new deadline's form at their bare addresses (as the README names them):
    // the coordinator's voivodeship, not "Nie znaleziono strony".
    await page.goto(`${siteUrl}/admin/przypomnienia/dokumenty`);
    await page.getByRole('heading', { level: 1, name: 'Dokumenty od gmin: wielkopolskie' }).waitFor();
    await page.goto(`${siteUrl}/admin/przypomnienia/nowy`);
    await page.getByRole('heading', { level: 1, name: 'Nowy termin' }).waitFor();
    await page.getByRole('link', { name: 'Wróć do przypomnień' }).click();
    await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();

    // A new deadline: a day in the past first.
    await page.getByRole('link', { name: 'Dodaj własny termin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nowy termin' }).waitFor();
    // The voivodeship's name in the nominative, where Polish grammar lets it stand uninflected.
    await page.getByText('Województwo wielkopolskie: przypomnienia wyślemy o 8:00').waitFor();
    expect(await page.getByLabel('Których gmin dotyczy').locator('option').first().textContent()).toBe(
      'Wszystkie wybrane gminy (województwo wielkopolskie)',
    );
    await expectNoAxeViolations(page);
    await page.getByLabel('Nazwa terminu').fill(title);
    await page.getByLabel('Opis (nieobowiązkowy)').fill('Sprawozdanie z kwartału: wyślij je koordynatorowi.');
    await page.getByRole('textbox', { name: 'Dzień (dd.mm.rrrr)' }).fill('01.01.2020');
    await page.getByRole('textbox', { name: 'Godzina (gg:mm)' }).fill('12:00');
    await page.getByRole('checkbox', { name: 'koordynatorzy ROPS województwa' }).check();
    await page.getByRole('button', { name: 'Zapisz termin' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Popraw błędy w formularzu' });
    await summary.getByRole('link', { name: 'Termin musi być w przyszłości.' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await expectNoAxeViolations(page);
    await summary.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-dueAt-date');

    // Two errors further down: the summary lists them in the form's order (the document, then the days).
    await page.getByLabel('Dokument, o który prosisz (opcjonalnie)').fill('S'.repeat(201));
    await page.getByLabel('Ile dni przed terminem przypomnieć').fill('tydzień');
    await page.getByRole('button', { name: 'Zapisz termin' }).click();
    await summary.getByRole('link', { name: 'Nazwa dokumentu może mieć najwyżej 200 znaków.' }).waitFor();
    // (The form's contract is checked before the date's place in time, so the past date waits its turn.)
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Nazwa dokumentu może mieć najwyżej 200 znaków.',
      'Podaj liczby całkowite dni oddzielone przecinkami, na przykład 14, 7, 1, 0.',
    ]);
    await page.getByLabel('Dokument, o który prosisz (opcjonalnie)').fill('');
    await page.getByLabel('Ile dni przed terminem przypomnieć').fill('14, 7, 1, 0');

    // Twenty days ahead at noon: its 14-, 7- and 1-day reminders fall within the next 30 days.
    const dueDay = addDays(warsawDate(new Date()), 20);
    await page.getByRole('textbox', { name: 'Dzień (dd.mm.rrrr)' }).fill(polish(dueDay));
    await page.getByRole('button', { name: 'Zapisz termin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Zapisano termin „${title}”` })
      .waitFor();
    const upcoming = page.getByRole('table', { name: /Najbliższe przypomnienia/ });
    const rows = upcoming.getByRole('row').filter({ hasText: title });
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.first().textContent()).toContain('termin koordynatora');
    expect(await rows.first().textContent()).toContain('koordynatorzy');
    await expectNoAxeViolations(page);

    // Who it would go to now, by address (not only how many).
    const tools = page.getByRole('region', { name: title });
    await tools.getByText(`Odbiorcy, gdyby wysłać teraz:`).click();
    await tools
      .getByRole('listitem')
      .filter({ hasText: COORDINATOR })
      .filter({ hasText: 'koordynator' })
      .waitFor();
    await expectNoAxeViolations(page);

    // Its e-mail, previewed: sent to nobody.
    await tools.getByText(`Podgląd wiadomości: ${title}`).click();
    await tools.getByText('Sprawozdanie z kwartału: wyślij je koordynatorowi.').waitFor();
    expect(await tools.textContent()).toContain(`Przypomnienie: ${title}`);
    await expectNoAxeViolations(page);

    // A test to oneself, found in the emulator's store.
    await tools.getByRole('button', { name: `Wyślij test do mnie — ${title}` }).click();
    await tools
      .getByRole('status')
      .filter({ hasText: `Wysłano wiadomość testową na adres ${COORDINATOR}` })
      .waitFor();
    const tests = async () =>
      (await sentMail(inboxUrl)).filter(
        (mail) =>
          mail.destination.to.includes(COORDINATOR) &&
          mail.subject.startsWith('[TEST]') &&
          mail.subject.includes(title),
      );
    await expect.poll(async () => (await tests()).length).toBe(1);
    expect((await tests())[0]?.body.text).toContain('Sprawozdanie z kwartału');
    await expectNoAxeViolations(page);

    // The planner and sender as of the first reminder: it goes to the voivodeship's coordinators.
    const planned = (await page.evaluate(() =>
      fetch('/api/admin/reminders/upcoming?wojewodztwo=30').then((response) => response.json()),
    )) as { reminders: { title: string; sendAt: string }[] };
    const first = planned.reminders.find((reminder) => reminder.title === title)?.sendAt as string;
    expect(first).toBeDefined();
    await runReminders(first, new Date(Date.parse(first) - 60_000).toISOString());
    await expect
      .poll(
        async () =>
          (await sentMail(inboxUrl)).filter(
            (mail) =>
              mail.destination.to.includes(COORDINATOR) &&
              !mail.subject.startsWith('[TEST]') &&
              mail.subject.includes(title),
          ).length,
      )
      .toBe(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();
    const log = page.getByRole('table', { name: 'Wysłane przypomnienia' });
    const sentRow = log.getByRole('row').filter({ hasText: COORDINATOR }).filter({ hasText: title });
    await sentRow.waitFor();
    expect(await sentRow.textContent()).toContain('wysłane');
    expect(await sentRow.textContent()).toContain('14 dni przed');
    await page.getByRole('heading', { level: 2, name: 'Adresy, do których nie wysyłamy' }).waitFor();
    await expectNoAxeViolations(page);
  });
  it('shows a milestone’s start and end as a day, not as its last minute', async () => {
    // The planner brings the demo milestones' deadlines up to date; an instant long past sends nothing.
    await runReminders('2020-01-01T00:01', '2020-01-01T00:00');
    await page.goto(`${siteUrl}/admin/przypomnienia`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    await openEmailedSignInLink(page, inboxUrl, 'koordynator.20@kooperacja.example');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    const upcoming = page.getByRole('table', { name: /Najbliższe przypomnienia/ });
    const milestone = upcoming.getByRole('row').filter({ hasText: 'koniec kamienia milowego' }).first();
    await milestone.waitFor();
    // The columns: the send, the deadline, when it falls, how long before, the recipients.
    const falls = (await milestone.getByRole('cell').nth(1).textContent()) ?? '';
    expect(falls).toMatch(/^\d{1,2} \p{L}+ \d{4}$/u);
    const region = page.getByRole('region', { name: /^KM I / }).first();
    // The day, then the list of its reminders' days (no time after the day).
    expect(await region.textContent()).toMatch(
      /koniec kamienia milowego — \d{1,2} \p{L}+ \d{4}Przypomnienia/u,
    );
    // A milestone follows its programme: neither changed nor called off here.
    expect(await region.getByRole('link', { name: /^Zmień/ }).count()).toBe(0);
    expect(await region.getByRole('button', { name: /^Odwołaj/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
