import { randomUUID } from 'node:crypto';
import type { MailTemplate } from '../mail/templates.ts';
import {
  type Doc,
  GetCommand,
  QueryCommand,
  type TransactItem,
  TransactWriteCommand,
  UpdateCommand,
} from './document.ts';
import { cancellationCodes, type Db, isTransactionConflict } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * The mail outbox (ARCHITECTURE.md, "Sending a card"): a message is written in the transaction of the change
 * it reports, then moves pending → sending → sent; only the caller that moved it to "sending" sends it.
 * gsi3 lists those not yet delivered by when they are due (a new one after SENDER_GRACE_MS, a refused one
 * at its retry).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'unknown' | 'failed' | 'skipped';

/**
 * A message SES may not have sent ("unknown") or gave up on ("failed") keeps its rendered body this long, so
 * a coordinator can resend it; then the body (with any link token) goes and only the metadata stays.
 */
export const HELD_BODY_DAYS = 7;
/**
 * An "unknown" message is reported (an error, which raises an alarm) only this long after it became unknown:
 * SES's delivery event (record-mail-events) settles a message SES did accept in seconds to minutes, also
 * one whose "sent" could not be recorded because DynamoDB was away (the event is retried until it can be).
 */
export const UNKNOWN_GRACE_MS = 30 * 60_000;

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
  /**
   * A gmina office (TERYT) whose official address the sender looks up when it sends, instead of `to`: the
   * request that queues the message reads nothing for it, and the notice goes where the directory says then.
   */
  toOffice?: string | undefined;
  mail: MailTemplate;
  queuedAt: string;
  /** When the delivery record may go (TTL); kept if absent. */
  keepUntil?: Date | undefined;
}

/** The held lists: unknown and failed messages, by the voivodeship of the card they are about ('-': none). */
const HELD = 'OUTBOX#HELD#';
/** Held messages' bodies by when they are to be removed (gsi2), for the sweeper. */
const BODIES = 'OUTBOX#BODIES';

/** The voivodeship of the card whose partition holds the message, or '-' (a draft's, a sign-in's). */
export function heldWojewodztwo(pk: string): string {
  const teryt = /^CARD#[^#]+#(\d{7})$/.exec(pk)?.[1];
  return teryt ? teryt.slice(0, 2) : '-';
}

/** What a person sees of a held message: never its body. */
export interface HeldMessage extends OutboxKey {
  to: string[];
  template: string;
  status: OutboxStatus;
  heldAt: string;
  lastError?: string;
  messageId?: string;
  /** While the body is kept and nobody resent it. */
  resendable: boolean;
  bodyUntil?: string;
  resentAs?: string;
}

export interface OutboxMessage extends OutboxKey {
  to: string[];
  toOffice?: string;
  mail: MailTemplate;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
}

const PENDING = 'OUTBOX#PENDING';

/**
 * How long the mail pipeline (the table's stream → the mail queue → the sender) has to send a new message
 * before the sweeper may take it: longer than a deadline peak takes at SES's rate (2,477 confirmations at
 * 14/s: 3 minutes), so the sweeper does not send beside the sender and over the rate; it only catches what
 * the stream lost.
 */
export const SENDER_GRACE_MS = 15 * 60_000;

function dueKey(dueAt: Date, key: OutboxKey): string {
  return `${dueAt.toISOString()}#${key.pk}#${key.sk}`;
}

/** The outbox item for a transaction of the repository whose item lives in `ownerPk`, and its key. */
export function queuedMail(ownerPk: string, outgoing: OutgoingMail): { key: OutboxKey; item: Doc } {
  const key = keys.outboxMessage(ownerPk, outgoing.name);
  const { to, toOffice, mail, queuedAt, keepUntil } = outgoing;
  return {
    key,
    item: {
      ...key,
      type: 'outbox',
      to,
      ...(toOffice ? { toOffice } : {}),
      // What kind of message it was stays when the body goes (sent, or held past HELD_BODY_DAYS).
      template: mail.template,
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

/**
 * Where a message goes when it is held (unknown for longer than the grace, or failed): listed for the
 * coordinators of its card's voivodeship, its body to be removed at `bodyUntil`.
 */
function heldListing(key: OutboxKey, heldAt: Date): Doc {
  const bodyUntil = new Date(heldAt.getTime() + HELD_BODY_DAYS * 86_400_000);
  return {
    ':heldpk': `${HELD}${heldWojewodztwo(key.pk)}`,
    ':heldsk': `${heldAt.toISOString()}#${key.pk}#${key.sk}`,
    ':bodiespk': BODIES,
    ':bodiessk': dueKey(bodyUntil, key),
    ':heldAt': heldAt.toISOString(),
    ':bodyUntil': bodyUntil.toISOString(),
  };
}
const HELD_SET =
  'gsi3pk = :heldpk, gsi3sk = :heldsk, gsi2pk = :bodiespk, gsi2sk = :bodiessk, heldAt = :heldAt, bodyUntil = :bodyUntil';

/** The tag SES carries into its events for a message, so a delivery settles it (reconcileDelivery). */
export function outboxTag(key: OutboxKey): string | undefined {
  const tag = Buffer.from(JSON.stringify([key.pk, key.sk]), 'utf8').toString('base64url');
  // SES takes up to 256 characters of [A-Za-z0-9_.@-]: base64url is within; a longer key goes untagged.
  return tag.length <= 256 ? tag : undefined;
}

export function keyOfTag(tag: string): OutboxKey | undefined {
  try {
    const [pk, sk] = JSON.parse(Buffer.from(tag, 'base64url').toString('utf8')) as unknown[];
    return typeof pk === 'string' && typeof sk === 'string' && sk.startsWith('MAIL#')
      ? { pk, sk }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The key of a message about a card (in the card's partition), by its name. */
export function cardMessageKey(callId: string, teryt: string, name: string): OutboxKey {
  return keys.outboxMessage(keys.card(callId, teryt).pk, name);
}

/**
 * Moves a pending message to "sending" for this caller; undefined if someone else has it (or it is done).
 * The claim carries a token of its own: when DynamoDB applied it but its answer was lost (a timeout), the
 * SDK's retry of the same request finds its own claim and succeeds, instead of leaving the message claimed
 * by nobody until the sweeper reports it.
 */
export async function claimMessage(db: Db, key: OutboxKey, now: Date): Promise<OutboxMessage | undefined> {
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET #status = :sending, claimedAt = :now, claimToken = :token ADD attempts :one',
        ConditionExpression: '#status = :pending OR (#status = :sending AND claimToken = :token)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':now': now.toISOString(),
          ':token': randomUUID(),
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
      UpdateExpression:
        'SET #status = :sent, messageId = :id, sentAt = :now REMOVE mail, gsi3pk, gsi3sk, gsi2pk, gsi2sk',
      // Or already recorded by this very request, applied once before its answer was lost and retried.
      ConditionExpression: '#status = :sending OR (#status = :sent AND messageId = :id)',
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

/** Records the addresses the sender looked up (`toOffice`) on the claimed message, before it is sent. */
export async function addressTo(db: Db, key: OutboxKey, to: string[]): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET #to = :to',
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status', '#to': 'to' },
      ExpressionAttributeValues: { ':to': to, ':sending': 'sending' },
    }),
  );
}

/** Not sent, and never will be (no address to send it to): out of the queue, the reason kept. */
export async function markSkipped(db: Db, key: OutboxKey, reason: string, now: Date): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression:
        'SET #status = :skipped, lastError = :reason, skippedAt = :now REMOVE mail, gsi3pk, gsi3sk, gsi2pk, gsi2sk',
      ConditionExpression: '#status = :sending OR #status = :skipped',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':skipped': 'skipped',
        ':sending': 'sending',
        ':reason': reason.slice(0, 500),
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
      ConditionExpression: '#status = :sending OR (#status = :pending AND retryAt = :retryAt)',
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

/**
 * SES gave no answer: whether it sent the message is unknown. It leaves the queue but keeps its body (to be
 * resent by a person), and is due again at the end of the grace: SES's delivery event settles it as sent
 * meanwhile, or the sweeper then holds and reports it (confirmUnknown).
 */
export async function markUnknownNow(db: Db, key: OutboxKey, now: Date): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET #status = :unknown, unknownAt = :now, gsi3sk = :due',
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':unknown': 'unknown',
        ':sending': 'sending',
        ':now': now.toISOString(),
        ':due': dueKey(new Date(now.getTime() + UNKNOWN_GRACE_MS), key),
      },
    }),
  );
}

/**
 * Still unknown after the grace: no delivery event came. Held (listed for its voivodeship's coordinators,
 * body kept for HELD_BODY_DAYS); false if it was settled or held meanwhile.
 */
export async function confirmUnknown(db: Db, key: OutboxKey, now: Date): Promise<boolean> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: `SET ${HELD_SET}`,
        ConditionExpression: '#status = :unknown AND gsi3pk = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':unknown': 'unknown', ':pending': PENDING, ...heldListing(key, now) },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Refused for too long (an address SES will never take, say): out of the queue, kept for a person to see. */
export async function markFailed(db: Db, key: OutboxKey, reason: string, now: Date): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: `SET #status = :failed, lastError = :reason, ${HELD_SET}`,
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':failed': 'failed',
        ':sending': 'sending',
        ':reason': reason.slice(0, 500),
        ...heldListing(key, now),
      },
    }),
  );
}

/**
 * A claim older than the sender's timeout means the sender died (or could not record "sent": DynamoDB away):
 * whether SES sent it is unknown. As markUnknownNow: body kept, due again at the end of the grace.
 */
export async function markUnknown(
  db: Db,
  key: OutboxKey,
  claimedBefore: string,
  now: Date,
): Promise<boolean> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET #status = :unknown, unknownAt = :now, gsi3sk = :due',
        ConditionExpression: '#status = :sending AND claimedAt < :before',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':unknown': 'unknown',
          ':sending': 'sending',
          ':before': claimedBefore,
          ':now': now.toISOString(),
          ':due': dueKey(new Date(now.getTime() + UNKNOWN_GRACE_MS), key),
        },
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

/**
 * SES reported an event (delivery, bounce, complaint, reject) for an outbox message: SES had it, so a
 * message still "sending" (its "sent" never recorded) or "unknown" is settled as sent, body removed, and
 * comes off every list. 'settled' when it changed; 'already' when it was settled before (or unknown key).
 */
export async function reconcileDelivery(
  db: Db,
  key: OutboxKey,
  messageId: string,
  now: Date,
): Promise<'settled' | 'already'> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression:
          'SET #status = :sent, messageId = :id, sentAt = if_not_exists(sentAt, :now), settledByEvent = :true REMOVE mail, gsi3pk, gsi3sk, gsi2pk, gsi2sk',
        ConditionExpression: '#status IN (:sending, :unknown) AND attribute_not_exists(resentAs)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':sending': 'sending',
          ':unknown': 'unknown',
          ':id': messageId,
          ':now': now.toISOString(),
          ':true': true,
        },
      }),
    );
    return 'settled';
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return 'already';
    throw error;
  }
}

/** Held messages whose body is due to go (gsi2 OUTBOX#BODIES up to now), oldest first. */
export async function listBodiesDue(db: Db, now: Date, limit: number): Promise<OutboxKey[]> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :bodies AND gsi2sk < :now',
      ExpressionAttributeValues: { ':bodies': BODIES, ':now': now.toISOString() },
      ProjectionExpression: 'pk, sk',
      Limit: limit,
    }),
  );
  return Items.map(({ pk, sk }) => ({ pk: String(pk), sk: String(sk) }));
}

/** Removes a held message's body (and so its link token); the metadata stays until its TTL. */
export async function removeBody(db: Db, key: OutboxKey, now: Date): Promise<void> {
  await db.client
    .send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET bodyRemovedAt = :now REMOVE mail, gsi2pk, gsi2sk',
        ConditionExpression: 'attribute_exists(gsi2pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    )
    .catch((error: unknown) => {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    });
}

function toHeld(item: Doc): HeldMessage {
  const mail = item.mail as MailTemplate | undefined;
  return {
    pk: String(item.pk),
    sk: String(item.sk),
    to: (item.to as string[] | undefined) ?? [],
    template: String(item.template ?? mail?.template ?? ''),
    status: item.status as OutboxStatus,
    heldAt: String(item.heldAt),
    ...(item.lastError === undefined ? {} : { lastError: String(item.lastError) }),
    ...(item.messageId === undefined ? {} : { messageId: String(item.messageId) }),
    resendable: mail !== undefined && item.resentAs === undefined,
    ...(item.bodyUntil === undefined || mail === undefined ? {} : { bodyUntil: String(item.bodyUntil) }),
    ...(item.resentAs === undefined ? {} : { resentAs: String(item.resentAs) }),
  };
}

/** The held messages of one voivodeship's cards, newest first (a page of `limit`). */
export async function listHeld(db: Db, wojewodztwo: string, limit: number): Promise<HeldMessage[]> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :held',
      ExpressionAttributeValues: { ':held': `${HELD}${wojewodztwo}` },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map(toHeld);
}

export async function getMessage(
  db: Db,
  key: OutboxKey,
): Promise<(Doc & { mail?: MailTemplate }) | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }),
  );
  return Item as (Doc & { mail?: MailTemplate }) | undefined;
}

/**
 * A person resends a held message: one transaction marks the original resent (only if it is still unknown
 * or failed, has its body and was never resent) and queues a copy under a new name with the same
 * recipients and body. A second resend of the same original — a double click, two coordinators — fails the
 * condition: 'already'. The copy is delivered like any new message; the original loses its body and lists.
 */
export async function resendHeld(
  db: Db,
  input: { key: OutboxKey; newName: string; by: string; now: Date; log: TransactItem },
): Promise<{ outcome: 'queued'; key: OutboxKey } | { outcome: 'already' | 'gone' }> {
  const original = await getMessage(db, input.key);
  if (!original || (original.status !== 'unknown' && original.status !== 'failed'))
    return { outcome: 'gone' };
  if (!original.mail || original.resentAs !== undefined) return { outcome: 'already' };
  const copy = queuedMail(input.key.pk, {
    name: input.newName,
    to: original.to as string[],
    mail: original.mail,
    queuedAt: input.now.toISOString(),
  });
  const item = {
    ...copy.item,
    resendOf: input.key.sk,
    ...(original.expiresAt === undefined ? {} : { expiresAt: original.expiresAt }),
    ...(original.ttlFrom === undefined ? {} : { ttlFrom: original.ttlFrom }),
  };
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: input.key,
              UpdateExpression:
                'SET resentAs = :as, resentAt = :now, resentBy = :by REMOVE mail, gsi2pk, gsi2sk, gsi3pk, gsi3sk',
              ConditionExpression:
                '#status IN (:unknown, :failed) AND attribute_exists(mail) AND attribute_not_exists(resentAs)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':as': copy.key.sk,
                ':now': input.now.toISOString(),
                ':by': input.by,
                ':unknown': 'unknown',
                ':failed': 'failed',
              },
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: item,
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          input.log,
        ],
      }),
    );
    return { outcome: 'queued', key: copy.key };
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.some((code) => code === 'ConditionalCheckFailed') || isTransactionConflict(error))
      return { outcome: 'already' };
    throw error;
  }
}
