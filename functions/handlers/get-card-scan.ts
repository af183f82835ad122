import { signedInUser } from '../domain/access.ts';
import { scanDownload } from '../domain/register-card.ts';
import { httpRoute } from '../lib/http.ts';
import { storeMailAndDocumentsDeps } from '../wiring.ts';

const deps = storeMailAndDocumentsDeps();

/** 303 to a link signed for a minute: the browser downloads the scan from the bucket itself. */
export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token) },
  async ({ user, params }) => {
    const location = await scanDownload(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
    });
    return { statusCode: 303, headers: { location, 'cache-control': 'no-store' } };
  },
);
