import { signedInUser } from '../domain/access.ts';
import { resendSigningLink } from '../domain/agreements.ts';
import { httpRoute } from '../lib/http.ts';
import { agreementDeps } from '../wiring-agreements.ts';

const deps = agreementDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token) },
  async ({ user, params }) => ({
    body: await resendSigningLink(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      role: params.role ?? '',
    }),
  }),
);
