import { ZChangeSignatoryRequest } from '../../shared/schemas/agreements.ts';
import { signedInUser } from '../domain/access.ts';
import { changeSignatory } from '../domain/agreements.ts';
import { httpRoute } from '../lib/http.ts';
import { agreementDeps } from '../wiring-agreements.ts';

const deps = agreementDeps();

export const handler = httpRoute(
  { body: ZChangeSignatoryRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    body: await changeSignatory(
      deps,
      user,
      { callId: params.callId ?? '', teryt: params.teryt ?? '', role: params.role ?? '' },
      body,
    ),
  }),
);
