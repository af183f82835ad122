import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { submitCard } from '../domain/submit-card.ts';
import { httpRoute } from '../lib/http.ts';
import { idempotencyKey } from '../lib/request-headers.ts';
import { storeAndMailDeps } from '../wiring.ts';

const deps = storeAndMailDeps();

export const handler = httpRoute({ body: ZSubmitCardRequest }, async ({ body, params, event }) => {
  const { receipt, replayed } = await submitCard(deps, {
    callId: params.callId ?? '',
    idempotencyKey: idempotencyKey(event),
    answers: body.answers,
  });
  return { statusCode: replayed ? 200 : 201, body: receipt };
});
