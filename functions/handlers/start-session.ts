import { ZStartSessionRequest } from '../../shared/schemas/admin.ts';
import { startSession } from '../domain/sign-in.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { sessionCookie } from '../lib/session-cookie.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute({ body: ZStartSessionRequest }, async ({ body }) => {
  const { session, maxAgeSeconds, user } = await startSession(deps, body.token);
  return { body: { user }, cookies: [sessionCookie(session, maxAgeSeconds)] };
});
