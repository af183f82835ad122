import { ZPaperSignaturesRequest } from '../../shared/schemas/agreements.ts';
import { signedInUser } from '../domain/access.ts';
import { recordPaperSignatures } from '../domain/agreements.ts';
import { httpRoute } from '../lib/http.ts';
import { sealingAgreementDeps } from '../wiring-seal.ts';

const deps = sealingAgreementDeps();

export const handler = httpRoute(
  { body: ZPaperSignaturesRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    body: await recordPaperSignatures(
      deps,
      user,
      { callId: params.callId ?? '', teryt: params.teryt ?? '' },
      body,
    ),
  }),
);
