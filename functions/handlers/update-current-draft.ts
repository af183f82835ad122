import { ZUpdateDraftRequest } from '../../shared/schemas/draft.ts';
import { updateDraft } from '../domain/drafts.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute({ body: ZUpdateDraftRequest }, async ({ body, event }) => ({
  body: await updateDraft(deps, { token: bearerToken(event), answers: body.answers }),
}));
