import { signOut } from '../domain/sign-in.ts';
import { httpRoute } from '../lib/http.ts';
import { clearedSessionCookie, sessionToken } from '../lib/session-cookie.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({}, async ({ event }) => {
  await signOut(deps, sessionToken(event));
  return { body: { signedOut: true }, cookies: [clearedSessionCookie()] };
});
