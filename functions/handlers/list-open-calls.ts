import { ZOpenCallsQuery } from '../../shared/schemas/programme.ts';
import { listOpenCalls } from '../domain/list-open-calls.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({ query: ZOpenCallsQuery }, async ({ query }) => ({
  body: await listOpenCalls(deps, query),
}));
