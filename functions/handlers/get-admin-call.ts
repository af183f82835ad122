import { signedInUser } from '../domain/access.ts';
import { callForManaging } from '../domain/call-life.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

/** A call as the panel manages it: the call with its revision, its log, invitations and overlapping calls. */
export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token) },
  async ({ user, params }) => ({
    body: await callForManaging(deps, user, params.callId ?? ''),
  }),
);
