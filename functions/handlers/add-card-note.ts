import { ZNoteRequest } from '../../shared/schemas/review.ts';
import { signedInUser } from '../domain/access.ts';
import { addCardNote } from '../domain/assess-card.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token), body: ZNoteRequest },
  async ({ user, params, body }) => ({
    statusCode: 201,
    body: await addCardNote(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      request: body,
    }),
  }),
);
