import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendPendingMail } from '../../functions/domain/send-pending-mail.ts';
import { submitCard } from '../../functions/domain/submit-card.ts';
import { sendRemindersHandler } from '../../functions/handlers/send-reminders.ts';
import { config } from '../../functions/lib/config.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import { demoCalls, loadDemoData } from '../../functions/local/demo-data.ts';
import { localDynamoClient, startDynamoDbLocal } from '../../functions/local/emulators.ts';
import { type LocalMailPipeline, startLocalMailPipeline } from '../../functions/local/mail-pipeline.ts';
import { freePort } from '../../functions/local/processes.ts';
import { createSesMailer, type Mailer } from '../../functions/mail/mailer.ts';
import { createDb, type Db, dbOf } from '../../functions/repositories/dynamo.ts';
import { mailSenderDeps } from '../../functions/wiring.ts';
import { ZCardAnswers } from '../../shared/schemas/card.ts';
import { sentMail, validAnswers } from '../support/cards.ts';
import { tableItems } from '../support/db.ts';
import { inFlight, pollUntil } from '../support/outbox.ts';

/**
 * DynamoDB stopping for real under the mail pipeline (issue 15, "DynamoDB Local … stopped"): a DynamoDB Local
 * of this file's own, frozen (SIGSTOP) and thawed (SIGCONT) while cards' confirmations are on their way —
 * once before the stream is read, once between SES accepting a message and its record (which then is never
 * written: the message is reported, not resent). Each clerk gets exactly one confirmation, counted in the SES
 * emulator's store. Its own instance, so other files' tables
 * keep answering.
 */
const settings = config();
const inboxUrl = inject('sesEndpoint');
const TABLE = 'paused';
const CALL = 'liderzy-kooperacji-20';
const TERYTS = ['2001022', '2001032', '2001052', '2001062', '2001072', '2002032', '2002042', '2002052'];
let dynamodb: Awaited<ReturnType<typeof startDynamoDbLocal>>;
let db: Db;
/** The test's own reads: a client without the handlers' timeouts, which waits out a freeze. */
let patient: Db;
let pipeline: LocalMailPipeline;
/** The sender's SES: the real emulator, through a hook a test uses to act right after a message went. */
const afterSend: { hook?: ((to: string[]) => void) | undefined } = {};

const pause = () => dynamodb.process.child.kill('SIGSTOP');
const resume = () => dynamodb.process.child.kill('SIGCONT');

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({ port: await freePort(), persist: false, echo: false });
  const client = localDynamoClient(dynamodb.endpoint);
  await ensureTable(client, TABLE);
  client.destroy();
  // The handlers' own client (timeouts, retries) on this instance.
  db = createDb({ ...settings, TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: dynamodb.endpoint });
  patient = dbOf(localDynamoClient(dynamodb.endpoint), TABLE);
  await loadDemoData(db, new Date());
  expect(demoCalls(new Date()).some((call) => call.id === CALL)).toBe(true);
  const ses = createSesMailer(settings);
  const mailer: Mailer = {
    send: async (message) => {
      const id = await ses.send(message);
      afterSend.hook?.(message.to);
      return id;
    },
  };
  const handler = sendRemindersHandler({ ...mailSenderDeps(), db, outboxMailer: mailer, pace: undefined });
  pipeline = await startLocalMailPipeline({
    dynamodbEndpoint: dynamodb.endpoint,
    tableName: TABLE,
    visibilityTimeoutMs: 1_000,
    handler: (event, context) => handler(event, context) as never,
    onError: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  resume();
  await pipeline?.stop();
  await dynamodb?.process.stop();
});

const newAddress = () => `wstrzymana.${randomUUID()}@gmina.example`;

/** Sends a card for each gmina, in order, with the contact addresses given (new ones by default). */
async function sendCards(teryts: string[], addresses = teryts.map(newAddress)): Promise<string[]> {
  for (const [index, teryt] of teryts.entries()) {
    const email = addresses[index] as string;
    await submitCard(
      { db, now: () => new Date(), siteUrl: settings.SITE_URL },
      {
        callId: CALL,
        idempotencyKey: randomUUID(),
        answers: ZCardAnswers.parse({
          ...validAnswers(teryt, teryt.slice(0, 4)),
          contacts: { ...validAnswers().contacts, contact: { ...validAnswers().contacts.contact, email } },
        }),
      },
    );
  }
  return addresses;
}

/** How many e-mails each address has in the SES emulator, once nothing is on its way. */
async function deliveredTo(addresses: string[]): Promise<number[]> {
  await pollUntil(
    () => inFlight(patient),
    (count) => count === 0,
    'the paused table’s mail',
    60_000,
  );
  const mails = await sentMail(inboxUrl);
  return addresses.map((address) => mails.filter((mail) => mail.destination.to.includes(address)).length);
}

describe('the mail pipeline while DynamoDB stops answering', () => {
  it('delivers each confirmation once when the table freezes before the stream is read', async () => {
    const addresses = await sendCards(TERYTS.slice(0, 3));
    pause();
    // Frozen for longer than the handlers' request timeout (3 s): their calls time out and are retried.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    resume();

    expect(await deliveredTo(addresses)).toEqual([1, 1, 1]);
  }, 90_000);

  it('never sends twice when the table freezes between SES accepting a message and its record', async () => {
    // Frozen for longer than all the handler's tries of a request (4 tries of 3 s each, with backoff): the
    // record of the message SES just took is given up, and so may be the claims of others in the batch. A
    // request that timed out may still be applied when the table thaws (as on DynamoDB), so a message can be
    // left claimed by nobody: the sweeper then reports it ("unknown", held for a person), never resends it.
    // The last card's confirmation: by then every card is stored, so only the mail's bookkeeping meets the freeze.
    const teryts = TERYTS.slice(3, 7);
    const addresses = teryts.map(newAddress);
    const stuck = addresses.at(-1) as string;
    let frozen = false;
    afterSend.hook = (to) => {
      if (frozen || !to.includes(stuck)) return;
      frozen = true;
      pause();
      setTimeout(resume, 20_000);
    };
    try {
      await sendCards(teryts, addresses);
      const confirmations = async () =>
        (await tableItems(patient)).filter(
          (item) => item.type === 'outbox' && (item.to as string[]).some((to) => addresses.includes(to)),
        );
      // The pipeline has handed out every message (its queue empty) and none waits to be claimed.
      await pollUntil(
        async () => ({
          queued: pipeline.queue.size,
          pending: (await tableItems(patient)).filter(
            (item) => item.type === 'outbox' && item.status === 'pending',
          ).length,
        }),
        ({ queued, pending }) => queued === 0 && pending === 0,
        'the pipeline after the freeze',
        90_000,
      );
      const report = await sendPendingMail({
        db,
        mailer: createSesMailer(settings),
        now: () => new Date(Date.now() + 16 * 60_000),
        timeLeftMs: () => 60_000,
      });
      const mails = await sentMail(inboxUrl);
      const received = (address: string) =>
        mails.filter((mail) => mail.destination.to.includes(address)).length;
      const statusOf = async (address: string) =>
        (await confirmations()).find((item) => (item.to as string[]).includes(address))?.status;

      expect(frozen).toBe(true);
      expect(report.sent).toBe(0);
      expect(received(stuck)).toBe(1);
      for (const address of addresses) {
        expect(received(address), address).toBeLessThanOrEqual(1);
        // Not lost in silence: a confirmation that did not go is reported for a person to resend.
        if (received(address) === 0) expect(await statusOf(address), address).toBe('unknown');
        else expect(['sent', 'unknown'], address).toContain(await statusOf(address));
      }
    } finally {
      afterSend.hook = undefined;
      resume();
    }
  }, 120_000);
});
