import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { sentMail } from './cards.ts';

/** The sign-in links e-mailed to an address so far, oldest first. */
export async function signInLinks(inboxUrl: string, address: string): Promise<string[]> {
  const mails = (await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(address));
  return mails.flatMap(
    (mail) => /(http\S+\/admin\/logowanie#t=[A-Za-z0-9_-]{43})/.exec(mail.body.text)?.[1] ?? [],
  );
}

/**
 * From the panel's sign-in form on `page`: asks for a link for `address` and opens the one e-mailed, which
 * shows the "Zaloguj się" button (left to the caller to press, as a coordinator does).
 */
export async function openEmailedSignInLink(page: Page, inboxUrl: string, address: string): Promise<void> {
  const before = (await signInLinks(inboxUrl, address)).length;
  await page.getByLabel('Służbowy adres e-mail').fill(address);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Sprawdź skrzynkę e-mail' }).waitFor();
  await expect.poll(async () => (await signInLinks(inboxUrl, address)).length).toBe(before + 1);
  await page.goto((await signInLinks(inboxUrl, address)).at(-1) as string);
}
