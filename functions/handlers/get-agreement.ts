import { signedInUser } from '../domain/access.ts';
import { getAgreementForCoordinator } from '../domain/agreement-lists.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token) },
  async ({ user, params }) => ({
    body: await getAgreementForCoordinator(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
    }),
  }),
);
