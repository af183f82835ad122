import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inspectPdfSignature } from '../../functions/documents/pdf-signatures.ts';
import { sealPdf, selfSignedSealCertificate } from '../../functions/documents/seal.ts';
import { listCallAgreements } from '../../functions/domain/agreement-lists.ts';
import { signingPage } from '../../functions/domain/agreement-pages.ts';
import { sha256Hex } from '../../functions/lib/crypto.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { PutCommand, UpdateCommand } from '../../functions/repositories/document.ts';
import { sha256Of } from '../../functions/repositories/documents.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { createSession } from '../../functions/repositories/sign-in.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { mailSettled, useMailPipeline } from '../support/mail.ts';

/**
 * Agreements through the real handlers, DynamoDB Local, the S3-compatible server and the SES emulator:
 * generate from a selected card, sign in order (gmina online, powiat by an uploaded signed PDF the
 * coordinator confirms, województwo online), the sealed final PDF e-mailed as an attachment and verified;
 * every bad input refused with its code and nothing changed.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
const CALL = 'liderzy-kooperacji-26';
const LOPUSZNO = '2604083';
let coordinator: string;
/** A coordinator of świętokrzyskie, as the use-cases take a signed-in user. */
const COORDINATOR_26 = {
  email: 'agreements.26@rops.example',
  name: 'Koordynator',
  role: 'coordinator' as const,
  wojewodztwa: ['26'],
};
let stranger: string;

interface Mail {
  subject: string;
  destination: { to: string[] };
  body: { text: string };
  attachments?: { filename?: string; content: string; contentType: string }[];
}

async function mailTo(address: string): Promise<Mail[]> {
  await mailSettled(db);
  const response = await fetch(`${inboxUrl}/store`);
  return ((await response.json()) as { emails: Mail[] }).emails.filter((mail) =>
    mail.destination.to.some((to) => to.includes(address)),
  );
}

async function latestSigningToken(address: string): Promise<string> {
  const mails = await mailTo(address);
  const match = /\/porozumienie#t=([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.body.text ?? '');
  if (!match?.[1]) throw new Error(`no signing link for ${address}`);
  return match[1];
}

async function sessionFor(wojewodztwa: string[]): Promise<string> {
  const email = `koordynator.${randomUUID()}@rops.example`;
  await createUserIfAbsent(db, { email, name: 'Koordynator', role: 'coordinator', wojewodztwa });
  const session = randomBytes(32).toString('base64url');
  await createSession(db, {
    sessionSha256: sha256Hex(session),
    email,
    startedAt: new Date(),
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return `__Host-kooperacja-session=${session}`;
}

async function call(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; token?: string; raw?: Uint8Array } = {},
) {
  const headers: Record<string, string> = { 'user-agent': 'vitest-agreements' };
  // A change with nothing to say sends `{}`, as the site does: the API takes changes only as JSON.
  const body = init.body ?? (init.raw || (init.method ?? 'GET') === 'GET' ? undefined : {});
  if (init.cookie) headers.cookie = init.cookie;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (init.raw) headers['content-type'] = 'application/pdf';
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    ...(init.raw ? { body: new Blob([new Uint8Array(init.raw)]) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function selectedCard(teryt: string, city: string, powiatCode: string): Promise<void> {
  const answers = validAnswers(teryt, powiatCode) as ReturnType<typeof validAnswers>;
  answers.office.address = { street: 'ul. Jana Pawła II 6', postalCode: '26-070', city };
  answers.contacts.contact.email = `kontakt.${teryt}@gmina.example`;
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
        wojewodztwo: teryt.slice(0, 2),
        status: 'submitted',
        reviewStatus: 'selected',
        answers,
      },
    }),
  );
}

const pdfOf = (json: { base64: string }) => new Uint8Array(Buffer.from(json.base64, 'base64'));
const path = (teryt: string) => `/api/admin/agreements/${CALL}/${teryt}`;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
  coordinator = await sessionFor(['26']);
  stranger = await sessionFor(['20']);
  await selectedCard(LOPUSZNO, 'Łopuszno', '2602');
});
afterAll(() => api.close());

const signatories = (suffix: string) => ({
  gmina: { name: 'Łucja Żak', role: 'Wójt Gminy Łopuszno', email: `wojt.${suffix}@gmina.example` },
  powiat: { name: 'Paweł Kowal', role: 'Starosta Jędrzejowski', email: `starosta.${suffix}@powiat.example` },
  wojewodztwo: {
    name: 'Renata Janik',
    role: 'Członkini Zarządu Województwa',
    email: `zarzad.${suffix}@wojewodztwo.example`,
  },
});

describe('an agreement signed online, in order, end to end', () => {
  const who = signatories(randomUUID().slice(0, 8));
  let documentSha256 = '';

  it('is generated from the selected card as a PDF with every Polish letter, stored with its SHA-256', async () => {
    const generated = await call(path(LOPUSZNO), {
      method: 'POST',
      body: { kind: 'three-party' },
      cookie: coordinator,
    });
    expect(generated.status).toBe(201);
    expect(generated.json).toMatchObject({ status: 'draft', kind: 'three-party', textVersion: 1 });
    expect(generated.json.parties.map((party: { role: string }) => party.role)).toEqual([
      'gmina',
      'powiat',
      'wojewodztwo',
    ]);
    documentSha256 = generated.json.documentSha256;

    const download = await call(`${path(LOPUSZNO)}/pdf?which=document`, { cookie: coordinator });
    expect(download.status).toBe(200);
    const pdf = pdfOf(download.json);
    expect(sha256Of(pdf)).toBe(documentSha256);
    writeFileSync('/tmp/kooperacja-agreement.pdf', pdf);
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text).toContain('Łopuszno');
    expect(text).toContain('jędrzejowski');
    expect(text).toContain('Świętokrzyskie');
    expect(text).toContain('Kamień milowy IV');
  });

  it('refuses a second agreement for the card, and a card not selected', async () => {
    expect(
      (await call(path(LOPUSZNO), { method: 'POST', body: {}, cookie: coordinator })).json.error.code,
    ).toBe('CONFLICT');
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.card(CALL, '2602052'), callId: CALL, teryt: '2602052', reviewStatus: 'scored' },
      }),
    );
    const refused = await call(path('2602052'), {
      method: 'POST',
      body: { kind: 'two-party' },
      cookie: coordinator,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('CARD_NOT_SELECTED');
  });

  it('sends the gmina its link first; the page shows the document, its hash and who has signed', async () => {
    const sent = await call(`${path(LOPUSZNO)}/signing`, {
      method: 'POST',
      cookie: coordinator,
      body: { signatories: who, deadline: new Date(Date.now() + 7 * 86400_000).toISOString(), revision: 1 },
    });
    expect(sent.status).toBe(200);
    expect(sent.json.parties.map((party: { status: string }) => party.status)).toEqual([
      'pending',
      'waiting',
      'waiting',
    ]);
    expect(await mailTo(who.powiat.email)).toEqual([]);
    const page = await call('/api/signing/current', { token: await latestSigningToken(who.gmina.email) });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ documentSha256, yourTurn: true, you: { role: 'gmina' } });
    expect(page.json.html).toContain('Łopuszno');
  });

  it('refuses a forged link, a wrong name, a missing consent and a changed document, changing nothing', async () => {
    const token = await latestSigningToken(who.gmina.email);
    const before = await tableSnapshot(db);
    const sign = (body: unknown, withToken = token) =>
      call('/api/signing/current/signature', { method: 'POST', token: withToken, body });
    const ok = { fullName: 'Łucja Żak', consent: true, documentSha256 };

    const forged = await sign(ok, randomBytes(32).toString('base64url'));
    expect([forged.status, forged.json.error.code]).toEqual([401, 'LINK_INVALID']);
    const name = await sign({ ...ok, fullName: 'Łucja Żakowska' });
    expect([name.status, name.json.error.code]).toEqual([422, 'SIGNATURE_NAME_MISMATCH']);
    const consent = await sign({ ...ok, consent: false });
    expect([consent.status, consent.json.error.code]).toEqual([422, 'CONSENT_REQUIRED']);
    const changed = await sign({ ...ok, documentSha256: 'a'.repeat(64) });
    expect([changed.status, changed.json.error.code]).toEqual([409, 'DOCUMENT_CHANGED']);

    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('refuses the powiat signing before the gmina (its link resent early), changing nothing', async () => {
    expect(
      (await call(`${path(LOPUSZNO)}/parties/powiat/link`, { method: 'POST', cookie: coordinator })).status,
    ).toBe(200);
    const token = await latestSigningToken(who.powiat.email);
    const before = await tableSnapshot(db);
    const early = await call('/api/signing/current/signature', {
      method: 'POST',
      token,
      body: { fullName: who.powiat.name, consent: true, documentSha256 },
    });
    expect([early.status, early.json.error.code]).toEqual([409, 'NOT_YOUR_TURN']);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('signs for the gmina by the name typed without case or diacritics, once; the powiat is told', async () => {
    const token = await latestSigningToken(who.gmina.email);
    const powiatMails = (await mailTo(who.powiat.email)).length;
    const signed = await call('/api/signing/current/signature', {
      method: 'POST',
      token,
      body: { fullName: '  lucja   ZAK ', consent: true, documentSha256 },
    });
    expect(signed.status).toBe(200);
    expect(signed.json.parties[0]).toMatchObject({ role: 'gmina', status: 'signed' });
    expect((await mailTo(who.powiat.email)).length).toBe(powiatMails + 1);

    const again = await call('/api/signing/current/signature', {
      method: 'POST',
      token,
      body: { fullName: 'Łucja Żak', consent: true, documentSha256 },
    });
    expect([again.status, again.json.error.code]).toEqual([409, 'ALREADY_SIGNED']);
  });

  it('takes an uploaded qualified-signed PDF from the powiat, names its signer, counts it once confirmed', async () => {
    const token = await latestSigningToken(who.powiat.email);
    const before = await tableSnapshot(db);
    const notPdf = await call('/api/signing/current/upload', {
      method: 'PUT',
      token,
      raw: new TextEncoder().encode('<html>nie PDF</html>'),
    });
    expect([notPdf.status, notPdf.json.error.code]).toEqual([415, 'NOT_A_PDF']);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const tooBig = await call('/api/signing/current/upload', { method: 'PUT', token, raw: big });
    expect(tooBig.status).toBe(413);
    expect(await tableSnapshot(db)).toEqual(before);

    const download = await call(`${path(LOPUSZNO)}/pdf?which=document`, { cookie: coordinator });
    const qualified = await sealPdf(
      pdfOf(download.json),
      selfSignedSealCertificate('Paweł Kowal'),
      new Date(),
    );
    const uploaded = await call('/api/signing/current/upload', { method: 'PUT', token, raw: qualified });
    expect(uploaded.status).toBe(201);
    expect(uploaded.json.upload).toEqual({
      sha256: sha256Of(qualified),
      signed: true,
      signerName: 'Paweł Kowal',
    });
    expect(uploaded.json.parties[1].status).toBe('uploaded');

    const foreign = await call(`${path(LOPUSZNO)}/parties/powiat/confirmation`, {
      method: 'POST',
      cookie: stranger,
    });
    expect(foreign.status).toBe(403);
    const confirmed = await call(`${path(LOPUSZNO)}/parties/powiat/confirmation`, {
      method: 'POST',
      cookie: coordinator,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.parties[1]).toMatchObject({ status: 'signed', method: 'qualified-upload' });
    expect(await mailTo(who.wojewodztwo.email)).toHaveLength(1);
  });

  it('completes with the województwo: a sealed final PDF to every party, verifiable; one changed byte breaks the seal', async () => {
    const token = await latestSigningToken(who.wojewodztwo.email);
    const signed = await call('/api/signing/current/signature', {
      method: 'POST',
      token,
      body: { fullName: 'Renata Janik', consent: true, documentSha256 },
    });
    expect(signed.status).toBe(200);
    expect(signed.json.status).toBe('completed');

    const view = await call(path(LOPUSZNO), { cookie: coordinator });
    const finalSha = view.json.agreement.final.sha256;
    // The coordinator's view gives the text as the signatories' page shows it, escaped.
    expect(view.json.html).toContain('<h3>§ 1');
    expect(view.json.html).toContain('Łopuszno');
    for (const address of [who.gmina.email, who.powiat.email, who.wojewodztwo.email]) {
      const final = (await mailTo(address)).find((mail) => mail.subject.startsWith('Porozumienie podpisane'));
      expect(final?.attachments?.[0]?.filename).toBe(`porozumienie-${view.json.agreement.id}.pdf`);
      expect(sha256Of(Buffer.from(final?.attachments?.[0]?.content ?? '', 'base64'))).toBe(finalSha);
    }
    const download = await call(`${path(LOPUSZNO)}/pdf?which=final`, { cookie: coordinator });
    const final = pdfOf(download.json);
    writeFileSync('/tmp/kooperacja-agreement-final.pdf', final);
    expect(inspectPdfSignature(final)).toMatchObject({
      signed: true,
      digestMatches: true,
      signatureVerifies: true,
    });
    const { text } = await extractText(new Uint8Array(final), { mergePages: true });
    expect(text).toContain('Strona podpisów');
    expect(text).toContain('vitest-agreements');
    expect(text).toContain(documentSha256);

    const tampered = final.slice();
    const at = Buffer.from(final).indexOf('Kooperacja');
    tampered[at] = 'k'.charCodeAt(0);
    expect(inspectPdfSignature(tampered)).toMatchObject({ signed: true, digestMatches: false });

    const id = view.json.agreement.id;
    expect((await call(`/api/agreements/${id}/verification?sha256=${finalSha}`)).json).toMatchObject({
      valid: true,
      agreementId: id,
    });
    expect((await call(`/api/agreements/${id}/verification?sha256=${sha256Of(tampered)}`)).json).toEqual({
      valid: false,
      agreementId: id,
    });

    const events = view.json.events.map((event: { type: string }) => event.type);
    expect(events[0]).toBe('generated');
    expect(events).toEqual(expect.arrayContaining(['signed', 'signed-upload', 'upload-confirmed']));
    const times = view.json.events.map((event: { at: string }) => event.at);
    expect(times).toEqual([...times].sort());
  });
});

describe('changes, cancellation and paper', () => {
  async function newAgreement(teryt: string, city: string, suffix: string) {
    await selectedCard(teryt, city, teryt.slice(0, 4));
    const generated = await call(path(teryt), {
      method: 'POST',
      body: { kind: 'two-party' },
      cookie: coordinator,
    });
    expect(generated.status).toBe(201);
    const who = { gmina: signatories(suffix).gmina, wojewodztwo: signatories(suffix).wojewodztwo };
    return { generated: generated.json, who };
  }

  it('voids signatures when the text changes after one, and restarts with new links', async () => {
    const { generated, who } = await newAgreement('2602052', 'Oksa', randomUUID().slice(0, 8));
    await call(`${path('2602052')}/signing`, {
      method: 'POST',
      cookie: coordinator,
      body: { signatories: who, deadline: new Date(Date.now() + 86400_000).toISOString(), revision: 1 },
    });
    const firstToken = await latestSigningToken(who.gmina.email);
    await call('/api/signing/current/signature', {
      method: 'POST',
      token: firstToken,
      body: { fullName: who.gmina.name, consent: true, documentSha256: generated.documentSha256 },
    });
    const current = await call(path('2602052'), { cookie: coordinator });
    const edited = await call(`${path('2602052')}/text`, {
      method: 'PUT',
      cookie: coordinator,
      body: {
        text: `${current.json.agreement.text}\n\n§ 6. Dodatkowe\n\nNowy ustęp.`,
        revision: current.json.agreement.revision,
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.json.textVersion).toBe(2);
    expect(edited.json.documentSha256).not.toBe(generated.documentSha256);
    expect(edited.json.parties.map((party: { status: string }) => party.status)).toEqual([
      'pending',
      'waiting',
    ]);

    const old = await call('/api/signing/current', { token: firstToken });
    expect([old.status, old.json.error.code]).toEqual([410, 'SIGNING_LINK_REPLACED']);
    const fresh = await latestSigningToken(who.gmina.email);
    expect((await mailTo(who.gmina.email)).at(-1)?.body.text).toContain('straciły ważność');
    const stale = await call('/api/signing/current/signature', {
      method: 'POST',
      token: fresh,
      body: { fullName: who.gmina.name, consent: true, documentSha256: generated.documentSha256 },
    });
    expect([stale.status, stale.json.error.code]).toEqual([409, 'DOCUMENT_CHANGED']);
    const events = (await call(path('2602052'), { cookie: coordinator })).json.events.map(
      (event: { type: string }) => event.type,
    );
    expect(events).toEqual(expect.arrayContaining(['text-edited', 'signatures-voided']));
  });

  it('kills every link when cancelled, and a changed signatory’s old link', async () => {
    const { who } = await newAgreement('2602062', 'Sędziszów', randomUUID().slice(0, 8));
    await call(`${path('2602062')}/signing`, {
      method: 'POST',
      cookie: coordinator,
      body: { signatories: who, deadline: new Date(Date.now() + 86400_000).toISOString(), revision: 1 },
    });
    const oldToken = await latestSigningToken(who.gmina.email);
    const changed = await call(`${path('2602062')}/parties/gmina/signatory`, {
      method: 'PUT',
      cookie: coordinator,
      body: {
        signatory: { name: 'Jan Nowy', role: 'Zastępca Wójta', email: `nowy.${randomUUID()}@gmina.example` },
      },
    });
    expect(changed.status).toBe(200);
    expect((await call('/api/signing/current', { token: oldToken })).json.error.code).toBe(
      'SIGNING_LINK_REPLACED',
    );
    const newToken = await latestSigningToken(changed.json.parties[0].signatory.email);
    expect(
      (await call(`${path('2602062')}/cancellation`, { method: 'POST', cookie: coordinator })).status,
    ).toBe(200);
    const dead = await call('/api/signing/current', { token: newToken });
    expect([dead.status, dead.json.error.code]).toEqual([410, 'AGREEMENT_CANCELLED']);
  });

  it('refuses a link after its deadline', async () => {
    const { who } = await newAgreement('2602072', 'Słupia', randomUUID().slice(0, 8));
    const deadline = new Date(Date.now() + 60_000);
    await call(`${path('2602072')}/signing`, {
      method: 'POST',
      cookie: coordinator,
      body: { signatories: who, deadline: deadline.toISOString(), revision: 1 },
    });
    const token = await latestSigningToken(who.gmina.email);
    // The clock one millisecond past the deadline, for the page and for the coordinator's list.
    const late = { db, now: () => new Date(deadline.getTime() + 1) };

    expect((await call('/api/signing/current', { token })).status).toBe(200);
    await expect(signingPage(late, token)).rejects.toMatchObject({ code: 'SIGNING_LINK_EXPIRED' });
    const list = await listCallAgreements(late, COORDINATOR_26, { callId: CALL, wojewodztwo: '26' });
    const row = list.agreements.find((agreement) => agreement.teryt === '2602072');
    expect(row?.parties[0]?.overdue).toBe(true);
  });

  it('records paper signing from a scan: the same final record, trail and verification', async () => {
    const { generated } = await newAgreement('2602082', 'Wodzisław', randomUUID().slice(0, 8));
    const scanDownload = await call(`${path('2602082')}/pdf?which=document`, { cookie: coordinator });
    const scan = pdfOf(scanDownload.json);
    const uploaded = await call(`${path('2602082')}/scan`, { method: 'PUT', cookie: coordinator, raw: scan });
    expect(uploaded.status).toBe(201);
    const recorded = await call(`${path('2602082')}/paper-signatures`, {
      method: 'POST',
      cookie: coordinator,
      body: {
        scanSha256: uploaded.json.sha256,
        parties: [
          { role: 'gmina', signedBy: 'Jan Kowalski, Wójt', signedOn: '2026-11-30' },
          { role: 'wojewodztwo', signedBy: 'Renata Janik, Członkini Zarządu', signedOn: '2026-11-30' },
        ],
      },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.json.status).toBe('completed');
    expect(recorded.json.parties.every((party: { method: string }) => party.method === 'paper')).toBe(true);
    const final = pdfOf((await call(`${path('2602082')}/pdf?which=final`, { cookie: coordinator })).json);
    expect(inspectPdfSignature(final)).toMatchObject({ digestMatches: true, signatureVerifies: true });
    const verified = await call(`/api/agreements/${generated.id}/verification?sha256=${sha256Of(final)}`);
    expect(verified.json.valid).toBe(true);
  });
});

describe('access: every coordinator route decides before reading', () => {
  it('refuses another region’s coordinator (403) and no session (401) on each route', async () => {
    const routes: [string, string, unknown?][] = [
      ['POST', path(LOPUSZNO), {}],
      ['GET', path(LOPUSZNO)],
      ['PUT', `${path(LOPUSZNO)}/text`, { text: 'x', revision: 1 }],
      [
        'POST',
        `${path(LOPUSZNO)}/signing`,
        {
          signatories: signatories('x'),
          deadline: new Date(Date.now() + 86400_000).toISOString(),
          revision: 1,
        },
      ],
      ['POST', `${path(LOPUSZNO)}/parties/gmina/link`],
      ['PUT', `${path(LOPUSZNO)}/parties/gmina/signatory`, { signatory: signatories('x').gmina }],
      ['POST', `${path(LOPUSZNO)}/parties/powiat/confirmation`],
      ['POST', `${path(LOPUSZNO)}/cancellation`],
      ['POST', `${path(LOPUSZNO)}/paper-signatures`, { scanSha256: 'a'.repeat(64), parties: [] }],
      ['GET', `${path(LOPUSZNO)}/pdf?which=final`],
      ['GET', `/api/admin/calls/${CALL}/agreements?wojewodztwo=26`],
    ];
    const before = await tableSnapshot(db);
    for (const [method, url, body] of routes) {
      const foreign = await call(url, { method, cookie: stranger, ...(body === undefined ? {} : { body }) });
      expect([url, method, foreign.status, foreign.json.error.code]).toEqual([url, method, 403, 'FORBIDDEN']);
      const anonymous = await call(url, { method, ...(body === undefined ? {} : { body }) });
      expect([url, method, anonymous.status]).toEqual([url, method, 401]);
    }
    const scan = await call(`${path(LOPUSZNO)}/scan`, {
      method: 'PUT',
      cookie: stranger,
      raw: new TextEncoder().encode('%PDF-1.4'),
    });
    expect(scan.status).toBe(403);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('the list says the number of parties when the call or its programme sets it', () => {
  it('gives no kind for a call that leaves it to the coordinator, and the call’s own once set', async () => {
    const list = `/api/admin/calls/${CALL}/agreements?wojewodztwo=26`;
    const before = await call(list, { cookie: coordinator });
    expect(before.status).toBe(200);
    expect(before.json.kind).toBeUndefined();
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.call(CALL),
        UpdateExpression: 'SET agreementKind = :kind',
        ExpressionAttributeValues: { ':kind': 'three-party' },
      }),
    );
    expect((await call(list, { cookie: coordinator })).json.kind).toBe('three-party');
  });
});
