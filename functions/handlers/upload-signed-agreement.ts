import { uploadSignedPart } from '../domain/agreement-upload-parts.ts';
import { httpRoute } from '../lib/http.ts';
import { rawBody } from '../lib/raw-body.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeMailAndDocumentsDeps } from '../wiring.ts';

const deps = storeMailAndDocumentsDeps();

/** One part of the signed PDF, its raw bytes (not JSON); add-signed-upload takes the file. */
export const handler = httpRoute({ body: 'ignore' }, async ({ params, event }) => ({
  statusCode: 201,
  body: await uploadSignedPart(deps, bearerToken(event), {
    uploadId: params.uploadId ?? '',
    part: params.part ?? '',
    body: rawBody(event),
  }),
}));
