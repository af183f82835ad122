import { ZAccountChangeRequest } from '../../shared/schemas/administration.ts';
import { signedInUser } from '../domain/access.ts';
import { accountEmail, changeAccount } from '../domain/accounts.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZAccountChangeRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, body, params }) => ({
    body: await changeAccount(deps, user, accountEmail(params.email), body),
  }),
);
