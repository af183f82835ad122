import { ZExtendCallRequest } from '../../shared/schemas/call-life.ts';
import { signedInUser } from '../domain/access.ts';
import { extendCall } from '../domain/call-life.ts';
import { httpRoute } from '../lib/http.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

/** Once open: a later closing with a reason; every gmina with a draft or a card is told once. */
export const handler = httpRoute(
  { body: ZExtendCallRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({ body: await extendCall(deps, user, params.callId ?? '', body) }),
);
