import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { TABLE_NAME } from '../../functions/local/stack.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { dbOf } from '../../functions/repositories/dynamo.ts';
import { CARD_FORM_VERSION } from '../../shared/card-form-version.ts';
import { ERROR_MESSAGES_PL } from '../../shared/messages/errors-pl.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { removeCall } from '../support/calls.ts';

/**
 * A call set up for a later edition of the card than this site has: its page and its form route say so
 * instead of offering a form whose answers the API would refuse.
 */
const siteUrl = inject('siteUrl');
const client = localDynamoClient(inject('dynamodbUrl'));
const callId = `nabor-v${CARD_FORM_VERSION + 1}-${Date.now()}`;
const day = 86_400_000;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  await createCall(dbOf(client, TABLE_NAME), {
    id: callId,
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór z nową wersją karty zgłoszeniowej',
    wojewodztwa: ['26'],
    gminaKinds: ['wiejska'],
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 30 * day).toISOString(),
    formVersion: CARD_FORM_VERSION + 1,
    rules: '',
  });
  browser = await launchBrowser();
});

// Other files count the demo's five open calls on this shared stack: the call goes afterwards.
afterAll(async () => {
  await browser?.close();
  client.destroy();
  await removeCall(inject('dynamodbUrl'), callId);
});

beforeEach(async () => {
  const opened = await openPage(browser);
  ({ page, errors: pageErrors } = opened);
  return () => opened.context.close();
});

describe('a call for another version of the card', () => {
  it('says so on its page and its form route, and offers no form', async () => {
    await page.goto(`${siteUrl}/nabory/${callId}`);
    await page.getByRole('heading', { level: 1, name: 'Nabór z nową wersją karty zgłoszeniowej' }).waitFor();
    await page.getByText(ERROR_MESSAGES_PL.FORM_VERSION_UNSUPPORTED).waitFor();
    expect(await page.getByRole('link', { name: 'Wypełnij kartę zgłoszeniową' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.goto(`${siteUrl}/nabory/${callId}/zgloszenie`);
    await page.getByText(ERROR_MESSAGES_PL.FORM_VERSION_UNSUPPORTED).waitFor();
    expect(await page.locator('#f-teryt').count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});
