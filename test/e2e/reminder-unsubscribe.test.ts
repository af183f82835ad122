import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openEmailedSignInLink } from '../support/admin.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { sentMail } from '../support/cards.ts';
import { runReminders } from '../support/reminders-cli.ts';

/**
 * The page the unsubscribe link in an optional reminder's body opens, in Chromium with axe: a coordinator's
 * deadline is reminded (`npm run reminders -- --now` as of its first send) to the lubelskie coordinators;
 * the link from the e-mail opens a page that explains and changes nothing until its one button is pressed
 * (a mail scanner following the link unsubscribes nobody); pressed, the address is opted out and the panel
 * lists it. A broken link and a link without its token say so in Polish.
 */
const siteUrl = inject('siteUrl');
const inboxUrl = inject('inboxUrl');
const COORDINATOR = 'koordynator.06@kooperacja.example';
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

/** The panel's list of addresses no longer reached in lubelskie, as the signed-in coordinator reads it. */
const suppressed = async () =>
  (await page.evaluate(() =>
    fetch('/api/admin/reminders/suppressed?wojewodztwo=06').then((response) => response.json()),
  )) as { addresses: { email: string; reason: string }[] };

describe('the unsubscribe page of a reminder', () => {
  it('unsubscribes only when its button is pressed, and says so', async () => {
    await page.goto(`${siteUrl}/admin/przypomnienia`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do panelu koordynatora' }).waitFor();
    await openEmailedSignInLink(page, inboxUrl, COORDINATOR);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { level: 1, name: 'Przypomnienia o terminach' }).waitFor();

    const title = `Spotkanie sieci ${Date.now()}`;
    const dueAt = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
    const created = (await page.evaluate(
      async ([title, dueAt]) =>
        (
          await fetch('/api/admin/reminders/deadlines', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              title,
              description: '',
              dueAt: `${dueAt}T10:00`,
              wojewodztwa: ['06'],
              audience: ['coordinators'],
            }),
          })
        ).json(),
      [title, dueAt],
    )) as { deadline: { optional: boolean; sends: { at: string }[] } };
    expect(created.deadline.optional).toBe(true);
    const first = created.deadline.sends[0]?.at as string;
    await runReminders(
      new Date(Date.parse(first) + 60_000).toISOString(),
      new Date(Date.parse(first) - 60_000).toISOString(),
    );
    let reminder: Awaited<ReturnType<typeof sentMail>>[number] | undefined;
    await expect
      .poll(async () => {
        reminder = (await sentMail(inboxUrl)).find(
          (mail) => mail.destination.to.includes(COORDINATOR) && mail.subject.includes(title),
        );
        return reminder !== undefined;
      })
      .toBe(true);
    const link = /https?:\/\/\S+\/przypomnienia\/rezygnacja#t=\S+/.exec(reminder?.body.text ?? '')?.[0];
    expect(link, reminder?.body.text).toBeDefined();

    // Opened, as a scanner or a person would: it explains, and nothing has changed yet.
    await page.goto(`${siteUrl}${new URL(link as string).pathname}${new URL(link as string).hash}`);
    await page.getByRole('heading', { level: 1, name: 'Rezygnacja z przypomnień' }).waitFor();
    expect(await page.title()).toContain('Rezygnacja z przypomnień');
    // The token leaves the address bar (history, a shared screen).
    expect(new URL(page.url()).hash).toBe('');
    await page.getByText('Przypomnienia obowiązkowe').waitFor();
    await expectNoAxeViolations(page);
    expect((await suppressed()).addresses.map((entry) => entry.email)).not.toContain(COORDINATOR);

    await page.getByRole('button', { name: 'Zrezygnuj z przypomnień' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Gotowe' });
    await status.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Gotowe');
    await expectNoAxeViolations(page);
    expect((await suppressed()).addresses).toContainEqual(
      expect.objectContaining({ email: COORDINATOR, reason: 'opted-out' }),
    );
  });

  it('says in Polish that a broken link or one without its token unsubscribes nothing', async () => {
    await page.goto(`${siteUrl}/przypomnienia/rezygnacja#t=${'a'.repeat(40)}`);
    await page.getByRole('heading', { level: 1, name: 'Rezygnacja z przypomnień' }).waitFor();
    await page.getByRole('button', { name: 'Zrezygnuj z przypomnień' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Ten odnośnik jest nieprawidłowy lub niepełny' })
      .waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`${siteUrl}/przypomnienia/rezygnacja`);
    await page.getByRole('heading', { level: 1, name: 'Rezygnacja z przypomnień' }).waitFor();
    await page.getByText('Ten odnośnik jest nieprawidłowy lub niepełny').waitFor();
    expect(await page.getByRole('button', { name: 'Zrezygnuj z przypomnień' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Any other unknown path is still "not found".
    await page.goto(`${siteUrl}/przypomnienia/inna`);
    await page.getByRole('heading', { level: 1, name: 'Nie znaleziono strony' }).waitFor();
  });
});
