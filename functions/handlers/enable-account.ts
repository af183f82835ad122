import { ZEmptyBody } from '../../shared/schemas/administration.ts';
import { signedInUser } from '../domain/access.ts';
import { accountEmail, setAccountDisabled } from '../domain/accounts.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZEmptyBody, session: (token) => signedInUser(deps, token) },
  async ({ user, params }) => ({
    body: await setAccountDisabled(deps, user, accountEmail(params.email), false),
  }),
);
