import type { TDraftAnswers } from '../../shared/schemas/submission.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { type Doc, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from './document.ts';
import { cancellationCodes, type Db, isTransactionConflict } from './dynamo.ts';
import { keys } from './keys.ts';
import { linkTokenItem, type NewLink } from './link-tokens.ts';
import { type OutboxKey, type OutgoingMail, queuedMail } from './outbox.ts';

export interface DraftRecord {
  draftId: string;
  callId: string;
  email: string;
  answers: TDraftAnswers;
  savedAt: string;
  /**
   * The call's closing, to the millisecond: what the draft's pages and e-mail say the link works until.
   * Absent on drafts saved before it was recorded (then read from the TTL).
   */
  usableUntil?: string | undefined;
  /** Epoch seconds (DynamoDB's TTL): the call's closing, after which the draft is of no use. */
  expiresAt: number;
}

/** The TTL of a draft (and its link) usable until `usableUntil`: whole seconds, rounded up. */
const ttlOf = (usableUntil: string) => Math.ceil(Date.parse(usableUntil) / 1000);

/** What a first save answered, kept under its idempotency key so that a retry gets the same answer. */
export interface DraftIdempotency {
  requestSha256: string;
  result: { savedAt: string; expiresAt: string };
}

/** A draft as it is first saved: until when it can be used is the call's closing. */
export type NewDraft = Omit<DraftRecord, 'usableUntil' | 'expiresAt'> & { usableUntil: string };

/**
 * A new draft with its link's token and the e-mail carrying the link, all or nothing; with the request's
 * idempotency record when it has a key. 'key-taken' when a twin request stored one first.
 */
export async function createDraft(
  db: Db,
  input: {
    draft: NewDraft;
    link: NewLink;
    mail: OutgoingMail;
    idempotency?: { key: string; record: DraftIdempotency; keepUntil: Date } | undefined;
  },
): Promise<{ outcome: 'created'; mail: OutboxKey } | { outcome: 'key-taken' }> {
  const { draft, idempotency } = input;
  const draftKey = keys.draft(draft.draftId);
  const mail = queuedMail(draftKey.pk, input.mail);
  // The TTL in whole seconds, rounded up, so the draft outlives its last usable moment.
  const expiresAt = ttlOf(draft.usableUntil);
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          ...(idempotency
            ? [
                {
                  Put: {
                    TableName: db.tableName,
                    Item: {
                      ...keys.draftIdempotency(draft.callId, idempotency.key),
                      type: 'idempotency',
                      ...idempotency.record,
                      expiresAt: Math.floor(idempotency.keepUntil.getTime() / 1000),
                    },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ]
            : []),
          {
            Put: {
              TableName: db.tableName,
              // Listed under its call (gsi1) for the reminders before the call closes.
              Item: {
                ...draftKey,
                ...keys.draftOfCall(draft.callId, draft.savedAt, draft.draftId),
                type: 'draft',
                ...draft,
                expiresAt,
                // Its link's item, whose TTL an extension of the call moves with the draft's.
                linkHash: sha256Hex(input.link.token),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: linkTokenItem(input.link, { kind: 'draft', draftId: draft.draftId }),
            },
          },
          { Put: { TableName: db.tableName, Item: mail.item } },
        ],
      }),
    );
    return { outcome: 'created', mail: mail.key };
  } catch (error) {
    // Its key taken by a twin request, or DynamoDB cancelling it while a twin's transaction ran: either
    // way the twin's answer is the one to give.
    const taken = cancellationCodes(error)?.[0] === 'ConditionalCheckFailed' || isTransactionConflict(error);
    if (idempotency && taken) return { outcome: 'key-taken' };
    throw error;
  }
}

export async function getDraftIdempotency(
  db: Db,
  callId: string,
  key: string,
): Promise<DraftIdempotency | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.draftIdempotency(callId, key),
      ConsistentRead: true,
    }),
  );
  return Item
    ? { requestSha256: String(Item.requestSha256), result: Item.result as DraftIdempotency['result'] }
    : undefined;
}

export async function getDraft(db: Db, draftId: string): Promise<DraftRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.draft(draftId) }),
  );
  if (!Item) return undefined;
  const { callId, email, answers, savedAt, usableUntil, expiresAt } = Item as DraftRecord;
  return { draftId, callId, email, answers, savedAt, usableUntil, expiresAt };
}

export async function updateDraftAnswers(
  db: Db,
  draftId: string,
  answers: TDraftAnswers,
  savedAt: string,
): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.draft(draftId),
      UpdateExpression: 'SET answers = :answers, savedAt = :savedAt',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':answers': answers, ':savedAt': savedAt },
    }),
  );
}

/**
 * A call's closing moved later: its drafts (gsi1 `DRAFTS#<callId>`) and their links are kept until the new
 * closing. Each update only raises the TTL, so running it again changes nothing. Says how many drafts moved.
 * Whether a draft can be used is decided from the call when it is read (domain/drafts.ts); this only keeps
 * DynamoDB's TTL from deleting it first. Drafts saved before they recorded their link's hash keep their
 * link's old TTL (a link item TTL removes is gone).
 */
export async function extendDraftsOfCall(db: Db, callId: string, usableUntil: string): Promise<number> {
  const ttl = ttlOf(usableUntil);
  let moved = 0;
  let ExclusiveStartKey: Doc | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.draftOfCall(callId, '', '').gsi1pk },
        ProjectionExpression: 'pk, sk, expiresAt, linkHash',
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      if (Number(item.expiresAt) >= ttl) continue;
      const raised = await raiseTtl(db, { pk: item.pk, sk: item.sk }, ttl, usableUntil);
      if (typeof item.linkHash === 'string') await raiseTtl(db, keys.linkToken(item.linkHash), ttl);
      if (raised) moved += 1;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return moved;
}

/** Raises an item's TTL (and a draft's `usableUntil`); false if it is gone or already as late. */
async function raiseTtl(db: Db, key: Doc, ttl: number, usableUntil?: string): Promise<boolean> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: usableUntil ? 'SET expiresAt = :ttl, usableUntil = :until' : 'SET expiresAt = :ttl',
        ConditionExpression: 'attribute_exists(pk) AND expiresAt < :ttl',
        ExpressionAttributeValues: { ':ttl': ttl, ...(usableUntil ? { ':until': usableUntil } : {}) },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
