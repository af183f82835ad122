import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sealPdf, selfSignedSealCertificate } from '../../functions/documents/seal.ts';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { TABLE_NAME } from '../../functions/local/stack.ts';
import { dbOf } from '../../functions/repositories/dynamo.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { linkToken, sentMail } from '../support/cards.ts';
import { scannedPdf } from '../support/pdf.ts';
import { fromPanel, mailTo, signInToPanel, warsawDayFromNow } from '../support/review.ts';
import { loadItems, reviewedCardItem } from '../support/review-cards.ts';

/**
 * The agreements in the panel, as the świętokrzyskie coordinator works them: two rural gminas selected for
 * the project (written as the assessment leaves them), a three-party agreement prepared from the list, its
 * text edited (a 409 when another coordinator edited it meanwhile, and the reload), its signatories named and
 * sent, the gmina signing through its e-mailed link (by the API: the signing page is its own test), a link
 * resent, a signatory changed and the agreement cancelled; a second agreement signed on paper from its scan
 * and its sealed final PDF downloaded; another voivodeship's coordinator refused. Axe on every screen.
 */
const siteUrl = inject('siteUrl');
const apiUrl = inject('apiUrl');
const inboxUrl = inject('inboxUrl');
const dynamodbUrl = inject('dynamodbUrl');
const CALL = 'liderzy-kooperacji-26';
const COORDINATOR = 'koordynator.26@kooperacja.example';
const BIELINY = '2604012';
const SOBKOW = '2602082';
const run = Date.now();
const who = {
  gmina: { name: 'Łucja Żak', role: 'Wójt Gminy Bieliny', email: `wojt.${run}@gmina.example` },
  powiat: { name: 'Paweł Kowal', role: 'Starosta Kielecki', email: `starosta.${run}@powiat.example` },
  wojewodztwo: {
    name: 'Renata Janik',
    role: 'Członkini Zarządu Województwa',
    email: `zarzad.${run}@wojewodztwo.example`,
  },
};

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const client = localDynamoClient(dynamodbUrl);
  try {
    const submittedAt = new Date(run - 86_400_000).toISOString();
    await loadItems(
      dbOf(client, TABLE_NAME),
      [BIELINY, SOBKOW].map((teryt) =>
        reviewedCardItem({ callId: CALL, teryt, submittedAt, reviewStatus: 'selected' }),
      ),
    );
  } finally {
    client.destroy();
  }
  browser = await launchBrowser();
  ({ context, page, errors: pageErrors } = await openPage(browser));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const agreementPath = (teryt: string) => `/admin/porozumienia/${CALL}/${teryt}`;
const saved = (text: string) => page.getByRole('status').filter({ hasText: text });
const heading = (level: number, name: string) => page.getByRole('heading', { level, name }).waitFor();
const party = (name: string) =>
  page.locator('.summary-card').filter({ has: page.getByRole('heading', { name }) });

/** The agreement as the panel's API gives it, read from the panel's own page. */
async function agreementOf(teryt: string) {
  const { status, body } = await fromPanel(page, 'GET', `/api/admin/agreements/${CALL}/${teryt}`);
  expect(status).toBe(200);
  return (body as { agreement: { revision: number; text: string; documentSha256: string } }).agreement;
}

/** The agreement's document to sign as the panel's session gets it: its bytes (under 4 MiB: from the API). */
async function pdfFromPanel(teryt: string): Promise<Uint8Array> {
  const base64 = await page.evaluate(async (path) => {
    const response = await fetch(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, `/api/admin/agreements/${CALL}/${teryt}/pdf?which=document`);
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The page fits a 320 px screen: nothing but its tables scrolls sideways (WCAG 1.4.10). */
async function expectFits320(): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBe(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe('agreements in the panel', () => {
  it("lists the call's selected cards from the list's tools, and prepares a three-party agreement", async () => {
    await signInToPanel(page, siteUrl, inboxUrl, COORDINATOR);
    await page.goto(`${siteUrl}/admin?nabor=${CALL}&woj=26`);
    await page
      .getByRole('navigation', { name: 'Ranking, zasady i zestawienia' })
      .getByRole('link', { name: 'Porozumienia' })
      .click();
    await heading(1, 'Porozumienia — świętokrzyskie');
    const table = page.getByRole('table', { name: 'Porozumienia' });
    const bieliny = table.getByRole('row', { name: /Bieliny/ });
    await bieliny.waitFor();
    expect(await bieliny.getByRole('cell').allTextContents()).toEqual([
      'nie przygotowano',
      '—',
      'Przygotuj porozumienie: Bieliny',
    ]);
    await expectNoAxeViolations(page);
    await expectFits320();

    // Neither the call nor the programme sets the parties: the coordinator must choose.
    await bieliny.getByRole('button', { name: 'Przygotuj porozumienie: Bieliny' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Wybierz, czy porozumienie ma dwie, czy trzy strony.',
    ]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await summary.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-kind-two-party');
    await expectNoAxeViolations(page);

    await page.getByLabel('trzy strony: województwo, powiat i gmina').check();
    await bieliny.getByRole('button', { name: 'Przygotuj porozumienie: Bieliny' }).click();
    await saved('Przygotowano porozumienie z gminą Bieliny.').waitFor();
    await expect
      .poll(() => bieliny.getByRole('cell').nth(0).textContent())
      .toBe('projekt, nie wysłano do podpisu');
    expect(await bieliny.getByRole('listitem').allTextContents()).toEqual([
      'Gmina Bieliny: nie wysłano',
      'Powiat kielecki: nie wysłano',
      'Województwo Świętokrzyskie: nie wysłano',
    ]);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('shows the document with its hash, and edits its text after a 409 and the reload', async () => {
    await page.getByRole('link', { name: 'Bieliny' }).click();
    await heading(1, 'Porozumienie z gminą Bieliny');
    const stored = await agreementOf(BIELINY);
    expect(await page.locator('dl.facts code.digest').first().textContent()).toBe(stored.documentSha256);
    const documentText = page.locator('.agreement-document');
    expect(await documentText.textContent()).toContain('Bieliny');
    // The API's title and § headings, a level under the section's own heading.
    await documentText.getByRole('heading', { level: 4, name: /^§ 1/ }).waitFor();
    await expectNoAxeViolations(page);
    await expectFits320();

    await page.getByRole('button', { name: 'Edytuj treść' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-text');
    const field = page.getByRole('textbox', { name: 'Treść porozumienia' });
    await field.fill(
      `${await field.inputValue()}\n\n§ 9. Postanowienie dodatkowe\n\nStrony współpracują także przy ewaluacji.`,
    );
    // Meanwhile another coordinator changes the text: this screen's revision is stale.
    const other = await fromPanel(page, 'PUT', `/api/admin/agreements/${CALL}/${BIELINY}/text`, {
      text: `${stored.text}\n\nDopisek innego koordynatora.`,
      revision: stored.revision,
    });
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: 'Zapisz treść' }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'W międzyczasie ktoś zmienił to porozumienie' });
    await conflict.waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Wczytaj ponownie' }).click();
    await saved('Wczytano porozumienie ponownie.').waitFor();
    expect(await documentText.textContent()).toContain('Dopisek innego koordynatora.');

    await page.getByRole('button', { name: 'Edytuj treść' }).click();
    await field.fill(
      `${await field.inputValue()}\n\n§ 9. Postanowienie dodatkowe\n\nStrony współpracują także przy ewaluacji.`,
    );
    await page.getByRole('button', { name: 'Zapisz treść' }).click();
    await saved('Zapisano treść, wersja 3.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Zapisano treść, wersja 3.');
    await documentText.getByRole('heading', { level: 4, name: '§ 9. Postanowienie dodatkowe' }).waitFor();
    expect(await page.locator('dl.facts code.digest').first().textContent()).toBe(
      (await agreementOf(BIELINY)).documentSha256,
    );
    await expectNoAxeViolations(page);
  });

  it('names the signatories and the deadline, each field checked, and sends it for signing', async () => {
    await page.getByRole('button', { name: 'Wyślij do podpisu' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(10);
    await summary.getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-sign-gmina-name');
    await expectNoAxeViolations(page);

    for (const [role, person] of Object.entries(who)) {
      await page.locator(`#f-sign-${role}-name`).fill(person.name);
      await page.locator(`#f-sign-${role}-role`).fill(person.role);
      await page.locator(`#f-sign-${role}-email`).fill(person.email);
    }
    await page.getByLabel('Termin podpisania').fill(warsawDayFromNow(14));
    await page.getByRole('button', { name: 'Wyślij do podpisu' }).click();
    await saved('Wysłano porozumienie do podpisu. Gmina dostała odnośnik.').waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain(
      'w trakcie podpisywania (kolej: Gmina Bieliny)',
    );
    expect(await party('Gmina Bieliny').locator('dd').first().textContent()).toBe(
      'jej kolej, odnośnik wysłany',
    );
    expect(await party('Powiat kielecki').locator('dd').first().textContent()).toBe('czeka na swoją kolej');
    await expectNoAxeViolations(page);
  });

  it('shows the gmina signed through its e-mailed link; resends, confirms a qualified-signed upload, changes a signatory, cancels', async () => {
    const mail = await mailTo(inboxUrl, who.gmina.email, '/porozumienie#t=');
    const { documentSha256 } = await agreementOf(BIELINY);
    const signed = await fetch(`${apiUrl}/api/signing/current/signature`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${linkToken(mail, '#t=')}`,
        'content-type': 'application/json',
        'user-agent': 'e2e-agreements',
      },
      body: JSON.stringify({ fullName: 'lucja zak', consent: true, documentSha256 }),
    });
    expect(signed.status).toBe(200);

    await page.reload();
    await heading(1, 'Porozumienie z gminą Bieliny');
    expect(await page.locator('dl.facts').textContent()).toContain(
      'w trakcie podpisywania (kolej: Powiat kielecki)',
    );
    expect(await party('Gmina Bieliny').locator('dd').first().textContent()).toBe(
      'podpisała (podpis na platformie)',
    );
    expect(await party('Powiat kielecki').locator('dd').first().textContent()).toBe(
      'jej kolej, odnośnik wysłany',
    );
    const history = page.getByRole('table', { name: 'Zdarzenia porozumienia w kolejności czasu' });
    const signing = history.getByRole('row', { name: /^.*Podpisano \(Gmina Bieliny\)/ });
    expect(await signing.getByRole('cell').nth(1).textContent()).toContain('lucja zak');
    expect(await signing.getByRole('cell').nth(3).textContent()).toContain(documentSha256);
    // Said before editing: a change now voids the gmina's signature.
    await page.getByText('Uwaga: porozumienie zostało już podpisane').waitFor();
    await expectNoAxeViolations(page);

    const linksTo = async (address: string) =>
      (await sentMail(inboxUrl)).filter(
        (sent) => sent.destination.to.includes(address) && sent.body.text.includes('/porozumienie#t='),
      ).length;
    await expect.poll(() => linksTo(who.powiat.email)).toBe(1);
    await page.getByRole('button', { name: 'Wyślij odnośnik ponownie: Powiat kielecki' }).click();
    await saved('Wysłano nowy odnośnik: Powiat kielecki.').waitFor();
    await expect.poll(() => linksTo(who.powiat.email)).toBe(2);

    // The powiat signs with a qualified signature instead: its PDF uploaded through the new link.
    const qualified = await sealPdf(
      await pdfFromPanel(BIELINY),
      selfSignedSealCertificate('Paweł Kowal'),
      new Date(),
    );
    // As the signing page sends it: the part (one, under 4 MiB), then the request that takes the file.
    const authorization = `Bearer ${linkToken(await mailTo(inboxUrl, who.powiat.email, '/porozumienie#t='), '#t=')}`;
    const uploadId = randomUUID();
    const part = await fetch(`${apiUrl}/api/signing/current/upload/${uploadId}/1`, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/octet-stream' },
      body: new Blob([new Uint8Array(qualified)]),
    });
    expect(part.status).toBe(201);
    const uploaded = await fetch(`${apiUrl}/api/signing/current/upload`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ uploadId, parts: 1 }),
    });
    expect(uploaded.status).toBe(201);
    await page.reload();
    const powiat = party('Powiat kielecki');
    await powiat.getByText('Podpisujący według certyfikatu: Paweł Kowal.').waitFor();
    // The signed copy, to be checked before confirming, downloads as it was uploaded.
    const copy = page.waitForEvent('download');
    await powiat.getByRole('link', { name: 'Pobierz przesłany plik z podpisem: Powiat kielecki' }).click();
    const copied = await readFile((await (await copy).path()) as string);
    expect(Buffer.compare(copied, Buffer.from(qualified))).toBe(0);
    expect(await powiat.locator('dd').first().textContent()).toBe(
      'przesłała plik z podpisem, czeka na potwierdzenie',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Potwierdź podpis: Powiat kielecki' }).click();
    await saved('Potwierdzono podpis: Powiat kielecki.').waitFor();
    expect(await powiat.locator('dd').first().textContent()).toBe(
      'podpisała (plik z podpisem kwalifikowanym lub zaufanym)',
    );
    expect(await page.locator('dl.facts').textContent()).toContain(
      'w trakcie podpisywania (kolej: Województwo Świętokrzyskie)',
    );

    await page.getByRole('button', { name: 'Zmień osobę podpisującą: Województwo Świętokrzyskie' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('f-change-wojewodztwo-name');
    await page.locator('#f-change-wojewodztwo-name').fill('Marek Nowy');
    await page.locator('#f-change-wojewodztwo-role').fill('Członek Zarządu Województwa');
    await page.locator('#f-change-wojewodztwo-email').fill('nie-adres');
    await page.getByRole('button', { name: 'Zapisz osobę podpisującą' }).click();
    await page
      .locator('.error-summary')
      .getByRole('link', { name: 'Wpisz adres e-mail w formacie nazwa@domena.pl.' })
      .waitFor();
    await expectNoAxeViolations(page);
    await page.locator('#f-change-wojewodztwo-email').fill(`nowy.${run}@wojewodztwo.example`);
    await page.getByRole('button', { name: 'Zapisz osobę podpisującą' }).click();
    await saved('Zmieniono osobę podpisującą: Województwo Świętokrzyskie.').waitFor();
    expect(await party('Województwo Świętokrzyskie').locator('dd').nth(1).textContent()).toContain(
      'Marek Nowy',
    );

    await page.getByRole('button', { name: 'Anuluj porozumienie' }).click();
    await page.getByText('Czy na pewno anulować porozumienie z gminą Bieliny?').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Tak, anuluj porozumienie' }).click();
    await saved('Anulowano porozumienie.').waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain('anulowane');
    expect(await page.getByRole('button', { name: 'Edytuj treść' }).count()).toBe(0);
    const dead = await fetch(`${apiUrl}/api/signing/current`, {
      headers: { authorization: `Bearer ${linkToken(mail, '#t=')}` },
    });
    expect(dead.status).toBe(410);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it('records a second agreement signed on paper from its scan, and downloads the sealed final PDF', async () => {
    await page.getByRole('link', { name: 'Wróć do listy porozumień' }).click();
    await heading(1, 'Porozumienia — świętokrzyskie');
    const sobkow = page.getByRole('table', { name: 'Porozumienia' }).getByRole('row', { name: /Sobków/ });
    await page.getByLabel('trzy strony: województwo, powiat i gmina').check();
    await sobkow.getByRole('button', { name: 'Przygotuj porozumienie: Sobków' }).click();
    await saved('Przygotowano porozumienie z gminą Sobków.').waitFor();
    await sobkow.getByRole('link', { name: 'Sobków' }).click();
    await heading(1, 'Porozumienie z gminą Sobków');

    await page.getByRole('button', { name: 'Zapisz podpisanie na papierze' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect((await summary.getByRole('link').allTextContents())[0]).toBe(
      'Dołącz skan podpisanego porozumienia (PDF, najwyżej 10 MB).',
    );
    await expectNoAxeViolations(page);

    // The scan: here the document's own PDF with a page of 9 MB of image, as a scanner would give one of
    // the signed paper (more than one request can carry to a function: the page sends it in parts; and more
    // than one answer can carry back: it and the final record that copies its pages come from the bucket).
    const scan = Buffer.from(await scannedPdf(await pdfFromPanel(SOBKOW), 9));
    await page.getByLabel('Skan podpisanego porozumienia').setInputFiles({
      name: 'skan-sobkow.pdf',
      mimeType: 'application/pdf',
      buffer: scan,
    });
    const today = warsawDayFromNow(0);
    const signers = {
      gmina: 'Jan Kowalski, Wójt Gminy Sobków',
      powiat: 'Paweł Kowal, Starosta Jędrzejowski',
      wojewodztwo: 'Renata Janik, Członkini Zarządu',
    };
    for (const [role, signer] of Object.entries(signers)) {
      await page.locator(`#f-paper-${role}-by`).fill(signer);
      await page.locator(`#f-paper-${role}-on`).fill(today);
    }
    await page.getByRole('button', { name: 'Zapisz podpisanie na papierze' }).click();
    await saved('Zapisano podpisanie na papierze.').waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain('podpisane przez wszystkie strony');
    for (const name of ['Gmina Sobków', 'Powiat jędrzejowski', 'Województwo Świętokrzyskie'])
      expect(await party(name).locator('dd').first().textContent()).toBe('podpisała (podpis na papierze)');
    const history = page.getByRole('table', { name: 'Zdarzenia porozumienia w kolejności czasu' });
    await history.getByRole('row', { name: /Zapisano podpis na papierze \(Gmina Sobków\)/ }).waitFor();
    await expectNoAxeViolations(page);

    // Each link downloads the file whose SHA-256 the page shows: the final record and the scan, both over
    // 4 MiB, through the API's 303 to a link signed for a minute.
    const fact = (name: string) =>
      page.locator('dl.facts .facts__row').filter({ hasText: name }).locator('code.digest').textContent();
    const downloaded = async (link: string) => {
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: link }).click();
      const file = await readFile((await (await download).path()) as string);
      return { file, name: (await download).suggestedFilename() };
    };
    const final = await downloaded('Pobierz egzemplarz końcowy (PDF z pieczęcią)');
    expect(final.file.byteLength).toBeGreaterThan(9 * 1024 * 1024);
    expect(final.name).toMatch(/^porozumienie-PZ-.*-final\.pdf$/);
    expect(createHash('sha256').update(final.file).digest('hex')).toBe(await fact('SHA-256 egzemplarza'));
    const scanned = await downloaded('Pobierz skan porozumienia podpisanego na papierze');
    expect(Buffer.compare(scanned.file, scan)).toBe(0);
    expect(createHash('sha256').update(scanned.file).digest('hex')).toBe(await fact('SHA-256 skanu'));
    await expectNoAxeViolations(page);

    // The list says where both stand.
    await page.getByRole('link', { name: 'Wróć do listy porozumień' }).click();
    const table = page.getByRole('table', { name: 'Porozumienia' });
    await expect
      .poll(() =>
        table
          .getByRole('row', { name: /Sobków/ })
          .getByRole('cell')
          .first()
          .textContent(),
      )
      .toBe('podpisane przez wszystkie strony');
    expect(
      await table
        .getByRole('row', { name: /Bieliny/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('anulowane');
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });

  it("refuses a coordinator of another voivodeship the call's agreements", async () => {
    const stranger = await openPage(browser);
    try {
      await signInToPanel(stranger.page, siteUrl, inboxUrl, 'koordynator.20@kooperacja.example');
      for (const path of [agreementPath(SOBKOW), `/admin/porozumienia/${CALL}?woj=26`]) {
        await stranger.page.goto(`${siteUrl}${path}`);
        await stranger.page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
        await stranger.page.getByText('Nie masz dostępu do porozumień tego województwa.').waitFor();
        await expectNoAxeViolations(stranger.page);
      }
      expect(stranger.errors).toEqual([]);
    } finally {
      await stranger.context.close();
    }
  });
});
