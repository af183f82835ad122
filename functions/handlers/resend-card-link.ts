import { resendCardLink } from '../domain/resend-card-link.ts';
import { config } from '../lib/config.ts';
import { storeAndMailDeps } from '../lib/deps.ts';
import { httpRoute } from '../lib/http.ts';
import { clientAddress } from '../lib/request-headers.ts';

const deps = storeAndMailDeps(config());

export const handler = httpRoute({}, async ({ params, event }) => ({
  statusCode: 202,
  body: await resendCardLink(deps, {
    callId: params.callId ?? '',
    teryt: params.teryt ?? '',
    client: clientAddress(event),
  }),
}));
