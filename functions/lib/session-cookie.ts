import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The coordinator's session cookie. `__Host-` makes browsers refuse it unless it is Secure, has Path=/
 * and no Domain, so no other host (or plain-HTTP page) can set or shadow it. HttpOnly keeps it from page
 * scripts; SameSite=Strict keeps other sites from making requests that carry it, which is what guards the
 * state-changing routes against CSRF. The same attributes serve `npm start` on plain http://localhost:
 * Chromium treats localhost as a secure context and keeps Secure (and __Host-) cookies from it, which the
 * e2e test of signing in relies on; so nothing here depends on the environment.
 */
export const SESSION_COOKIE = '__Host-kooperacja-session';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}

/** Tells the browser to drop the cookie (signing out, or a session the table no longer honours). */
export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
}

/** The session cookie's value if the request carries a well-formed one (API Gateway v2 lists cookies apart). */
export function sessionToken(event: APIGatewayProxyEventV2): string | undefined {
  for (const cookie of event.cookies ?? []) {
    const [name, value] = cookie.split('=', 2).map((part) => part.trim());
    if (name === SESSION_COOKIE && value && TOKEN.test(value)) return value;
  }
  return undefined;
}
