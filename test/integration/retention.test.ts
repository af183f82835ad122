import { randomUUID } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyRetention } from '../../functions/domain/apply-retention.ts';
import { recordMailEvent } from '../../functions/domain/mail-events.ts';
import { sendPendingMail } from '../../functions/domain/send-pending-mail.ts';
import { submitCard } from '../../functions/domain/submit-card.ts';
import { config } from '../../functions/lib/config.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { createSesMailer, type Mailer } from '../../functions/mail/mailer.ts';
import { getCall } from '../../functions/repositories/calls.ts';
import { getCard } from '../../functions/repositories/cards.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';
import {
  getProgramme,
  programmeRevision,
  replaceProgramme,
} from '../../functions/repositories/programmes.ts';
import { ZCardAnswers } from '../../shared/schemas/card.ts';
import type { TProgramme } from '../../shared/schemas/programme.ts';
import { linkToken, sentMail, validAnswers } from '../support/cards.ts';
import { tableItems, tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';
import { sessionCookieFor } from '../support/review-cards.ts';

/**
 * Issue 13 on DynamoDB Local and the SES emulator: mail that is not silently lost (SES not answering, the
 * table away for the record, held messages listed and resent once, bodies removed after a week) and data
 * kept no longer than needed (retention TTL, links revoked, a gmina's data erased), each route refused from
 * another region with nothing changed. E-mails are counted in the emulator's store.
 */
const db = testDb();
const settings = config();
const inboxUrl = inject('sesEndpoint');
// A refused message is not handed out again within a test: the sweeper's retries are what is tested here.
const faults = useMailPipeline({ visibilityTimeoutMs: 120_000 });
const workingSes = createSesMailer(settings);
const CALL = 'liderzy-kooperacji-20';
const PROGRAMME = 'liderzy-kooperacji';
const DAY = 86_400_000;
const timeLeftMs = () => 60_000;
let api: Awaited<ReturnType<typeof startApi>>;

/** A server that takes SES's connection and never answers: a real timeout, made short for the test. */
const silent = createServer((socket: Socket) => socket.on('error', () => undefined));
let silentSes: Mailer;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  silentSes = createSesMailer({ ...settings, SES_ENDPOINT: `http://127.0.0.1:${port}` }, { simpleMs: 300 });
});
afterAll(async () => {
  await api.close();
  silent.close();
});

async function mailTo(address: string) {
  return await settledMailTo(db, inboxUrl, address);
}

function answersFor(teryt: string) {
  const email = `kontakt.${randomUUID()}@gmina.example`;
  return ZCardAnswers.parse({
    ...validAnswers(teryt, teryt.slice(0, 4)),
    contacts: { ...validAnswers().contacts, contact: { ...validAnswers().contacts.contact, email } },
  });
}

/** Sends a card; the mail sender delivers its e-mail with `mailer`, recording it through `dbUsed`. */
async function send(
  teryt: string,
  mailer: Mailer,
  dbUsed: Db = db,
  now = () => new Date(),
  faultDone: () => boolean = () => true,
) {
  const answers = answersFor(teryt);
  faults.mailer = mailer;
  faults.db = dbUsed;
  try {
    const { receipt } = await submitCard(
      { db, now, siteUrl: settings.SITE_URL },
      { callId: CALL, idempotencyKey: randomUUID(), answers },
    );
    // Tried once by the sender: delivered, or released, held or stuck as the fault leaves it.
    // The sender's try is over: settled, released for a retry, or (its table away) still "sending" for good.
    const tried = (item: Record<string, unknown>) =>
      ['sent', 'unknown', 'failed', 'skipped'].includes(String(item.status)) ||
      (item.status === 'pending' && item.lastError !== undefined) ||
      (item.status === 'sending' && dbUsed !== db);
    await expect
      .poll(async () => faultDone() && (await outboxOf(teryt)).every(tried), { timeout: 15_000 })
      .toBe(true);
    return { email: answers.contacts.contact.email, receipt };
  } finally {
    faults.mailer = undefined;
    faults.db = undefined;
  }
}

async function outboxOf(teryt: string) {
  return (await tableItems(db)).filter(
    (item) => item.pk === `CARD#${CALL}#${teryt}` && String(item.sk).startsWith('MAIL#'),
  );
}

async function request(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; token?: string } = {},
) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

const coordinator = (wojewodztwa: string[]) =>
  sessionCookieFor(db, {
    email: `koordynator.${randomUUID()}@rops.example`,
    name: 'Koordynator',
    role: 'coordinator',
    wojewodztwa,
  });
const lead = (wojewodztwo: string) =>
  sessionCookieFor(db, {
    email: `lider.${randomUUID()}@rops.example`,
    name: 'Lider',
    role: 'lead',
    wojewodztwa: [wojewodztwo],
  });

describe('mail that is not silently lost', () => {
  it('SES not answering: unknown, body kept, no alarm within the grace; then held, listed, resent once', async () => {
    const { email } = await send('2001022', silentSes);
    const [unknown] = await outboxOf('2001022');
    expect(unknown).toMatchObject({ status: 'unknown', template: 'card-submitted' });
    expect(unknown?.mail).toBeDefined();

    // Within the grace the sweeper leaves it for SES's event.
    const early = await sendPendingMail({
      db,
      mailer: workingSes,
      now: () => new Date(Date.now() + 10 * 60_000),
      timeLeftMs,
    });
    expect(early.held ?? 0).toBe(0);
    // After it, held and reported (once).
    const later = () => new Date(Date.now() + 31 * 60_000);
    expect((await sendPendingMail({ db, mailer: workingSes, now: later, timeLeftMs })).held).toBe(1);
    expect((await sendPendingMail({ db, mailer: workingSes, now: later, timeLeftMs })).held ?? 0).toBe(0);
    expect(await mailTo(email)).toEqual([]);

    const own = await coordinator(['20']);
    const other = await coordinator(['04']);
    const before = await tableSnapshot(db);
    expect((await request('/api/admin/mail/held?wojewodztwo=20', { cookie: other })).status).toBe(403);
    const path = `/api/admin/cards/${CALL}/2001022/mail/card-submitted-v1/resend`;
    expect((await request(path, { method: 'POST', body: {}, cookie: other })).status).toBe(403);
    expect(await tableSnapshot(db)).toEqual(before);

    const listed = await request('/api/admin/mail/held?wojewodztwo=20', { cookie: own });
    expect(listed.status).toBe(200);
    expect(listed.json.messages).toEqual([
      expect.objectContaining({
        teryt: '2001022',
        name: 'card-submitted-v1',
        status: 'unknown',
        resendable: true,
        to: [email],
      }),
    ]);
    // Two coordinators (or a double click) at once: one resend, one 409.
    const [first, second] = await Promise.all([
      request(path, { method: 'POST', body: { reason: 'gmina nie dostała' }, cookie: own }),
      request(path, { method: 'POST', body: {}, cookie: own }),
    ]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    expect(await mailTo(email)).toHaveLength(1);
    expect((await request(path, { method: 'POST', body: {}, cookie: own })).status).toBe(409);
    expect(await mailTo(email)).toHaveLength(1);
    const records = await outboxOf('2001022');
    expect(records.map((item) => [item.sk, item.status, item.mail === undefined])).toEqual([
      ['MAIL#card-submitted-v1', 'unknown', true],
      ['MAIL#card-submitted-v1.resend', 'sent', true],
      // This gmina has no address in the office directory: its office's notice was never sent.
      [expect.stringMatching(/^MAIL#office-notice-/), 'skipped', true],
    ]);
    // Resolved: no longer listed; the resend is in the card's log.
    expect((await request('/api/admin/mail/held?wojewodztwo=20', { cookie: own })).json.messages).toEqual([]);
    expect(
      (await tableSnapshot(db)).some(
        (item) => item.pk === `CARD#${CALL}#2001022` && item.action === 'mail_resent',
      ),
    ).toBe(true);
  });

  it('SES accepted while the table was away for the record: settled by the SES event, no alarm, sent once', async () => {
    // Only the "sent" record fails, as if DynamoDB went away right after SES accepted the message.
    let recordRefused = false;
    const flaky: Db = {
      ...db,
      client: {
        send: (command: { input?: { UpdateExpression?: string } }) => {
          if (!command.input?.UpdateExpression?.startsWith('SET #status = :sent'))
            return db.client.send(command as never);
          recordRefused = true;
          return Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { name: 'TimeoutError' }));
        },
      } as unknown as Db['client'],
    };
    let messageId = '';
    const recording: Mailer = { send: async (message) => (messageId = await workingSes.send(message)) };
    // "sending" is also what the claim writes: the fault is over only once the record was refused.
    const { email } = await send('2001032', recording, flaky, undefined, () => recordRefused);
    // Still "sending" (its record failed), so not settled: the inbox read as it is.
    expect((await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(email))).toHaveLength(1);
    const [stuck] = await outboxOf('2001032');
    expect(stuck?.status).toBe('sending');

    // SES's delivery event, as the configuration set sends it, carrying the message's outbox tag.
    const event = {
      eventType: 'Delivery',
      mail: {
        messageId,
        tags: { outbox: [Buffer.from(JSON.stringify([stuck?.pk, stuck?.sk])).toString('base64url')] },
      },
    };
    expect(
      await recordMailEvent(
        { db, now: () => new Date(), siteUrl: 'http://localhost:5173' },
        JSON.stringify(event),
      ),
    ).toBe('recorded');
    const [settled] = await outboxOf('2001032');
    expect(settled).toMatchObject({ status: 'sent', messageId });
    expect(settled?.mail).toBeUndefined();

    // The sweeper, long after, neither alarms nor resends.
    const report = await sendPendingMail({
      db,
      mailer: workingSes,
      now: () => new Date(Date.now() + 2 * 3_600_000),
      timeLeftMs,
    });
    expect(report).toMatchObject({ sent: 0, unknown: 0 });
    expect(report.held ?? 0).toBe(0);
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('a message given up keeps its body for a week (resendable), then only its metadata', async () => {
    const down = createSesMailer({ ...settings, SES_ENDPOINT: 'http://127.0.0.1:9' });
    const { email } = await send('2002032', down);
    const threeDays = () => new Date(Date.now() + 3 * DAY);
    await sendPendingMail({ db, mailer: down, now: threeDays, timeLeftMs });
    const [failed] = await outboxOf('2002032');
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed?.mail).toBeDefined();
    const report = await sendPendingMail({
      db,
      mailer: workingSes,
      now: () => new Date(Date.now() + 11 * DAY),
      timeLeftMs,
    });
    expect(report.bodiesRemoved).toBe(1);
    const [metadata] = await outboxOf('2002032');
    expect(metadata).toMatchObject({ status: 'failed', template: 'card-submitted', to: [email] });
    expect(metadata?.mail).toBeUndefined();
    expect(await mailTo(email)).toEqual([]);
  });
});

describe('data kept only as long as it must be', () => {
  it('gives the call its programme retention and every card item the TTL, when written and by the job', async () => {
    const old = await send('2001052', workingSes);
    expect((await getCard(db, CALL, '2001052'))?.expiresAt).toBeUndefined();
    const report = await applyRetention({ db, timeLeftMs, now: () => new Date() });
    expect(report.stopped).toBe(false);
    const programme = await getProgramme(db, PROGRAMME);
    const call = await getCall(db, CALL);
    expect(call?.retainUntil).toBe(`${Number(programme?.endsOn.slice(0, 4)) + 5}-12-31`);
    const ttl = Math.max(
      Math.ceil(Date.parse(`${call?.retainUntil}T23:59:59Z`) / 1000),
      Math.ceil((Date.parse(call?.closesAt as string) + 30 * DAY) / 1000),
    );
    const partition = (teryt: string) =>
      tableSnapshot(db).then((items) =>
        items.filter(
          (item) => item.pk === `CARD#${CALL}#${teryt}` || item.pk === `REF#${old.receipt.reference}`,
        ),
      );
    for (const item of await partition('2001052')) expect([item.sk, item.expiresAt]).toEqual([item.sk, ttl]);

    // A card sent now carries it from the start.
    await send('2001062', workingSes);
    expect((await getCard(db, CALL, '2001062'))?.expiresAt).toBe(ttl);

    // The lead moves the date: the job moves every item.
    const revision = (await programmeRevision(db, PROGRAMME)) ?? 0;
    const moved2040 = { ...(programme as TProgramme), retainUntil: '2040-12-31' };
    expect(await replaceProgramme(db, moved2040, revision, [], [])).toBe('updated');
    await applyRetention({ db, timeLeftMs, now: () => new Date() });
    const moved = Math.ceil(Date.parse('2040-12-31T23:59:59Z') / 1000);
    for (const item of await partition('2001052'))
      expect([item.sk, item.expiresAt]).toEqual([item.sk, moved]);
  });

  it("a coordinator revokes a card's links (logged); only a link sent again opens it; another region 403", async () => {
    const { email } = await send('2001072', workingSes);
    const token = linkToken((await mailTo(email)).at(-1) as never, '#t=');
    expect((await request('/api/cards/current', { token })).status).toBe(200);

    const path = `/api/admin/cards/${CALL}/2001072/links/revocation`;
    const other = await coordinator(['04']);
    const own = await coordinator(['20']);
    const before = await tableSnapshot(db);
    expect(
      (await request(path, { method: 'POST', body: { reason: 'Przekazany' }, cookie: other })).status,
    ).toBe(403);
    expect((await request(path, { method: 'POST', body: {}, cookie: own })).status).toBe(400);
    expect(await tableSnapshot(db)).toEqual(before);

    const revoked = await request(path, {
      method: 'POST',
      body: { reason: 'Odnośnik przekazany obcej osobie' },
      cookie: own,
    });
    expect(revoked.status).toBe(200);
    expect((await request('/api/cards/current', { token })).status).toBe(401);
    expect(
      (await tableSnapshot(db)).some(
        (item) => item.pk === `CARD#${CALL}#2001072` && item.action === 'links_revoked',
      ),
    ).toBe(true);

    expect(
      (await request(`/api/calls/${CALL}/cards/2001072/link`, { method: 'POST', body: {} })).status,
    ).toBe(202);
    const fresh = linkToken((await mailTo(email)).at(-1) as never, '#t=');
    expect((await request('/api/cards/current', { token: fresh })).status).toBe(200);
  });

  it('a card link ends 30 days after the closing', async () => {
    const call = await getCall(db, CALL);
    const { cardLinkExpiry } = await import('../../functions/domain/links.ts');
    expect(cardLinkExpiry(call as never).getTime()).toBe(Date.parse(call?.closesAt as string) + 30 * DAY);
  });

  it("the programme's lead erases one gmina's personal data, confirmed by its TERYT, logged; others 403", async () => {
    const teryt = '2002042';
    const answers = answersFor(teryt);
    await submitCard(
      { db, now: () => new Date(), siteUrl: settings.SITE_URL },
      { callId: CALL, idempotencyKey: randomUUID(), answers },
    );
    const token = linkToken((await mailTo(answers.contacts.contact.email)).at(-1) as never, '#t=');
    const path = `/api/admin/gminas/${teryt}/erasure`;
    const body = { programmeId: PROGRAMME, confirmTeryt: teryt, reason: 'Wniosek z dnia 1.12.2026' };
    const others = [await lead('04'), await coordinator(['20'])];
    const rzeszow = await lead('18');
    const before = await tableSnapshot(db);
    for (const cookie of others) {
      expect((await request(path, { method: 'POST', body, cookie })).status).toBe(403);
    }
    const wrong = await request(path, {
      method: 'POST',
      body: { ...body, confirmTeryt: '2002052' },
      cookie: rzeszow,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.fields).toEqual({ confirmTeryt: 'does_not_match' });
    expect(
      (await request(path, { method: 'POST', body: { ...body, reason: undefined }, cookie: rzeszow })).status,
    ).toBe(400);
    expect(await tableSnapshot(db)).toEqual(before);

    const erased = await request(path, { method: 'POST', body, cookie: rzeszow });
    expect(erased.status).toBe(200);
    expect(erased.json.cards).toHaveLength(1);
    const items = (await tableSnapshot(db)).filter((item) => item.pk === `CARD#${CALL}#${teryt}`);
    const text = JSON.stringify(items);
    expect(text).not.toContain(answers.contacts.contact.email);
    expect(text).not.toContain(answers.contacts.contact.name);
    const card = items.find((item) => item.sk === 'CARD');
    expect(card).toMatchObject({ reference: erased.json.cards[0], erasedBy: expect.any(String) });
    expect(items.some((item) => item.action === 'personal_data_erased')).toBe(true);
    expect((await request('/api/cards/current', { token })).status).toBe(401);
    const log = (await tableSnapshot(db)).filter((item) => String(item.pk).startsWith('ADMINLOG#'));
    expect(log.some((item) => (item.details as string[]).some((line) => line.includes(teryt)))).toBe(true);
  });
});
