import { ZSaveDraftRequest } from '../../shared/schemas/draft.ts';
import { saveDraft } from '../domain/drafts.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { createSesMailer } from '../mail/mailer.ts';
import { createDb } from '../repositories/dynamo.ts';

const settings = config();
const deps = {
  db: createDb(settings),
  mailer: createSesMailer(settings),
  now: () => new Date(),
  siteUrl: settings.SITE_URL,
};

export const handler = httpRoute({ body: ZSaveDraftRequest }, async ({ body, params, event }) => ({
  statusCode: 201,
  body: await saveDraft(deps, {
    callId: params.callId ?? '',
    email: body.email,
    answers: body.answers,
    client: event.requestContext.http.sourceIp,
  }),
}));
