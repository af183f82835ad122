import { ZUpdateDraftRequest } from '../../shared/schemas/draft.ts';
import { updateDraft } from '../domain/drafts.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({ body: ZUpdateDraftRequest }, async ({ body, event }) => ({
  body: await updateDraft(deps, { token: bearerToken(event), answers: body.answers }),
}));
