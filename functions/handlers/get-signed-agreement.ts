import { finalRecordForSignatory } from '../domain/agreement-downloads.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const deps = withDocuments(storeDeps());

/** A signatory's download of the sealed final record: a link to the bucket for a minute, as JSON. */
export const handler = httpRoute({}, async ({ event }) => {
  if (!deps.documents) throw new Error('Invalid configuration: DOCUMENTS_BUCKET is required here');
  return { body: await finalRecordForSignatory({ ...deps, documents: deps.documents }, bearerToken(event)) };
});
