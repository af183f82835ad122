import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { changeCard } from '../../functions/domain/change-card.ts';
import { sendPendingMail } from '../../functions/domain/send-pending-mail.ts';
import { requestSignIn } from '../../functions/domain/sign-in.ts';
import { submitCard } from '../../functions/domain/submit-card.ts';
import { sendRemindersHandler } from '../../functions/handlers/send-reminders.ts';
import { config } from '../../functions/lib/config.ts';
import { demoCalls, loadDemoData } from '../../functions/local/demo-data.ts';
import { LocalQueue } from '../../functions/local/local-queue.ts';
import { senderContext } from '../../functions/local/mail-pipeline.ts';
import { outboxQueueBody } from '../../functions/mail/mail-queue.ts';
import { createSesMailer, type Mailer } from '../../functions/mail/mailer.ts';
import { getCardWithVersions } from '../../functions/repositories/cards.ts';
import { QueryCommand } from '../../functions/repositories/document.ts';
import { putOfficesUnlogged } from '../../functions/repositories/offices.ts';
import { cardMessageKey } from '../../functions/repositories/outbox.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { mailSenderDeps } from '../../functions/wiring.ts';
import { ZCardAnswers } from '../../shared/schemas/card.ts';
import { linkToken, OTHER_NIP, sentMail, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';

/**
 * Save first, then send: the request only stores the card and its message; the sender (played here by the
 * test, as the queue would hand it over) and the sweeper deliver it. With SES unreachable (a real refused
 * connection, not a mock) the e-mail waits in the outbox; the sweeper sends it exactly once when SES is back.
 */
const db = testDb();
const settings = config();
const inboxUrl = inject('sesEndpoint');
const workingSes = createSesMailer(settings);
// Port 9 (discard) refuses connections on this machine: SES is "down".
const brokenSes = createSesMailer({ ...settings, SES_ENDPOINT: 'http://127.0.0.1:9' });
const CALL = 'liderzy-kooperacji-20';
/** A sweeper with a minute to run. */
const timeLeftMs = () => 60_000;

beforeAll(() => loadDemoData(db, new Date()));

/**
 * The mail sender (handlers/send-reminders.ts) handed the messages to `address` that are waiting, as the
 * queue hands over what the table's stream put on it, with `mailer` as its SES. Once, no redelivery.
 */
async function senderDelivers(mailer: Mailer, address: string) {
  const waiting = (await outboxTo(address)).filter((item) => item.status === 'pending');
  const handler = sendRemindersHandler({ ...mailSenderDeps(), outboxMailer: mailer, pace: undefined });
  const queue = new LocalQueue();
  queue.send(waiting.map((item) => outboxQueueBody({ pk: String(item.pk), sk: String(item.sk) })));
  return queue.drain((event) => handler(event, senderContext()) as never);
}

async function mailTo(address: string) {
  return (await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(address));
}

/** The outbox messages to `address`, as stored. */
async function outboxTo(address: string) {
  return (await tableSnapshot(db)).filter(
    (item) => item.type === 'outbox' && (item.to as string[] | undefined)?.includes(address),
  );
}

/** The messages the outbox index (gsi3, OUTBOX#PENDING) lists as not yet delivered, due whenever. */
async function listedUndelivered(): Promise<string[]> {
  const listed: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pending',
        ExpressionAttributeValues: { ':pending': 'OUTBOX#PENDING' },
        ExclusiveStartKey,
      }),
    );
    listed.push(...(page.Items ?? []).map((item) => `${item.pk}|${item.sk}`));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return listed;
}

describe('the mail outbox', () => {
  it('stores the card when SES fails, and the sweeper sends its e-mail once', async () => {
    const answers = ZCardAnswers.parse({
      ...validAnswers('2001022', '2001', OTHER_NIP),
      contacts: {
        ...validAnswers().contacts,
        contact: { ...validAnswers().contacts.contact, email: `outbox.${randomUUID()}@gmina.example` },
      },
    });
    const now = () => new Date();

    const { receipt } = await submitCard(
      { db, now, siteUrl: settings.SITE_URL },
      { callId: CALL, idempotencyKey: randomUUID(), answers },
    );
    // The sender's first try: SES refuses (the queue would hand it out again; the sweeper retries it too).
    expect(await senderDelivers(brokenSes, answers.contacts.contact.email)).toEqual({
      batches: 1,
      failures: 1,
    });

    expect((await getCardWithVersions(db, CALL, '2001022'))?.card.reference).toBe(receipt.reference);
    expect(await mailTo(answers.contacts.contact.email)).toEqual([]);
    const pending = (await outboxTo(answers.contacts.contact.email)).filter(
      (item) => item.status === 'pending',
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]?.lastError).toBeTruthy();

    // Its retry is due five minutes after the refusal: a sweep before that leaves it alone.
    const minutesOn = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
    const nothing = { sent: 0, retryLater: 0, unknown: 0, failed: 0 };
    expect(await sendPendingMail({ db, mailer: workingSes, now: minutesOn(2), timeLeftMs })).toEqual(nothing);
    // Still down: the sweeper keeps the message for later (ten minutes on).
    expect(await sendPendingMail({ db, mailer: brokenSes, now: minutesOn(6), timeLeftMs })).toEqual({
      sent: 0,
      retryLater: 1,
      unknown: 0,
      failed: 0,
    });
    expect(await sendPendingMail({ db, mailer: workingSes, now: minutesOn(12), timeLeftMs })).toEqual(
      nothing,
    );
    // Back up: sent once; a second sweep finds nothing.
    const later = minutesOn(17);
    expect(await sendPendingMail({ db, mailer: workingSes, now: later, timeLeftMs })).toEqual({
      sent: 1,
      retryLater: 0,
      unknown: 0,
      failed: 0,
    });
    expect(await sendPendingMail({ db, mailer: workingSes, now: later, timeLeftMs })).toEqual({
      sent: 0,
      retryLater: 0,
      unknown: 0,
      failed: 0,
    });

    const mails = await mailTo(answers.contacts.contact.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(receipt.reference);
    // Recorded as sent, and no longer listed for the sweeper.
    const [sent, ...others] = await outboxTo(answers.contacts.contact.email);
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ status: 'sent', messageId: expect.any(String) });
    expect(sent).not.toHaveProperty('gsi3pk');
    expect(await listedUndelivered()).not.toContain(`${sent?.pk}|${sent?.sk}`);
    // Once sent, the link's token is gone from the outbox item; only its hash is kept.
    expect(JSON.stringify(sent)).not.toContain(linkToken(mails[0] as never, '#t='));
  });

  it('records a message the sender delivered as sent, and takes it out of the outbox index', async () => {
    const answers = ZCardAnswers.parse({
      ...validAnswers('2002042', '2002'),
      contacts: {
        ...validAnswers().contacts,
        contact: { ...validAnswers().contacts.contact, email: `sent.${randomUUID()}@gmina.example` },
      },
    });

    await submitCard(
      { db, now: () => new Date(), siteUrl: settings.SITE_URL },
      { callId: CALL, idempotencyKey: randomUUID(), answers },
    );
    await senderDelivers(workingSes, answers.contacts.contact.email);

    const [mail, ...moreMail] = await mailTo(answers.contacts.contact.email);
    expect(moreMail).toEqual([]);
    const [message, ...others] = await outboxTo(answers.contacts.contact.email);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ status: 'sent', messageId: mail?.messageId });
    expect(message).not.toHaveProperty('mail');
    expect(message).not.toHaveProperty('gsi3pk');
    expect(await listedUndelivered()).not.toContain(`${message?.pk}|${message?.sk}`);
    // A sweep long after finds nothing to send, and sends nothing more.
    const muchLater = () => new Date(Date.now() + 30 * 60_000);
    await sendPendingMail({ db, mailer: workingSes, now: muchLater, timeLeftMs });
    expect(await mailTo(answers.contacts.contact.email)).toHaveLength(1);
  });

  it('gives up a sign-in link that could not be sent before it expired, rather than send it dead', async () => {
    const user = {
      email: `spozniony.${randomUUID()}@rops.example`,
      name: 'Koordynator',
      role: 'lead' as const,
      wojewodztwa: [],
    };
    await createUserIfAbsent(db, user);
    await requestSignIn(
      { db, now: () => new Date(), siteUrl: settings.SITE_URL },
      { email: user.email, client: `outbox-${randomUUID()}` },
    );
    await senderDelivers(brokenSes, user.email);
    const sixteenMinutesOn = () => new Date(Date.now() + 16 * 60_000);

    const report = await sendPendingMail({ db, mailer: workingSes, now: sixteenMinutesOn, timeLeftMs });

    expect(report).toEqual({ sent: 0, retryLater: 0, unknown: 0, failed: 1 });
    expect(await mailTo(user.email)).toEqual([]);
  });

  it('reports, and never resends, a message whose sender stopped mid-send', async () => {
    const answers = ZCardAnswers.parse({
      ...validAnswers('2001032', '2001'),
      contacts: {
        ...validAnswers().contacts,
        contact: { ...validAnswers().contacts.contact, email: `stuck.${randomUUID()}@gmina.example` },
      },
    });
    // A sender that "dies" after claiming: SES never answers within the test, so the claim stays.
    const hangingSes = { send: () => new Promise<string>(() => undefined) };
    await submitCard(
      { db, now: () => new Date(), siteUrl: settings.SITE_URL },
      { callId: CALL, idempotencyKey: randomUUID(), answers },
    );
    void senderDelivers(hangingSes, answers.contacts.contact.email);
    // Its own message claimed, not any other left "sending" by an earlier test.
    await expect
      .poll(async () => (await outboxTo(answers.contacts.contact.email)).map((item) => item.status))
      .toEqual(['sending']);

    const muchLater = () => new Date(Date.now() + 30 * 60_000);
    const report = await sendPendingMail({ db, mailer: workingSes, now: muchLater, timeLeftMs });

    expect(report).toEqual({ sent: 0, retryLater: 0, unknown: 1, failed: 0 });
    expect(await mailTo(answers.contacts.contact.email)).toEqual([]);
  });

  it('retries a refused message past a long outage, then gives it up after two days, reported', async () => {
    const refusedFor = async (teryt: string) => {
      const answers = ZCardAnswers.parse({
        ...validAnswers(teryt, teryt.slice(0, 4)),
        contacts: {
          ...validAnswers().contacts,
          contact: { ...validAnswers().contacts.contact, email: `refused.${randomUUID()}@gmina.example` },
        },
      });
      await submitCard(
        { db, now: () => new Date(), siteUrl: settings.SITE_URL },
        { callId: CALL, idempotencyKey: randomUUID(), answers },
      );
      await senderDelivers(brokenSes, answers.contacts.contact.email);
      return answers.contacts.contact.email;
    };
    const start = Date.now();
    const at = (minutes: number) => () => new Date(start + minutes * 60_000);
    const first = await refusedFor('2001062');
    const second = await refusedFor('2001072');

    // A sweeper short of time claims nothing; one with time sends both when SES is back ten hours on.
    expect(await sendPendingMail({ db, mailer: workingSes, now: at(10), timeLeftMs: () => 1_000 })).toEqual({
      sent: 0,
      retryLater: 0,
      unknown: 0,
      failed: 0,
    });
    const outage = [];
    for (let minutes = 10; minutes < 10 * 60; minutes += 5)
      outage.push(await sendPendingMail({ db, mailer: brokenSes, now: at(minutes), timeLeftMs }));
    // Waiting longer each time (5, 10, 20, 40, 80 minutes, then every 2 hours): far fewer tries than sweeps.
    const retries = outage.reduce((sum, report) => sum + report.retryLater, 0);
    expect(retries).toBeGreaterThanOrEqual(2 * 6);
    expect(retries).toBeLessThanOrEqual(2 * 9);
    expect(outage.every((report) => report.failed === 0)).toBe(true);
    const back = await sendPendingMail({ db, mailer: workingSes, now: at(12 * 60), timeLeftMs });
    expect(back).toEqual({ sent: 2, retryLater: 0, unknown: 0, failed: 0 });
    expect(await mailTo(first)).toHaveLength(1);
    expect(await mailTo(second)).toHaveLength(1);

    // SES refusing for two days: the message is given up, once, and kept for a person to see.
    const third = await refusedFor('2002032');
    const reports = [];
    for (let hours = 1; hours <= 52; hours += 1)
      reports.push(await sendPendingMail({ db, mailer: brokenSes, now: at(hours * 60), timeLeftMs }));
    expect(reports.slice(0, 47).every((report) => report.failed === 0)).toBe(true);
    expect(reports.reduce((sum, report) => sum + report.failed, 0)).toBe(1);
    const failed = (await tableSnapshot(db)).filter(
      (item) => item.type === 'outbox' && item.status === 'failed' && (item.to as string[]).includes(third),
    );
    expect(failed).toHaveLength(1);
    expect(await mailTo(third)).toEqual([]);
  });
});

describe("the gmina office's notice", () => {
  it('goes to the address the directory has when it is sent, and nowhere (skipped, logged) where it has none', async () => {
    const sent = async (teryt: string) => {
      const answers = ZCardAnswers.parse({
        ...validAnswers(teryt, teryt.slice(0, 4)),
        contacts: {
          ...validAnswers().contacts,
          contact: { ...validAnswers().contacts.contact, email: `urzad.${randomUUID()}@gmina.example` },
        },
      });
      const { receipt } = await submitCard(
        { db, now: () => new Date(), siteUrl: settings.SITE_URL },
        { callId: CALL, idempotencyKey: randomUUID(), answers },
      );
      return { teryt, reference: receipt.reference };
    };
    const noticeOf = async ({ reference }: { reference: string }) => {
      const [notice] = (await tableSnapshot(db)).filter(
        (item) => item.type === 'outbox' && item.sk === `MAIL#office-notice-${reference}`,
      );
      if (!notice) throw new Error(`no office notice for ${reference}`);
      return notice;
    };
    const office = (teryt: string, email: string) => ({
      teryt,
      gminaName: 'Gmina',
      email,
      source: 'manual' as const,
      changedAt: new Date().toISOString(),
      changedBy: 'test',
    });
    const oldAddress = `stary.${randomUUID()}@gmina.example`;
    const newAddress = `nowy.${randomUUID()}@gmina.example`;
    await putOfficesUnlogged(db, [office('2003032', oldAddress)]);
    const moved = await sent('2003032');
    const nowhere = await sent('2003042');
    // The directory changes after the card was sent, before its notice goes out.
    await putOfficesUnlogged(db, [office('2003032', newAddress)]);
    const handler = sendRemindersHandler({ ...mailSenderDeps(), outboxMailer: workingSes, pace: undefined });
    const queue = new LocalQueue();
    queue.send(
      [moved, nowhere].map(({ teryt, reference }) =>
        outboxQueueBody(cardMessageKey(CALL, teryt, `office-notice-${reference}`)),
      ),
    );

    await queue.drain((event) => handler(event, senderContext()) as never);

    expect(await mailTo(oldAddress)).toEqual([]);
    const [notice, ...more] = await mailTo(newAddress);
    expect(more).toEqual([]);
    expect(notice?.body.text).toContain(moved.reference);
    expect(await noticeOf(moved)).toMatchObject({ status: 'sent', to: [newAddress] });
    const skipped = await noticeOf(nowhere);
    expect(skipped).toMatchObject({ status: 'skipped', to: [] });
    expect(skipped.lastError).toMatch(/no address/);
    expect(await listedUndelivered()).not.toContain(`${skipped.pk}|${skipped.sk}`);
    expect(skipped).not.toHaveProperty('mail');
  });
});

describe('after the deadline', () => {
  it('keeps the answers read-only: a change is refused and nothing changes', async () => {
    const call = demoCalls(new Date()).find((candidate) => candidate.id === CALL);
    if (!call) throw new Error('demo call missing');
    const answers = ZCardAnswers.parse({
      ...validAnswers('2001052', '2001'),
      contacts: {
        ...validAnswers().contacts,
        contact: { ...validAnswers().contacts.contact, email: `late.${randomUUID()}@gmina.example` },
      },
    });
    const deps = { db, siteUrl: settings.SITE_URL };
    await submitCard(
      { ...deps, now: () => new Date() },
      { callId: CALL, idempotencyKey: randomUUID(), answers },
    );
    await senderDelivers(workingSes, answers.contacts.contact.email);
    const token = linkToken((await mailTo(answers.contacts.contact.email))[0] as never, '#t=');
    const before = await tableSnapshot(db);
    const afterDeadline = () => new Date(Date.parse(call.closesAt) + 1_000);

    const change = changeCard(
      { ...deps, now: afterDeadline },
      { token, answers: { ...answers, motivation: { motivation: 'Za późno', expectations: 'Nic' } } },
    );

    await expect(change).rejects.toMatchObject({ code: 'CALL_CLOSED' });
    expect(await tableSnapshot(db)).toEqual(before);
    // Only the confirmation of sending went out.
    expect(await mailTo(answers.contacts.contact.email)).toHaveLength(1);
  });
});
