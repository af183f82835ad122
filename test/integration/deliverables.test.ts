import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendReminder } from '../../functions/domain/send-reminder.ts';
import { config } from '../../functions/lib/config.ts';
import { sha256Hex } from '../../functions/lib/crypto.ts';
import { runReminders } from '../../functions/local/reminders.ts';
import { createSesRawMailer } from '../../functions/mail/raw-mailer.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { saveDeadline } from '../../functions/repositories/deadlines.ts';
import { putUploadLink } from '../../functions/repositories/deliverables.ts';
import { PutCommand } from '../../functions/repositories/document.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { getSend } from '../../functions/repositories/reminder-sends.ts';
import { createUserIfAbsent, type User } from '../../functions/repositories/users.ts';
import { addDays } from '../../shared/reminders/holidays.ts';
import { DEFAULT_REMINDER_POLICY } from '../../shared/reminders/schedule.ts';
import {
  ZDeliverableView,
  ZDeliveriesResponse,
  ZDeliverResponse,
} from '../../shared/schemas/deliverables.ts';
import { ZDeadline } from '../../shared/schemas/reminders.ts';
import { warsawDate } from '../../shared/time.ts';
import { linkToken, type SentMail, sentMail } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi, TEST_VIEWER_HEADER } from '../support/http.ts';
import { mailSettled, settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * A deadline that asks for a document back, on DynamoDB Local, the SES emulator and s3rver: reminders
 * planned and sent as of an instant (as `npm run reminders -- --now` does) carry each party's own upload
 * link; a party that uploaded gets no more, the other exactly one per offset; bad files, dead links and
 * coordinators of another region are refused with nothing changed.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
// Sign-in links (and any mail a request queues) leave through the mail pipeline, after the request answered.
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
const VIEWER = `198.51.100.${Math.floor(Math.random() * 250) + 1}:443`;
const tag = randomUUID().slice(0, 8);

async function call(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; raw?: Uint8Array; token?: string } = {},
) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      [TEST_VIEWER_HEADER]: VIEWER,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.raw ? { 'content-type': 'application/octet-stream' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.raw ? { body: init.raw as unknown as BodyInit } : {}),
  });
  const type = response.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    json: type.includes('json') && text ? JSON.parse(text) : undefined,
  };
}

async function signedIn(role: User['role'], wojewodztwa: string[]): Promise<string> {
  const user = { email: `koordynator.${randomUUID()}@rops.example`, name: 'Koordynator', role, wojewodztwa };
  await createUserIfAbsent(db, user);
  expect((await call('/api/admin/sign-in', { method: 'POST', body: { email: user.email } })).status).toBe(
    202,
  );
  const [mail] = await settledMailTo(db, inboxUrl, user.email);
  const token = linkToken(mail as SentMail, '#t=');
  const response = await fetch(`${api.url}/api/admin/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TEST_VIEWER_HEADER]: VIEWER },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const pdf = (size: number, seed = 0) => {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode(`%PDF-1.7\n% ${seed}\n`));
  return bytes;
};

/** Uploads the parts and puts them together, as the party's page does. */
async function deliver(token: string, parts: Uint8Array[], name = 'Sprawozdanie KM I.pdf') {
  const uploadId = randomUUID();
  const statuses: number[] = [];
  for (const [index, part] of parts.entries())
    statuses.push(
      (
        await call(`/api/deliverables/current/uploads/${uploadId}/${index + 1}`, {
          method: 'PUT',
          raw: part,
          token,
        })
      ).status,
    );
  const done = await call('/api/deliverables/current', {
    method: 'POST',
    body: { uploadId, parts: parts.length, name },
    token,
  });
  return { statuses, done };
}

const mailTo = async (address: string) => {
  await mailSettled(db, address);
  return (await sentMail(inboxUrl)).filter((mail) => mail.destination.to.some((to) => to.includes(address)));
};
/** The token of the upload link in a reminder (/porozumienie/dokument#t=…). */
const uploadToken = (mail: SentMail) => {
  const match = /\/porozumienie\/dokument#t=([A-Za-z0-9_-]{43})/.exec(mail.body.text ?? '');
  if (!match?.[1]) throw new Error('no upload link in the reminder');
  return match[1];
};

const callId = `nabor-${tag}`;
const first = `kontakt.2001012.${tag}@gmina.example`;
const second = `kontakt.2001022.${tag}@gmina.example`;
let podlaskie: string;
let lubelskie: string;
let deadline: ReturnType<typeof ZDeadline.parse>;
let firstToken: string;
let firstFile: Uint8Array;

beforeAll(async () => {
  api = await startApi();
  podlaskie = await signedIn('coordinator', ['20']);
  lubelskie = await signedIn('coordinator', ['06']);
  await createCall(db, {
    id: callId,
    programmeId: `program-${tag}`,
    title: 'Nabór testowy',
    wojewodztwa: ['20'],
    gminaKinds: ['wiejska'],
    opensAt: '2026-01-01T00:00:00.000Z',
    closesAt: '2026-02-01T00:00:00.000Z',
    formVersion: 1,
    rules: '',
  });
  for (const teryt of ['2001012', '2001022'])
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keys.card(callId, teryt),
          ...keys.cardBySendingTime(callId, '20', '2026-01-10T10:00:00.000Z', teryt),
          type: 'card',
          callId,
          teryt,
          gminaName: `Gmina ${teryt}`,
          wojewodztwo: '20',
          status: 'submitted',
          reviewStatus: 'selected',
          answers: { contacts: { contact: { email: `kontakt.${teryt}.${tag}@gmina.example` } } },
        },
      }),
    );
  const created = await call('/api/admin/reminders/deadlines', {
    method: 'POST',
    cookie: podlaskie,
    body: {
      title: 'Sprawozdanie z KM I',
      description: 'Sprawozdanie z realizacji pierwszego kamienia milowego.',
      dueAt: `${addDays(warsawDate(new Date()), 30)}T12:00`,
      wojewodztwa: ['20'],
      callId,
      audience: ['gminas'],
      offsetsDays: [14, 7],
      optional: false,
      deliverable: { name: 'Sprawozdanie z KM I' },
    },
  });
  expect(created.status).toBe(201);
  deadline = ZDeadline.parse(created.json.deadline);
  expect(deadline.deliverable).toEqual({ name: 'Sprawozdanie z KM I' });
});
afterAll(() => api.close());

/** Plans and sends as of the deadline's send of that offset (`npm run reminders -- --now` does the same). */
async function remindAt(offsetDays: number) {
  const send = deadline.sends.find((one) => one.offsetDays === offsetDays);
  const now = new Date(send?.at ?? '');
  return runReminders({ now, since: new Date(now.getTime() - 3600_000), recordRun: false });
}

describe('a deadline that asks for a document', () => {
  it('sends each party its own upload link; the one who uploaded gets no more, the other one per offset', async () => {
    await remindAt(14);
    const [toFirst] = await mailTo(first);
    const [toSecond] = await mailTo(second);
    expect(toFirst?.subject).toContain('Sprawozdanie z KM I');
    expect(toFirst?.body.text).toContain('Prześlij dokument „Sprawozdanie z KM I” (PDF, do 10 MB)');
    firstToken = uploadToken(toFirst as SentMail);
    expect(uploadToken(toSecond as SentMail)).not.toBe(firstToken);
    // Only the hash is stored.
    const snapshot = JSON.stringify(await tableSnapshot(db));
    expect(snapshot).not.toContain(firstToken);
    expect(snapshot).toContain(`UPLOADLINK#${sha256Hex(firstToken)}`);

    const view = ZDeliverableView.parse(
      (await call('/api/deliverables/current', { token: firstToken })).json,
    );
    expect(view).toMatchObject({ documentName: 'Sprawozdanie z KM I', open: true, email: first });
    expect(view.delivered).toBeUndefined();

    // Larger than one part: two PUTs of 4 MiB at most, then put together.
    firstFile = pdf(5 * 1024 * 1024, 1);
    const { statuses, done } = await deliver(firstToken, [
      firstFile.subarray(0, 4 * 1024 * 1024),
      firstFile.subarray(4 * 1024 * 1024),
    ]);
    expect(statuses).toEqual([201, 201]);
    expect(done.status).toBe(201);
    const answer = ZDeliverResponse.parse(done.json);
    expect(answer.delivered.sha256).toBe(createHash('sha256').update(firstFile).digest('hex'));
    expect(answer.delivered).toMatchObject({ size: firstFile.byteLength, filename: 'Sprawozdanie-KM-I.pdf' });
    expect(answer.replaced).toBe(false);

    await remindAt(7);
    await remindAt(7); // a second run as of the same instant sends nothing twice
    expect((await mailTo(first)).length).toBe(1);
    expect((await mailTo(second)).length).toBe(2);
  });

  it('skips, at sending, a reminder planned before the party delivered', async () => {
    const now = new Date(deadline.sends.find((one) => one.offsetDays === 7)?.at ?? '');
    const outcome = await sendReminder(
      { db, mailer: createSesRawMailer(config()), now: () => now, siteUrl: 'http://localhost:5173' },
      { deadlineId: deadline.id, offsetDays: 3, email: first, role: 'gmina', wojewodztwo: '20' },
    );
    expect(outcome).toBe('skipped');
    expect(await getSend(db, { deadlineId: deadline.id, offsetDays: 3, email: first })).toMatchObject({
      status: 'skipped',
      reason: 'delivered',
    });
    expect((await mailTo(first)).length).toBe(1);
  });

  it('counts among the upcoming reminders’ recipients only the parties that have not delivered', async () => {
    const { status, json } = await call('/api/admin/reminders/upcoming', { cookie: podlaskie });

    expect(status).toBe(200);
    const ours = (
      json.reminders as { deadlineId: string; recipients: number; addresses: { email: string }[] }[]
    ).filter((reminder) => reminder.deadlineId === deadline.id);
    expect(ours.length).toBeGreaterThan(0);
    for (const reminder of ours) {
      expect(reminder.recipients).toBe(1);
      expect(reminder.addresses.map((address) => address.email)).toEqual([second]);
    }
  });

  it('lets the party replace its file before the deadline, and says what is stored', async () => {
    const replacement = pdf(2000, 2);
    const { done } = await deliver(firstToken, [replacement], 'Sprawozdanie – poprawione.pdf');
    expect(done.status).toBe(201);
    expect(done.json.replaced).toBe(true);
    const view = ZDeliverableView.parse(
      (await call('/api/deliverables/current', { token: firstToken })).json,
    );
    expect(view.delivered?.sha256).toBe(createHash('sha256').update(replacement).digest('hex'));
    expect(view.delivered?.filename).toBe('Sprawozdanie-poprawione.pdf');
    firstFile = replacement;
  });

  it('refuses a file that is not a PDF, one over 10 MB, and an empty one, changing nothing', async () => {
    const before = await tableSnapshot(db);
    const notPdf = await deliver(firstToken, [new TextEncoder().encode('MZ\x90\x00 not a pdf at all')]);
    expect(notPdf.statuses).toEqual([400]);
    expect(notPdf.done.status).toBe(400);
    const part = await call(`/api/deliverables/current/uploads/${randomUUID()}/1`, {
      method: 'PUT',
      raw: new TextEncoder().encode('<html>hello</html>'),
      token: firstToken,
    });
    expect(part.json.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { file: 'not_pdf' } });
    expect(notPdf.done.json.error.fields).toEqual({ file: 'missing' });

    const big = pdf(10 * 1024 * 1024 + 1, 3);
    const tooLarge = await deliver(firstToken, [
      big.subarray(0, 4 * 1024 * 1024),
      big.subarray(4 * 1024 * 1024, 8 * 1024 * 1024),
      big.subarray(8 * 1024 * 1024),
    ]);
    expect(tooLarge.statuses).toEqual([201, 201, 201]);
    expect(tooLarge.done.status).toBe(400);
    expect(tooLarge.done.json.error.fields).toEqual({ file: 'too_large' });

    const empty = await call(`/api/deliverables/current/uploads/${randomUUID()}/1`, {
      method: 'PUT',
      token: firstToken,
    });
    expect(empty.status).toBe(400);
    expect(await tableSnapshot(db)).toEqual(before);
    const view = ZDeliverableView.parse(
      (await call('/api/deliverables/current', { token: firstToken })).json,
    );
    expect(view.delivered?.sha256).toBe(createHash('sha256').update(firstFile).digest('hex'));
  });

  it('refuses a forged, malformed or expired link (401) and an upload after the deadline (409)', async () => {
    const forged = randomBytes(32).toString('base64url');
    // One character of the real token changed: the first (the last carries base64url's padding bits, and
    // may already be the character put there).
    const tampered = `${firstToken.startsWith('A') ? 'B' : 'A'}${firstToken.slice(1)}`;
    for (const token of [forged, 'abc', tampered]) {
      const refused = await call('/api/deliverables/current', { token });
      expect(refused.status).toBe(401);
      expect(refused.json.error.code).toBe('LINK_INVALID');
      expect((await deliver(token, [pdf(100)])).done.status).toBe(401);
    }
    expect((await call('/api/deliverables/current')).status).toBe(401);

    // A deadline already past, with a live link and an expired one.
    const pastId = `custom-${randomUUID()}`;
    const dueAt = new Date(Date.now() - 86_400_000).toISOString();
    await saveDeadline(
      db,
      {
        id: pastId,
        kind: 'custom',
        title: 'Plan projektu socjalnego',
        description: '',
        dueAt,
        wojewodztwa: ['20'],
        audience: ['gminas'],
        policy: DEFAULT_REMINDER_POLICY,
        optional: false,
        createdAt: dueAt,
        deliverable: { name: 'Plan projektu socjalnego' },
      },
      [],
    );
    const live = randomBytes(32).toString('base64url');
    const expired = randomBytes(32).toString('base64url');
    const link = { deadlineId: pastId, email: first, role: 'gmina', wojewodztwo: '20' };
    await putUploadLink(db, sha256Hex(live), { ...link, expiresAt: Math.floor(Date.now() / 1000) + 3600 });
    await putUploadLink(db, sha256Hex(expired), { ...link, expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expect((await call('/api/deliverables/current', { token: expired })).status).toBe(401);
    const closed = await call('/api/deliverables/current', { token: live });
    expect(closed.status).toBe(200);
    expect(closed.json.open).toBe(false);
    const late = await call(`/api/deliverables/current/uploads/${randomUUID()}/1`, {
      method: 'PUT',
      raw: pdf(100),
      token: live,
    });
    expect(late.status).toBe(409);
    expect(late.json.error.fields).toEqual({ deadline: 'passed' });
  });

  it('says a deadline called off asks for nothing more, and refuses an upload to it (409) changing nothing', async () => {
    const created = await call('/api/admin/reminders/deadlines', {
      method: 'POST',
      cookie: podlaskie,
      body: {
        title: 'Plan projektu socjalnego',
        description: '',
        dueAt: `${addDays(warsawDate(new Date()), 20)}T12:00`,
        wojewodztwa: ['20'],
        audience: ['gminas'],
        deliverable: { name: 'Plan projektu socjalnego' },
      },
    });
    expect(created.status).toBe(201);
    const id = String(created.json.deadline.id);
    const token = randomBytes(32).toString('base64url');
    await putUploadLink(db, sha256Hex(token), {
      deadlineId: id,
      email: second,
      role: 'gmina',
      wojewodztwo: '20',
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    expect((await call('/api/deliverables/current', { token })).json).toMatchObject({ open: true });
    expect(
      (
        await call(`/api/admin/reminders/deadlines/${id}/cancellation`, {
          method: 'POST',
          cookie: podlaskie,
          body: { wojewodztwa: ['20'], revision: 0 },
        })
      ).status,
    ).toBe(200);

    const view = await call('/api/deliverables/current', { token });
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ open: false, cancelled: true });
    const before = await tableSnapshot(db);
    const refused = await call(`/api/deliverables/current/uploads/${randomUUID()}/1`, {
      method: 'PUT',
      raw: pdf(100),
      token,
    });
    expect([refused.status, refused.json.error.fields]).toEqual([409, { deadline: 'cancelled' }]);
    expect((await deliver(token, [pdf(100)])).done.status).toBe(409);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe("the coordinator's view", () => {
  it('lists who delivered (when, file, hash) and who not, and downloads the file', async () => {
    const { status, json } = await call('/api/admin/reminders/deliverables?wojewodztwo=20', {
      cookie: podlaskie,
    });
    expect(status).toBe(200);
    const listed = ZDeliveriesResponse.parse(json).deadlines.find((one) => one.id === deadline.id);
    expect(listed?.documentName).toBe('Sprawozdanie z KM I');
    const byEmail = new Map(listed?.parties.map((party) => [party.email, party]));
    expect([...byEmail.keys()].sort()).toEqual([first, second].sort());
    expect(byEmail.get(second)?.delivered).toBeUndefined();
    const delivered = byEmail.get(first);
    expect(delivered?.delivered?.sha256).toBe(createHash('sha256').update(firstFile).digest('hex'));

    const file = await call(
      `/api/admin/reminders/deliverables/${deadline.id}/${delivered?.party}?wojewodztwo=20`,
      { cookie: podlaskie },
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/pdf');
    expect(file.headers.get('content-disposition')).toContain('Sprawozdanie-poprawione.pdf');
    expect(Buffer.from(file.bytes).equals(Buffer.from(firstFile))).toBe(true);
  });

  it('is open to the lead ROPS of the voivodeship, who downloads the file too', async () => {
    const bialystok = await signedIn('lead', ['20']);
    const listed = await call('/api/admin/reminders/deliverables?wojewodztwo=20', { cookie: bialystok });
    expect(listed.status).toBe(200);
    const file = await call(
      `/api/admin/reminders/deliverables/${deadline.id}/${sha256Hex(first)}?wojewodztwo=20`,
      { cookie: bialystok },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(file.bytes).equals(Buffer.from(firstFile))).toBe(true);
  });

  it('is refused to a coordinator of another region on every route (403, or 404 through their own)', async () => {
    const party = sha256Hex(first);
    expect(
      (await call('/api/admin/reminders/deliverables?wojewodztwo=20', { cookie: lubelskie })).status,
    ).toBe(403);
    const own = await call('/api/admin/reminders/deliverables?wojewodztwo=06', { cookie: lubelskie });
    expect(own.status).toBe(200);
    expect(own.json.deadlines.some((one: { id: string }) => one.id === deadline.id)).toBe(false);
    expect(
      (
        await call(`/api/admin/reminders/deliverables/${deadline.id}/${party}?wojewodztwo=20`, {
          cookie: lubelskie,
        })
      ).status,
    ).toBe(403);
    const through = await call(`/api/admin/reminders/deliverables/${deadline.id}/${party}?wojewodztwo=06`, {
      cookie: lubelskie,
    });
    expect(through.status).toBe(404);
    expect(through.bytes.byteLength).toBeLessThan(500);
    // The lead ROPS reaches its own voivodeship and its programmes' only: Rzeszów (18) leads none here.
    const rzeszow = await signedIn('lead', ['18']);
    expect((await call('/api/admin/reminders/deliverables?wojewodztwo=20', { cookie: rzeszow })).status).toBe(
      403,
    );
    expect(
      (
        await call(`/api/admin/reminders/deliverables/${deadline.id}/${party}?wojewodztwo=20`, {
          cookie: rzeszow,
        })
      ).status,
    ).toBe(403);
    expect((await call('/api/admin/reminders/deliverables?wojewodztwo=20')).status).toBe(401);
    expect(
      (await call(`/api/admin/reminders/deliverables/${deadline.id}/${party}?wojewodztwo=20`)).status,
    ).toBe(401);
  });
});
