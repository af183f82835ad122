import { programmesToAnnounce } from '../domain/announce-call.ts';
import { signedInUser } from '../domain/review-cards.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute({ session: (token) => signedInUser(deps, token) }, async ({ user }) => ({
  body: { programmes: await programmesToAnnounce(deps, user) },
}));
