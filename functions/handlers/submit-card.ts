import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { submitCard } from '../domain/submit-card.ts';
import { httpRoute } from '../lib/http.ts';
import { clientAddress, idempotencyKey } from '../lib/request-headers.ts';
import { warmCalls } from '../repositories/calls.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();
// Kept while the function is warm: at a deadline peak a card's one DynamoDB call is its transaction, which
// checks the call's revision (submit-card.ts). Five minutes bounds what a quiet function holds.
const calls = warmCalls(deps.db, 5 * 60_000);

export const handler = httpRoute(
  { body: ZSubmitCardRequest },
  async ({ body, params, event, receivedAt }) => {
    // The deadline and the receipt go by when the request arrived.
    const { receipt, replayed } = await submitCard(
      { ...deps, calls, now: () => receivedAt },
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
