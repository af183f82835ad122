import { checkHealth } from '../domain/check-health.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { createDb } from '../repositories/dynamo.ts';

const db = createDb(config());

export const handler = httpRoute({}, async () => {
  const health = await checkHealth({ db, now: () => new Date() });
  return { statusCode: health.status === 'ok' ? 200 : 503, body: health };
});
