import { uploadSignedAgreement } from '../domain/agreement-signing.ts';
import { httpRoute } from '../lib/http.ts';
import { rawBody } from '../lib/raw-body.ts';
import { bearerToken, clientAddress } from '../lib/request-headers.ts';
import { agreementDeps } from '../wiring-agreements.ts';

const deps = agreementDeps();

/** The signed PDF as the request's body (application/pdf), not JSON. */
export const handler = httpRoute({ body: 'ignore' }, async ({ event }) => ({
  statusCode: 201,
  body: await uploadSignedAgreement(deps, bearerToken(event), rawBody(event), {
    ip: clientAddress(event),
    userAgent: event.headers?.['user-agent'] ?? '',
  }),
}));
