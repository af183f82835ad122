import { ZDeliveriesQuery } from '../../shared/schemas/deliverables.ts';
import { signedInUser } from '../domain/access.ts';
import { listDeliverables } from '../domain/deliverables.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZDeliveriesQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, query }) => ({ body: await listDeliverables(deps, user, query) }),
);
