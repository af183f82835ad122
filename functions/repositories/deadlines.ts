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
import type { Db } from './dynamo.ts';
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
] as const satisfies readonly (keyof DeadlineRecord)[];

function toDeadline(item: Doc): DeadlineRecord {
  const record = Object.fromEntries(
    FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  );
  return record as unknown as DeadlineRecord;
}

/**
 * The writes that store a deadline with its planned sends and drop those of an earlier version that the new
 * one no longer has: for saveDeadline, or for the transaction of a change the deadline follows from.
 */
export function deadlineItems(
  db: Db,
  deadline: DeadlineRecord,
  sends: readonly { offsetDays: number; at: Date }[],
  options: { ifAbsent?: boolean; previousOffsets?: readonly number[] } = {},
): TransactItem[] {
  const planned = new Set(sends.map((send) => send.offsetDays));
  return [
    {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.deadline(deadline.id), type: 'deadline', ...deadline },
        ...(options.ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
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
    ...[...new Set(options.previousOffsets ?? [])]
      .filter((offset) => !planned.has(offset))
      .map((offset) => ({
        Delete: { TableName: db.tableName, Key: keys.plannedSend(deadline.id, offset) },
      })),
  ];
}

/** The writes that remove a deadline and the planned sends of the offsets given. */
export function deadlineRemovalItems(db: Db, deadlineId: string, offsets: readonly number[]): TransactItem[] {
  return [
    { Delete: { TableName: db.tableName, Key: keys.deadline(deadlineId) } },
    ...[...new Set(offsets)].map((offset) => ({
      Delete: { TableName: db.tableName, Key: keys.plannedSend(deadlineId, offset) },
    })),
  ];
}

/**
 * Writes a deadline with its planned sends, replacing those of an earlier version; with `ifAbsent`, only
 * if no deadline has the id ('exists' then, nothing written).
 */
export async function saveDeadline(
  db: Db,
  deadline: DeadlineRecord,
  sends: readonly { offsetDays: number; at: Date }[],
  options: { ifAbsent?: boolean; previousOffsets?: readonly number[] } = {},
): Promise<'saved' | 'exists'> {
  const items = deadlineItems(db, deadline, sends, options);
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: items }));
    return 'saved';
  } catch (error) {
    if (options.ifAbsent && (error as Error).name === 'TransactionCanceledException') {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return 'exists';
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
