import { GetCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * Whether the table answers a read within `timeoutMs`: one GetItem of a key nothing is written to, which
 * proves the table is there and the role may read it.
 */
export async function tableAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  try {
    await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.healthProbe() }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}
