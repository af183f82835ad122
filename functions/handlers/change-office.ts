import { ZOfficeChangeRequest } from '../../shared/schemas/offices.ts';
import { signedInUser } from '../domain/access.ts';
import { changeOffice } from '../domain/offices.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZOfficeChangeRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, body, params }) => ({
    body: await changeOffice(deps, user, { teryt: params.teryt ?? '', request: body }),
  }),
);
