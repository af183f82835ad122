import { signedInUser } from '../domain/access.ts';
import { listReviewCalls } from '../domain/review-cards.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({ session: (token) => signedInUser(deps, token) }, async ({ user }) => ({
  body: await listReviewCalls(deps, user),
}));
