import { reviewCard, signedInUser } from '../domain/review-cards.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token) },
  async ({ user, params }) => ({
    body: await reviewCard(deps, user, { callId: params.callId ?? '', teryt: params.teryt ?? '' }),
  }),
);
