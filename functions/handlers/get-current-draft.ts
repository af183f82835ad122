import { getDraftByLink } from '../domain/drafts.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute({}, async ({ event }) => ({
  body: await getDraftByLink(deps, bearerToken(event)),
}));
