import { ZAgreementPdfQuery } from '../../shared/schemas/agreements.ts';
import { signedInUser } from '../domain/access.ts';
import { agreementPdfForCoordinator } from '../domain/agreements.ts';
import { type HttpResult, httpRoute } from '../lib/http.ts';
import { agreementDeps } from '../wiring-agreements.ts';

const deps = agreementDeps();

/**
 * One of the agreement's PDFs, its SHA-256 checked first: up to 4 MiB from this origin, larger by a 303 to a
 * link signed for a minute (Lambda answers at most 6 MB; a final record with a scan's pages is more).
 */
export const handler = httpRoute(
  { query: ZAgreementPdfQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, params, query }): Promise<HttpResult> => {
    const found = await agreementPdfForCoordinator(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      which: query.which ?? 'final',
      party: query.party,
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
