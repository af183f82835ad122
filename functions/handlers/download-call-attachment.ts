import { attachmentDownload } from '../domain/call-attachments.ts';
import { type HttpResult, httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const deps = withDocuments(storeDeps());

/**
 * A call's attachment for anyone: files up to 4 MiB from this origin (the site's CSP is 'self'), larger
 * ones by a 303 to a link signed for a minute (Lambda answers at most 6 MB).
 */
export const handler = httpRoute({}, async ({ params }): Promise<HttpResult> => {
  if (!deps.documents) throw new Error('download-call-attachment needs DOCUMENTS_BUCKET');
  const found = await attachmentDownload(
    { ...deps, documents: deps.documents },
    { callId: params.callId ?? '', attachmentId: params.attachmentId ?? '' },
  );
  if (found.kind === 'redirect')
    return { statusCode: 303, headers: { location: found.location, 'cache-control': 'no-store' } };
  return {
    headers: { 'cache-control': 'public, max-age=300' },
    download: {
      contentType: found.contentType,
      filename: found.filename,
      body: Buffer.from(found.body).toString('base64'),
      base64: true,
    },
  };
});
