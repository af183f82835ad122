import type { MailTemplate } from '../mail/templates.ts';
import { type Doc, QueryCommand, UpdateCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * The mail outbox (ARCHITECTURE.md, "Sending a card"): a message is written in the transaction of the change
 * it reports, then moves pending → sending → sent; only the caller that moved it to "sending" sends it.
 * gsi3 lists those not yet delivered by when they are due (a new one after SENDER_GRACE_MS, a refused one
 * at its retry).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'unknown' | 'failed';

/** Where a queued message is: what a sender claims it by. */
export interface OutboxKey {
  pk: string;
  sk: string;
}

/**
 * An e-mail to queue with the change it reports. The repository that stores the change puts it in the same
 * transaction, in the changed item's partition, and returns its key.
 */
export interface OutgoingMail {
  /** Tells the message from the others about the same card, draft or sign-in, e.g. "card-changed-v2". */
  name: string;
  to: string[];
  mail: MailTemplate;
  queuedAt: string;
  /** When the delivery record may go (TTL); kept if absent. */
  keepUntil?: Date | undefined;
}

export interface OutboxMessage extends OutboxKey {
  to: string[];
  mail: MailTemplate;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
}

const PENDING = 'OUTBOX#PENDING';

/** How long the request that wrote a message has to send it before the sweeper may take it. */
export const SENDER_GRACE_MS = 60_000;

function dueKey(dueAt: Date, key: OutboxKey): string {
  return `${dueAt.toISOString()}#${key.pk}#${key.sk}`;
}

/** The outbox item for a transaction of the repository whose item lives in `ownerPk`, and its key. */
export function queuedMail(ownerPk: string, outgoing: OutgoingMail): { key: OutboxKey; item: Doc } {
  const key = keys.outboxMessage(ownerPk, outgoing.name);
  const { to, mail, queuedAt, keepUntil } = outgoing;
  return {
    key,
    item: {
      ...key,
      type: 'outbox',
      to,
      mail,
      status: 'pending' satisfies OutboxStatus,
      attempts: 0,
      createdAt: queuedAt,
      gsi3pk: PENDING,
      gsi3sk: dueKey(new Date(Date.parse(queuedAt) + SENDER_GRACE_MS), key),
      ...(keepUntil ? { expiresAt: Math.floor(keepUntil.getTime() / 1000) } : {}),
    },
  };
}

/** Moves a pending message to "sending" for this caller; undefined if someone else has it (or it is done). */
export async function claimMessage(db: Db, key: OutboxKey, now: Date): Promise<OutboxMessage | undefined> {
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET #status = :sending, claimedAt = :now ADD attempts :one',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':now': now.toISOString(),
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes as OutboxMessage;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

/**
 * Records delivery and drops the rendered data: the message may carry a link token, which must not outlive
 * its delivery in the table (only the token's hash is kept, on the token item).
 */
export async function markSent(db: Db, key: OutboxKey, messageId: string, now: Date): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET #status = :sent, messageId = :id, sentAt = :now REMOVE mail, gsi3pk, gsi3sk',
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':sent': 'sent',
        ':sending': 'sending',
        ':id': messageId,
        ':now': now.toISOString(),
      },
    }),
  );
}

/** Back to pending, listed again from `retryAt`. */
export async function releaseForRetry(db: Db, key: OutboxKey, reason: string, retryAt: Date): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET #status = :pending, lastError = :reason, retryAt = :retryAt, gsi3sk = :due',
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pending': 'pending',
        ':sending': 'sending',
        ':reason': reason.slice(0, 500),
        ':retryAt': retryAt.toISOString(),
        ':due': dueKey(retryAt, key),
      },
    }),
  );
}

/** SES gave no answer: whether it sent the message is unknown, so it is taken out of the queue and reported. */
export async function markUnknownNow(db: Db, key: OutboxKey): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET #status = :unknown REMOVE mail, gsi3pk, gsi3sk',
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':unknown': 'unknown', ':sending': 'sending' },
    }),
  );
}

/** Refused for too long (an address SES will never take, say): out of the queue, kept for a person to see. */
export async function markFailed(db: Db, key: OutboxKey, reason: string): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET #status = :failed, lastError = :reason REMOVE gsi3pk, gsi3sk',
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':failed': 'failed',
        ':sending': 'sending',
        ':reason': reason.slice(0, 500),
      },
    }),
  );
}

/** A claim older than the sender's timeout means the sender died: whether SES sent it is unknown. */
export async function markUnknown(db: Db, key: OutboxKey, claimedBefore: string): Promise<boolean> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET #status = :unknown REMOVE mail, gsi3pk, gsi3sk',
        ConditionExpression: '#status = :sending AND claimedAt < :before',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':unknown': 'unknown', ':sending': 'sending', ':before': claimedBefore },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * Messages not yet delivered (pending, or claimed and not finished) that are due at `now`, longest due
 * first. Those waiting for a later retry are not read at all.
 */
export async function listUndelivered(
  db: Db,
  now: Date,
  limit: number,
): Promise<{ key: OutboxKey; status: OutboxStatus; claimedAt?: string }[]> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pending AND gsi3sk < :now',
      ExpressionAttributeValues: { ':pending': PENDING, ':now': now.toISOString() },
      ProjectionExpression: 'pk, sk, #status, claimedAt',
      ExpressionAttributeNames: { '#status': 'status' },
      Limit: limit,
    }),
  );
  return Items.map(({ pk, sk, status, claimedAt }) => ({
    key: { pk: String(pk), sk: String(sk) },
    status: status as OutboxStatus,
    ...(claimedAt === undefined ? {} : { claimedAt: String(claimedAt) }),
  }));
}
