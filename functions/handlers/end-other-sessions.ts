import { ZEmptyBody } from '../../shared/schemas/administration.ts';
import { signedInUser } from '../domain/access.ts';
import { endOtherSessions } from '../domain/accounts.ts';
import { httpRoute } from '../lib/http.ts';
import { sessionToken } from '../lib/session-cookie.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZEmptyBody, session: (token) => signedInUser(deps, token) },
  async ({ user, event }) => ({ body: await endOtherSessions(deps, user, sessionToken(event)) }),
);
