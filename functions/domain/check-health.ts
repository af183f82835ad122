import type { THealthResponse } from '../../shared/schemas/api.ts';
import { GetCommand } from '../repositories/document.ts';
import type { Db } from '../repositories/dynamo.ts';
import { keys } from '../repositories/keys.ts';

/** A health check must answer quickly even when the table does not, so it gives up after this long. */
const TABLE_TIMEOUT_MS = 2_000;

export async function checkHealth(deps: { db: Db; now: () => Date }): Promise<THealthResponse> {
  let table: THealthResponse['checks']['table'] = 'ok';
  try {
    await deps.db.client.send(new GetCommand({ TableName: deps.db.tableName, Key: keys.healthProbe() }), {
      abortSignal: AbortSignal.timeout(TABLE_TIMEOUT_MS),
    });
  } catch {
    table = 'unreachable';
  }
  return {
    status: table === 'ok' ? 'ok' : 'degraded',
    checks: { api: 'ok', table },
    time: deps.now().toISOString(),
  };
}
