import * as z from 'zod/mini';
import { signedInUser } from '../domain/access.ts';
import { listCallAgreements } from '../domain/agreement-lists.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  {
    query: z.strictObject({ wojewodztwo: z.string().check(z.regex(/^\d{2}$/)) }),
    session: (token) => signedInUser(deps, token),
  },
  async ({ user, params, query }) => ({
    body: await listCallAgreements(deps, user, {
      callId: params.callId ?? '',
      wojewodztwo: query.wojewodztwo,
    }),
  }),
);
