import { ZFormalCheckRequest } from '../../shared/schemas/review.ts';
import { signedInUser } from '../domain/access.ts';
import { formalCheck } from '../domain/assess-card.ts';
import { httpRoute } from '../lib/http.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token), body: ZFormalCheckRequest },
  async ({ user, params, body }) => ({
    body: await formalCheck(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      request: body,
    }),
  }),
);
