import { signedInUser } from '../domain/access.ts';
import { uploadAgreementScan } from '../domain/agreements.ts';
import { httpRoute } from '../lib/http.ts';
import { rawBody } from '../lib/raw-body.ts';
import { agreementDeps } from '../wiring-agreements.ts';

const deps = agreementDeps();

/** The scan as the request's body (application/pdf), not JSON. */
export const handler = httpRoute(
  { body: 'ignore', session: (token) => signedInUser(deps, token) },
  async ({ user, params, event }) => ({
    statusCode: 201,
    body: await uploadAgreementScan(
      deps,
      user,
      { callId: params.callId ?? '', teryt: params.teryt ?? '' },
      rawBody(event),
    ),
  }),
);
