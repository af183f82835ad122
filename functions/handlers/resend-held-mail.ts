import { ZResendMailRequest } from '../../shared/schemas/retention.ts';
import { signedInUser } from '../domain/access.ts';
import { resendHeldMail } from '../domain/retention.ts';
import { httpRoute } from '../lib/http.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute(
  { body: ZResendMailRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    statusCode: 202,
    body: await resendHeldMail(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      name: params.name ?? '',
      reason: body.reason,
    }),
  }),
);
