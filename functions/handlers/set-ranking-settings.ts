import { ZRankingQuery, ZRankingSettingsRequest } from '../../shared/schemas/review-lists.ts';
import { signedInUser } from '../domain/access.ts';
import { setRankingSettings } from '../domain/review-lists.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZRankingSettingsRequest, query: ZRankingQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, params, query, body }) => ({
    body: await setRankingSettings(deps, user, {
      callId: params.callId ?? '',
      wojewodztwo: query.wojewodztwo,
      settings: body,
    }),
  }),
);
