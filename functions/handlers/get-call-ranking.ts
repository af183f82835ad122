import { ZRankingQuery } from '../../shared/schemas/review-lists.ts';
import { signedInUser } from '../domain/access.ts';
import { callRanking } from '../domain/review-lists.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZRankingQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, params, query }) => ({
    body: await callRanking(deps, user, { callId: params.callId ?? '', wojewodztwo: query.wojewodztwo }),
  }),
);
