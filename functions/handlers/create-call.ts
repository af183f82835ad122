import { ZCreateCallRequest } from '../../shared/schemas/admin.ts';
import { signedInUser } from '../domain/access.ts';
import { announceCall } from '../domain/announce-call.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZCreateCallRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, body }) => ({ statusCode: 201, body: await announceCall(deps, user, body) }),
);
