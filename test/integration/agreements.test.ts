import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inspectPdfSignature } from '../../functions/documents/pdf-signatures.ts';
import { sealPdf, selfSignedSealCertificate } from '../../functions/documents/seal.ts';
import { finalRecordForSignatory } from '../../functions/domain/agreement-downloads.ts';
import { listCallAgreements } from '../../functions/domain/agreement-lists.ts';
import { signingPage } from '../../functions/domain/agreement-pages.ts';
import { declineAgreement } from '../../functions/domain/agreement-signing.ts';
import { sha256Hex } from '../../functions/lib/crypto.ts';
import { LAMBDA_MAX_EVENT_BYTES } from '../../functions/local/api-server.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { PutCommand, UpdateCommand } from '../../functions/repositories/document.ts';
import { sha256Of } from '../../functions/repositories/documents.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { createSession } from '../../functions/repositories/sign-in.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { agreementDeps } from '../../functions/wiring-agreements.ts';
import { AGREEMENT_FILE_PART_BYTES } from '../../shared/agreement-uploads.ts';
import { validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { mailSettled, useMailPipeline } from '../support/mail.ts';
import { pdfWithAttachment, scannedPdf } from '../support/pdf.ts';

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
  return (await sessionWithEmail(wojewodztwa)).cookie;
}

async function sessionWithEmail(wojewodztwa: string[]): Promise<{ cookie: string; email: string }> {
  const email = `koordynator.${randomUUID()}@rops.example`;
  await createUserIfAbsent(db, { email, name: 'Koordynator', role: 'coordinator', wojewodztwa });
  const session = randomBytes(32).toString('base64url');
  await createSession(db, {
    sessionSha256: sha256Hex(session),
    email,
    startedAt: new Date(),
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return { cookie: `__Host-kooperacja-session=${session}`, email };
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

/**
 * A gmina's contact address of this run's own: the SES emulator is shared by every test file, and others
 * (cards.test.ts) send cards for the same gminas, reading their confirmations' links by the address.
 */
const RUN = randomUUID().slice(0, 8);
const contactOf = (teryt: string) => `kontakt.${teryt}.${RUN}@gmina.example`;

async function selectedCard(teryt: string, city: string, powiatCode: string): Promise<void> {
  const answers = validAnswers(teryt, powiatCode) as ReturnType<typeof validAnswers>;
  answers.office.address = { street: 'ul. Jana Pawła II 6', postalCode: '26-070', city };
  answers.contacts.contact.email = contactOf(teryt);
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

/**
 * A PDF as the site sends one: parts of at most 4 MiB, each its own request (raw bytes), then the JSON
 * request that takes the file. The first refusal is the answer.
 */
async function uploadPdf(take: string, auth: { cookie?: string; token?: string }, bytes: Uint8Array) {
  const uploadId = randomUUID();
  const parts = Math.max(1, Math.ceil(bytes.byteLength / AGREEMENT_FILE_PART_BYTES));
  for (let part = 1; part <= parts; part += 1) {
    const raw = bytes.subarray((part - 1) * AGREEMENT_FILE_PART_BYTES, part * AGREEMENT_FILE_PART_BYTES);
    const sent = await call(`${take}/${uploadId}/${part}`, { method: 'PUT', ...auth, raw });
    if (sent.status !== 201) return sent;
  }
  return call(take, { method: 'POST', ...auth, body: { uploadId, parts } });
}

/**
 * One of the agreement's PDFs as a browser gets it: up to 4 MiB its bytes from the API, larger a 303 to a
 * link signed for a minute, fetched from the S3-compatible server without the session.
 */
async function downloadPdf(
  query: string,
  teryt = LOPUSZNO,
  cookie = coordinator,
): Promise<{ bytes: Uint8Array; via: 'api' | 'bucket'; filename: string }> {
  const response = await fetch(`${api.url}${path(teryt)}/pdf?${query}`, {
    headers: { cookie },
    redirect: 'manual',
  });
  const disposition = (answer: Response) =>
    /filename="([^"]+)"/.exec(answer.headers.get('content-disposition') ?? '')?.[1] ?? '';
  if (response.status === 200) {
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      via: 'api',
      filename: disposition(response),
    };
  }
  expect([query, response.status]).toEqual([query, 303]);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.origin).not.toBe(new URL(api.url).origin);
  expect(location.searchParams.get('X-Amz-Expires')).toBe('60');
  const fromBucket = await fetch(location);
  expect(fromBucket.status).toBe(200);
  return {
    bytes: new Uint8Array(await fromBucket.arrayBuffer()),
    via: 'bucket',
    filename: disposition(fromBucket),
  };
}
const pdfOf = async (query: string, teryt = LOPUSZNO) => (await downloadPdf(query, teryt)).bytes;
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

    const download = await downloadPdf('which=document');
    expect(download.via).toBe('api');
    expect(download.filename).toBe(`porozumienie-${generated.json.id}-v1.pdf`);
    const pdf = download.bytes;
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

  it('refuses an upload that is not a PDF, over 10 MB, incomplete, or from a forged link, changing nothing', async () => {
    const token = await latestSigningToken(who.powiat.email);
    const take = '/api/signing/current/upload';
    const before = await tableSnapshot(db);
    const notPdf = await uploadPdf(take, { token }, new TextEncoder().encode('<html>nie PDF</html>'));
    expect([notPdf.status, notPdf.json.error.code]).toEqual([415, 'NOT_A_PDF']);
    const big = new Uint8Array(11 * 1000 * 1000);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const tooBig = await uploadPdf(take, { token }, big);
    expect([tooBig.status, tooBig.json.error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const bigPart = await call(`${take}/${randomUUID()}/1`, {
      method: 'PUT',
      token,
      raw: big.subarray(0, AGREEMENT_FILE_PART_BYTES + 1),
    });
    expect([bigPart.status, bigPart.json.error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const uploadId = randomUUID();
    const first = await call(`${take}/${uploadId}/1`, { method: 'PUT', token, raw: big.subarray(0, 1000) });
    expect(first.status).toBe(201);
    const incomplete = await call(take, { method: 'POST', token, body: { uploadId, parts: 2 } });
    expect([incomplete.status, incomplete.json.error.code]).toEqual([409, 'UPLOAD_INCOMPLETE']);
    const forged = await uploadPdf(
      take,
      { token: randomBytes(32).toString('base64url') },
      big.subarray(0, 9),
    );
    expect([forged.status, forged.json.error.code]).toEqual([401, 'LINK_INVALID']);
    const fourth = await call(`${take}/${uploadId}/4`, { method: 'PUT', token, raw: big.subarray(0, 9) });
    expect(fourth.status).toBe(404);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('refuses a 9 MB PDF in one request, as API Gateway and Lambda would (6 MB per invocation)', async () => {
    const token = await latestSigningToken(who.powiat.email);
    const whole = new Uint8Array(9 * 1000 * 1000);
    whole.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect((whole.byteLength * 4) / 3).toBeGreaterThan(LAMBDA_MAX_EVENT_BYTES);
    const once = await call(`/api/signing/current/upload/${randomUUID()}/1`, {
      method: 'PUT',
      token,
      raw: whole,
    });
    expect(once.status).toBe(413);
  });

  it('takes a 9 MB qualified-signed PDF from the powiat in parts, names its signer, counts it once confirmed', async () => {
    const token = await latestSigningToken(who.powiat.email);
    const qualified = await sealPdf(
      await pdfWithAttachment(await pdfOf('which=document'), 9),
      selfSignedSealCertificate('Paweł Kowal'),
      new Date(),
    );
    expect(qualified.byteLength).toBeGreaterThan(9 * 1024 * 1024);
    expect(qualified.byteLength).toBeLessThan(10 * 1024 * 1024);
    const uploaded = await uploadPdf('/api/signing/current/upload', { token }, qualified);
    expect(uploaded.status).toBe(201);
    expect(uploaded.json.upload).toEqual({
      sha256: sha256Of(qualified),
      signed: true,
      signerName: 'Paweł Kowal',
    });
    expect(uploaded.json.parties[1].status).toBe('uploaded');

    // The coordinator reads the signed copy before confirming it: over 4 MiB, from the bucket, unchanged.
    const copy = await downloadPdf('which=upload&party=powiat');
    expect(copy.via).toBe('bucket');
    expect(copy.filename).toMatch(/^porozumienie-PZ-[A-Z0-9]{4}-[A-Z0-9]{4}-podpisane-powiat\.pdf$/);
    expect(Buffer.compare(copy.bytes, qualified)).toBe(0);
    const noParty = await call(`${path(LOPUSZNO)}/pdf?which=upload`, { cookie: coordinator });
    expect([noParty.status, noParty.json.error.code, noParty.json.error.fields]).toEqual([
      400,
      'VALIDATION_FAILED',
      { party: 'required' },
    ]);
    const noUpload = await call(`${path(LOPUSZNO)}/pdf?which=upload&party=gmina`, { cookie: coordinator });
    expect([noUpload.status, noUpload.json.error.code]).toEqual([404, 'NOT_FOUND']);
    const foreignCopy = await fetch(`${api.url}${path(LOPUSZNO)}/pdf?which=upload&party=powiat`, {
      headers: { cookie: stranger },
      redirect: 'manual',
    });
    expect([foreignCopy.status, foreignCopy.headers.get('location')]).toEqual([403, null]);

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
      // Attached (small enough), and the party's own link to download it again later.
      expect(final?.body.text).toContain('W załączniku jest jego egzemplarz końcowy');
      expect(final?.body.text).not.toContain('zbyt duży');
      expect(final?.body.text).toMatch(/\/porozumienie#t=[A-Za-z0-9_-]{43}/);
    }
    const again = await call('/api/signing/current/final', {
      token: await latestSigningToken(who.powiat.email),
    });
    expect([again.status, again.json.sha256]).toEqual([200, finalSha]);
    const againBytes = new Uint8Array(await (await fetch(again.json.url)).arrayBuffer());
    expect(sha256Of(againBytes)).toBe(finalSha);
    const download = await downloadPdf('which=final');
    expect(download.via).toBe('api');
    const final = download.bytes;
    expect(sha256Of(final)).toBe(finalSha);
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
    const scan = await scannedPdf(await pdfOf('which=document', '2602082'), 9);
    const before = await tableSnapshot(db);
    const padded = new Uint8Array(scan.byteLength + 2 * 1024 * 1024);
    padded.set(scan);
    const tooBig = await uploadPdf(`${path('2602082')}/scan`, { cookie: coordinator }, padded);
    expect([tooBig.status, tooBig.json.error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const notPdf = await uploadPdf(`${path('2602082')}/scan`, { cookie: coordinator }, scan.subarray(2000));
    expect([notPdf.status, notPdf.json.error.code]).toEqual([415, 'NOT_A_PDF']);
    expect(await tableSnapshot(db)).toEqual(before);
    const uploaded = await uploadPdf(`${path('2602082')}/scan`, { cookie: coordinator }, scan);
    expect(uploaded.status).toBe(201);
    expect(uploaded.json.sha256).toBe(sha256Of(scan));
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
    expect(recorded.json.final.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Both over what Lambda can answer: each a 303 to the bucket, byte for byte what was stored.
    const scanBack = await downloadPdf('which=scan', '2602082');
    expect(scanBack.via).toBe('bucket');
    expect(scanBack.filename).toBe(`porozumienie-${generated.id}-scan.pdf`);
    expect(Buffer.compare(scanBack.bytes, scan)).toBe(0);
    const finalBack = await downloadPdf('which=final', '2602082');
    expect(finalBack.via).toBe('bucket');
    expect(finalBack.bytes.byteLength).toBeGreaterThan(9 * 1024 * 1024);
    const final = finalBack.bytes;
    expect(sha256Of(final)).toBe(recorded.json.final.sha256);
    expect(inspectPdfSignature(final)).toMatchObject({ digestMatches: true, signatureVerifies: true });
    const { totalPages } = await extractText(new Uint8Array(final));
    expect(totalPages).toBeGreaterThan(2);
    const verified = await call(`/api/agreements/${generated.id}/verification?sha256=${sha256Of(final)}`);
    expect(verified.json.valid).toBe(true);

    // Access decided first: another voivodeship's coordinator gets no link, nor does anyone without a session.
    for (const which of ['final', 'scan', 'document']) {
      const url = `${api.url}${path('2602082')}/pdf?which=${which}`;
      const foreign = await fetch(url, { headers: { cookie: stranger }, redirect: 'manual' });
      expect([which, foreign.status, foreign.headers.get('location')]).toEqual([which, 403, null]);
      const anonymous = await fetch(url, { redirect: 'manual' });
      expect([which, anonymous.status, anonymous.headers.get('location')]).toEqual([which, 401, null]);
    }

    // Over 7 MB the record is not attached (its base64 would pass SES's 10 MB): each party's e-mail says
    // so, gives the hash and a link of the party's own to the page that downloads it.
    const completedMails = (await mailTo('')).filter(
      (mail) => mail.subject === 'Porozumienie podpisane — Wodzisław',
    );
    const gminaContact = contactOf('2602082');
    expect(completedMails.map((mail) => mail.destination.to)).toContainEqual([gminaContact]);
    expect(completedMails).toHaveLength(2);
    for (const mail of completedMails) {
      expect(mail.attachments ?? []).toEqual([]);
      expect(mail.body.text).toContain('zbyt duży, by wysłać go e-mailem');
      expect(mail.body.text).toContain('Pobierz podpisane porozumienie (PDF)');
      expect(mail.body.text).toContain(`Skrót SHA-256 egzemplarza końcowego: ${sha256Of(final)}`);
      expect(mail.body.text).toMatch(/\/porozumienie#t=[A-Za-z0-9_-]{43}/);
    }
    const token = await latestSigningToken(gminaContact);
    const page = await call('/api/signing/current', { token });
    expect([page.status, page.json.status, page.json.you.role]).toEqual([200, 'completed', 'gmina']);
    const link = await call('/api/signing/current/final', { token });
    expect(link.status).toBe(200);
    expect(link.json).toMatchObject({
      sha256: sha256Of(final),
      size: final.byteLength,
      filename: `porozumienie-${generated.id}.pdf`,
    });
    const url = new URL(link.json.url);
    expect(url.origin).not.toBe(new URL(api.url).origin);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    const fromBucket = await fetch(url);
    expect(fromBucket.status).toBe(200);
    expect(Buffer.compare(new Uint8Array(await fromBucket.arrayBuffer()), final)).toBe(0);
  });

  it('gives the final record only by a live link of its agreement, once completed, for 30 days', async () => {
    const forged = await call('/api/signing/current/final', { token: 'A'.repeat(43) });
    expect([forged.status, forged.json.error.code]).toEqual([401, 'LINK_INVALID']);
    // No link, a session of another voivodeship's coordinator: refused before anything is read.
    const stranger401 = await call('/api/signing/current/final', { cookie: stranger });
    expect([stranger401.status, stranger401.json.error.code]).toEqual([401, 'LINK_INVALID']);

    // Another agreement's link, still being signed: no final record, and never this one.
    const { who } = await newAgreement('2602033', 'Małogoszcz', randomUUID().slice(0, 8));
    const sent = await call(`${path('2602033')}/signing`, {
      method: 'POST',
      cookie: coordinator,
      body: { signatories: who, deadline: new Date(Date.now() + 86400_000).toISOString(), revision: 1 },
    });
    expect(sent.status).toBe(200);
    const open = await latestSigningToken(who.gmina.email);
    const unfinished = await call('/api/signing/current/final', { token: open });
    expect([unfinished.status, unfinished.json.error.code]).toEqual([409, 'AGREEMENT_STATE']);

    // The completed paper agreement's link: refused once 30 days have passed since completion.
    const token = await latestSigningToken(contactOf('2602082'));
    const completed = (await call(path('2602082'), { cookie: coordinator })).json.agreement;
    const completedAt = Date.parse(completed.final.completedAt);
    const day29 = { ...agreementDeps(), now: () => new Date(completedAt + 29 * 86400_000) };
    await expect(finalRecordForSignatory(day29, token)).resolves.toMatchObject({
      sha256: completed.final.sha256,
    });
    const day30 = { ...agreementDeps(), now: () => new Date(completedAt + 30 * 86400_000) };
    await expect(finalRecordForSignatory(day30, token)).rejects.toMatchObject({
      code: 'SIGNING_LINK_EXPIRED',
    });
    const cancelled = await call(`${path('2602033')}/cancellation`, { method: 'POST', cookie: coordinator });
    expect(cancelled.status).toBe(200);
    const dead = await call('/api/signing/current/final', { token: open });
    expect([dead.status, dead.json.error.code]).toEqual([410, 'AGREEMENT_CANCELLED']);
  });
});

describe('a signatory declines with a reason; the coordinator is told', () => {
  const who = signatories(randomUUID().slice(0, 8));
  const reason = 'Rada Gminy nie podjęła uchwały o przystąpieniu do projektu; prosimy o termin w styczniu.';
  const refuse = (token: string, body: unknown) =>
    call('/api/signing/current/refusal', { method: 'POST', token, body });
  let owner: { cookie: string; email: string };
  let documentSha256 = '';

  beforeAll(async () => {
    owner = await sessionWithEmail(['26']);
    await selectedCard('2602042', 'Nagłowice', '2602');
    const generated = await call(path('2602042'), {
      method: 'POST',
      body: { kind: 'three-party' },
      cookie: owner.cookie,
    });
    documentSha256 = generated.json.documentSha256;
    const sent = await call(`${path('2602042')}/signing`, {
      method: 'POST',
      cookie: owner.cookie,
      body: { signatories: who, deadline: new Date(Date.now() + 7 * 86400_000).toISOString(), revision: 1 },
    });
    expect(sent.status).toBe(200);
  });

  it('refuses no reason, a blank one, a changed document, a forged link and the powiat before its turn, changing nothing', async () => {
    const token = await latestSigningToken(who.gmina.email);
    expect(
      (await call(`${path('2602042')}/parties/powiat/link`, { method: 'POST', cookie: owner.cookie })).status,
    ).toBe(200);
    const powiat = await latestSigningToken(who.powiat.email);
    const before = await tableSnapshot(db);

    const none = await refuse(token, { documentSha256 });
    expect([none.status, none.json.error.code, Object.keys(none.json.error.fields)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['reason'],
    ]);
    const blank = await refuse(token, { reason: ' \n\t ', documentSha256 });
    expect([blank.status, blank.json.error.code, Object.keys(blank.json.error.fields)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['reason'],
    ]);
    const long = await refuse(token, { reason: 'x'.repeat(2001), documentSha256 });
    expect([long.status, long.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const changed = await refuse(token, { reason, documentSha256: 'a'.repeat(64) });
    expect([changed.status, changed.json.error.code]).toEqual([409, 'DOCUMENT_CHANGED']);
    const forged = await refuse(randomBytes(32).toString('base64url'), { reason, documentSha256 });
    expect([forged.status, forged.json.error.code]).toEqual([401, 'LINK_INVALID']);
    const early = await refuse(powiat, { reason, documentSha256 });
    expect([early.status, early.json.error.code]).toEqual([409, 'NOT_YOUR_TURN']);

    expect(await tableSnapshot(db)).toEqual(before);
    expect(await mailTo(owner.email)).toEqual([]);
  });

  it('declines for the gmina: signing stops, the coordinator gets the reason by e-mail, the trail records it', async () => {
    const token = await latestSigningToken(who.gmina.email);
    const powiatMails = (await mailTo(who.powiat.email)).length;
    const declined = await refuse(token, { reason, documentSha256 });
    expect(declined.status).toBe(200);
    expect(declined.json.status).toBe('declined');
    expect(declined.json.parties.map((party: { status: string }) => party.status)).toEqual([
      'declined',
      'waiting',
      'waiting',
    ]);

    const told = await mailTo(owner.email);
    expect(told).toHaveLength(1);
    expect(told[0]?.subject).toBe('Odmowa podpisania porozumienia — Nagłowice');
    expect(told[0]?.body.text).toContain(reason);
    expect(told[0]?.body.text).toContain('Łucja Żak');
    // Nobody else is written to: the powiat's turn does not come.
    expect((await mailTo(who.powiat.email)).length).toBe(powiatMails);

    const view = await call(path('2602042'), { cookie: owner.cookie });
    expect(view.json.agreement.status).toBe('declined');
    expect(view.json.agreement.parties[0]).toMatchObject({ status: 'declined', declineReason: reason });
    const last = view.json.events.at(-1);
    expect(last).toMatchObject({
      type: 'declined',
      party: 'gmina',
      actor: `Łucja Żak (${who.gmina.email})`,
      note: reason,
      userAgent: 'vitest-agreements',
      hashBefore: documentSha256,
    });
    expect(last.ip).toMatch(/^127\.0\.0\.1|^::1|^::ffff:127\.0\.0\.1/);
    // The link still opens, and says what happened.
    const page = await call('/api/signing/current', { token });
    expect(page.json).toMatchObject({ status: 'declined', yourTurn: false });
  });

  it('refuses declining twice, and signing or declining after the decline, changing nothing', async () => {
    const token = await latestSigningToken(who.gmina.email);
    const powiat = await latestSigningToken(who.powiat.email);
    const before = await tableSnapshot(db);
    const mails = (await mailTo(owner.email)).length;
    const twice = await refuse(token, { reason, documentSha256 });
    expect([twice.status, twice.json.error.code]).toEqual([409, 'AGREEMENT_STATE']);
    const sign = await call('/api/signing/current/signature', {
      method: 'POST',
      token,
      body: { fullName: who.gmina.name, consent: true, documentSha256 },
    });
    expect([sign.status, sign.json.error.code]).toEqual([409, 'AGREEMENT_STATE']);
    const other = await refuse(powiat, { reason, documentSha256 });
    expect([other.status, other.json.error.code]).toEqual([409, 'AGREEMENT_STATE']);
    expect(await tableSnapshot(db)).toEqual(before);
    expect((await mailTo(owner.email)).length).toBe(mails);
  });
});

describe('declining with a dead link changes nothing', () => {
  async function sentAgreement(teryt: string, city: string, deadline: Date) {
    const who = signatories(randomUUID().slice(0, 8));
    await selectedCard(teryt, city, teryt.slice(0, 4));
    const generated = await call(path(teryt), {
      method: 'POST',
      body: { kind: 'two-party' },
      cookie: coordinator,
    });
    expect(generated.status).toBe(201);
    const sent = await call(`${path(teryt)}/signing`, {
      method: 'POST',
      cookie: coordinator,
      body: {
        signatories: { gmina: who.gmina, wojewodztwo: who.wojewodztwo },
        deadline: deadline.toISOString(),
        revision: 1,
      },
    });
    expect(sent.status).toBe(200);
    return { who, documentSha256: generated.json.documentSha256 as string };
  }
  const client = { ip: '192.0.2.1', userAgent: 'vitest-agreements' };

  it('refuses a link past its deadline', async () => {
    const deadline = new Date(Date.now() + 60_000);
    const { who, documentSha256 } = await sentAgreement('2602012', 'Imielno', deadline);
    const token = await latestSigningToken(who.gmina.email);
    const before = await tableSnapshot(db);
    // The clock one millisecond past the deadline; the rest as the handler wires it.
    const late = { ...agreementDeps(), now: () => new Date(deadline.getTime() + 1) };
    await expect(
      declineAgreement(late, token, { reason: 'Za późno.', documentSha256 }, client),
    ).rejects.toMatchObject({ code: 'SIGNING_LINK_EXPIRED' });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('refuses a cancelled agreement’s link, and a replaced signatory’s', async () => {
    const { who, documentSha256 } = await sentAgreement(
      '2602023',
      'Jędrzejów',
      new Date(Date.now() + 86400_000),
    );
    const oldToken = await latestSigningToken(who.gmina.email);
    const changed = await call(`${path('2602023')}/parties/gmina/signatory`, {
      method: 'PUT',
      cookie: coordinator,
      body: {
        signatory: {
          name: 'Jan Nowy',
          role: 'Zastępca Burmistrza',
          email: `nowy.${randomUUID()}@gmina.example`,
        },
      },
    });
    expect(changed.status).toBe(200);
    const newToken = await latestSigningToken(changed.json.parties[0].signatory.email);
    const body = { reason: 'Nie podpiszemy.', documentSha256 };
    let before = await tableSnapshot(db);
    const replaced = await call('/api/signing/current/refusal', { method: 'POST', token: oldToken, body });
    expect([replaced.status, replaced.json.error.code]).toEqual([410, 'SIGNING_LINK_REPLACED']);
    expect(await tableSnapshot(db)).toEqual(before);

    expect(
      (await call(`${path('2602023')}/cancellation`, { method: 'POST', cookie: coordinator })).status,
    ).toBe(200);
    before = await tableSnapshot(db);
    const cancelled = await call('/api/signing/current/refusal', { method: 'POST', token: newToken, body });
    expect([cancelled.status, cancelled.json.error.code]).toEqual([410, 'AGREEMENT_CANCELLED']);
    expect(await tableSnapshot(db)).toEqual(before);
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
      ['POST', `${path(LOPUSZNO)}/scan`, { uploadId: randomUUID(), parts: 1 }],
      ['POST', `${path(LOPUSZNO)}/paper-signatures`, { scanSha256: 'a'.repeat(64), parties: [] }],
      ['GET', `${path(LOPUSZNO)}/pdf?which=final`],
      ['GET', `${path(LOPUSZNO)}/pdf?which=document`],
      ['GET', `${path(LOPUSZNO)}/pdf?which=scan`],
      ['GET', `${path(LOPUSZNO)}/pdf?which=upload&party=powiat`],
      ['GET', `/api/admin/calls/${CALL}/agreements?wojewodztwo=26`],
    ];
    const before = await tableSnapshot(db);
    for (const [method, url, body] of routes) {
      const foreign = await call(url, { method, cookie: stranger, ...(body === undefined ? {} : { body }) });
      expect([url, method, foreign.status, foreign.json.error.code]).toEqual([url, method, 403, 'FORBIDDEN']);
      const anonymous = await call(url, { method, ...(body === undefined ? {} : { body }) });
      expect([url, method, anonymous.status]).toEqual([url, method, 401]);
    }
    const scan = await call(`${path(LOPUSZNO)}/scan/${randomUUID()}/1`, {
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
