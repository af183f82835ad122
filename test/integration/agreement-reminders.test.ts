import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signingDeadlineId } from '../../functions/domain/agreement-deadline.ts';
import { listCallAgreements } from '../../functions/domain/agreement-lists.ts';
import { planReminders } from '../../functions/domain/plan-reminders.ts';
import { sendReminder } from '../../functions/domain/send-reminder.ts';
import { config } from '../../functions/lib/config.ts';
import { sha256Hex } from '../../functions/lib/crypto.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { runReminders } from '../../functions/local/reminders.ts';
import { createSesRawMailer } from '../../functions/mail/raw-mailer.ts';
import type { ReminderMessage } from '../../functions/mail/reminder-queue.ts';
import { getDeadline, plannedOffsets } from '../../functions/repositories/deadlines.ts';
import { PutCommand } from '../../functions/repositories/document.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { getSend } from '../../functions/repositories/reminder-sends.ts';
import { createSession } from '../../functions/repositories/sign-in.ts';
import { createUserIfAbsent } from '../../functions/repositories/users.ts';
import { DEFAULT_REMINDER_POLICY, plannedSends } from '../../shared/reminders/schedule.ts';
import { warsawDate, warsawLocalToInstant } from '../../shared/time.ts';
import { validAnswers } from '../support/cards.ts';
import { testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { mailSettled, useMailPipeline } from '../support/mail.ts';

/**
 * An agreement's signing deadline reminded (issues 15 and 16), through the real handlers, DynamoDB Local
 * and the SES emulator: sending an agreement for signing plans its reminders; the planner, run as of the
 * planned instants, queues them only for the signatory whose turn it is and who has not signed; the
 * sender sends each once; a signature, a new signatory or a cancellation changes who is reminded or closes
 * the deadline; and when the deadline passes unsigned the coordinator is told once.
 */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
// Signing links and the coordinator's notice leave through the mail pipeline, after the request answered.
useMailPipeline();
const siteUrl = 'http://localhost:5173';
const CALL = 'liderzy-kooperacji-26';
let api: Awaited<ReturnType<typeof startApi>>;
let coordinatorCookie: string;
let coordinatorEmail: string;
/** A coordinator of podlaskie: another region's. */
let strangerCookie: string;

interface Mail {
  subject: string;
  destination: { to: string[] };
  replyTo?: string[];
  body: { text: string; html?: string };
}

async function mailTo(address: string): Promise<Mail[]> {
  await mailSettled(db, address);
  const response = await fetch(`${inboxUrl}/store`);
  return ((await response.json()) as { emails: Mail[] }).emails.filter((mail) =>
    mail.destination.to.some((to) => to.includes(address)),
  );
}
const reminders = async (address: string) =>
  (await mailTo(address)).filter((mail) => mail.subject.startsWith('Przypomnienie'));

async function latestSigningToken(address: string): Promise<string> {
  const links = (await mailTo(address)).filter((mail) => mail.subject.startsWith('Porozumienie do podpisu'));
  const match = /\/porozumienie#t=([A-Za-z0-9_-]{43})/.exec(links.at(-1)?.body.text ?? '');
  if (!match?.[1]) throw new Error(`no signing link for ${address}`);
  return match[1];
}

async function call(
  path: string,
  init: { method?: string; body?: unknown; token?: string; cookie?: string } = {},
) {
  const headers: Record<string, string> = { 'user-agent': 'vitest-agreement-reminders' };
  const method = init.method ?? 'GET';
  const body = init.body ?? (method === 'GET' ? undefined : {});
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  else headers.cookie = init.cookie ?? coordinatorCookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

const path = (teryt: string) => `/api/admin/agreements/${CALL}/${teryt}`;

/** A selected card and its two-party agreement, sent for signing with the deadline given. */
async function agreementSentForSigning(teryt: string, city: string, deadline: Date) {
  const answers = validAnswers(teryt, teryt.slice(0, 4)) as ReturnType<typeof validAnswers>;
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.card(CALL, teryt),
        type: 'card',
        callId: CALL,
        teryt,
        gminaName: city,
        wojewodztwo: '26',
        status: 'submitted',
        reviewStatus: 'selected',
        answers,
      },
    }),
  );
  const generated = await call(path(teryt), { method: 'POST', body: { kind: 'two-party' } });
  expect(generated.status).toBe(201);
  const suffix = randomUUID().slice(0, 8);
  const who = {
    gmina: { name: 'Łucja Żak', role: `Wójt Gminy ${city}`, email: `wojt.${suffix}@gmina.example` },
    wojewodztwo: {
      name: 'Renata Janik',
      role: 'Członkini Zarządu Województwa',
      email: `zarzad.${suffix}@wojewodztwo.example`,
    },
  };
  const sent = await call(`${path(teryt)}/signing`, {
    method: 'POST',
    body: { signatories: who, deadline: deadline.toISOString(), revision: 1 },
  });
  expect(sent.status).toBe(200);
  return { agreement: sent.json as { id: string; documentSha256: string; revision: number }, who };
}

/** The planner run as of `at` over the hour before it; the messages it queued for the deadline. */
async function plan(deadlineId: string, at: Date) {
  const queued: ReminderMessage[] = [];
  const report = await planReminders(
    { db, siteUrl, now: () => at, queue: { send: async (messages) => void queued.push(...messages) } },
    { since: new Date(at.getTime() - 3600_000), recordRun: false },
  );
  return { report, messages: queued.filter((message) => message.deadlineId === deadlineId) };
}

const send = (message: ReminderMessage, at: Date) =>
  sendReminder({ db, mailer: createSesRawMailer(config()), now: () => at, siteUrl }, message);

/**
 * A deadline at noon Warsaw time, `days` ahead or the first day after whose four sends all fall on
 * distinct working days (around a weekend or holiday two offsets move to the same day and merge), and its
 * planned send instants by offset.
 */
function deadlineAhead(days: number) {
  let due = new Date(0);
  let sends: ReturnType<typeof plannedSends> = [];
  for (let ahead = days; sends.length < 4 && ahead < days + 30; ahead += 1) {
    due = warsawLocalToInstant(`${warsawDate(new Date(Date.now() + ahead * 86400_000))}T12:00`);
    sends = plannedSends(due, DEFAULT_REMINDER_POLICY);
    if (days < 14) break;
  }
  const at = new Map(sends.map((planned) => [planned.offsetDays, planned.at]));
  // A minute after the planned instant: the planner's window (an hour back) holds it.
  const sendAt = (offset: number) => new Date((at.get(offset) as Date).getTime() + 60_000);
  return { due, sendAt };
}

beforeAll(async () => {
  await loadDemoData(db, new Date());
  api = await startApi();
  coordinatorEmail = `koordynator.${randomUUID()}@rops.example`;
  coordinatorCookie = await sessionFor(coordinatorEmail, '26');
  strangerCookie = await sessionFor(`koordynator.${randomUUID()}@rops.example`, '20');
});

async function sessionFor(email: string, wojewodztwo: string): Promise<string> {
  await createUserIfAbsent(db, {
    email,
    name: 'Koordynator',
    role: 'coordinator',
    wojewodztwa: [wojewodztwo],
  });
  const session = randomBytes(32).toString('base64url');
  await createSession(db, {
    sessionSha256: sha256Hex(session),
    email,
    startedAt: new Date(),
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return `__Host-kooperacja-session=${session}`;
}
afterAll(() => api.close());

describe("an agreement's signing deadline, reminded", () => {
  it('reminds only the signatory whose turn it is, once per offset, without a link token', async () => {
    const { due, sendAt } = deadlineAhead(21);
    const { agreement, who } = await agreementSentForSigning('2604083', 'Łopuszno', due);
    const deadlineId = signingDeadlineId(agreement.id);
    expect(await getDeadline(db, deadlineId)).toMatchObject({
      kind: 'agreement-signing',
      dueAt: due.toISOString(),
      audience: ['signatories'],
      wojewodztwa: ['26'],
      optional: false,
    });
    expect((await plannedOffsets(db, deadlineId)).sort((a, b) => a - b)).toEqual([0, 1, 7, 14]);

    // The panel's upcoming reminders and preview show it to the voivodeship's coordinators only.
    const upcoming = await call('/api/admin/reminders/upcoming?wojewodztwo=26');
    expect(upcoming.json.reminders).toContainEqual(
      expect.objectContaining({
        deadlineId,
        kind: 'agreement-signing',
        audience: ['signatories'],
        recipients: 1,
      }),
    );
    const preview = `/api/admin/reminders/preview?deadlineId=${deadlineId}&wojewodztwo=`;
    expect((await call(`${preview}26`)).json.text).toContain('Porozumienie do podpisu');
    expect(
      (await call('/api/admin/reminders/upcoming?wojewodztwo=26', { cookie: strangerCookie })).status,
    ).toBe(403);
    expect((await call(`${preview}26`, { cookie: strangerCookie })).status).toBe(403);
    expect((await call(`${preview}20`, { cookie: strangerCookie })).status).toBe(404);
    const own = await call('/api/admin/reminders/upcoming?wojewodztwo=20', { cookie: strangerCookie });
    expect(own.json.reminders.map((entry: { deadlineId: string }) => entry.deadlineId)).not.toContain(
      deadlineId,
    );

    const week = sendAt(7);
    const planned = await plan(deadlineId, week);
    expect(planned.messages).toEqual([
      expect.objectContaining({
        email: who.gmina.email,
        role: 'signatory',
        offsetDays: 7,
        wojewodztwo: '26',
      }),
    ]);
    // Queued twice (a repeated run, a duplicate delivery): sent once.
    for (const message of [...planned.messages, ...(await plan(deadlineId, week)).messages])
      await send(message, week);
    const [reminder, ...more] = await reminders(who.gmina.email);
    expect(more).toEqual([]);
    expect(reminder?.subject).toContain(`Podpisanie porozumienia ${agreement.id}`);
    expect(reminder?.body.text).toContain('Porozumienie do podpisu');
    expect(reminder?.body.text).toContain('odpowiedz na to przypomnienie');
    expect(reminder?.body.text).not.toContain('#t=');
    expect(reminder?.replyTo).toEqual([coordinatorEmail]);
    expect(await reminders(who.wojewodztwo.email)).toEqual([]);

    // The gmina signs: the next reminder goes to the województwo, whose turn it is, and not to the gmina.
    const signed = await call('/api/signing/current/signature', {
      method: 'POST',
      token: await latestSigningToken(who.gmina.email),
      body: { fullName: who.gmina.name, consent: true, documentSha256: agreement.documentSha256 },
    });
    expect(signed.status).toBe(200);
    const dayBefore = sendAt(1);
    const next = await plan(deadlineId, dayBefore);
    expect(next.messages.map((message) => message.email)).toEqual([who.wojewodztwo.email]);
    for (const message of next.messages) await send(message, dayBefore);
    expect(await reminders(who.wojewodztwo.email)).toHaveLength(1);
    expect(await reminders(who.gmina.email)).toHaveLength(1);

    // A message queued for the gmina before it signed is skipped at sending, with the reason recorded.
    const stale = { ...(planned.messages[0] as ReminderMessage), offsetDays: 1 };
    expect(await send(stale, dayBefore)).toBe('skipped');
    expect(await getSend(db, { deadlineId, offsetDays: 1, email: who.gmina.email })).toMatchObject({
      status: 'skipped',
      reason: 'not-awaiting-signature',
    });
    expect(await reminders(who.gmina.email)).toHaveLength(1);

    // The województwo signs: complete, and the deadline with its planned sends is gone.
    const completed = await call('/api/signing/current/signature', {
      method: 'POST',
      token: await latestSigningToken(who.wojewodztwo.email),
      body: { fullName: who.wojewodztwo.name, consent: true, documentSha256: agreement.documentSha256 },
    });
    expect(completed.json.status).toBe('completed');
    expect(await getDeadline(db, deadlineId)).toBeUndefined();
    expect(await plannedOffsets(db, deadlineId)).toEqual([]);
    expect((await plan(deadlineId, sendAt(0))).messages).toEqual([]);
  });

  it('follows a new signatory, and closes with a cancellation', async () => {
    const { due, sendAt } = deadlineAhead(20);
    const { agreement, who } = await agreementSentForSigning('2602052', 'Oksa', due);
    const deadlineId = signingDeadlineId(agreement.id);
    const successor = {
      ...who.gmina,
      name: 'Jan Nowak',
      email: `zastepca.${randomUUID().slice(0, 8)}@gmina.example`,
    };
    const changed = await call(`${path('2602052')}/parties/gmina/signatory`, {
      method: 'PUT',
      body: { signatory: successor },
    });
    expect(changed.status).toBe(200);
    const { messages } = await plan(deadlineId, sendAt(14));
    expect(messages.map((message) => message.email)).toEqual([successor.email]);

    expect((await call(`${path('2602052')}/cancellation`, { method: 'POST' })).status).toBe(200);
    expect(await getDeadline(db, deadlineId)).toBeUndefined();
    expect((await plan(deadlineId, sendAt(7))).messages).toEqual([]);
    // Queued before the cancellation: the sender finds no deadline and sends nothing.
    for (const message of messages) expect(await send(message, sendAt(14))).toBe('skipped');
    expect(await reminders(successor.email)).toEqual([]);
  });

  it('closes with a refusal, and moves with the new deadline it is sent again with', async () => {
    const first = deadlineAhead(25);
    const { agreement, who } = await agreementSentForSigning('2602062', 'Słupia', first.due);
    const deadlineId = signingDeadlineId(agreement.id);
    const declined = await call('/api/signing/current/refusal', {
      method: 'POST',
      token: await latestSigningToken(who.gmina.email),
      body: { reason: 'Rada gminy nie podjęła jeszcze uchwały.', documentSha256: agreement.documentSha256 },
    });
    expect(declined.json.status).toBe('declined');
    expect(await getDeadline(db, deadlineId)).toBeUndefined();
    expect((await plan(deadlineId, first.sendAt(7))).messages).toEqual([]);

    const later = deadlineAhead(45);
    const { revision } = (await call(path('2602062'))).json.agreement;
    const again = await call(`${path('2602062')}/signing`, {
      method: 'POST',
      body: { signatories: who, deadline: later.due.toISOString(), revision },
    });
    expect(again.status).toBe(200);
    expect((await getDeadline(db, deadlineId))?.dueAt).toBe(later.due.toISOString());
    // The old instants plan nothing; the new ones remind the gmina, whose turn it is again.
    expect((await plan(deadlineId, first.sendAt(14))).messages).toEqual([]);
    expect((await plan(deadlineId, later.sendAt(14))).messages.map((message) => message.email)).toEqual([
      who.gmina.email,
    ]);
    expect((await plan(deadlineId, new Date(first.due.getTime() + 60_000))).report.overdueNotices).toBe(0);
  });

  it('flags the parties overdue once the deadline passes, and tells the coordinator once', async () => {
    const { due } = deadlineAhead(3);
    const { agreement, who } = await agreementSentForSigning('2604012', 'Bieliny', due);
    const deadlineId = signingDeadlineId(agreement.id);

    const after = new Date(due.getTime() + 10 * 60_000);
    const view = await listCallAgreements(
      { db, now: () => after },
      { email: coordinatorEmail, name: 'K', role: 'coordinator', wojewodztwa: ['26'] },
      { callId: CALL, wojewodztwo: '26' },
    );
    const mine = view.agreements.find((entry: { id: string }) => entry.id === agreement.id);
    expect(mine?.parties.map((party: { overdue: boolean }) => party.overdue)).toEqual([true, true]);

    const first = await plan(deadlineId, after);
    expect(first.report.overdueNotices).toBe(1);
    expect(first.messages).toEqual([]);
    // A second run over the same window (an operator's --since, a retried run) queues nothing new.
    expect((await plan(deadlineId, new Date(after.getTime() + 60_000))).report.overdueNotices).toBe(0);

    const notices = (await mailTo(coordinatorEmail)).filter((mail) =>
      mail.subject.startsWith('Porozumienie niepodpisane w terminie'),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject).toContain('Bieliny');
    expect(notices[0]?.body.text).toContain(`${who.gmina.name} (${who.gmina.email}) — odnośnik wysłany`);
    expect(notices[0]?.body.text).toContain(`${who.wojewodztwo.name}`);
    expect(notices[0]?.body.text).toContain(`/admin/porozumienia/${CALL}/2604012`);
  });

  it('is told at once by `npm run reminders -- --now` as of after the deadline, and once only', async () => {
    const { due } = deadlineAhead(4);
    const { agreement } = await agreementSentForSigning('2604022', 'Chęciny', due);
    const notices = async () =>
      (await mailTo(coordinatorEmail)).filter((mail) => mail.subject.includes('— Chęciny'));
    const now = new Date(due.getTime() + 3600_000);
    const since = new Date(due.getTime() - 60_000);
    const first = await runReminders({ now, since, recordRun: false });
    expect(first.overdueNotices).toBe(1);
    expect(await notices()).toHaveLength(1);
    expect((await notices())[0]?.body.text).toContain(agreement.id);
    expect((await runReminders({ now, since, recordRun: false })).overdueNotices).toBe(0);
    expect(await notices()).toHaveLength(1);
  });
});
