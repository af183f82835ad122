import { ZErasureRequest } from '../../shared/schemas/retention.ts';
import { signedInUser } from '../domain/access.ts';
import { eraseGminaData } from '../domain/retention.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZErasureRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    body: await eraseGminaData(deps, user, { teryt: params.teryt ?? '', request: body }),
  }),
);
