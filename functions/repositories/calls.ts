import { randomBytes } from 'node:crypto';
import type { TCall, TCallAttachment } from '../../shared/schemas/programme.ts';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type TransactItem,
  TransactWriteCommand,
  UpdateCommand,
} from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
import { keys } from './keys.ts';
import { type OutboxKey, type OutgoingMail, queuedMail } from './outbox.ts';
import { listDraftContacts } from './reminder-audiences.ts';

const CALL_FIELDS = [
  'id',
  'programmeId',
  'title',
  'wojewodztwa',
  'gminaKinds',
  'opensAt',
  'closesAt',
  'formVersion',
  'rules',
  'retainUntil',
  'cardLinkDays',
] as const satisfies readonly (keyof TCall)[];

/** A call's attachment as stored: where in the documents bucket, and its digest (never shown publicly). */
export interface StoredAttachment extends TCallAttachment {
  key: string;
  sha256: string;
}

function toCall(item: Record<string, unknown>): TCall {
  const call = Object.fromEntries(
    CALL_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  ) as TCall;
  // What a call became over its life, only where it did (a call never changed reads as it was announced).
  if (typeof item.revision === 'number') call.revision = item.revision;
  const cancelled = item.cancelled as { at: string; reason: string } | undefined;
  if (cancelled) call.cancelled = { at: cancelled.at, reason: cancelled.reason };
  if (Array.isArray(item.invited)) call.invited = item.invited.map(String);
  if (Array.isArray(item.attachments) && item.attachments.length > 0) {
    call.attachments = (item.attachments as StoredAttachment[]).map(
      ({ id, name, contentType, size, addedAt }) => ({ id, name, contentType, size, addedAt }),
    );
  }
  return call;
}

/**
 * Writes a call with one copy per voivodeship, so that "open calls in my voivodeship" is one Query that
 * returns whole calls. A call whose id is taken is left as it is, and nothing is written ('exists').
 */
export async function createCall(db: Db, call: TCall): Promise<'created' | 'exists'> {
  try {
    await writeCall(db, call);
    return 'created';
  } catch (error) {
    // Only the call's own item carries a condition, so a failed one means the id is taken.
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return 'exists';
    throw error;
  }
}

async function writeCall(db: Db, call: TCall): Promise<void> {
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.call(call.id),
              ...keys.callByProgramme(call.programmeId, call.closesAt, call.id),
              ...keys.callPublicList(call.closesAt, call.id),
              type: 'call',
              ...call,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...call.wojewodztwa.map((wojewodztwo) => ({
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.callWojewodztwo(call.id, wojewodztwo),
              ...keys.callByWojewodztwo(wojewodztwo, call.closesAt, call.id),
              type: 'call-wojewodztwo',
              ...call,
            },
          },
        })),
      ],
    }),
  );
}

/** Call ids are slugs (see ZCall); anything else cannot exist, and is not worth a (refused) key lookup. */
const CALL_ID = /^[a-z0-9-]{3,64}$/;

export async function getCall(db: Db, callId: string): Promise<TCall | undefined> {
  if (!CALL_ID.test(callId)) return undefined;
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.call(callId) }));
  return Item ? toCall(Item) : undefined;
}

/**
 * The calls a warm function has read, for sending cards: a deadline peak sends thousands of cards to a few
 * calls. Never trusted alone: the card's transaction checks the call's revision (`callUnchanged`), and a
 * refusal drawn from a kept call is confirmed by a fresh read (submit-card.ts).
 */
export interface WarmCalls {
  /** The call as read less than `maxAgeMs` ago, if it was. */
  kept(callId: string): TCall | undefined;
  /** Reads the call now, and keeps it. */
  read(callId: string): Promise<TCall | undefined>;
  forget(callId: string): void;
}

/** Calls are tens a year: a handful kept is every open one. */
const WARM_CALLS_KEPT = 32;

export function warmCalls(db: Db, maxAgeMs: number, now: () => number = Date.now): WarmCalls {
  const kept = new Map<string, { call: TCall; readAt: number }>();
  return {
    kept(callId) {
      const entry = kept.get(callId);
      return entry && now() - entry.readAt < maxAgeMs ? entry.call : undefined;
    },
    async read(callId) {
      const call = await getCall(db, callId);
      kept.delete(callId);
      if (!call) return undefined;
      // A Map iterates in insertion order: the first key is the one read longest ago.
      if (kept.size >= WARM_CALLS_KEPT) kept.delete(kept.keys().next().value as string);
      kept.set(callId, { call, readAt: now() });
      return call;
    },
    forget(callId) {
      kept.delete(callId);
    },
  };
}

/**
 * The condition, inside a card's transaction, that the call is still the one read: every change of a call
 * raises its revision (saveCallChange, setCallRetention); a call never changed has none.
 */
export function callUnchanged(db: Db, call: TCall): TransactItem {
  const revision = call.revision ?? 0;
  return {
    ConditionCheck: {
      TableName: db.tableName,
      Key: keys.call(call.id),
      ConditionExpression:
        revision === 0 ? 'attribute_exists(pk) AND attribute_not_exists(revision)' : 'revision = :revision',
      ...(revision === 0 ? {} : { ExpressionAttributeValues: { ':revision': revision } }),
    },
  };
}

export interface OpenCallsFilter {
  wojewodztwo?: string | undefined;
  programmeId?: string | undefined;
}

/**
 * Calls whose closing instant is after `now` (a key range), keeping those already opened. Calls are few
 * (tens a year), so the one remaining filter reads little.
 */
export async function listCallsOpenAt(db: Db, now: Date, filter: OpenCallsFilter = {}): Promise<TCall[]> {
  const [indexName, partition] = filter.wojewodztwo
    ? ['gsi1', keys.callByWojewodztwo(filter.wojewodztwo, '', '').gsi1pk]
    : filter.programmeId
      ? ['gsi1', keys.callByProgramme(filter.programmeId, '', '').gsi1pk]
      : ['gsi2', keys.callPublicList('', '').gsi2pk];
  const calls: TCall[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: indexName,
        KeyConditionExpression: `#pk = :pk AND #sk > :now`,
        // A cancelled call is no longer open (its page still says why).
        FilterExpression: 'opensAt <= :now AND attribute_not_exists(cancelled)',
        ExpressionAttributeNames: { '#pk': `${indexName}pk`, '#sk': `${indexName}sk` },
        ExpressionAttributeValues: { ':pk': partition, ':now': now.toISOString() },
        ExclusiveStartKey,
      }),
    );
    calls.push(...(page.Items ?? []).map(toCall));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return filter.programmeId ? calls.filter((call) => call.programmeId === filter.programmeId) : calls;
}

/** Names of the given programmes, read in one BatchGet. */
export async function programmeNames(db: Db, programmeIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(programmeIds)];
  if (unique.length === 0) return new Map();
  const { Responses } = await db.client.send(
    new BatchGetCommand({
      RequestItems: {
        [db.tableName]: {
          Keys: unique.map((id) => keys.programme(id)),
          ProjectionExpression: 'id, #name',
          ExpressionAttributeNames: { '#name': 'name' },
        },
      },
    }),
  );
  return new Map((Responses?.[db.tableName] ?? []).map((item) => [String(item.id), String(item.name)]));
}

/** Every call of a programme, open or closed (a maintenance job's read: calls are tens a year). */
/*
 * A call over its life (issue 17): each change is one transaction that rewrites the call's head and its
 * copy per voivodeship (so the lists by closing instant stay consistent: a moved closing moves every
 * copy's sort key, a voivodeship taken off loses its copy), conditioned on the head's revision as read.
 */

/** The call as the head item holds it: the public call, its attachments' storage, who cancelled it. */
export interface StoredCall {
  call: TCall;
  attachments: StoredAttachment[];
  cancelledBy?: string | undefined;
}

export async function getStoredCall(db: Db, callId: string): Promise<StoredCall | undefined> {
  if (!CALL_ID.test(callId)) return undefined;
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.call(callId) }));
  if (!Item) return undefined;
  return {
    call: toCall(Item),
    attachments: Array.isArray(Item.attachments) ? (Item.attachments as StoredAttachment[]) : [],
    cancelledBy: typeof Item.cancelledBy === 'string' ? Item.cancelledBy : undefined,
  };
}

/** The head's and the copies' attributes of a call (the public fields, with the attachments' storage). */
function callAttributes(stored: StoredCall): Record<string, unknown> {
  const { attachments: _public, ...call } = stored.call;
  return {
    ...call,
    ...(stored.attachments.length > 0 ? { attachments: stored.attachments } : {}),
    ...(stored.call.cancelled && stored.cancelledBy
      ? { cancelled: { ...stored.call.cancelled }, cancelledBy: stored.cancelledBy }
      : {}),
  };
}

/**
 * Writes `after` over `before` (both as read and as meant), with `extra` writes of the same change (its
 * audit entry, invitations, e-mails) in the same transaction. 'stale' when the head's revision is no longer
 * the one read (someone changed the call meanwhile); 'refused' when one of `extra`'s conditions failed.
 */
export async function saveCallChange(
  db: Db,
  before: StoredCall,
  after: StoredCall,
  extra: TransactItem[] = [],
): Promise<'saved' | 'stale' | 'refused'> {
  const read = before.call.revision ?? 0;
  const call = after.call;
  const attributes = { ...callAttributes(after), revision: read + 1 };
  const removed = before.call.wojewodztwa.filter((code) => !call.wojewodztwa.includes(code));
  const items: TransactItem[] = [
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.call(call.id),
          ...keys.callByProgramme(call.programmeId, call.closesAt, call.id),
          ...keys.callPublicList(call.closesAt, call.id),
          type: 'call',
          ...attributes,
        },
        ConditionExpression:
          read === 0 ? 'attribute_exists(pk) AND attribute_not_exists(revision)' : 'revision = :revision',
        ...(read === 0 ? {} : { ExpressionAttributeValues: { ':revision': read } }),
      },
    },
    ...call.wojewodztwa.map((wojewodztwo) => ({
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.callWojewodztwo(call.id, wojewodztwo),
          ...keys.callByWojewodztwo(wojewodztwo, call.closesAt, call.id),
          type: 'call-wojewodztwo',
          ...attributes,
        },
      },
    })),
    ...removed.map((wojewodztwo) => ({
      Delete: { TableName: db.tableName, Key: keys.callWojewodztwo(call.id, wojewodztwo) },
    })),
    ...extra,
  ];
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: items }));
    return 'saved';
  } catch (error) {
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) return 'stale';
    if (codes.includes('ConditionalCheckFailed')) return 'refused';
    throw error;
  }
}

/** One entry of a call's own log (edited, extended, cancelled, invitations, attachments), append-only. */
export interface CallAuditEntry {
  at: string;
  event:
    | 'call-edited'
    | 'call-extended'
    | 'call-cancelled'
    | 'call-invitations'
    | 'call-attachment-added'
    | 'call-attachment-removed';
  actor: string;
  details: string[];
}

export function callAuditPut(db: Db, callId: string, entry: CallAuditEntry): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.callAudit(callId, entry.at, randomBytes(6).toString('hex')),
        type: 'call-audit',
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The call's own log, oldest first (the rules' changes, logged in the same partition, left out). */
export async function listCallAudit(db: Db, callId: string): Promise<CallAuditEntry[]> {
  const entries: CallAuditEntry[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        FilterExpression: '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':audit': 'AUDIT#', ':type': 'call-audit' },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? [])
      entries.push({
        at: String(item.at),
        event: item.event as CallAuditEntry['event'],
        actor: String(item.actor),
        details: (item.details as string[] | undefined) ?? [],
      });
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return entries;
}

/** An invitation of one gmina to a call: the address it went to, in the call's partition. */
export function invitationPut(
  db: Db,
  callId: string,
  invitation: { teryt: string; email: string; at: string; by: string },
): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.callInvitation(callId, invitation.teryt),
        type: 'call-invitation',
        callId,
        ...invitation,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function listInvitations(
  db: Db,
  callId: string,
): Promise<{ teryt: string; email: string; at: string }[]> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :invite)',
      ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':invite': keys.callInvitation('', '').sk },
    }),
  );
  return (Items ?? []).map((item) => ({
    teryt: String(item.teryt),
    email: String(item.email),
    at: String(item.at),
  }));
}

/** An e-mail of a call's change in the call's partition, for a transaction (invitations). */
export function callMailPut(
  db: Db,
  callId: string,
  outgoing: OutgoingMail,
): { key: OutboxKey; item: TransactItem } {
  const { key, item } = queuedMail(keys.call(callId).pk, outgoing);
  return {
    key,
    item: { Put: { TableName: db.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
  };
}

/**
 * Queues e-mails of a call's change that are too many for its transaction (one per gmina's address), each
 * under a name unique to the change and the address, written only if absent: queued again, none goes twice.
 * Returns the keys of those written now.
 */
export async function queueCallMails(db: Db, callId: string, mails: OutgoingMail[]): Promise<OutboxKey[]> {
  const written: OutboxKey[] = [];
  for (const outgoing of mails) {
    const { key, item } = queuedMail(keys.call(callId).pk, outgoing);
    try {
      await db.client.send(
        new PutCommand({
          TableName: db.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      written.push(key);
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return written;
}

/**
 * The calls of a programme still open on `from` (closing after it), cancelled ones too (the caller filters):
 * one Query of the programme's gsi1 partition, a key range on the closing instant.
 */
export async function listProgrammeCallsClosingAfter(
  db: Db,
  programmeId: string,
  from: string,
): Promise<TCall[]> {
  const calls: TCall[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk > :from',
        ExpressionAttributeValues: { ':pk': keys.callByProgramme(programmeId, '', '').gsi1pk, ':from': from },
        ExclusiveStartKey,
      }),
    );
    calls.push(...(page.Items ?? []).map(toCall));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return calls;
}

/** The programme's retention and link days, copied onto the call's head and its voivodeship copies. */
export async function setCallRetention(
  db: Db,
  call: TCall,
  retention: { retainUntil: string; cardLinkDays?: number | undefined },
): Promise<void> {
  const itemKeys = [
    keys.call(call.id),
    ...call.wojewodztwa.map((code) => keys.callWojewodztwo(call.id, code)),
  ];
  for (const Key of itemKeys) {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key,
        UpdateExpression:
          retention.cardLinkDays === undefined
            ? 'SET retainUntil = :until REMOVE cardLinkDays ADD revision :one'
            : 'SET retainUntil = :until, cardLinkDays = :days ADD revision :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':until': retention.retainUntil,
          // A change like any other: cards' links and retention follow it (callUnchanged), open forms are stale.
          ':one': 1,
          ...(retention.cardLinkDays === undefined ? {} : { ':days': retention.cardLinkDays }),
        },
      }),
    );
  }
}

/** Who was told of a call's change: the contact of every draft of the call and every card in its voivodeships. */
export async function listCallContacts(
  db: Db,
  callId: string,
  wojewodztwa: readonly string[],
): Promise<{ email: string; teryt?: string | undefined }[]> {
  const contacts = await listDraftContacts(db, callId);
  for (const wojewodztwo of wojewodztwa) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.cardBySendingTime(callId, wojewodztwo, '', '').gsi2pk },
          ProjectionExpression: 'teryt, answers.contacts.contact.email',
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const email = (item.answers as { contacts?: { contact?: { email?: unknown } } } | undefined)?.contacts
          ?.contact?.email;
        if (typeof email === 'string') contacts.push({ email, teryt: String(item.teryt) });
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return contacts;
}

/** Every call of a programme, open or closed (a maintenance job's read: calls are tens a year). */
export async function listCallsOfProgramme(db: Db, programmeId: string): Promise<TCall[]> {
  const calls: TCall[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.callByProgramme(programmeId, '', '').gsi1pk },
        ExclusiveStartKey,
      }),
    );
    calls.push(...(page.Items ?? []).map(toCall));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return calls;
}
