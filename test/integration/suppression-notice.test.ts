import { randomUUID } from 'node:crypto';
import type { Context, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listSuppressedAddresses } from '../../functions/domain/reminders-admin.ts';
import { sendReminder } from '../../functions/domain/send-reminder.ts';
import { handler as recordMailEvents } from '../../functions/handlers/record-mail-events.ts';
import { config } from '../../functions/lib/config.ts';
import { createSesRawMailer } from '../../functions/mail/raw-mailer.ts';
import { type DeadlineRecord, saveDeadline } from '../../functions/repositories/deadlines.ts';
import { cardMessageKey, outboxTag } from '../../functions/repositories/outbox.ts';
import { getSend, getSuppression } from '../../functions/repositories/reminder-sends.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { DEFAULT_REMINDER_POLICY, plannedSends } from '../../shared/reminders/schedule.ts';
import { testDb } from '../support/db.ts';
import { mailSettled, useMailPipeline } from '../support/mail.ts';

/**
 * Bounces and complaints tell the coordinators (issue 15, "The e-mails"): SES's events, in the shape the
 * mail stack delivers them (configuration set → SNS raw delivery → SQS), fed to the record-mail-events
 * handler; the coordinators of the voivodeship concerned get one e-mail per suppressed address, whatever
 * number of events follow, through the outbox, the mail pipeline and the SES emulator.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
const siteUrl = 'http://localhost:5173';
const context = { getRemainingTimeInMillis: () => 30_000 } as Context;
const unique = () => randomUUID().slice(0, 8);

interface Mail {
  subject: string;
  destination: { to: string[] };
  body: { text: string; html?: string };
}
/** The e-mails to `address`, once the pipeline has sent what the events queued for it. */
async function mailTo(address: string): Promise<Mail[]> {
  await mailSettled(db, address);
  const response = await fetch(`${inboxUrl}/store`);
  return ((await response.json()) as { emails: Mail[] }).emails.filter((mail) =>
    mail.destination.to.some((to) => to.includes(address)),
  );
}
const notices = async (coordinator: string, about: string) =>
  (await mailTo(coordinator)).filter(
    (mail) => mail.subject === `Adres nie przyjmuje poczty z platformy: ${about}`,
  );

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
const mailPart = (messageId: string, to: string, tags: Record<string, string[]> = {}) => ({
  timestamp: '2031-06-13T06:00:01.000Z',
  source: 'Kooperacja <powiadomienia@example.com>',
  sourceArn: 'arn:aws:ses:eu-central-1:123456789012:identity/powiadomienia@example.com',
  sendingAccountId: '123456789012',
  messageId,
  destination: [to],
  headersTruncated: false,
  tags: { 'ses:configuration-set': ['ConfigurationSet'], ...tags },
});
const bounce = (address: string, mail: object) =>
  sesEvent({
    eventType: 'Bounce',
    bounce: {
      feedbackId: `0100017f-${unique()}`,
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        {
          emailAddress: address,
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown (see http://mx.example.pl/help)',
        },
      ],
      timestamp: '2031-06-13T06:00:02.000Z',
      reportingMTA: 'dsn; a1-2.smtp-out.eu-central-1.amazonses.com',
    },
    mail,
  });
const complaint = (address: string, mail: object) =>
  sesEvent({
    eventType: 'Complaint',
    complaint: {
      feedbackId: `0100017f-${unique()}`,
      complaintSubType: null,
      complainedRecipients: [{ emailAddress: address }],
      timestamp: '2031-06-13T07:00:00.000Z',
      userAgent: 'ExampleCorp Feedback Loop (V0.01)',
      complaintFeedbackType: 'abuse',
      arrivalDate: '2031-06-13T06:59:00.000Z',
    },
    mail,
  });

const tag = unique();
const podlaskie = [`koordynator.a.${tag}@rops.example`, `koordynator.b.${tag}@rops.example`];
const swietokrzyskie = `koordynator.${tag}@rops26.example`;

beforeAll(async () => {
  for (const email of podlaskie)
    await createUserIfAbsent(db, { email, name: 'K', role: 'coordinator', wojewodztwa: ['20'] });
  await createUserIfAbsent(db, {
    email: swietokrzyskie,
    name: 'K',
    role: 'coordinator',
    wojewodztwa: ['26'],
  });
});

describe('a suppressed address, told to the coordinators', () => {
  it('tells the coordinators of the reminder’s voivodeship once per address, whatever the events', async () => {
    const due = new Date(Date.now() + 10 * 86400_000);
    const deadline: DeadlineRecord = {
      id: `custom-${unique()}`,
      kind: 'custom',
      title: 'Sprawozdanie z KM I',
      description: '',
      dueAt: due.toISOString(),
      wojewodztwa: ['20'],
      audience: ['gminas'],
      policy: DEFAULT_REMINDER_POLICY,
      optional: false,
      createdAt: new Date().toISOString(),
    };
    await saveDeadline(db, deadline, plannedSends(due, deadline.policy));
    const address = `nieistnieje.${unique()}@gmina.example`;
    const message = {
      deadlineId: deadline.id,
      offsetDays: 7,
      email: address,
      role: 'ops',
      wojewodztwo: '20',
    };
    const deps = { db, mailer: createSesRawMailer(config()), now: () => new Date(), siteUrl };
    expect(await sendReminder(deps, message)).toBe('sent');
    const messageId = (await getSend(db, { deadlineId: deadline.id, offsetDays: 7, email: address }))
      ?.messageId;

    // The bounce delivered twice (SQS is at least once), then a complaint about the same address.
    for (const event of [
      bounce(address, mailPart(messageId ?? '', address)),
      bounce(address, mailPart(messageId ?? '', address)),
      complaint(address, mailPart(messageId ?? '', address)),
    ])
      expect((await recordMailEvents(event, context)).batchItemFailures).toEqual([]);

    for (const coordinator of podlaskie) {
      const [notice, ...more] = await notices(coordinator, address);
      expect(more).toEqual([]);
      expect(notice?.body.text).toContain('Serwer odbiorcy odrzucił wiadomość na stałe');
      expect(notice?.body.text).toContain('(OPS)');
      expect(notice?.body.text).toContain('mx[.]example[.]pl');
      expect(notice?.body.text).toContain(`${siteUrl}/admin/przypomnienia?woj=20`);
    }
    expect(await notices(swietokrzyskie, address)).toEqual([]);

    // The sender's skip is recorded with its reason, and the panel lists the address.
    expect(await sendReminder(deps, { ...message, offsetDays: 1 })).toBe('skipped');
    expect(await getSend(db, { deadlineId: deadline.id, offsetDays: 1, email: address })).toMatchObject({
      status: 'skipped',
      reason: 'complaint',
    });
    const listed = await listSuppressedAddresses(
      { db },
      { email: podlaskie[0] as string, name: 'K', role: 'coordinator', wojewodztwa: ['20'] },
      { wojewodztwo: '20' },
    );
    expect(listed.addresses).toContainEqual(expect.objectContaining({ email: address, role: 'ops' }));
  });

  it('tells the voivodeship of the card an outbox message was about; an address of nowhere tells nobody', async () => {
    const clerk = `sekretariat.${unique()}@gmina.example`;
    const cardTag = outboxTag(cardMessageKey('liderzy-kooperacji-26', '2604083', 'card-submitted-v1')) ?? '';
    const event = complaint(clerk, mailPart(`0107-${unique()}`, clerk, { outbox: [cardTag] }));
    expect((await recordMailEvents(event, context)).batchItemFailures).toEqual([]);

    const stranger = `nikt.${unique()}@example.com`;
    const lone = bounce(stranger, mailPart(`0107-${unique()}`, stranger));
    expect((await recordMailEvents(lone, context)).batchItemFailures).toEqual([]);
    expect((await getSuppression(db, stranger)).suppressed?.reason).toBe('bounce');

    const [notice, ...more] = await notices(swietokrzyskie, clerk);
    expect(more).toEqual([]);
    expect(notice?.body.text).toContain('zgłosił wiadomość jako niechcianą');
    expect(await notices(podlaskie[0] as string, clerk)).toEqual([]);
    for (const coordinator of [...podlaskie, swietokrzyskie])
      expect(await notices(coordinator, stranger)).toEqual([]);
  });
});
