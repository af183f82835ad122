import { ZEditCallRequest } from '../../shared/schemas/call-life.ts';
import { signedInUser } from '../domain/access.ts';
import { editCall } from '../domain/call-life.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

/** Before it opens: title, dates, voivodeships, kinds and rules, with the revision read (409 when stale). */
export const handler = httpRoute(
  { body: ZEditCallRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({ body: await editCall(deps, user, params.callId ?? '', body) }),
);
