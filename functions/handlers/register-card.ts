import { ZRegisterCardRequest } from '../../shared/schemas/registration-request.ts';
import { signedInUser } from '../domain/access.ts';
import { registerCard } from '../domain/register-card.ts';
import { httpRoute } from '../lib/http.ts';
import { idempotencyKey } from '../lib/request-headers.ts';
import { storeMailAndDocumentsDeps } from '../wiring.ts';

const deps = storeMailAndDocumentsDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token), body: ZRegisterCardRequest },
  async ({ user, body, params, event }) => {
    const { registered, replayed } = await registerCard(deps, user, {
      callId: params.callId ?? '',
      idempotencyKey: idempotencyKey(event),
      request: body,
    });
    return { statusCode: replayed ? 200 : 201, body: registered };
  },
);
