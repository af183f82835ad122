import { createHash, randomUUID } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { config } from '../../functions/lib/config.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { getCard } from '../../functions/repositories/cards.ts';
import { createDocumentStore, getDocument } from '../../functions/repositories/documents.ts';
import { ZAdminCardView } from '../../shared/schemas/admin.ts';
import { SCAN_PART_BYTES, ZRegisteredCard } from '../../shared/schemas/registration.ts';
import { warsawDate, warsawLocalToInstant } from '../../shared/time.ts';
import { validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';
import { sessionCookieFor } from '../support/review-cards.ts';

/**
 * Cards that came by post or e-mail, registered by a coordinator through the real handlers, DynamoDB Local,
 * the S3-compatible server and the SES emulator: the postmark's date counts against the deadline however
 * late the card is typed in, the scan is kept with its digest, the contact gets the same confirmation as
 * online; refusals write nothing.
 */
const db = testDb();
const store = createDocumentStore(config());
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
const DAY = 86_400_000;
/** A świętokrzyskie call that closed at the end of the day three days ago (Warsaw time). */
const CALL = `paper-${randomUUID().slice(0, 8)}`;
const deadlineDay = warsawDate(new Date(Date.now() - 3 * DAY));
let api: Awaited<ReturnType<typeof startApi>>;
let coordinator: string;
let otherRegion: string;

beforeAll(async () => {
  api = await startApi();
  // The deadline day's last instant in Warsaw, as calls are announced (23:59 lasts to 23:59:59.999).
  const closesAt = new Date(warsawLocalToInstant(`${deadlineDay}T23:59:59`).getTime() + 999);
  await createCall(db, {
    id: CALL,
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór z kartami pocztą',
    wojewodztwa: ['26'],
    gminaKinds: ['wiejska', 'miejsko-wiejska'],
    formVersion: 1,
    rules: '',
    opensAt: new Date(Date.now() - 40 * DAY).toISOString(),
    closesAt: closesAt.toISOString(),
  });
  coordinator = await sessionCookieFor(db, {
    email: `koordynator.26.${randomUUID()}@rops.example`,
    name: 'Koordynatorka świętokrzyska',
    role: 'coordinator',
    wojewodztwa: ['26'],
  });
  otherRegion = await sessionCookieFor(db, {
    email: `koordynator.20.${randomUUID()}@rops.example`,
    name: 'Koordynator podlaski',
    role: 'coordinator',
    wojewodztwa: ['20'],
  });
});
afterAll(() => api.close());

const PDF = new TextEncoder().encode('%PDF-1.4\n% skan karty zgłoszeniowej\n');

async function uploadPart(
  cookie: string,
  teryt: string,
  uploadId: string,
  part: number,
  body: Uint8Array<ArrayBuffer>,
) {
  const response = await fetch(`${api.url}/api/admin/cards/${CALL}/${teryt}/scan/${uploadId}/${part}`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: response.status, json: await response.json() };
}

async function register(cookie: string, body: unknown, key = randomUUID()) {
  const response = await fetch(`${api.url}/api/admin/calls/${CALL}/cards`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

function answersOf(teryt: string) {
  const answers = validAnswers(teryt);
  answers.contacts.contact.email = `kontakt.${randomUUID()}@gmina.example`;
  return answers;
}

/** A scan uploaded as one part, and a registration request for it. */
async function prepared(teryt: string, channel: 'post' | 'email', receivedOn: string, scan = PDF) {
  const uploadId = randomUUID();
  expect((await uploadPart(coordinator, teryt, uploadId, 1, scan)).status).toBe(201);
  return { answers: answersOf(teryt), channel, receivedOn, scan: { uploadId, parts: 1 } };
}

async function documentKeys(prefix: string): Promise<string[]> {
  const { Contents } = await (await store.client()).s3.send(
    new ListObjectsV2Command({ Bucket: store.bucket, Prefix: prefix }),
  );
  return (Contents ?? []).map((object) => object.Key ?? '');
}

const mailTo = async (address: string) => await settledMailTo(db, inboxUrl, address);

describe('registering a card that came by post or e-mail', () => {
  it('takes a postmark of the deadline day typed in three days later: one confirmation, channel and dates, the scan with its hash', async () => {
    // Prepare: Gnojno (2601022), its scan in two parts
    const teryt = '2601022';
    const scan = new Uint8Array(SCAN_PART_BYTES + 1000);
    scan.set(PDF);
    scan.fill(0x20, PDF.byteLength);
    const uploadId = randomUUID();
    expect(
      (await uploadPart(coordinator, teryt, uploadId, 1, scan.subarray(0, SCAN_PART_BYTES))).status,
    ).toBe(201);
    expect((await uploadPart(coordinator, teryt, uploadId, 2, scan.subarray(SCAN_PART_BYTES))).status).toBe(
      201,
    );
    const body = {
      answers: answersOf(teryt),
      channel: 'post',
      receivedOn: deadlineDay,
      scan: { uploadId, parts: 2 },
    };
    const key = randomUUID();

    // Act (twice with the same key: a retry)
    const first = await register(coordinator, body, key);
    const again = await register(coordinator, body, key);

    // Assert: accepted once, the postmark's day as the time of sending
    expect(first.status).toBe(201);
    const registered = ZRegisteredCard.parse(first.json);
    expect(registered).toMatchObject({ teryt, channel: 'post', version: 1 });
    expect(warsawDate(new Date(registered.receivedAt))).toBe(deadlineDay);
    expect(again).toEqual({ status: 200, json: first.json });

    const card = await getCard(db, CALL, teryt);
    expect(card).toMatchObject({
      channel: 'post',
      receivedOn: deadlineDay,
      submittedAt: registered.receivedAt,
      reference: registered.reference,
      registeredBy: expect.stringMatching(/^koordynator\.26\./),
    });
    expect(Date.now() - Date.parse(card?.registeredAt ?? '')).toBeLessThan(60_000);
    const sha256 = createHash('sha256').update(scan).digest('hex');
    expect(card?.scan).toEqual({
      key: `cards/${CALL}/${teryt}/scan-${sha256}.pdf`,
      sha256,
      size: scan.byteLength,
      contentType: 'application/pdf',
    });
    const stored = await getDocument(store, card?.scan?.key ?? '', sha256);
    expect(stored?.body.byteLength).toBe(scan.byteLength);
    // The parts are gone once registered.
    expect(await documentKeys(`uploads/${CALL}/${teryt}/`)).toEqual([]);

    const mails = await mailTo(body.answers.contacts.contact.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain(registered.reference);
    expect(mails[0]?.body.text).toContain('/karta#t=');

    // The card's page in the panel: channel, the postmark's date, who registered it, the scan's link
    const view = await fetch(`${api.url}/api/admin/cards/${CALL}/${teryt}`, {
      headers: { cookie: coordinator },
    });
    const parsed = ZAdminCardView.parse(await view.json());
    expect(parsed.registration).toMatchObject({
      channel: 'post',
      receivedOn: deadlineDay,
      registeredBy: card?.registeredBy,
      scan: { href: `/api/admin/cards/${CALL}/${teryt}/scan`, sha256, size: scan.byteLength },
    });
    const list = await fetch(`${api.url}/api/admin/calls/${CALL}/cards?wojewodztwo=26`, {
      headers: { cookie: coordinator },
    });
    expect((await list.json()).cards).toEqual([expect.objectContaining({ teryt, channel: 'post' })]);

    // The scan: a redirect to a link signed for a minute, which gives the bytes stored
    const download = await fetch(`${api.url}${parsed.registration?.scan.href}`, {
      headers: { cookie: coordinator },
      redirect: 'manual',
    });
    expect(download.status).toBe(303);
    const signed = await fetch(download.headers.get('location') ?? '');
    expect(signed.status).toBe(200);
    expect(
      createHash('sha256')
        .update(new Uint8Array(await signed.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha256);
    expect(signed.headers.get('content-disposition')).toBe(
      `attachment; filename="skan-${registered.reference}.pdf"`,
    );
  });

  it('takes an e-mail sent a minute before the deadline, to the minute', async () => {
    const teryt = '2601052'; // Solec-Zdrój
    const body = await prepared(teryt, 'email', `${deadlineDay}T23:59`);
    const response = await register(coordinator, body);
    expect(response.status).toBe(201);
    const card = await getCard(db, CALL, teryt);
    expect(card).toMatchObject({ channel: 'email', receivedOn: `${deadlineDay}T23:59` });
    expect(Date.parse(card?.submittedAt ?? '')).toBeLessThan(Date.now() - 2 * DAY);
  });

  it('refuses a postmark after the deadline, or in the future, naming the date, with nothing written', async () => {
    const teryt = '2604062'; // Górno
    const next = warsawDate(new Date(Date.now() - 2 * DAY));
    const tomorrow = warsawDate(new Date(Date.now() + DAY));
    const late = await prepared(teryt, 'post', next);
    const before = await tableSnapshot(db);
    const documents = await documentKeys(`cards/${CALL}/${teryt}/`);

    const refused = await register(coordinator, late);
    const future = await register(coordinator, { ...late, receivedOn: tomorrow });
    const lateMail = await register(coordinator, { ...late, channel: 'email', receivedOn: `${next}T00:01` });

    expect(refused).toMatchObject({
      status: 400,
      json: { error: { code: 'VALIDATION_FAILED', fields: { receivedOn: 'after_deadline' } } },
    });
    expect(future.json.error.fields).toEqual({ receivedOn: 'in_future' });
    expect(lateMail.json.error.fields).toEqual({ receivedOn: 'after_deadline' });
    expect(await tableSnapshot(db)).toEqual(before);
    expect(await documentKeys(`cards/${CALL}/${teryt}/`)).toEqual(documents);
    expect(await mailTo(late.answers.contacts.contact.email)).toEqual([]);
  });

  it('refuses a coordinator of another voivodeship with 403, writing nothing and reading nothing of the scan', async () => {
    const teryt = '2602012'; // Imielno
    const body = await prepared(teryt, 'post', deadlineDay);
    const before = await tableSnapshot(db);

    const refused = await register(otherRegion, body);
    const upload = await uploadPart(otherRegion, teryt, randomUUID(), 1, PDF);
    const download = await fetch(`${api.url}/api/admin/cards/${CALL}/2601022/scan`, {
      headers: { cookie: otherRegion },
      redirect: 'manual',
    });

    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
    expect(upload.status).toBe(403);
    expect(download.status).toBe(403);
    expect(await tableSnapshot(db)).toEqual(before);
    expect(await documentKeys(`cards/${CALL}/${teryt}/`)).toEqual([]);
  });

  it('refuses a scan that is not a PDF or an image, or over 10 MB, with a clear error on the scan', async () => {
    const teryt = '2602042';
    const uploadId = randomUUID();
    const text = await uploadPart(
      coordinator,
      teryt,
      uploadId,
      1,
      new TextEncoder().encode('to nie jest skan'),
    );
    const tooBigPart = await uploadPart(coordinator, teryt, uploadId, 1, new Uint8Array(SCAN_PART_BYTES + 1));
    // Three full parts: 12 MiB in all, each part fine on its own.
    const big = randomUUID();
    const part = new Uint8Array(SCAN_PART_BYTES).fill(0x20);
    part.set(PDF);
    for (const n of [1, 2, 3]) expect((await uploadPart(coordinator, teryt, big, n, part)).status).toBe(201);
    const before = await tableSnapshot(db);
    const tooBig = await register(coordinator, {
      answers: answersOf(teryt),
      channel: 'post',
      receivedOn: deadlineDay,
      scan: { uploadId: big, parts: 3 },
    });
    const missing = await register(coordinator, {
      answers: answersOf(teryt),
      channel: 'post',
      receivedOn: deadlineDay,
      scan: { uploadId: randomUUID(), parts: 1 },
    });

    expect(text).toMatchObject({ status: 400, json: { error: { fields: { scan: 'scan_type' } } } });
    expect(tooBigPart.json.error.fields).toEqual({ scan: 'scan_too_large' });
    expect(tooBig).toMatchObject({ status: 400, json: { error: { fields: { scan: 'scan_too_large' } } } });
    expect(missing.json.error.fields).toEqual({ scan: 'scan_missing' });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('refuses a second card of the gmina with CARD_EXISTS, storing no scan for it', async () => {
    const teryt = '2601022'; // registered above
    const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const body = await prepared(teryt, 'email', `${deadlineDay}T10:15`, PNG);
    const before = await tableSnapshot(db);

    const refused = await register(coordinator, body);

    expect(refused).toMatchObject({ status: 409, json: { error: { code: 'CARD_EXISTS' } } });
    expect(await tableSnapshot(db)).toEqual(before);
    expect((await documentKeys(`cards/${CALL}/${teryt}/`)).filter((key) => key.endsWith('.png'))).toEqual([]);
  });
});
