import type { ReminderPolicy } from '../../shared/reminders/schedule.ts';
import type { TAudienceGroup, TDeadlineKind } from '../../shared/schemas/reminders.ts';
import {
  BatchGetCommand,
  type Doc,
  GetCommand,
  QueryCommand,
  type TransactItem,
  TransactWriteCommand,
  UpdateCommand,
} from './document.ts';
import { cancellationCodes, type Db, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * Deadlines reminded by e-mail and their planned sends (ARCHITECTURE.md, "Reminders"). A deadline's
 * partition holds it and one item per planned send; each send is listed in gsi3 by the instant it goes out,
 * in a partition per month, so the planner's "what is due in (from, to]" is one key range.
 */
export interface DeadlineRecord {
  id: string;
  kind: TDeadlineKind;
  title: string;
  description: string;
  /** The instant the deadline falls at. */
  dueAt: string;
  wojewodztwa: string[];
  callId?: string | undefined;
  programmeId?: string | undefined;
  audience: TAudienceGroup[];
  policy: ReminderPolicy;
  /** Carries a one-click unsubscribe; addresses that opted out are skipped. */
  optional: boolean;
  createdBy?: string | undefined;
  createdAt: string;
  /** Asks each party for a document through its own link (domain/deliverables.ts). */
  deliverable?: { name: string } | undefined;
  /** Raised by every change of a coordinator's own deadline (absent: 0, never changed). */
  revision?: number | undefined;
  /** Set once it is listed in its voivodeships (written by this version on): the planner lists older ones. */
  listed?: boolean | undefined;
  /** Called off: nothing more is sent for it; the item stays for the log and the documents delivered. */
  cancelledAt?: string | undefined;
  cancelledBy?: string | undefined;
}

export interface PlannedSendEntry {
  deadlineId: string;
  offsetDays: number;
  sendAt: string;
}

const FIELDS = [
  'id',
  'kind',
  'title',
  'description',
  'dueAt',
  'wojewodztwa',
  'callId',
  'programmeId',
  'audience',
  'policy',
  'optional',
  'createdBy',
  'createdAt',
  'deliverable',
  'revision',
  'listed',
  'cancelledAt',
  'cancelledBy',
] as const satisfies readonly (keyof DeadlineRecord)[];

function toDeadline(item: Doc): DeadlineRecord {
  const record = Object.fromEntries(
    FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  );
  return record as unknown as DeadlineRecord;
}

/** The deadline is there at this revision (absent: never changed), and not called off. */
function overRevision(revision: number): { ConditionExpression: string; ExpressionAttributeValues?: Doc } {
  return revision === 0
    ? {
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(revision) AND attribute_not_exists(cancelledAt)',
      }
    : {
        ConditionExpression: 'revision = :revision AND attribute_not_exists(cancelledAt)',
        ExpressionAttributeValues: { ':revision': revision },
      };
}

/** An agreement's signing deadline is shown on its agreement; every other kind in its voivodeships' list. */
const listedKind = (deadline: Pick<DeadlineRecord, 'kind'>) => deadline.kind !== 'agreement-signing';

/** What a new version of a deadline replaces: its planned sends' offsets, and where it was listed. */
export interface PreviousDeadline {
  offsets?: readonly number[];
  /** The version's instant and voivodeships, if it was listed (its listing moves with a new instant). */
  listedAt?: { dueAt: string; wojewodztwa: readonly string[] } | undefined;
  /** Written only over this revision (CONFLICT otherwise): a change read at an older one is refused. */
  revision?: number;
}

/**
 * The writes that store a deadline with its planned sends and drop those of an earlier version that the new
 * one no longer has: for saveDeadline, or for the transaction of a change the deadline follows from.
 */
export function deadlineItems(
  db: Db,
  deadline: DeadlineRecord,
  sends: readonly { offsetDays: number; at: Date }[],
  options: { ifAbsent?: boolean; previous?: PreviousDeadline } = {},
): TransactItem[] {
  const planned = new Set(sends.map((send) => send.offsetDays));
  const previous = options.previous ?? {};
  const listing = listedKind(deadline) ? deadline.wojewodztwa : [];
  const listingKeys = new Set(
    listing.map((code) => JSON.stringify(keys.deadlineOfWojewodztwo(code, deadline.dueAt, deadline.id))),
  );
  const condition =
    previous.revision !== undefined
      ? overRevision(previous.revision)
      : options.ifAbsent
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {};
  return [
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.deadline(deadline.id),
          type: 'deadline',
          ...deadline,
          ...(listing.length > 0 ? { listed: true } : {}),
        },
        ...condition,
      },
    },
    ...sends.map((send) => {
      const sendAt = send.at.toISOString();
      return {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.plannedSend(deadline.id, send.offsetDays),
            ...keys.plannedSendByTime(sendAt, deadline.id, send.offsetDays),
            type: 'planned-send',
            deadlineId: deadline.id,
            offsetDays: send.offsetDays,
            sendAt,
          },
        },
      };
    }),
    ...[...new Set(previous.offsets ?? [])]
      .filter((offset) => !planned.has(offset))
      .map((offset) => ({
        Delete: { TableName: db.tableName, Key: keys.plannedSend(deadline.id, offset) },
      })),
    ...listing.map((code) => ({
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.deadlineOfWojewodztwo(code, deadline.dueAt, deadline.id),
          type: 'deadline-listing',
          deadlineId: deadline.id,
        },
      },
    })),
    ...listingDeletes(db, deadline.id, previous.listedAt, listingKeys),
  ];
}

/** The earlier listings of a deadline that a new version does not write again. */
function listingDeletes(
  db: Db,
  deadlineId: string,
  listedAt: PreviousDeadline['listedAt'],
  kept: ReadonlySet<string> = new Set(),
): TransactItem[] {
  if (!listedAt) return [];
  return listedAt.wojewodztwa
    .map((code) => keys.deadlineOfWojewodztwo(code, listedAt.dueAt, deadlineId))
    .filter((key) => !kept.has(JSON.stringify(key)))
    .map((Key) => ({ Delete: { TableName: db.tableName, Key } }));
}

/** The writes that remove a deadline, the planned sends of the offsets given, and its listings if it had any. */
export function deadlineRemovalItems(
  db: Db,
  deadlineId: string,
  offsets: readonly number[],
  listedAt?: PreviousDeadline['listedAt'],
): TransactItem[] {
  return [
    { Delete: { TableName: db.tableName, Key: keys.deadline(deadlineId) } },
    ...[...new Set(offsets)].map((offset) => ({
      Delete: { TableName: db.tableName, Key: keys.plannedSend(deadlineId, offset) },
    })),
    ...listingDeletes(db, deadlineId, listedAt),
  ];
}

/** Where a stored deadline is listed (for the next version's writes): nowhere if it predates the listings. */
export function listedAt(deadline: DeadlineRecord): PreviousDeadline['listedAt'] {
  return deadline.listed ? { dueAt: deadline.dueAt, wojewodztwa: deadline.wojewodztwa } : undefined;
}

/**
 * A coordinator's own deadline called off, over the revision read: marked (kept for the log and what was
 * delivered), its planned sends and listings dropped. 'stale' if it changed since (nothing written).
 */
export async function cancelDeadline(
  db: Db,
  deadline: DeadlineRecord,
  offsets: readonly number[],
  by: { email: string; at: Date },
  also: readonly TransactItem[] = [],
): Promise<'cancelled' | 'stale'> {
  const revision = deadline.revision ?? 0;
  const condition = overRevision(revision);
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.deadline(deadline.id),
              UpdateExpression: 'SET cancelledAt = :at, cancelledBy = :by, revision = :next',
              ConditionExpression: condition.ConditionExpression,
              ExpressionAttributeValues: {
                ':at': by.at.toISOString(),
                ':by': by.email,
                ':next': revision + 1,
                ...condition.ExpressionAttributeValues,
              },
            },
          },
          ...[...new Set(offsets)].map((offset) => ({
            Delete: { TableName: db.tableName, Key: keys.plannedSend(deadline.id, offset) },
          })),
          ...listingDeletes(db, deadline.id, listedAt(deadline)),
          ...also,
        ],
      }),
    );
    return 'cancelled';
  } catch (error) {
    if (isConditionFailure(error)) return 'stale';
    throw error;
  }
}

/** The transaction was cancelled because its first item (the deadline's) failed its condition. */
const isConditionFailure = (error: unknown) => cancellationCodes(error)?.[0] === 'ConditionalCheckFailed';

/** The ids of a voivodeship's listed deadlines falling after `from`, soonest first. */
export async function listDeadlineIdsOfWojewodztwo(
  db: Db,
  wojewodztwo: string,
  from: Date,
): Promise<string[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    KeyConditionExpression: 'pk = :pk AND sk > :from',
    ExpressionAttributeValues: {
      ':pk': keys.deadlineOfWojewodztwo(wojewodztwo, '', '').pk,
      ':from': from.toISOString(),
    },
    ProjectionExpression: 'deadlineId',
  });
  return items.map((item) => String(item.deadlineId));
}

/**
 * Writes a deadline with its planned sends, replacing those of an earlier version; with `ifAbsent`, only
 * if no deadline has the id ('exists' then, nothing written); with a previous revision, only over it
 * ('stale' then, nothing written).
 */
export async function saveDeadline(
  db: Db,
  deadline: DeadlineRecord,
  sends: readonly { offsetDays: number; at: Date }[],
  options: { ifAbsent?: boolean; previous?: PreviousDeadline; also?: readonly TransactItem[] } = {},
): Promise<'saved' | 'exists' | 'stale'> {
  const items = [...deadlineItems(db, deadline, sends, options), ...(options.also ?? [])];
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: items }));
    return 'saved';
  } catch (error) {
    if (isConditionFailure(error)) {
      if (options.previous?.revision !== undefined) return 'stale';
      if (options.ifAbsent) return 'exists';
    }
    throw error;
  }
}

/** The deadlines of the ids given (BatchGet, 100 at a time); missing ones are absent from the map. */
export async function getDeadlines(db: Db, ids: readonly string[]): Promise<Map<string, DeadlineRecord>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, DeadlineRecord>();
  for (let start = 0; start < unique.length; start += 100) {
    const { Responses } = await db.client.send(
      new BatchGetCommand({
        RequestItems: {
          [db.tableName]: { Keys: unique.slice(start, start + 100).map((id) => keys.deadline(id)) },
        },
      }),
    );
    for (const item of Responses?.[db.tableName] ?? []) {
      const deadline = toDeadline(item);
      found.set(deadline.id, deadline);
    }
  }
  return found;
}

export async function getDeadline(db: Db, id: string): Promise<DeadlineRecord | undefined> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.deadline(id) }));
  return Item ? toDeadline(Item) : undefined;
}

/** The offsets a deadline has planned sends for now (to drop those a new version no longer has). */
export async function plannedOffsets(db: Db, deadlineId: string): Promise<number[]> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :send)',
      ExpressionAttributeValues: { ':pk': keys.deadline(deadlineId).pk, ':send': 'SEND#' },
      ProjectionExpression: 'offsetDays',
    }),
  );
  return Items.map((item) => Number(item.offsetDays));
}

/** "YYYY-MM" of every UTC month from `from` to `to`. */
function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor <= to) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** Planned sends with `from < sendAt ≤ to`, in time order: one key range per month the window touches. */
export async function listPlannedSends(db: Db, from: Date, to: Date): Promise<PlannedSendEntry[]> {
  const entries: PlannedSendEntry[] = [];
  for (const month of monthsBetween(from, to)) {
    let ExclusiveStartKey: Doc | undefined;
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': `REMINDERS#${month}`,
            ':from': from.toISOString(),
            ':to': `${to.toISOString()}#\uffff`,
          },
          ProjectionExpression: 'deadlineId, offsetDays, sendAt',
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const sendAt = String(item.sendAt);
        if (sendAt <= from.toISOString()) continue;
        entries.push({ deadlineId: String(item.deadlineId), offsetDays: Number(item.offsetDays), sendAt });
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return entries;
}

/** When the planner last ran to completion (the start of its next window). */
export async function getPlannerLastRun(db: Db): Promise<Date | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.plannerState(), ConsistentRead: true }),
  );
  return Item?.lastRunAt ? new Date(String(Item.lastRunAt)) : undefined;
}

/** Moves the last run forward (never back: a slow run finishing after a later one changes nothing). */
export async function setPlannerLastRun(db: Db, at: Date): Promise<void> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.plannerState(),
        UpdateExpression: 'SET lastRunAt = :at',
        ConditionExpression: 'attribute_not_exists(lastRunAt) OR lastRunAt < :at',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
