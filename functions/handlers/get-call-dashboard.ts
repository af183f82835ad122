import { ZDashboardQuery } from '../../shared/schemas/review-lists.ts';
import { signedInUser } from '../domain/access.ts';
import { callDashboard } from '../domain/review-lists.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZDashboardQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, params, query }) => ({
    body: await callDashboard(deps, user, {
      callId: params.callId ?? '',
      recount: query.recount === 'true',
    }),
  }),
);
