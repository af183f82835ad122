import { checkHealth } from '../domain/check-health.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({}, async () => {
  const health = await checkHealth(deps);
  return { statusCode: health.status === 'ok' ? 200 : 503, body: health };
});
