import { signedInUser } from '../domain/access.ts';
import { listManagedAccounts } from '../domain/accounts.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({ session: (token) => signedInUser(deps, token) }, async ({ user }) => ({
  body: { accounts: await listManagedAccounts(deps, user) },
}));
