import { ZOpenCallsQuery } from '../../shared/schemas/programme.ts';
import { listOpenCalls } from '../domain/list-open-calls.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { createDb } from '../repositories/dynamo.ts';

const db = createDb(config());

export const handler = httpRoute({ query: ZOpenCallsQuery }, async ({ query }) => ({
  body: await listOpenCalls({ db, now: () => new Date() }, query),
}));
