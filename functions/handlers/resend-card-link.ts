import { resendCardLink } from '../domain/resend-card-link.ts';
import { httpRoute } from '../lib/http.ts';
import { clientAddress } from '../lib/request-headers.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute({}, async ({ params, event }) => ({
  statusCode: 202,
  body: await resendCardLink(deps, {
    callId: params.callId ?? '',
    teryt: params.teryt ?? '',
    client: clientAddress(event),
  }),
}));
