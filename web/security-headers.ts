/**
 * The site's security headers, written once: CloudFront sends SITE_SECURITY_HEADERS (infra/stacks/web-stack.ts
 * builds its response headers policy from them), and the Vite dev and preview servers send the same, the dev
 * server with the relaxations HMR needs, so a violation shows up locally before it does in production.
 */

const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  // No inline scripts or styles anywhere, style="" attributes included.
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

function csp(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** What production (CloudFront) sends with every page and asset. */
export const SITE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': csp(CSP_DIRECTIVES),
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** Vite adds this nonce to the <style> elements it injects in development (see html.cspNonce). */
export const DEV_STYLE_NONCE = 'kooperacja-dev';

/**
 * For `vite` and `vite preview` on http://localhost. HSTS is left out: a browser honouring it for localhost
 * would force https onto every other local project. The dev server also needs its HMR websocket and the
 * nonce on the styles Vite injects (still no style="" attributes: a nonce does not cover those).
 */
export function localSecurityHeaders(mode: 'dev' | 'preview'): Record<string, string> {
  const { 'strict-transport-security': _hsts, ...headers } = SITE_SECURITY_HEADERS;
  if (mode === 'preview') return headers;
  return {
    ...headers,
    'content-security-policy': csp({
      ...CSP_DIRECTIVES,
      'style-src': `'self' 'nonce-${DEV_STYLE_NONCE}'`,
      'connect-src': "'self' ws: wss:",
    }),
  };
}
