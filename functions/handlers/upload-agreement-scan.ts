import { signedInUser } from '../domain/access.ts';
import { uploadAgreementScanPart } from '../domain/agreement-upload-parts.ts';
import { httpRoute } from '../lib/http.ts';
import { rawBody } from '../lib/raw-body.ts';
import { storeMailAndDocumentsDeps } from '../wiring.ts';

const deps = storeMailAndDocumentsDeps();

/** One part of the paper agreement's scan, its raw bytes (not JSON); add-agreement-scan takes the file. */
export const handler = httpRoute(
  { body: 'ignore', session: (token) => signedInUser(deps, token) },
  async ({ user, params, event }) => ({
    statusCode: 201,
    body: await uploadAgreementScanPart(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      uploadId: params.uploadId ?? '',
      part: params.part ?? '',
      body: rawBody(event),
    }),
  }),
);
