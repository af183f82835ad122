import { ZDeliveriesQuery } from '../../shared/schemas/deliverables.ts';
import { signedInUser } from '../domain/access.ts';
import { deliveryDownload } from '../domain/deliverables.ts';
import { type HttpResult, httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';
import { withDocuments } from '../wiring-documents.ts';

const deps = withDocuments(storeDeps());

/**
 * A party's delivered PDF for a coordinator of the query's voivodeship: up to 4 MiB from this origin, larger
 * by a 303 to a link signed for a minute (Lambda answers at most 6 MB).
 */
export const handler = httpRoute(
  { query: ZDeliveriesQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, query, params }): Promise<HttpResult> => {
    if (!deps.documents) throw new Error('download-delivery needs DOCUMENTS_BUCKET');
    const found = await deliveryDownload({ ...deps, documents: deps.documents }, user, {
      wojewodztwo: query.wojewodztwo,
      deadlineId: params.deadlineId ?? '',
      party: params.party ?? '',
    });
    if (found.kind === 'redirect')
      return { statusCode: 303, headers: { location: found.location, 'cache-control': 'no-store' } };
    return {
      headers: { 'cache-control': 'no-store' },
      download: {
        contentType: 'application/pdf',
        filename: found.filename,
        body: Buffer.from(found.body).toString('base64'),
        base64: true,
      },
    };
  },
);
