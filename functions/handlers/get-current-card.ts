import { cardByLink, cardView } from '../domain/card-by-link.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({}, async ({ event }) => ({
  body: cardView(await cardByLink(deps, bearerToken(event)), deps.now()),
}));
