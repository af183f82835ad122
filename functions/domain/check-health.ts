import type { THealthResponse } from '../../shared/schemas/api.ts';
import type { Db } from '../repositories/dynamo.ts';
import { tableAnswers } from '../repositories/health.ts';

/** A health check must answer quickly even when the table does not, so it gives up after this long. */
const TABLE_TIMEOUT_MS = 2_000;

export async function checkHealth(deps: { db: Db; now: () => Date }): Promise<THealthResponse> {
  const table = (await tableAnswers(deps.db, TABLE_TIMEOUT_MS)) ? 'ok' : 'unreachable';
  return {
    status: table === 'ok' ? 'ok' : 'degraded',
    checks: { api: 'ok', table },
    time: deps.now().toISOString(),
  };
}
