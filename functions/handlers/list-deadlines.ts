import { ZDeadlinesQuery } from '../../shared/schemas/reminders.ts';
import { signedInUser } from '../domain/access.ts';
import { listDeadlinesAhead } from '../domain/reminder-deadlines.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZDeadlinesQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, query }) => ({ body: await listDeadlinesAhead(deps, user, query) }),
);
