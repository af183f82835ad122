import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../lib/crypto.ts';
import {
  type Doc,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * Exactly once per (deadline, offset, recipient): the send is claimed with a conditional write before SES
 * is asked, and recorded with SES's message id after. The lifecycle mirrors the outbox's
 * (ARCHITECTURE.md, "Sending a card"): sending → sent; SES refused → retry (the queue delivers it again);
 * no answer, or a sender that died mid-send → unknown, never resent.
 */
export type SendStatus = 'sending' | 'sent' | 'retry' | 'unknown' | 'skipped';
export type DeliveryStatus = 'delivered' | 'bounced' | 'complained';

export interface SendKey {
  deadlineId: string;
  offsetDays: number;
  email: string;
}

export interface SendClaim extends SendKey {
  role: string;
  wojewodztwo: string;
  title: string;
  /** SHA-256 of the secret in the e-mail's unsubscribe link. */
  unsubscribeSha256?: string | undefined;
}

export interface SendRecord extends SendClaim {
  status: SendStatus;
  attempts: number;
  claimedAt: string;
  sentAt?: string;
  messageId?: string;
  reason?: string;
  delivery?: DeliveryStatus;
}

export const recipientHash = (email: string) => sha256Hex(email.trim().toLowerCase());

function keyOf(send: SendKey) {
  return keys.reminderSend(send.deadlineId, send.offsetDays, recipientHash(send.email));
}

function listed(claim: SendClaim, claimedAt: string) {
  return {
    ...keys.reminderSendOfWojewodztwo(claim.wojewodztwo, claimedAt, claim.deadlineId),
    ...keys.reminderSendOfRecipient(recipientHash(claim.email), claimedAt),
  };
}

function toRecord(item: Doc): SendRecord {
  const { deadlineId, offsetDays, email, role, wojewodztwo, title, unsubscribeSha256 } = item as SendRecord;
  const { status, attempts, claimedAt, sentAt, messageId, reason, delivery } = item as SendRecord;
  return {
    deadlineId,
    offsetDays,
    email,
    role,
    wojewodztwo,
    title,
    unsubscribeSha256,
    status,
    attempts,
    claimedAt,
    ...(sentAt ? { sentAt } : {}),
    ...(messageId ? { messageId } : {}),
    ...(reason ? { reason } : {}),
    ...(delivery ? { delivery } : {}),
  };
}

export type ClaimResult = { outcome: 'claimed'; attempts: number } | { outcome: 'taken'; record: SendRecord };

/**
 * Claims the send for this caller: a new one, or one SES refused before (status retry). Otherwise says who
 * has it and how far it got.
 */
export async function claimSend(db: Db, claim: SendClaim, now: Date): Promise<ClaimResult> {
  const claimedAt = now.toISOString();
  const values: Doc = {
    ':sending': 'sending',
    ':retry': 'retry',
    ':now': claimedAt,
    ':one': 1,
    ':deadlineId': claim.deadlineId,
    ':offsetDays': claim.offsetDays,
    ':email': claim.email,
    ':role': claim.role,
    ':woj': claim.wojewodztwo,
    ':title': claim.title,
    ':type': 'reminder-send',
    ':token': randomUUID(),
  };
  const listing = listed(claim, claimedAt);
  const names: Record<string, string> = { '#status': 'status', '#role': 'role', '#type': 'type' };
  const sets = [
    '#status = :sending',
    'claimedAt = :now',
    '#type = :type',
    'deadlineId = :deadlineId',
    'offsetDays = :offsetDays',
    'email = :email',
    '#role = :role',
    'wojewodztwo = :woj',
    'title = :title',
    ...Object.keys(listing).map((name) => `${name} = :${name}`),
  ];
  for (const [name, value] of Object.entries(listing)) values[`:${name}`] = value;
  if (claim.unsubscribeSha256) {
    sets.push('unsubscribeSha256 = :unsub');
    values[':unsub'] = claim.unsubscribeSha256;
  }
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keyOf(claim),
        UpdateExpression: `SET ${sets.join(', ')}, claimToken = :token ADD attempts :one`,
        // Or this very claim, applied before its answer was lost (a timeout) and retried by the SDK.
        ConditionExpression:
          'attribute_not_exists(pk) OR #status = :retry OR (#status = :sending AND claimToken = :token)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { outcome: 'claimed', attempts: Number(Attributes?.attempts ?? 1) };
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    const record = await getSend(db, claim);
    if (!record) throw error;
    return { outcome: 'taken', record };
  }
}

export async function getSend(db: Db, send: SendKey): Promise<SendRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keyOf(send), ConsistentRead: true }),
  );
  return Item ? toRecord(Item) : undefined;
}

/** SES accepted it: recorded with its message id, and the id pointed back here for SES's events. */
export async function markSendSent(db: Db, send: SendKey, messageId: string, now: Date): Promise<void> {
  const key = keyOf(send);
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: db.tableName,
            Key: key,
            UpdateExpression: 'SET #status = :sent, messageId = :id, sentAt = :now',
            ConditionExpression: '#status = :sending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sent': 'sent',
              ':sending': 'sending',
              ':id': messageId,
              ':now': now.toISOString(),
            },
          },
        },
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.sesMessage(messageId), type: 'ses-message', sendPk: key.pk, sendSk: key.sk },
          },
        },
      ],
    }),
  );
}

/** SES refused: another delivery of the queue's message may claim it again. */
export async function releaseSend(db: Db, send: SendKey, reason: string): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keyOf(send),
      UpdateExpression: 'SET #status = :retry, reason = :reason',
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':retry': 'retry',
        ':sending': 'sending',
        ':reason': reason.slice(0, 500),
      },
    }),
  );
}

/**
 * Whether SES sent it is unknown (no answer in time, or a claim older than any sender lives): out of the
 * retries for good. With `claimedBefore`, only a claim that old. Says whether it changed the record.
 */
export async function markSendUnknown(
  db: Db,
  send: SendKey,
  reason: string,
  claimedBefore?: string,
): Promise<boolean> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keyOf(send),
        UpdateExpression: 'SET #status = :unknown, reason = :reason',
        ConditionExpression: claimedBefore
          ? '#status = :sending AND claimedAt < :before'
          : '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':unknown': 'unknown',
          ':sending': 'sending',
          ':reason': reason.slice(0, 500),
          ...(claimedBefore ? { ':before': claimedBefore } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Not sent, and why (a suppressed address, a passed deadline): shown in the log, never tried again. */
export async function recordSkippedSend(db: Db, claim: SendClaim, reason: string, now: Date): Promise<void> {
  const claimedAt = now.toISOString();
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keyOf(claim),
          ...listed(claim, claimedAt),
          type: 'reminder-send',
          deadlineId: claim.deadlineId,
          offsetDays: claim.offsetDays,
          email: claim.email,
          role: claim.role,
          wojewodztwo: claim.wojewodztwo,
          title: claim.title,
          status: 'skipped',
          reason,
          attempts: 0,
          claimedAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** The newest sends of a voivodeship, newest first. */
export async function listSendsOfWojewodztwo(
  db: Db,
  wojewodztwo: string,
  limit: number,
): Promise<SendRecord[]> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reminderSendOfWojewodztwo(wojewodztwo, '', '').gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map(toRecord);
}

/** What SES said happened to a message it accepted, on the send that recorded it (unknown ids ignored). */
export async function recordDelivery(db: Db, messageId: string, delivery: DeliveryStatus): Promise<boolean> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.sesMessage(messageId) }),
  );
  if (!Item) return false;
  await db.client
    .send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: { pk: String(Item.sendPk), sk: String(Item.sendSk) },
        // A bounce or complaint outranks the delivery SES reported before it.
        UpdateExpression: 'SET delivery = :delivery',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(delivery) OR delivery = :delivered)',
        ExpressionAttributeValues: { ':delivery': delivery, ':delivered': 'delivered' },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  return true;
}

export type SuppressionReason = 'bounce' | 'complaint';

export interface SuppressionState {
  /** Bounced or complained: no mail at all. */
  suppressed?: { reason: SuppressionReason; at: string } | undefined;
  /** Opted out of optional reminders. */
  optedOutAt?: string | undefined;
}

/** One Query of the address's partition: its bounce/complaint item and its opt-out. */
export async function getSuppression(db: Db, email: string): Promise<SuppressionState> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.suppression(email).pk },
    }),
  );
  const state: SuppressionState = {};
  for (const item of Items) {
    if (item.sk === 'SUPPRESSION')
      state.suppressed = { reason: item.reason as SuppressionReason, at: String(item.at) };
    if (item.sk === 'OPTOUT') state.optedOutAt = String(item.at);
  }
  return state;
}

export async function putSuppression(
  db: Db,
  email: string,
  reason: SuppressionReason,
  detail: string,
  at: Date,
): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.suppression(email),
        type: 'suppression',
        email: email.toLowerCase(),
        reason,
        detail: detail.slice(0, 500),
        at: at.toISOString(),
      },
    }),
  );
}

export async function putOptOut(db: Db, email: string, at: Date): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.optOut(email), type: 'opt-out', email: email.toLowerCase(), at: at.toISOString() },
    }),
  );
}

/** The send an unsubscribe token names, if the token's secret is the one it was sent with. */
export async function sendOfUnsubscribeToken(
  db: Db,
  send: { deadlineId: string; offsetDays: number; recipientSha256: string },
  secretSha256: string,
): Promise<SendRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.reminderSend(send.deadlineId, send.offsetDays, send.recipientSha256),
    }),
  );
  if (!Item || Item.unsubscribeSha256 !== secretSha256) return undefined;
  return toRecord(Item);
}
