import { withdrawCard } from '../domain/withdraw-card.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute({}, async ({ event }) => ({
  body: await withdrawCard(deps, { token: bearerToken(event) }),
}));
