import { listReviewCalls, signedInUser } from '../domain/review-cards.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { sessionToken } from '../lib/session-cookie.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute({}, async ({ event }) => {
  const user = await signedInUser(deps, sessionToken(event));
  return { body: await listReviewCalls(deps, user) };
});
