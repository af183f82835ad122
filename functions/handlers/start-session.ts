import { ZStartSessionRequest } from '../../shared/schemas/admin.ts';
import { startSession } from '../domain/sign-in.ts';
import { httpRoute } from '../lib/http.ts';
import { sessionCookie } from '../lib/session-cookie.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({ body: ZStartSessionRequest }, async ({ body }) => {
  const { session, maxAgeSeconds, user } = await startSession(deps, body.token);
  return { body: { user }, cookies: [sessionCookie(session, maxAgeSeconds)] };
});
