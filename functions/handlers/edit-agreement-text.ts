import { ZEditAgreementTextRequest } from '../../shared/schemas/agreements.ts';
import { signedInUser } from '../domain/access.ts';
import { editAgreementText } from '../domain/agreements.ts';
import { httpRoute } from '../lib/http.ts';
import { renderingAgreementDeps } from '../wiring-render.ts';

const deps = renderingAgreementDeps();

export const handler = httpRoute(
  { body: ZEditAgreementTextRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    body: await editAgreementText(
      deps,
      user,
      { callId: params.callId ?? '', teryt: params.teryt ?? '' },
      body,
    ),
  }),
);
