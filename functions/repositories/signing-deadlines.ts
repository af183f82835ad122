import { type DeadlineRecord, deadlineItems, deadlineRemovalItems } from './deadlines.ts';
import { type Doc, QueryCommand, type TransactItem } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * An agreement's signing deadline as a reminded deadline (ARCHITECTURE.md, "Agreements' signing deadlines
 * reminded"): the deadline with its planned sends, and a marker listed in gsi3 by the instant the deadline
 * passes, written and removed in the transaction of the agreement's change.
 */

/** Stores the deadline, its sends still ahead, and its overdue marker; drops sends of the other offsets. */
export function signingDeadlineItems(
  db: Db,
  deadline: DeadlineRecord,
  sends: readonly { offsetDays: number; at: Date }[],
  allOffsets: readonly number[],
): TransactItem[] {
  return [
    ...deadlineItems(db, deadline, sends, { previous: { offsets: allOffsets } }),
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.signingOverdue(deadline.id, deadline.dueAt),
          type: 'signing-overdue',
          deadlineId: deadline.id,
          dueAt: deadline.dueAt,
        },
      },
    },
  ];
}

/** Removes the deadline, its sends and its overdue marker (deleting what is absent is harmless). */
export function signingDeadlineRemovalItems(
  db: Db,
  deadlineId: string,
  allOffsets: readonly number[],
): TransactItem[] {
  const { pk, sk } = keys.signingOverdue(deadlineId, '');
  return [
    ...deadlineRemovalItems(db, deadlineId, allOffsets),
    { Delete: { TableName: db.tableName, Key: { pk, sk } } },
  ];
}

/** The signing deadlines that passed in (from, to], oldest first: one key range per UTC month. */
export async function listSigningDeadlinesPassed(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ deadlineId: string; dueAt: string }[]> {
  const found: { deadlineId: string; dueAt: string }[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  for (; cursor <= to; cursor.setUTCMonth(cursor.getUTCMonth() + 1)) {
    let ExclusiveStartKey: Doc | undefined;
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.signingOverdue('', cursor.toISOString()).gsi3pk,
            ':from': from.toISOString(),
            ':to': `${to.toISOString()}#\uffff`,
          },
          ProjectionExpression: 'deadlineId, dueAt',
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const dueAt = String(item.dueAt);
        if (dueAt > from.toISOString() && dueAt <= to.toISOString())
          found.push({ deadlineId: String(item.deadlineId), dueAt });
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return found;
}
