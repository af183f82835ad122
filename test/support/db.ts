import { config } from '../../functions/lib/config.ts';
import { ScanCommand } from '../../functions/repositories/document.ts';
import { createDb, type Db } from '../../functions/repositories/dynamo.ts';
import { mailSettled, pipelineState } from './outbox.ts';

/** The test file's own table (see integration-env.ts), through the same client code the handlers use. */
export function testDb(): Db {
  return createDb(config());
}

/**
 * Every item in the table, sorted: tests compare it before and after a rejected request to show that
 * nothing changed. (A Scan is fine here; request paths never scan.)
 */
export async function tableSnapshot(db: Db): Promise<Record<string, unknown>[]> {
  // Mail a request queued is delivered in the background: settled first, so two snapshots differ only by
  // what the test did between them.
  if (pipelineState.running) await mailSettled(db);
  return tableItems(db);
}

/** Every item in the table as it is now, sorted, mail on its way or not. */
export async function tableItems(db: Db): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(new ScanCommand({ TableName: db.tableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}
