import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { submitCard } from '../domain/submit-card.ts';
import { httpRoute } from '../lib/http.ts';
import { clientAddress, idempotencyKey } from '../lib/request-headers.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute(
  { body: ZSubmitCardRequest },
  async ({ body, params, event, receivedAt }) => {
    // The deadline and the receipt go by when the request arrived.
    const { receipt, replayed } = await submitCard(
      { ...deps, now: () => receivedAt },
      {
        callId: params.callId ?? '',
        idempotencyKey: idempotencyKey(event),
        answers: body.answers,
        client: clientAddress(event),
      },
    );
    return { statusCode: replayed ? 200 : 201, body: receipt };
  },
);
