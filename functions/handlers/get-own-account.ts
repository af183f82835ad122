import { signedInUser } from '../domain/access.ts';
import { ownAccount } from '../domain/accounts.ts';
import { httpRoute } from '../lib/http.ts';
import { sessionToken } from '../lib/session-cookie.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token) },
  async ({ user, event }) => ({
    body: await ownAccount(deps, user, sessionToken(event)),
  }),
);
