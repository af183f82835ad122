import { cardByLink, cardView } from '../domain/card-by-link.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute({}, async ({ event }) => ({
  body: cardView(await cardByLink(deps, bearerToken(event))),
}));
