import { ZRulesQuery } from '../../shared/schemas/review.ts';
import { signedInUser } from '../domain/access.ts';
import { getCallRules } from '../domain/call-rules.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token), query: ZRulesQuery },
  async ({ user, params, query }) => ({
    body: await getCallRules(deps, user, { callId: params.callId ?? '', wojewodztwo: query.wojewodztwo }),
  }),
);
