import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { submitCard } from '../domain/submit-card.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { idempotencyKey } from '../lib/request-headers.ts';
import { createSesMailer } from '../mail/mailer.ts';
import { createDb } from '../repositories/dynamo.ts';

const settings = config();
const deps = {
  db: createDb(settings),
  mailer: createSesMailer(settings),
  now: () => new Date(),
  siteUrl: settings.SITE_URL,
};

export const handler = httpRoute({ body: ZSubmitCardRequest }, async ({ body, params, event }) => {
  const { receipt, replayed } = await submitCard(deps, {
    callId: params.callId ?? '',
    idempotencyKey: idempotencyKey(event),
    answers: body.answers,
  });
  return { statusCode: replayed ? 200 : 201, body: receipt };
});
