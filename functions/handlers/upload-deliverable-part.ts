import { uploadDeliverablePart } from '../domain/deliverables.ts';
import { httpRoute } from '../lib/http.ts';
import { rawBody } from '../lib/raw-body.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const deps = withDocuments(storeDeps());

/** The body is the part's raw bytes (not JSON), which API Gateway hands over base64-encoded. */
export const handler = httpRoute({ body: 'ignore' }, async ({ event, params }) => {
  if (!deps.documents) throw new Error('upload-deliverable-part needs DOCUMENTS_BUCKET');
  return {
    statusCode: 201,
    body: await uploadDeliverablePart({ ...deps, documents: deps.documents }, bearerToken(event), {
      uploadId: params.uploadId ?? '',
      part: params.part ?? '',
      body: rawBody(event),
    }),
  };
});
