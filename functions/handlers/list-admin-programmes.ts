import { signedInUser } from '../domain/access.ts';
import { programmesToAnnounce } from '../domain/announce-call.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({ session: (token) => signedInUser(deps, token) }, async ({ user }) => ({
  body: { programmes: await programmesToAnnounce(deps, user) },
}));
