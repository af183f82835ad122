import { ZCancelCallRequest } from '../../shared/schemas/call-life.ts';
import { signedInUser } from '../domain/access.ts';
import { cancelCall } from '../domain/call-life.ts';
import { httpRoute } from '../lib/http.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

/** Cancels a call with a notice; its drafts' and cards' contacts are told. */
export const handler = httpRoute(
  { body: ZCancelCallRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({ body: await cancelCall(deps, user, params.callId ?? '', body) }),
);
