import { signingPage } from '../domain/agreement-pages.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({}, async ({ event }) => ({
  body: await signingPage(deps, bearerToken(event)),
}));
