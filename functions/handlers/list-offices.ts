import { ZOfficesQuery } from '../../shared/schemas/offices.ts';
import { signedInUser } from '../domain/access.ts';
import { listOfficesOf } from '../domain/offices.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZOfficesQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, query }) => ({ body: await listOfficesOf(deps, user, query.wojewodztwo) }),
);
