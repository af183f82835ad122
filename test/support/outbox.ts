import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { TABLE_NAME } from '../../functions/local/stack.ts';
import { ScanCommand as DocumentScan } from '../../functions/repositories/document.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';
import { type SentMail, sentMail } from './cards.ts';

/**
 * The status of every outbox message to `address` in the local stack's table: once none is pending or
 * being sent, whatever the requests made for that address is in the SES emulator (or never will be).
 */
export async function outboxTo(dynamodbUrl: string, address: string): Promise<string[]> {
  const client = localDynamoClient(dynamodbUrl);
  try {
    const statuses: string[] = [];
    let ExclusiveStartKey: Record<string, never> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: TABLE_NAME,
          FilterExpression: '#type = :outbox AND contains(#to, :address)',
          ExpressionAttributeNames: { '#type': 'type', '#to': 'to', '#status': 'status' },
          ExpressionAttributeValues: { ':outbox': { S: 'outbox' }, ':address': { S: address } },
          ProjectionExpression: '#status',
          ExclusiveStartKey,
        }),
      );
      statuses.push(...(page.Items ?? []).map((item) => item.status?.S ?? ''));
      ExclusiveStartKey = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (ExclusiveStartKey);
    return statuses;
  } finally {
    client.destroy();
  }
}

/** Notices to gmina offices on their way whose address the sender has not looked up yet. */
async function noticesUnaddressed(dynamodbUrl: string): Promise<number> {
  const client = localDynamoClient(dynamodbUrl);
  try {
    let count = 0;
    let ExclusiveStartKey: Record<string, never> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: TABLE_NAME,
          FilterExpression:
            '#type = :outbox AND attribute_exists(toOffice) AND size(#to) = :zero AND #status IN (:pending, :sending)',
          ExpressionAttributeNames: { '#type': 'type', '#to': 'to', '#status': 'status' },
          ExpressionAttributeValues: {
            ':outbox': { S: 'outbox' },
            ':zero': { N: '0' },
            ':pending': { S: 'pending' },
            ':sending': { S: 'sending' },
          },
          Select: 'COUNT',
          ExclusiveStartKey,
        }),
      );
      count += page.Count ?? 0;
      ExclusiveStartKey = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (ExclusiveStartKey);
    return count;
  } finally {
    client.destroy();
  }
}

/** Whether the test file runs a mail pipeline (test/support/mail.ts), so snapshots wait for it to settle. */
export const pipelineState = { running: false };

/** Polls `read` until `done` holds of its value, or throws after `timeoutMs` (no fixed sleep). */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not settled after ${timeoutMs} ms (${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Outbox items still on their way: pending and never tried, or claimed by a sender right now. */
export async function inFlight(db: Db, address?: string): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new DocumentScan({
        TableName: db.tableName,
        // A notice to a gmina office has its address only once the sender looked it up: waited for too.
        FilterExpression: `#type = :outbox AND (#status = :sending OR (#status = :pending AND attribute_not_exists(retryAt)))${address ? ' AND (contains(#to, :address) OR attribute_exists(toOffice))' : ''}`,
        ExpressionAttributeNames: {
          '#type': 'type',
          '#status': 'status',
          ...(address ? { '#to': 'to' } : {}),
        },
        ExpressionAttributeValues: {
          ':outbox': 'outbox',
          ':sending': 'sending',
          ':pending': 'pending',
          ...(address ? { ':address': address } : {}),
        },
        ProjectionExpression: 'pk',
        ExclusiveStartKey,
      }),
    );
    count += page.Items?.length ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

/** Waits until the pipeline has delivered (or given up on) every message on its way (to `address`). */
export async function mailSettled(db: Db, address?: string): Promise<void> {
  await pollUntil(
    () => inFlight(db, address),
    (count) => count === 0,
    `mail to ${address ?? 'anyone'}`,
  );
}

/** The e-mails to `address` in the local stack's SES emulator, once none of its messages is on its way. */
export async function stackMailTo(
  dynamodbUrl: string,
  inboxUrl: string,
  address: string,
): Promise<SentMail[]> {
  await pollUntil(
    () => outboxTo(dynamodbUrl, address),
    (statuses) => !statuses.some((status) => status === 'pending' || status === 'sending'),
    `mail to ${address}`,
  );
  // A gmina office's notice has its address only once its sender looked it up: waited for too.
  await pollUntil(
    () => noticesUnaddressed(dynamodbUrl),
    (count) => count === 0,
    'notices to gmina offices',
  );
  return (await sentMail(inboxUrl)).filter((mail) => mail.destination.to.includes(address));
}
