import type { TOffice } from '../../shared/schemas/offices.ts';
import { type AuditRecord, auditPut } from './audit-log.ts';
import { type Doc, GetCommand, QueryCommand, type TransactItem, TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * The directory of gmina offices' official addresses (issue 13): `OFFICE#<teryt>`, listed per voivodeship
 * by gsi1 `OFFICES#<woj>`. Every change is written with its audit entry (the panel's log) in one transaction.
 */
export type OfficeRecord = TOffice;

export function toOffice(item: Doc): OfficeRecord {
  const { teryt, gminaName, email, epuap, name, source, changedAt, changedBy } = item as OfficeRecord;
  return {
    teryt,
    gminaName,
    email,
    ...(epuap ? { epuap } : {}),
    ...(name ? { name } : {}),
    source,
    changedAt,
    changedBy,
  };
}

function officeItem(office: OfficeRecord): Doc {
  return {
    ...keys.office(office.teryt),
    ...keys.officeByWojewodztwo(office.teryt),
    type: 'office',
    ...office,
  };
}

export async function getOffice(db: Db, teryt: string): Promise<OfficeRecord | undefined> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.office(teryt) }));
  return Item ? toOffice(Item) : undefined;
}

/** A voivodeship's offices (≤ 314), by TERYT code: one paginated Query of gsi1. */
export async function listOffices(db: Db, wojewodztwo: string): Promise<OfficeRecord[]> {
  const items: Doc[] = [];
  let ExclusiveStartKey: Doc | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.officeByWojewodztwo(`${wojewodztwo}00000`).gsi1pk },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map(toOffice);
}

/** DynamoDB's limit is 100 items a transaction; a chunk's rows and their one audit entry stay under it. */
export const OFFICES_PER_TRANSACTION = 50;

/**
 * Stores offices (at most OFFICES_PER_TRANSACTION) with the audit entry that records them: all or none.
 * `expected` is each office's `changedAt` as read (absent: there was none), so a coordinator's edit made
 * meanwhile is not overwritten silently; false when one changed, and nothing is written.
 */
export async function saveOffices(
  db: Db,
  input: { offices: { office: OfficeRecord; expected: string | undefined }[]; audit: AuditRecord },
): Promise<boolean> {
  if (input.offices.length > OFFICES_PER_TRANSACTION) throw new Error('too many offices for a transaction');
  const TransactItems: TransactItem[] = [
    ...input.offices.map(
      ({ office, expected }): TransactItem => ({
        Put: {
          TableName: db.tableName,
          Item: officeItem(office),
          ...(expected === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'changedAt = :read',
                ExpressionAttributeValues: { ':read': expected },
              }),
        },
      }),
    ),
    auditPut(db, input.audit),
  ];
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems }));
    return true;
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict'))
      return false;
    throw error;
  }
}

/** Demo data and tests: offices written without a log entry (BatchWrite would do; a few puts suffice). */
export async function putOfficesUnlogged(db: Db, offices: readonly OfficeRecord[]): Promise<void> {
  for (let start = 0; start < offices.length; start += 100) {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: offices
          .slice(start, start + 100)
          .map((office) => ({ Put: { TableName: db.tableName, Item: officeItem(office) } })),
      }),
    );
  }
}
