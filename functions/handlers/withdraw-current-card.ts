import { withdrawCard } from '../domain/withdraw-card.ts';
import { config } from '../lib/config.ts';
import { storeAndMailDeps } from '../lib/deps.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';

const deps = storeAndMailDeps(config());

export const handler = httpRoute({}, async ({ event }) => ({
  body: await withdrawCard(deps, { token: bearerToken(event) }),
}));
