import { ZAdminCardsQuery } from '../../shared/schemas/admin.ts';
import { signedInUser } from '../domain/access.ts';
import { listCallCards } from '../domain/review-lists.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZAdminCardsQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, params, query }) => ({
    body: await listCallCards(deps, user, {
      ...query,
      callId: params.callId ?? '',
      limit: query.limit === undefined ? undefined : Number(query.limit),
    }),
  }),
);
