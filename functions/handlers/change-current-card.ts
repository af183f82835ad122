import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { changeCard } from '../domain/change-card.ts';
import { config } from '../lib/config.ts';
import { storeAndMailDeps } from '../lib/deps.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';

const deps = storeAndMailDeps(config());

export const handler = httpRoute({ body: ZSubmitCardRequest }, async ({ body, event }) => ({
  body: await changeCard(deps, { token: bearerToken(event), answers: body.answers }),
}));
