import { ZAdminCardsQuery } from '../../shared/schemas/admin.ts';
import { listCallCards, signedInUser } from '../domain/review-cards.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { sessionToken } from '../lib/session-cookie.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute({ query: ZAdminCardsQuery }, async ({ event, params, query }) => {
  const user = await signedInUser(deps, sessionToken(event));
  return {
    body: await listCallCards(deps, user, {
      callId: params.callId ?? '',
      wojewodztwo: query.wojewodztwo,
      pageToken: query.pageToken,
      limit: query.limit === undefined ? undefined : Number(query.limit),
    }),
  };
});
