import { ZAdminCardsQuery } from '../../shared/schemas/admin.ts';
import { listCallCards, signedInUser } from '../domain/review-cards.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute(
  { query: ZAdminCardsQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, params, query }) => ({
    body: await listCallCards(deps, user, {
      callId: params.callId ?? '',
      wojewodztwo: query.wojewodztwo,
      pageToken: query.pageToken,
      limit: query.limit === undefined ? undefined : Number(query.limit),
    }),
  }),
);
