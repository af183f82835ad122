import { ZUploadedPdfRequest } from '../../shared/schemas/agreements.ts';
import { signedInUser } from '../domain/access.ts';
import { addAgreementScan } from '../domain/agreement-scans.ts';
import { httpRoute } from '../lib/http.ts';
import { agreementDeps } from '../wiring-agreements.ts';

const deps = agreementDeps();

/** The scan's uploaded parts as one PDF, kept with its hash (the paper signatures then name it). */
export const handler = httpRoute(
  { body: ZUploadedPdfRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    statusCode: 201,
    body: await addAgreementScan(
      deps,
      user,
      { callId: params.callId ?? '', teryt: params.teryt ?? '' },
      body,
    ),
  }),
);
