import { signingDocument } from '../domain/agreement-pages.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const deps = withDocuments(storeDeps());

export const handler = httpRoute({}, async ({ event }) => {
  if (!deps.documents) throw new Error('Invalid configuration: DOCUMENTS_BUCKET is required here');
  return { body: await signingDocument({ ...deps, documents: deps.documents }, bearerToken(event)) };
});
