import { ZNewAccountRequest } from '../../shared/schemas/administration.ts';
import { signedInUser } from '../domain/access.ts';
import { addAccount } from '../domain/accounts.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZNewAccountRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, body }) => ({ statusCode: 201, body: await addAccount(deps, user, body) }),
);
