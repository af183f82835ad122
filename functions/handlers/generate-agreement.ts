import { ZGenerateAgreementRequest } from '../../shared/schemas/agreements.ts';
import { signedInUser } from '../domain/access.ts';
import { generateAgreement } from '../domain/agreements.ts';
import { httpRoute } from '../lib/http.ts';
import { renderingAgreementDeps } from '../wiring-render.ts';

const deps = renderingAgreementDeps();

export const handler = httpRoute(
  { body: ZGenerateAgreementRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    statusCode: 201,
    body: await generateAgreement(
      deps,
      user,
      { callId: params.callId ?? '', teryt: params.teryt ?? '' },
      body,
    ),
  }),
);
