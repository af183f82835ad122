import { ZExportQuery } from '../../shared/schemas/review-lists.ts';
import { signedInUser } from '../domain/access.ts';
import { exportCallCards } from '../domain/export-cards.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { query: ZExportQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, params, query }) => {
    const file = await exportCallCards(deps, user, {
      callId: params.callId ?? '',
      wojewodztwo: query.wojewodztwo,
    });
    return {
      download: { contentType: 'text/csv; charset=utf-8', filename: file.filename, body: file.csv },
    };
  },
);
