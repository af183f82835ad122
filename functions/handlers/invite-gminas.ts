import { ZInviteRequest } from '../../shared/schemas/call-life.ts';
import { signedInUser } from '../domain/access.ts';
import { inviteGminas } from '../domain/call-life.ts';
import { httpRoute } from '../lib/http.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

/** Invites gminas (each office e-mailed at the address given); the call then takes only their cards. */
export const handler = httpRoute(
  { body: ZInviteRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({ body: await inviteGminas(deps, user, params.callId ?? '', body) }),
);
