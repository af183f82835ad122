import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../shared/reminders/holidays.ts';
import { warsawDate } from '../../shared/time.ts';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { sentMail } from '../support/cards.ts';
import { runReminders } from '../support/reminders-cli.ts';

/**
 * A deadline that asks for a document, in Chromium with axe on every screen and state: the pomorskie
 * coordinator adds one naming the document, the planner and sender run as of its first reminder
 * (`npm run reminders -- --now`), the reminder's upload link (from the SES emulator's store) opens the
 * party's page, a file that is not a PDF is refused, a PDF is uploaded and confirmed with its SHA-256, and
 * the coordinator's screen shows it delivered with a download.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const COORDINATOR = 'koordynator.22@kooperacja.example';
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

const polish = (day: string) => day.split('-').reverse().join('.');

describe('a document asked for by a deadline', () => {
  it('is uploaded through the e-mailed link, confirmed with its hash, and shown to the coordinator', async () => {
    const title = `Sprawozdanie z KM I e2e ${Date.now()}`;
    await page.goto(`${siteUrl}/admin/przypomnienia/nowy?woj=22`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nowy termin' }).waitFor();
    await page.getByLabel('Nazwa terminu').fill(title);
    await page
      .getByRole('textbox', { name: 'Dzień (dd.mm.rrrr)' })
      .fill(polish(addDays(warsawDate(new Date()), 20)));
    await page.getByRole('textbox', { name: 'Godzina (gg:mm)' }).fill('12:00');
    await page.getByRole('checkbox', { name: 'koordynatorzy ROPS województwa' }).check();
    await page.getByLabel('Dokument, o który prosisz (opcjonalnie)').fill('Sprawozdanie z KM I');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Zapisz termin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();

    // Nobody has delivered yet.
    await page.getByRole('link', { name: 'Dokumenty przesyłane przez gminy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dokumenty od gmin: pomorskie' }).waitFor();
    const table = page.getByRole('table', { name: title });
    await table
      .getByRole('row')
      .filter({ hasText: COORDINATOR })
      .filter({ hasText: 'nie przesłano' })
      .waitFor();
    await expectNoAxeViolations(page);

    // The first reminder, as of its instant: it carries the coordinator's own upload link.
    const planned = (await page.evaluate(() =>
      fetch('/api/admin/reminders/upcoming?wojewodztwo=22').then((response) => response.json()),
    )) as { reminders: { title: string; sendAt: string }[] };
    const first = planned.reminders.find((reminder) => reminder.title === title)?.sendAt as string;
    expect(first).toBeDefined();
    await runReminders(first, new Date(Date.parse(first) - 60_000).toISOString());
    const reminders = async () =>
      (await sentMail(inboxUrl)).filter(
        (mail) => mail.destination.to.includes(COORDINATOR) && mail.subject.includes(title),
      );
    await expect.poll(async () => (await reminders()).length).toBe(1);
    const link = /http:\/\/\S+\/porozumienie\/dokument#t=[A-Za-z0-9_-]{43}/.exec(
      (await reminders())[0]?.body.text ?? '',
    )?.[0];
    expect(link).toBeDefined();

    const pdf = Buffer.alloc(200_000, 32);
    pdf.write('%PDF-1.7\n');
    const sha256 = createHash('sha256').update(pdf).digest('hex');

    // The party's page, opened from the e-mail: the token leaves the address bar.
    const party = await openPage(browser);
    try {
      await party.page.goto(link as string);
      await party.page.getByRole('heading', { level: 1, name: 'Przesłanie dokumentu' }).waitFor();
      await party.page.getByText('Sprawozdanie z KM I', { exact: true }).waitFor();
      expect(party.page.url()).not.toContain('#t=');
      await expectNoAxeViolations(party.page);

      // Not a PDF: refused before anything is sent, the summary leads to the field.
      const input = party.page.getByLabel('Plik PDF');
      await input.setInputFiles({
        name: 'notatka.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('To nie jest PDF.'),
      });
      await party.page.getByRole('button', { name: 'Prześlij dokument' }).click();
      const summary = party.page.getByRole('alert').filter({ hasText: 'Wystąpił problem' });
      await summary.getByRole('link', { name: /nie jest plikiem PDF/ }).waitFor();
      await expectNoAxeViolations(party.page);

      await input.setInputFiles({ name: 'Sprawozdanie KM I.pdf', mimeType: 'application/pdf', buffer: pdf });
      await party.page.getByRole('button', { name: 'Prześlij dokument' }).click();
      await party.page.getByRole('heading', { level: 2, name: 'Dokument przesłany' }).waitFor();
      await party.page.getByText(sha256).first().waitFor();
      expect(await party.page.evaluate(() => document.activeElement?.textContent)).toBe('Dokument przesłany');
      await party.page.getByRole('heading', { level: 2, name: 'Zastąp dokument' }).waitFor();
      await expectNoAxeViolations(party.page);
    } finally {
      await party.context.close();
    }

    // The coordinator sees it delivered, and downloads the very file.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dokumenty od gmin: pomorskie' }).waitFor();
    const row = table.getByRole('row').filter({ hasText: COORDINATOR });
    await row.filter({ hasText: 'przesłany' }).filter({ hasText: sha256 }).waitFor();
    const href = (await row.getByRole('link', { name: /Pobierz/ }).getAttribute('href')) as string;
    const downloaded = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, size: (await response.arrayBuffer()).byteLength };
    }, href);
    expect(downloaded).toEqual({ status: 200, size: 200_000 });
    await expectNoAxeViolations(page);
  });
});
