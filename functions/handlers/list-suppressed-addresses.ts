import { ZSuppressedAddressesQuery } from '../../shared/schemas/reminders.ts';
import { signedInUser } from '../domain/access.ts';
import { listSuppressedAddresses } from '../domain/reminders-admin.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZSuppressedAddressesQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, query }) => ({ body: await listSuppressedAddresses(deps, user, query) }),
);
