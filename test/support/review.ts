import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openEmailedSignInLink } from './admin.ts';
import { type SentMail, sentMail } from './cards.ts';

/** Signs `address` in through the panel's e-mailed link and waits for the list of cards. */
export async function signInToPanel(page: Page, siteUrl: string, inboxUrl: string, address: string) {
  await page.goto(`${siteUrl}/admin/logowanie`);
  await openEmailedSignInLink(page, inboxUrl, address);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('heading', { level: 1, name: 'Karty zgłoszeniowe' }).waitFor();
}

/**
 * A request to the API from the panel's own page (same origin, with its session cookie), as the panel's
 * code makes it: for steps a test takes on other cards without clicking through them.
 */
export async function fromPanel(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body },
  );
}

/** The card's review revision as the panel reads it. */
export async function revisionOf(page: Page, callId: string, teryt: string): Promise<number> {
  const { status, body } = await fromPanel(page, 'GET', `/api/admin/cards/${callId}/${teryt}`);
  expect(status).toBe(200);
  return (body as { review: { revision: number } }).review.revision;
}

/** A Warsaw calendar day `days` from now, as a coordinator types it: "31.12.2026". */
export function warsawDayFromNow(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  const [year, month, date] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' })
    .format(day)
    .split('-');
  return `${Number(date)}.${Number(month)}.${year}`;
}

/** The mails sent to `address` so far whose text contains `text`, waited for until there is one. */
export async function mailTo(inboxUrl: string, address: string, text: string): Promise<SentMail> {
  const find = async () =>
    (await sentMail(inboxUrl)).filter(
      (mail) => mail.destination.to.includes(address) && mail.body.text.includes(text),
    );
  await expect.poll(async () => (await find()).length).toBeGreaterThan(0);
  return (await find()).at(-1) as SentMail;
}
