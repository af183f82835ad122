import { ZPutRulesRequest, ZRulesQuery } from '../../shared/schemas/review.ts';
import { signedInUser } from '../domain/access.ts';
import { putCallRules } from '../domain/call-rules.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token), query: ZRulesQuery, body: ZPutRulesRequest },
  async ({ user, params, query, body }) => ({
    body: await putCallRules(deps, user, {
      callId: params.callId ?? '',
      wojewodztwo: query.wojewodztwo,
      request: body,
    }),
  }),
);
