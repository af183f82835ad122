import { ZVoidCardRequest } from '../../shared/schemas/review.ts';
import { signedInUser } from '../domain/access.ts';
import { voidCard } from '../domain/void-card.ts';
import { httpRoute } from '../lib/http.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token), body: ZVoidCardRequest },
  async ({ user, params, body }) => ({
    body: await voidCard(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      request: body,
    }),
  }),
);
