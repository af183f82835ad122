import { ZHeldMailQuery } from '../../shared/schemas/retention.ts';
import { signedInUser } from '../domain/access.ts';
import { listHeldMail } from '../domain/retention.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZHeldMailQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, query }) => ({ body: await listHeldMail(deps, user, query) }),
);
