import { ZSubmitCardRequest } from '../../shared/schemas/submission.ts';
import { changeCard } from '../domain/change-card.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute({ body: ZSubmitCardRequest }, async ({ body, event }) => ({
  body: await changeCard(deps, { token: bearerToken(event), answers: body.answers }),
}));
