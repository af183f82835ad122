import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqsReminderQueue, type ReminderMessage } from '../../functions/mail/reminder-queue.ts';
import { startTestServer } from '../support/test-server.ts';

/**
 * The planner's SQS queue against a real HTTP server answering SQS's JSON protocol (no local SQS is
 * installable: ARCHITECTURE.md, "Reminders"): the real SDK client, its retries and its concurrency. The
 * server answers each batch after 20 ms, refuses the first try of every message whose address holds "refuse",
 * and remembers how many batches it held at once.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
const received: string[] = [];
let inFlight = 0;
let mostInFlight = 0;
const refusedOnce = new Set<string>();

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const { Entries } = JSON.parse(body) as { Entries: { Id: string; MessageBody: string }[] };
      const Successful: { Id: string; MessageId: string; MD5OfMessageBody: string }[] = [];
      const Failed: { Id: string; Code: string; SenderFault: boolean }[] = [];
      for (const entry of Entries) {
        const { email } = JSON.parse(entry.MessageBody) as ReminderMessage;
        if (email.includes('refuse') && !refusedOnce.has(email)) {
          refusedOnce.add(email);
          Failed.push({ Id: entry.Id, Code: 'InternalError', SenderFault: false });
        } else {
          received.push(email);
          Successful.push({
            Id: entry.Id,
            MessageId: entry.Id,
            MD5OfMessageBody: createHash('md5').update(entry.MessageBody).digest('hex'),
          });
        }
      }
      setTimeout(() => {
        inFlight -= 1;
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ Successful, Failed }));
      }, 20);
    });
  });
  process.env.AWS_ENDPOINT_URL_SQS = server.url;
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
});

afterAll(() => {
  delete process.env.AWS_ENDPOINT_URL_SQS;
  server.close();
});

const message = (email: string): ReminderMessage => ({
  deadlineId: 'km-1-end',
  offsetDays: 7,
  email,
  role: 'gmina',
  wojewodztwo: '18',
});

describe("the planner's SQS queue", () => {
  it('sends every message once, several batches at a time (16 at most), a refused entry again', async () => {
    const messages = Array.from({ length: 995 }, (_, index) =>
      message(index % 100 === 7 ? `refuse-${index}@gmina.example` : `gmina-${index}@gmina.example`),
    );
    const queue = createSqsReminderQueue(`${server.url}/000000000000/reminders`, 'eu-central-1');
    await queue.send(messages);

    expect(received.toSorted()).toEqual(messages.map((one) => one.email).toSorted());
    expect(refusedOnce.size).toBe(10);
    // One batch after another took 100 round trips; in flight together, the planner is done in a tenth.
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(16);
  });
});
