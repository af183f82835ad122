import { signOut } from '../domain/sign-in.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { clearedSessionCookie, sessionToken } from '../lib/session-cookie.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute({}, async ({ event }) => {
  await signOut(deps, sessionToken(event));
  return { body: { signedOut: true }, cookies: [clearedSessionCookie()] };
});
