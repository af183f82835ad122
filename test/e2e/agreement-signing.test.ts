import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sealPdf, selfSignedSealCertificate } from '../../functions/documents/seal.ts';
import { sha256Hex } from '../../functions/lib/crypto.ts';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { TABLE_NAME } from '../../functions/local/stack.ts';
import { PutCommand } from '../../functions/repositories/document.ts';
import { type Db, dbOf } from '../../functions/repositories/dynamo.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { createSession } from '../../functions/repositories/sign-in.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { expectNoAxeViolations, launchBrowser, openPage } from '../support/browser.ts';
import { validAnswers } from '../support/cards.ts';
import { pdfWithAttachment } from '../support/pdf.ts';

/**
 * The porozumienie in headless Chromium: a selected card's agreement generated and sent by a coordinator
 * through the API (as test/integration/agreements.test.ts does), then each signatory opens the link e-mailed
 * to them from the SES emulator's store and signs on the page, in order (gmina, powiat, województwo); every
 * party receives the final PDF as an attachment, and the verification page says it is genuine — and that a
 * wrong digest is not. A dead link gets a page of its own. axe finds nothing on any of these pages.
 */
const siteUrl = inject('siteUrl');
const apiUrl = inject('apiUrl');
const inboxUrl = inject('inboxUrl');
const CALL = 'liderzy-kooperacji-26';
// Chęciny (powiat kielecki): not a gmina any other browser test sends a card for.
const TERYT = '2604033';
let browser: Browser;
let db: Db;
let coordinator: string;

interface Mail {
  subject: string;
  destination: { to: string[] };
  body: { text: string };
  attachments?: { filename?: string; content: string }[];
}

async function mailTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${inboxUrl}/store`);
  return ((await response.json()) as { emails: Mail[] }).emails.filter((mail) =>
    mail.destination.to.some((to) => to.includes(address)),
  );
}

/** The signing link in the latest e-mail to `address` that has one, as a person would click it. */
async function signingLink(address: string): Promise<string> {
  const links = (await mailTo(address)).flatMap(
    (mail) => /\/porozumienie#t=[A-Za-z0-9_-]{43}/.exec(mail.body.text)?.[0] ?? [],
  );
  const link = links.at(-1);
  if (!link) throw new Error(`no signing link for ${address}`);
  return `${siteUrl}${link}`;
}

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie: coordinator,
      ...(init.method && init.method !== 'GET' ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.method && init.method !== 'GET' ? { body: JSON.stringify(init.body ?? {}) } : {}),
  });
  return { status: response.status, json: await response.json() };
}

/** A card the review selected (its decision is not this test's subject), written as the review leaves it. */
async function selectedCard(teryt: string, city: string, street: string, postalCode: string): Promise<void> {
  const answers = validAnswers(teryt, teryt.slice(0, 4));
  answers.office.address = { street, postalCode, city };
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.card(CALL, teryt),
        type: 'card',
        callId: CALL,
        teryt,
        gminaName: city,
        powiatCode: teryt.slice(0, 4),
        wojewodztwo: '26',
        status: 'submitted',
        reviewStatus: 'selected',
        answers,
      },
    }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  db = dbOf(localDynamoClient(inject('dynamodbUrl')), TABLE_NAME);
  const email = `koordynator.${randomUUID()}@rops.example`;
  await createUserIfAbsent(db, { email, name: 'Koordynator', role: 'coordinator', wojewodztwa: ['26'] });
  const session = randomBytes(32).toString('base64url');
  await createSession(db, {
    sessionSha256: sha256Hex(session),
    email,
    startedAt: new Date(),
    expiresAt: new Date(Date.now() + 3600_000),
  });
  coordinator = `__Host-kooperacja-session=${session}`;
  await selectedCard(TERYT, 'Chęciny', 'pl. 2 Czerwca 4', '26-060');
});
afterAll(() => browser?.close());

async function withPage<T>(use: (page: Page, errors: string[]) => Promise<T>): Promise<T> {
  const { context, page, errors } = await openPage(browser);
  try {
    return await use(page, errors);
  } finally {
    await context.close();
  }
}

describe('signing a porozumienie by the e-mailed links', () => {
  const suffix = randomUUID().slice(0, 8);
  const who = {
    gmina: { name: 'Łucja Żak', role: 'Burmistrz Chęcin', email: `burmistrz.${suffix}@gmina.example` },
    powiat: { name: 'Paweł Kowal', role: 'Starosta Kielecki', email: `starosta.${suffix}@powiat.example` },
    wojewodztwo: {
      name: 'Renata Janik',
      role: 'Członkini Zarządu Województwa',
      email: `zarzad.${suffix}@wojewodztwo.example`,
    },
  };
  let agreementId = '';
  let documentSha256 = '';

  it('is generated and sent; the gmina’s link shows the document, its hash and whose turn it is', async () => {
    const generated = await api(`/api/admin/agreements/${CALL}/${TERYT}`, {
      method: 'POST',
      body: { kind: 'three-party' },
    });
    expect(generated.status).toBe(201);
    agreementId = generated.json.id;
    documentSha256 = generated.json.documentSha256;
    const sent = await api(`/api/admin/agreements/${CALL}/${TERYT}/signing`, {
      method: 'POST',
      body: { signatories: who, deadline: new Date(Date.now() + 7 * 86400_000).toISOString(), revision: 1 },
    });
    expect(sent.status).toBe(200);
    await expect.poll(async () => (await mailTo(who.gmina.email)).length).toBe(1);

    await withPage(async (page, errors) => {
      await page.goto(await signingLink(who.gmina.email));
      await page.getByRole('heading', { level: 1, name: 'Porozumienie o współpracy — Chęciny' }).waitFor();
      // The token leaves the address bar at once; the tab keeps it for its session.
      expect(page.url()).toBe(`${siteUrl}/porozumienie`);
      expect(await page.textContent('#document-sha256')).toBe(documentSha256);
      expect(await page.textContent('main')).toContain('Teraz Twoja kolej na podpis.');
      expect(await page.textContent('.agreement-text')).toContain('Chęciny');
      await page.getByRole('heading', { level: 2, name: 'Kto podpisał' }).waitFor();
      await expectNoAxeViolations(page);
      // 320 px wide (a phone, or 1280 px zoomed to 400%): nothing wider than the screen.
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.setViewportSize({ width: 1280, height: 720 });

      // The PDF downloads with the same SHA-256 the page shows.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Pobierz porozumienie (PDF)' }).click(),
      ]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      expect(createHash('sha256').update(Buffer.concat(chunks)).digest('hex')).toBe(documentSha256);

      // Nothing typed, nothing ticked: the error summary takes the focus and leads to each field.
      await page.getByRole('button', { name: 'Podpisz porozumienie' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Popraw błędy' });
      await summary.waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
        .toBe(true);
      await summary.getByRole('link', { name: 'Wpisz swoje imię i nazwisko.' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-fullName');
      await expectNoAxeViolations(page);

      // Another name: the API refuses it, and says so at the field.
      await page.getByLabel('Imię i nazwisko').fill('Łucja Żakowska');
      await page.getByLabel(/Oświadczam, że przeczytałem/).check();
      await page.getByRole('button', { name: 'Podpisz porozumienie' }).click();
      await page
        .getByRole('link', { name: 'Wpisane imię i nazwisko nie zgadza się z danymi osoby podpisującej.' })
        .waitFor();

      // Typed without case or Polish letters, it is the signatory's name.
      await page.getByLabel('Imię i nazwisko').fill('lucja zak');
      await page.getByRole('button', { name: 'Podpisz porozumienie' }).click();
      await page.getByRole('heading', { level: 2, name: 'Porozumienie zostało podpisane' }).waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('notice--success')))
        .toBe(true);
      expect(await page.textContent('main')).toContain('Podpisano Twoim imieniem i nazwiskiem.');
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
  });

  it('the powiat, then the województwo sign in turn; every party receives the final PDF', async () => {
    await expect.poll(async () => (await mailTo(who.powiat.email)).length).toBe(1);
    for (const party of [who.powiat, who.wojewodztwo]) {
      await expect.poll(async () => (await mailTo(party.email)).length).toBeGreaterThan(0);
      await withPage(async (page, errors) => {
        await page.goto(await signingLink(party.email));
        await page.getByRole('heading', { level: 1, name: 'Porozumienie o współpracy — Chęciny' }).waitFor();
        expect(await page.textContent('main')).toContain('Teraz Twoja kolej na podpis.');
        await page.getByLabel('Imię i nazwisko').fill(party.name);
        await page.getByLabel(/Oświadczam, że przeczytałem/).check();
        await page.getByRole('button', { name: 'Podpisz porozumienie' }).click();
        await page.getByRole('heading', { level: 2, name: 'Porozumienie zostało podpisane' }).waitFor();
        expect(errors).toEqual([]);
      });
    }
    const view = await api(`/api/admin/agreements/${CALL}/${TERYT}`);
    expect(view.json.agreement.status).toBe('completed');
    const finalSha = view.json.agreement.final.sha256 as string;
    for (const party of [who.gmina, who.powiat, who.wojewodztwo]) {
      await expect
        .poll(async () =>
          (await mailTo(party.email)).find((mail) => mail.subject.startsWith('Porozumienie podpisane')),
        )
        .toBeTruthy();
      const final = (await mailTo(party.email)).find((mail) =>
        mail.subject.startsWith('Porozumienie podpisane'),
      );
      expect(final?.attachments?.[0]?.filename).toBe(`porozumienie-${agreementId}.pdf`);
      const bytes = Buffer.from(final?.attachments?.[0]?.content ?? '', 'base64');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(finalSha);
    }

    // The verification page: the final PDF's digest is genuine, with the parties and dates; a wrong one not.
    await withPage(async (page, errors) => {
      await page.goto(`${siteUrl}/porozumienie/weryfikacja`);
      await page.getByRole('heading', { level: 1, name: 'Sprawdź podpisane porozumienie' }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByLabel('Numer porozumienia').fill(agreementId.toLowerCase().replace(/-/g, ' '));
      await page.getByLabel('Skrót SHA-256 pliku PDF').fill(finalSha);
      await page.getByRole('button', { name: 'Sprawdź' }).click();
      await page.getByRole('heading', { level: 2, name: 'Porozumienie jest prawdziwe' }).waitFor();
      const verdict = await page.textContent('.verdict');
      expect(verdict).toContain(agreementId);
      expect(verdict).toContain('Chęciny');
      expect(verdict).toContain('czasu polskiego');
      await expectNoAxeViolations(page);

      // Tampering: the PDF changed by one byte has another digest, which is no signed agreement.
      const tampered = `${finalSha.slice(0, -1)}${finalSha.endsWith('0') ? '1' : '0'}`;
      await page.getByLabel('Skrót SHA-256 pliku PDF').fill(tampered);
      await page.getByRole('button', { name: 'Sprawdź' }).click();
      await page.getByRole('heading', { level: 2, name: 'To nie jest podpisane porozumienie' }).waitFor();
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });

    // The gmina's link (the completion e-mail's own) now shows the agreement as complete, with the way to
    // verify it and the final record to download: from the bucket, by a link the API signs, byte for byte.
    await withPage(async (page, errors) => {
      await page.goto(await signingLink(who.gmina.email));
      await page.getByText('Wszystkie strony podpisały porozumienie.').waitFor();
      await page.getByRole('link', { name: 'Sprawdź autentyczność podpisanego porozumienia' }).waitFor();
      await expectNoAxeViolations(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Pobierz podpisane porozumienie (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`porozumienie-${agreementId}.pdf`);
      const saved = await download.path();
      expect(
        createHash('sha256')
          .update(await readFile(saved))
          .digest('hex'),
      ).toBe(finalSha);
      await page.getByText('Pobieranie pliku rozpoczęte').waitFor();
      expect(await page.textContent('main')).toContain(finalSha);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
  });

  it('a forged link gets a page of its own, saying what to do', async () => {
    await withPage(async (page) => {
      await page.goto(`${siteUrl}/porozumienie#t=${randomBytes(32).toString('base64url')}`);
      await page.getByRole('heading', { level: 1, name: 'Odnośnik jest nieprawidłowy' }).waitFor();
      expect(await page.title()).toBe('Odnośnik jest nieprawidłowy — Kooperacja');
      await expectNoAxeViolations(page);
    });
  });
});

describe('a PDF signed with a qualified signature or Profil Zaufany, uploaded on the page', () => {
  it('refuses a file that is not a PDF at its field; takes the signed one and names its signer; a cancelled link says so', async () => {
    // A gmina no other browser test selects: they share the demo data of one stack.
    const teryt = '2604192';
    await selectedCard(teryt, 'Zagnańsk', 'ul. Spacerowa 8', '26-050');
    const suffix = randomUUID().slice(0, 8);
    const generated = await api(`/api/admin/agreements/${CALL}/${teryt}`, {
      method: 'POST',
      body: { kind: 'two-party' },
    });
    expect(generated.status).toBe(201);
    const gmina = { name: 'Jan Nowak', role: 'Wójt Gminy Zagnańsk', email: `wojt.${suffix}@gmina.example` };
    const sent = await api(`/api/admin/agreements/${CALL}/${teryt}/signing`, {
      method: 'POST',
      body: {
        signatories: {
          gmina,
          wojewodztwo: {
            name: 'Renata Janik',
            role: 'Członkini Zarządu',
            email: `zarzad.${suffix}@woj.example`,
          },
        },
        deadline: new Date(Date.now() + 86400_000).toISOString(),
        revision: 1,
      },
    });
    expect(sent.status).toBe(200);
    // The document to sign (under 4 MiB: the file itself from the API).
    const download = await fetch(`${apiUrl}/api/admin/agreements/${CALL}/${teryt}/pdf?which=document`, {
      headers: { cookie: coordinator },
    });
    expect(download.status).toBe(200);
    // 9 MB: more than one request can carry to a function, so the page sends it in parts.
    const signed = await sealPdf(
      await pdfWithAttachment(new Uint8Array(await download.arrayBuffer()), 9),
      selfSignedSealCertificate('Jan Nowak'),
      new Date(),
    );
    await expect.poll(async () => (await mailTo(gmina.email)).length).toBe(1);

    await withPage(async (page, errors) => {
      await page.goto(await signingLink(gmina.email));
      await page.getByRole('heading', { level: 1, name: 'Porozumienie o współpracy — Zagnańsk' }).waitFor();
      const file = page.getByLabel('Plik PDF z podpisem');
      const upload = page.getByRole('button', { name: 'Prześlij plik' });
      await file.setInputFiles({
        name: 'porozumienie.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<html>to nie PDF</html>'),
      });
      await upload.click();
      await page.getByRole('link', { name: 'Wybrany plik nie jest plikiem PDF.' }).waitFor();
      expect(await file.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);

      await file.setInputFiles({
        name: 'porozumienie-podpisane.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(signed),
      });
      await upload.click();
      await page.getByRole('heading', { level: 2, name: 'Plik został przesłany' }).waitFor();
      const notice = await page.textContent('.notice--success');
      expect(notice).toContain('Plik zawiera podpis elektroniczny.');
      expect(notice).toContain('Jan Nowak');
      expect(notice).toContain(createHash('sha256').update(signed).digest('hex'));
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
    const view = await api(`/api/admin/agreements/${CALL}/${teryt}`);
    expect(view.json.agreement.parties[0]).toMatchObject({
      status: 'uploaded',
      upload: { signed: true, signerName: 'Jan Nowak' },
    });

    // Cancelled by the coordinator: the same link now opens a page saying so.
    expect(
      (await api(`/api/admin/agreements/${CALL}/${teryt}/cancellation`, { method: 'POST' })).status,
    ).toBe(200);
    await withPage(async (page) => {
      await page.goto(await signingLink(gmina.email));
      await page.getByRole('heading', { level: 1, name: 'Porozumienie zostało anulowane' }).waitFor();
      await expectNoAxeViolations(page);
    });
  });
});

describe('declining on the page', () => {
  it('asks for a reason, then declines: the page says so, the coordinator is e-mailed the reason', async () => {
    // Strawczyn: a gmina no other browser test selects.
    const teryt = '2604182';
    await selectedCard(teryt, 'Strawczyn', 'ul. Żeromskiego 16', '26-067');
    const suffix = randomUUID().slice(0, 8);
    const generated = await api(`/api/admin/agreements/${CALL}/${teryt}`, {
      method: 'POST',
      body: { kind: 'two-party' },
    });
    expect(generated.status).toBe(201);
    const gmina = {
      name: 'Anna Wiśniewska',
      role: 'Wójt Gminy Strawczyn',
      email: `wojt.${suffix}@gmina.example`,
    };
    const sent = await api(`/api/admin/agreements/${CALL}/${teryt}/signing`, {
      method: 'POST',
      body: {
        signatories: {
          gmina,
          wojewodztwo: {
            name: 'Renata Janik',
            role: 'Członkini Zarządu',
            email: `zarzad.${suffix}@woj.example`,
          },
        },
        deadline: new Date(Date.now() + 86400_000).toISOString(),
        revision: 1,
      },
    });
    expect(sent.status).toBe(200);
    await expect.poll(async () => (await mailTo(gmina.email)).length).toBe(1);
    const reason = 'Rada Gminy zbierze się dopiero 15 stycznia; prosimy o przesunięcie terminu.';

    await withPage(async (page, errors) => {
      await page.goto(await signingLink(gmina.email));
      await page.getByRole('heading', { level: 1, name: 'Porozumienie o współpracy — Strawczyn' }).waitFor();
      await page.getByRole('link', { name: 'Odmów podpisania' }).click();
      const decline = page.getByRole('button', { name: 'Odmów podpisania' });

      // No reason: the summary says so and leads to the field.
      await decline.click();
      const summary = page.getByRole('alert').filter({ hasText: 'Popraw błędy' });
      await summary.getByRole('link', { name: 'Wpisz powód odmowy.' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-reason');
      expect(await page.getByLabel('Powód odmowy').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);
      expect((await api(`/api/admin/agreements/${CALL}/${teryt}`)).json.agreement.status).toBe('signing');

      await page.getByLabel('Powód odmowy').fill(reason);
      await decline.click();
      await page.getByRole('heading', { level: 2, name: 'Odmowa została wysłana' }).waitFor();
      expect(await page.textContent('main')).toContain(
        'Odmówiono podpisania porozumienia. Koordynator otrzymał powód.',
      );
      // Nothing is left to sign, upload or decline.
      expect(await page.getByRole('button', { name: 'Podpisz porozumienie' }).count()).toBe(0);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });

    const view = await api(`/api/admin/agreements/${CALL}/${teryt}`);
    expect(view.json.agreement.status).toBe('declined');
    expect(view.json.agreement.parties[0]).toMatchObject({ status: 'declined', declineReason: reason });
    const coordinatorEmail = (await mailTo('@rops.example')).filter((mail) =>
      mail.subject.startsWith('Odmowa podpisania porozumienia — Strawczyn'),
    );
    expect(coordinatorEmail).toHaveLength(1);
    expect(coordinatorEmail[0]?.body.text).toContain(reason);

    // The link opened again says the agreement was declined, and offers nothing to do.
    await withPage(async (page) => {
      await page.goto(await signingLink(gmina.email));
      await page.getByText('Odmówiono podpisania porozumienia. Koordynator otrzymał powód.').waitFor();
      expect(await page.getByRole('button', { name: 'Odmów podpisania' }).count()).toBe(0);
      await expectNoAxeViolations(page);
    });
  });
});
