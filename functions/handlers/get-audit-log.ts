import { ZAuditLogQuery } from '../../shared/schemas/administration.ts';
import { signedInUser } from '../domain/access.ts';
import { readAuditLog } from '../domain/accounts.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZAuditLogQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, query }) => ({ body: await readAuditLog(deps, user, query.month) }),
);
