import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { submitCard } from '../domain/submit-card.ts';
import { config } from '../lib/config.ts';
import { storeAndMailDeps } from '../lib/deps.ts';
import { httpRoute } from '../lib/http.ts';
import { idempotencyKey } from '../lib/request-headers.ts';

const deps = storeAndMailDeps(config());

export const handler = httpRoute({ body: ZSubmitCardRequest }, async ({ body, params, event }) => {
  const { receipt, replayed } = await submitCard(deps, {
    callId: params.callId ?? '',
    idempotencyKey: idempotencyKey(event),
    answers: body.answers,
  });
  return { statusCode: replayed ? 200 : 201, body: receipt };
});
