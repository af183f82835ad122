import { randomUUID } from 'node:crypto';
import type { Context, SQSEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import { planReminders } from '../../functions/domain/plan-reminders.ts';
import { endOfWarsawDay } from '../../functions/domain/reminder-deadlines.ts';
import { type SendOutcome, sendReminder } from '../../functions/domain/send-reminder.ts';
import { handler as recordMailEvents } from '../../functions/handlers/record-mail-events.ts';
import { sendRemindersHandler } from '../../functions/handlers/send-reminders.ts';
import { config } from '../../functions/lib/config.ts';
import { startSesEmulator } from '../../functions/local/emulators.ts';
import { LocalQueue } from '../../functions/local/local-queue.ts';
import { freePort } from '../../functions/local/processes.ts';
import { createSesRawMailer, type RawMailer } from '../../functions/mail/raw-mailer.ts';
import type { ReminderMessage } from '../../functions/mail/reminder-queue.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { type DeadlineRecord, getDeadline, saveDeadline } from '../../functions/repositories/deadlines.ts';
import { PutCommand } from '../../functions/repositories/document.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { createProgramme } from '../../functions/repositories/programmes.ts';
import { getSend, getSuppression } from '../../functions/repositories/reminder-sends.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { DEFAULT_REMINDER_POLICY, plannedSends } from '../../shared/reminders/schedule.ts';
import { warsawLocalToInstant } from '../../shared/time.ts';
import { sentMail } from '../support/cards.ts';
import { testDb } from '../support/db.ts';

/**
 * Reminders end to end on DynamoDB Local and the SES emulator: the planner's queue, the sender's claims,
 * faults injected for real where they can be (the SES emulator stopped) and simulated where they cannot
 * (a sender dying between SES and its record), and SES's bounce and complaint events.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
const siteUrl = 'http://localhost:5173';
const realMailer = createSesRawMailer(config());
const context = { getRemainingTimeInMillis: () => 30_000 } as Context;

const unique = () => randomUUID().slice(0, 8);
type SentMail = Awaited<ReturnType<typeof sentMail>>[number] & {
  replyTo: string[];
  attachments: { filename?: string; content: string }[];
};
const mailTo = async (address: string): Promise<SentMail[]> =>
  ((await sentMail(inboxUrl)) as SentMail[]).filter((mail) =>
    mail.destination.to.some((to) => to.includes(address)),
  );

function senderDeps(now: Date, mailer: RawMailer = realMailer) {
  return { db, mailer, now: () => now, siteUrl };
}

/** A custom deadline of podlaskie, with its planned sends, written as the admin route writes one. */
async function deadline(dueAt: Date, overrides: Partial<DeadlineRecord> = {}): Promise<DeadlineRecord> {
  const record: DeadlineRecord = {
    id: `custom-${unique()}`,
    kind: 'custom',
    title: 'Sprawozdanie z KM I',
    description: 'Prześlij sprawozdanie koordynatorowi.',
    dueAt: dueAt.toISOString(),
    wojewodztwa: ['20'],
    audience: ['gminas', 'ops', 'pcpr', 'coordinators'],
    policy: DEFAULT_REMINDER_POLICY,
    optional: true,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
  await saveDeadline(db, record, plannedSends(dueAt, record.policy));
  return record;
}

function message(record: DeadlineRecord, email: string, offsetDays = 7): ReminderMessage {
  return { deadlineId: record.id, offsetDays, email, role: 'gmina', wojewodztwo: '20' };
}

const due = warsawLocalToInstant('2031-06-20T12:00');
/** Seven days before, 08:00 Warsaw (summer time: 06:00 UTC), a Friday. */
const weekBefore = new Date('2031-06-13T06:00:00.000Z');

describe('the planner', () => {
  it('queues one message per address of the selected cards, their OPS and PCPR, and the coordinators', async () => {
    const programmeId = `program-${unique()}`;
    const callId = `nabor-${unique()}`;
    const tag = unique();
    await createProgramme(db, {
      id: programmeId,
      name: 'Program testowy',
      description: '',
      leadWojewodztwo: '20',
      wojewodztwa: ['20'],
      gminaKinds: ['wiejska'],
      startsOn: '2030-01-01',
      endsOn: '2032-12-31',
      milestones: [{ number: 1, name: 'Opracowanie modelu', startsOn: '2030-01-01', endsOn: '2031-03-31' }],
    });
    await createCall(db, {
      id: callId,
      programmeId,
      title: 'Nabór testowy',
      wojewodztwa: ['20'],
      gminaKinds: ['wiejska'],
      opensAt: '2029-01-01T00:00:00.000Z',
      closesAt: '2029-02-01T00:00:00.000Z',
      formVersion: 1,
      rules: '',
    });
    const card = (teryt: string, reviewStatus: string) => ({
      ...keys.card(callId, teryt),
      ...keys.cardBySendingTime(callId, '20', '2029-01-10T10:00:00.000Z', teryt),
      type: 'card',
      callId,
      teryt,
      gminaName: `Gmina ${teryt}`,
      wojewodztwo: '20',
      status: 'submitted',
      reviewStatus,
      answers: {
        contacts: {
          contact: { email: `kontakt.${teryt}.${tag}@gmina.example` },
          ops: { email: `ops.${teryt}.${tag}@gmina.example` },
        },
        partner: { pcpr: { email: `pcpr.${tag}@powiat.example` } },
      },
    });
    for (const item of [
      card('2001012', 'selected'),
      card('2001022', 'selected'),
      card('2001032', 'rejected'),
    ])
      await db.client.send(new PutCommand({ TableName: db.tableName, Item: item }));
    await createUserIfAbsent(db, {
      email: `koordynator.${tag}@rops.example`,
      name: 'Koordynator',
      role: 'coordinator',
      wojewodztwa: ['20'],
    });

    const queue = new LocalQueue({ visibilityTimeoutMs: 50 });
    // KM I ends 2031-03-31 (a Monday): 14 days before is Monday 17 March, 08:00 Warsaw (07:00 UTC).
    const at = new Date('2031-03-17T07:00:00.000Z');
    const report = await planReminders(
      {
        db,
        siteUrl,
        queue: { send: async (messages) => queue.send(messages.map((m) => JSON.stringify(m))) },
        now: () => at,
      },
      { since: new Date(at.getTime() - 3600_000), recordRun: false },
    );
    const queued = queue.receive(100).map((record) => JSON.parse(record.body) as ReminderMessage);
    const mine = queued.filter((queuedMessage) => queuedMessage.deadlineId === `km-${programmeId}-1-end`);
    expect(mine.map((m) => m.email).sort()).toEqual(
      [
        `kontakt.2001012.${tag}@gmina.example`,
        `kontakt.2001022.${tag}@gmina.example`,
        `ops.2001012.${tag}@gmina.example`,
        `ops.2001022.${tag}@gmina.example`,
        `pcpr.${tag}@powiat.example`,
        `koordynator.${tag}@rops.example`,
      ].sort(),
    );
    expect(new Set(mine.map((m) => m.offsetDays))).toEqual(new Set([14]));
    expect(mine.find((m) => m.role === 'gmina')?.replyTo).toBe(`koordynator.${tag}@rops.example`);
    expect(report.messages).toBeGreaterThanOrEqual(6);
  });

  it('gives every deadline of a run its whole audience when they share calls (read once per run)', async () => {
    const callId = `nabor-${unique()}`;
    const tag = unique();
    await createCall(db, {
      id: callId,
      programmeId: `program-${unique()}`,
      title: 'Nabór wspólny',
      wojewodztwa: ['20'],
      gminaKinds: ['wiejska'],
      opensAt: '2029-01-01T00:00:00.000Z',
      closesAt: '2029-02-01T00:00:00.000Z',
      formVersion: 1,
      rules: '',
    });
    for (const teryt of ['2002012', '2002022'])
      await db.client.send(
        new PutCommand({
          TableName: db.tableName,
          Item: {
            ...keys.card(callId, teryt),
            ...keys.cardBySendingTime(callId, '20', '2029-01-10T10:00:00.000Z', teryt),
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
    // Two over the voivodeship's calls, one over the call alone: all due at the same run.
    const records = [
      await deadline(due, { audience: ['gminas'] }),
      await deadline(due, { audience: ['gminas'] }),
      await deadline(due, { audience: ['gminas'], callId }),
    ];
    const queued: ReminderMessage[] = [];
    await planReminders(
      {
        db,
        siteUrl,
        queue: { send: async (messages) => void queued.push(...messages) },
        now: () => new Date(weekBefore.getTime() + 60_000),
      },
      { since: new Date(weekBefore.getTime() - 3600_000), recordRun: false },
    );
    for (const record of records)
      expect(
        queued
          .filter((m) => m.deadlineId === record.id && m.email.includes(tag))
          .map((m) => m.email)
          .sort(),
      ).toEqual([`kontakt.2002012.${tag}@gmina.example`, `kontakt.2002022.${tag}@gmina.example`]);
  });

  it('catches up after an outage with one send per deadline, and never after the deadline', async () => {
    const record = await deadline(due);
    const queued: ReminderMessage[] = [];
    const queue = { send: async (messages: readonly ReminderMessage[]) => void queued.push(...messages) };
    await createUserIfAbsent(db, {
      email: `koordynator.${unique()}@rops.example`,
      name: 'K',
      role: 'coordinator',
      wojewodztwa: ['20'],
    });
    // Down from before the 14-day send until after the 7-day one: one reminder, the 7-day one.
    await planReminders(
      { db, siteUrl, queue, now: () => new Date(weekBefore.getTime() + 3600_000) },
      { since: new Date('2031-06-01T00:00:00Z'), recordRun: false },
    );
    const forRecord = queued.filter((m) => m.deadlineId === record.id);
    expect(new Set(forRecord.map((m) => m.offsetDays))).toEqual(new Set([7]));
    expect(forRecord.length).toBeGreaterThan(0);
    // Down until after the deadline: nothing, not even the day's own.
    queued.length = 0;
    await planReminders(
      { db, siteUrl, queue, now: () => new Date(due.getTime() + 60_000) },
      { since: new Date('2031-06-01T00:00:00Z'), recordRun: false },
    );
    expect(queued.filter((m) => m.deadlineId === record.id)).toEqual([]);
  });

  it('sends at 08:00 Warsaw time in both seasons, and off weekends and holidays', () => {
    const summer = plannedSends(warsawLocalToInstant('2031-07-21T12:00'));
    const winter = plannedSends(warsawLocalToInstant('2031-01-21T12:00'));
    // Summer: 08:00 is 06:00 UTC. 7 July 2031 is a Monday.
    expect(summer.find((send) => send.offsetDays === 14)?.at.toISOString()).toBe('2031-07-07T06:00:00.000Z');
    // Winter: 08:00 is 07:00 UTC. 14 days before 21 January is 7 January; 6 January (Epiphany) is a holiday
    // but 7 January is a Tuesday: kept.
    expect(winter.find((send) => send.offsetDays === 14)?.at.toISOString()).toBe('2031-01-07T07:00:00.000Z');
    // 7 days before 13 January 2031 is 6 January, Epiphany: moved to Friday 3 January.
    const epiphany = plannedSends(warsawLocalToInstant('2031-01-13T12:00'));
    expect(epiphany.find((send) => send.offsetDays === 7)?.at.toISOString()).toBe('2031-01-03T07:00:00.000Z');
    expect(endOfWarsawDay('2031-03-31').toISOString()).toBe('2031-03-31T21:59:59.999Z');
  });
});

describe('the sender', () => {
  it('sends the reminder once, with its calendar file and reply-to, and records it', async () => {
    const record = await deadline(due);
    const address = `wojt.${unique()}@gmina.example`;
    const handler = sendRemindersHandler(senderDeps(weekBefore));
    const queue = new LocalQueue({ visibilityTimeoutMs: 50 });
    const reminder = { ...message(record, address), replyTo: 'koordynator.20@kooperacja.example' };
    // The same message delivered twice (SQS is at-least-once), in one batch and again later.
    queue.send([JSON.stringify(reminder), JSON.stringify(reminder)]);
    await queue.drain((event: SQSEvent) => handler(event, context));
    queue.send([JSON.stringify(reminder)]);
    await queue.drain((event: SQSEvent) => handler(event, context));
    const mails = await mailTo(address);
    expect(mails).toHaveLength(1);
    const [mail] = mails as [SentMail];
    expect(mail.subject).toBe('Przypomnienie: Sprawozdanie z KM I — za 7 dni, 20 czerwca 2031');
    expect(mail.body.text).toContain('Termin „Sprawozdanie z KM I” mija za 7 dni: 20 czerwca 2031');
    expect(mail.replyTo).toEqual(['koordynator.20@kooperacja.example']);
    const ics = Buffer.from(mail.attachments[0]?.content ?? '', 'base64').toString('utf8');
    expect(mail.attachments[0]?.filename).toBe('termin.ics');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTEND:20310620T100000Z');
    expect(ics).toContain(`UID:${record.id}@kooperacja`);
    const sent = await getSend(db, { deadlineId: record.id, offsetDays: 7, email: address });
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent?.messageId).toBe(mail.messageId);
  });

  it('sends once when two deliveries of a message run at the same time', async () => {
    const record = await deadline(due);
    const address = `rownolegle.${unique()}@gmina.example`;
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => sendReminder(senderDeps(weekBefore), message(record, address))),
    );
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(4);
    expect(await mailTo(address)).toHaveLength(1);
  });

  it('retries after SES was down (the emulator stopped for real) and then sends once', async () => {
    const record = await deadline(due);
    const address = `ponownie.${unique()}@gmina.example`;
    const port = await freePort();
    let ses = await startSesEmulator({ port, echo: false });
    const mailer = createSesRawMailer({ ...config(), SES_ENDPOINT: ses.endpoint });
    await ses.process.stop();
    const handler = sendRemindersHandler(senderDeps(weekBefore, mailer));
    const queue = new LocalQueue({ visibilityTimeoutMs: 500, maxReceiveCount: 5 });
    queue.send([JSON.stringify(message(record, address))]);
    const first = await queue.drain((event: SQSEvent) => handler(event, context));
    // Once, or more if a busy machine made a try outlast the visibility timeout: each released for a retry.
    expect(first.failures).toBeGreaterThanOrEqual(1);
    expect(first.failures).toBeLessThan(5);
    expect(await getSend(db, { deadlineId: record.id, offsetDays: 7, email: address })).toMatchObject({
      status: 'retry',
    });
    try {
      ses = await startSesEmulator({ port, echo: false });
      const second = await queue.drain((event: SQSEvent) => handler(event, context), { maxWaitMs: 5_000 });
      expect(second.failures).toBe(0);
      expect(queue.size).toBe(0);
      const mails = (await sentMail(ses.endpoint)).filter((mail) => mail.destination.to.includes(address));
      expect(mails).toHaveLength(1);
      expect(await getSend(db, { deadlineId: record.id, offsetDays: 7, email: address })).toMatchObject({
        status: 'sent',
        attempts: first.failures + 1,
      });
    } finally {
      await ses.process.stop();
    }
  });

  it('never resends a reminder whose sender died between SES and its record', async () => {
    const record = await deadline(due);
    const address = `awaria.${unique()}@gmina.example`;
    // A fault no emulator can cause: SES accepts, then the sender stops before it records (as a Lambda
    // killed at its timeout): the promise never settles.
    const dying: RawMailer = {
      async send(mail) {
        await realMailer.send(mail);
        return new Promise<string>(() => undefined);
      },
    };
    void sendReminder(senderDeps(weekBefore, dying), message(record, address));
    await expect.poll(async () => (await mailTo(address)).length).toBe(1);
    // Delivered again at once (a duplicate while the first may still be at work): not sent.
    const soon = await sendReminder(
      senderDeps(new Date(weekBefore.getTime() + 1_000)),
      message(record, address),
    );
    expect(soon).toBe<SendOutcome>('duplicate');
    // Delivered again after the visibility timeout: the claim is older than any sender lives.
    const later = await sendReminder(
      senderDeps(new Date(weekBefore.getTime() + 5 * 60_000)),
      message(record, address),
    );
    expect(later).toBe<SendOutcome>('unknown');
    expect(await getSend(db, { deadlineId: record.id, offsetDays: 7, email: address })).toMatchObject({
      status: 'unknown',
    });
    const again = await sendReminder(
      senderDeps(new Date(weekBefore.getTime() + 10 * 60_000)),
      message(record, address),
    );
    expect(again).toBe<SendOutcome>('duplicate');
    expect(await mailTo(address)).toHaveLength(1);
  });

  it('skips, and records why, a reminder whose deadline passed while it waited in the queue', async () => {
    const record = await deadline(due);
    const address = `spoznione.${unique()}@gmina.example`;
    expect(await sendReminder(senderDeps(new Date(due.getTime() + 1)), message(record, address, 0))).toBe(
      'skipped',
    );
    expect(await getSend(db, { deadlineId: record.id, offsetDays: 0, email: address })).toMatchObject({
      status: 'skipped',
      reason: 'deadline-passed',
    });
    expect(await mailTo(address)).toHaveLength(0);
  });
});

describe('bounces, complaints and opting out', () => {
  /** As SES publishes it through a configuration set, SNS raw message delivery leaving SES's JSON as the body. */
  function sesEvent(body: object): SQSEvent {
    return {
      Records: [
        {
          messageId: randomUUID(),
          receiptHandle: 'r',
          body: JSON.stringify(body),
          attributes: {} as SQSEvent['Records'][number]['attributes'],
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:eu-central-1:123456789012:SendingEvents',
          awsRegion: 'eu-central-1',
        },
      ],
    };
  }
  const mailPart = (messageId: string, to: string) => ({
    timestamp: '2031-06-13T06:00:01.000Z',
    source: 'Kooperacja <powiadomienia@example.com>',
    sourceArn: 'arn:aws:ses:eu-central-1:123456789012:identity/powiadomienia@example.com',
    sendingAccountId: '123456789012',
    messageId,
    destination: [to],
    headersTruncated: false,
    tags: { 'ses:configuration-set': ['ConfigurationSet'] },
  });

  it('suppresses an address that bounced for good; the sender skips it with the reason', async () => {
    const record = await deadline(due);
    const address = `nieistnieje.${unique()}@gmina.example`;
    const response = await recordMailEvents(
      sesEvent({
        eventType: 'Bounce',
        bounce: {
          feedbackId: '0100017f-bounce',
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [
            {
              emailAddress: address,
              action: 'failed',
              status: '5.1.1',
              diagnosticCode: 'smtp; 550 5.1.1 user unknown',
            },
          ],
          timestamp: '2031-06-13T06:00:02.000Z',
          reportingMTA: 'dsn; a1-2.smtp-out.eu-central-1.amazonses.com',
        },
        mail: mailPart('0107017f-bounced', address),
      }),
      context,
    );
    expect(response.batchItemFailures).toEqual([]);
    expect((await getSuppression(db, address)).suppressed?.reason).toBe('bounce');
    expect(await sendReminder(senderDeps(weekBefore), message(record, address))).toBe('skipped');
    expect(await getSend(db, { deadlineId: record.id, offsetDays: 7, email: address })).toMatchObject({
      status: 'skipped',
      reason: 'bounce',
    });
    expect(await mailTo(address)).toHaveLength(0);
  });

  it('suppresses an address that complained, and keeps one that bounced only for now', async () => {
    const complained = `skarga.${unique()}@gmina.example`;
    const full = `pelna.${unique()}@gmina.example`;
    await recordMailEvents(
      sesEvent({
        eventType: 'Complaint',
        complaint: {
          feedbackId: '0100017f-complaint',
          complaintSubType: null,
          complainedRecipients: [{ emailAddress: complained }],
          timestamp: '2031-06-13T07:00:00.000Z',
          userAgent: 'ExampleCorp Feedback Loop (V0.01)',
          complaintFeedbackType: 'abuse',
          arrivalDate: '2031-06-13T06:59:00.000Z',
        },
        mail: mailPart('0107017f-complained', complained),
      }),
      context,
    );
    await recordMailEvents(
      sesEvent({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Transient',
          bounceSubType: 'MailboxFull',
          bouncedRecipients: [{ emailAddress: full }],
          timestamp: '2031-06-13T06:00:02.000Z',
          feedbackId: 'x',
        },
        mail: mailPart('0107017f-full', full),
      }),
      context,
    );
    expect((await getSuppression(db, complained)).suppressed?.reason).toBe('complaint');
    expect((await getSuppression(db, full)).suppressed).toBeUndefined();
  });

  it('records the delivery SES reported on the send it belongs to', async () => {
    const record = await deadline(due, { optional: false });
    const address = `doreczone.${unique()}@gmina.example`;
    await sendReminder(senderDeps(weekBefore), message(record, address));
    const sent = await getSend(db, { deadlineId: record.id, offsetDays: 7, email: address });
    await recordMailEvents(
      sesEvent({ eventType: 'Delivery', mail: mailPart(sent?.messageId ?? '', address), delivery: {} }),
      context,
    );
    expect((await getSend(db, { deadlineId: record.id, offsetDays: 7, email: address }))?.delivery).toBe(
      'delivered',
    );
    expect((await getDeadline(db, record.id))?.optional).toBe(false);
  });
});
