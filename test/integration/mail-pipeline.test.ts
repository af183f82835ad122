import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { requestSignIn } from '../../functions/domain/sign-in.ts';
import { submitCard } from '../../functions/domain/submit-card.ts';
import { config } from '../../functions/lib/config.ts';
import { demoCalls, loadDemoData } from '../../functions/local/demo-data.ts';
import { startSesEmulator } from '../../functions/local/emulators.ts';
import { assertPortFree } from '../../functions/local/processes.ts';
import { outboxQueueBody } from '../../functions/mail/mail-queue.ts';
import { createSesMailer } from '../../functions/mail/mailer.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { ZCardAnswers } from '../../shared/schemas/card.ts';
import { sentMail, validAnswers } from '../support/cards.ts';
import { tableItems, testDb } from '../support/db.ts';
import { mailSettled, pipelineQueue, settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * The mail pipeline with real faults (ARCHITECTURE.md, "Mail that is not silently lost"): requests only
 * store their messages; the table's stream → the queue → the sender delivers each exactly once, counted in
 * the SES emulator's store — through an SES emulator stopped and started again, duplicate deliveries of
 * the queue, and a sender invocation that dies mid-batch.
 */
const db = testDb();
const settings = config();
const inboxUrl = inject('sesEndpoint');
const faults = useMailPipeline();
const CALL = 'liderzy-kooperacji-20';
/** Gminas of voivodeship 20 that the demo data leaves without a card. */
const TERYTS = ['2001022', '2002042', '2001032', '2001062', '2001072', '2002032', '2001052', '2002012'];
let next = 0;

beforeAll(async () => {
  await loadDemoData(db, new Date());
  expect(demoCalls(new Date()).some((call) => call.id === CALL)).toBe(true);
});

afterEach(() => {
  faults.mailer = undefined;
  faults.invoke = undefined;
});

/** A free port in 20000–29999, below Linux's ephemeral range (32768–60999) that port 0 draws from. */
async function portBelowEphemeral(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (
      await assertPortFree(port, 'the stopped SES emulator', '-').then(
        () => true,
        () => false,
      )
    )
      return port;
  }
}

/** Sends a card for the next free gmina; its contact's address. */
async function sendCard(): Promise<string> {
  const teryt = TERYTS[next++] as string;
  const email = `potok.${randomUUID()}@gmina.example`;
  const answers = ZCardAnswers.parse({
    ...validAnswers(teryt, teryt.slice(0, 4)),
    contacts: { ...validAnswers().contacts, contact: { ...validAnswers().contacts.contact, email } },
  });
  await submitCard(
    { db, now: () => new Date(), siteUrl: settings.SITE_URL },
    { callId: CALL, idempotencyKey: randomUUID(), answers },
  );
  return email;
}

const outboxOf = async (address: string) =>
  (await tableItems(db)).filter(
    (item) => item.type === 'outbox' && (item.to as string[] | undefined)?.includes(address),
  );

describe('sending a card', () => {
  it('does one read and one transaction (the call, read fresh), and no SES call: its e-mail follows through the pipeline', async () => {
    const commands: string[] = [];
    const counted = {
      ...db,
      client: {
        send: (command: object) => {
          commands.push(command.constructor.name);
          return db.client.send(command as never);
        },
      },
    } as typeof db;
    const teryt = TERYTS[next++] as string;
    const email = `jeden.${randomUUID()}@gmina.example`;
    const answers = ZCardAnswers.parse({
      ...validAnswers(teryt, teryt.slice(0, 4)),
      contacts: { ...validAnswers().contacts, contact: { ...validAnswers().contacts.contact, email } },
    });

    await submitCard(
      { db: counted, now: () => new Date(), siteUrl: settings.SITE_URL },
      { callId: CALL, idempotencyKey: randomUUID(), answers, client: `jeden-${randomUUID()}` },
    );

    expect(commands).toEqual(['GetCommand', 'TransactWriteCommand']);
    expect(await settledMailTo(db, inboxUrl, email)).toHaveLength(1);
  });
});

describe('the mail pipeline', () => {
  it('delivers a sign-in link without the request calling SES, once', async () => {
    const email = `szybki.${randomUUID()}@rops.example`;
    await createUserIfAbsent(db, { email, name: 'Koordynator', role: 'lead', wojewodztwa: [] });
    // SES unreachable from the request's side would not matter: the request has no mailer at all.
    await requestSignIn(
      { db, now: () => new Date(), siteUrl: settings.SITE_URL },
      { email, client: `pipeline-${randomUUID()}` },
    );

    const mails = await settledMailTo(db, inboxUrl, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toMatch(/\/admin\/logowanie#t=/);
  });

  it('SES stopped while the message is queued: retried when it is back, delivered once', async () => {
    // Outside the range the OS hands out for port 0 (freePort): while this emulator is stopped, no other
    // test file's emulator can take its port.
    const port = await portBelowEphemeral();
    const ses = await startSesEmulator({ port, echo: false });
    faults.mailer = createSesMailer({ ...settings, SES_ENDPOINT: ses.endpoint });
    await ses.process.stop();

    const email = await sendCard();
    // Refused (connection refused) and released for a retry, at least once.
    await expect
      .poll(async () => (await outboxOf(email)).map((item) => [item.status, Boolean(item.lastError)]), {
        timeout: 15_000,
      })
      .toContainEqual(['pending', true]);
    const restarted = await startSesEmulator({ port, echo: false });
    try {
      // The queue hands it out again after its visibility timeout: now SES takes it.
      await expect
        .poll(async () => (await outboxOf(email)).map((item) => item.status), { timeout: 20_000 })
        .toEqual(['sent']);
      await mailSettled(db, email);
      const mails = (await sentMail(restarted.endpoint)).filter((mail) =>
        mail.destination.to.includes(email),
      );
      expect(mails).toHaveLength(1);
    } finally {
      await restarted.process.stop();
    }
  });

  it('a duplicate delivery of the queue (or the stream) sends one e-mail', async () => {
    const email = await sendCard();
    const [message] = await outboxOf(email);
    const body = outboxQueueBody({ pk: String(message?.pk), sk: String(message?.sk) });
    // Beside the stream's own record, the same message twice more, as SQS at-least-once may hand it over.
    pipelineQueue().send([body, body]);

    await mailSettled(db, email);
    await expect.poll(() => pipelineQueue().size, { timeout: 15_000 }).toBe(0);
    expect(await settledMailTo(db, inboxUrl, email)).toHaveLength(1);
  });

  it('a sender invocation dying mid-batch: the batch comes back, nothing doubled or lost', async () => {
    let crashed = false;
    faults.invoke = async (event, real) => {
      if (crashed) return real(event);
      crashed = true;
      // The first record is sent; then the invocation dies (a timeout, an out-of-memory) before answering.
      await real({ Records: event.Records.slice(0, 1) });
      throw new Error('the sender died mid-batch');
    };
    const emails = await Promise.all([sendCard(), sendCard(), sendCard()]);

    for (const email of emails) expect(await settledMailTo(db, inboxUrl, email)).toHaveLength(1);
    expect(crashed).toBe(true);
  });
});
