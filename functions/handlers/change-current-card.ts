import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { changeCard } from '../domain/change-card.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { createSesMailer } from '../mail/mailer.ts';
import { createDb } from '../repositories/dynamo.ts';

const settings = config();
const deps = {
  db: createDb(settings),
  mailer: createSesMailer(settings),
  now: () => new Date(),
  siteUrl: settings.SITE_URL,
};

export const handler = httpRoute({ body: ZSubmitCardRequest }, async ({ body, event }) => ({
  body: await changeCard(deps, { token: bearerToken(event), answers: body.answers }),
}));
