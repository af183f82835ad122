import { ZDeliverRequest } from '../../shared/schemas/deliverables.ts';
import { deliverDocument } from '../domain/deliverables.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const deps = withDocuments(storeDeps());

/** The uploaded parts as the party's document: a PDF of at most 10 MB, its SHA-256 in the answer. */
export const handler = httpRoute({ body: ZDeliverRequest }, async ({ event, body }) => {
  if (!deps.documents) throw new Error('deliver-document needs DOCUMENTS_BUCKET');
  return {
    statusCode: 201,
    body: await deliverDocument({ ...deps, documents: deps.documents }, bearerToken(event), body),
  };
});
