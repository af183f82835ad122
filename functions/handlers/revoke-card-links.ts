import { ZRevokeLinksRequest } from '../../shared/schemas/retention.ts';
import { signedInUser } from '../domain/access.ts';
import { revokeCardLinks } from '../domain/retention.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZRevokeLinksRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    body: await revokeCardLinks(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      reason: body.reason,
    }),
  }),
);
