import { randomBytes } from 'node:crypto';
import type { AuditEvent, TAuditEntry } from '../../shared/schemas/administration.ts';
import { warsawDate } from '../../shared/time.ts';
import { type Doc, QueryCommand, type TransactItem } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * The panel's audit log: who signed in and out, which account or programme changed how, which sessions were
 * revoked. Each entry is written in the same transaction as the change it records (append-only, never
 * updated), in a partition per Warsaw month. `wojewodztwa` are those the entry is about, so a lead reads
 * only its own programme's entries.
 */
export interface AuditRecord {
  at: Date;
  event: AuditEvent;
  actor: string;
  subject: string;
  details?: string[];
  wojewodztwa: readonly string[];
}

export function auditPut(db: Db, record: AuditRecord): TransactItem {
  const at = record.at.toISOString();
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.auditLog(warsawDate(record.at).slice(0, 7), at, randomBytes(6).toString('hex')),
        type: 'audit',
        at,
        event: record.event,
        actor: record.actor,
        subject: record.subject,
        details: record.details ?? [],
        wojewodztwa: [...record.wojewodztwa],
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** One month's entries, newest first, with the voivodeships each is about (the caller filters by them). */
export async function readAuditMonth(
  db: Db,
  month: string,
): Promise<(TAuditEntry & { wojewodztwa: string[] })[]> {
  const items: Doc[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditLog(month, '', '').pk },
        ScanIndexForward: false,
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map((item) => ({
    at: String(item.at),
    event: item.event as AuditEvent,
    actor: String(item.actor),
    subject: String(item.subject),
    details: (item.details as string[] | undefined) ?? [],
    wojewodztwa: (item.wojewodztwa as string[] | undefined) ?? [],
  }));
}
