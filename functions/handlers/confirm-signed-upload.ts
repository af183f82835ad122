import { signedInUser } from '../domain/access.ts';
import { confirmSignedUpload } from '../domain/agreements.ts';
import { httpRoute } from '../lib/http.ts';
import { sealingAgreementDeps } from '../wiring-seal.ts';

const deps = sealingAgreementDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token) },
  async ({ user, params }) => ({
    body: await confirmSignedUpload(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      role: params.role ?? '',
    }),
  }),
);
