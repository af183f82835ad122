import { ZSaveDraftRequest } from '../../shared/schemas/draft.ts';
import { saveDraft } from '../domain/drafts.ts';
import { httpRoute } from '../lib/http.ts';
import { clientAddress, optionalIdempotencyKey } from '../lib/request-headers.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute({ body: ZSaveDraftRequest }, async ({ body, params, event }) => ({
  statusCode: 201,
  body: await saveDraft(deps, {
    callId: params.callId ?? '',
    email: body.email,
    answers: body.answers,
    client: clientAddress(event),
    idempotencyKey: optionalIdempotencyKey(event),
  }),
}));
