/**
 * Every HTTP route of the API and the handler module that serves it (functions/handlers/<handler>.ts).
 * The CDK api stack and the local API server both read this list, so a route exists in both or neither.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway syntax: `{name}` matches one path segment. */
  path: string;
  handler: string;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/api/health', handler: 'health' },
  { method: 'GET', path: '/api/programmes/{programmeId}', handler: 'get-programme' },
  { method: 'GET', path: '/api/calls', handler: 'list-open-calls' },
  { method: 'GET', path: '/api/calls/{callId}', handler: 'get-call' },
  { method: 'POST', path: '/api/calls/{callId}/cards', handler: 'submit-card' },
  { method: 'POST', path: '/api/calls/{callId}/cards/{teryt}/link', handler: 'resend-card-link' },
  { method: 'POST', path: '/api/calls/{callId}/drafts', handler: 'create-draft' },
  { method: 'GET', path: '/api/cards/current', handler: 'get-current-card' },
  { method: 'PUT', path: '/api/cards/current', handler: 'change-current-card' },
  { method: 'DELETE', path: '/api/cards/current', handler: 'withdraw-current-card' },
  { method: 'GET', path: '/api/drafts/current', handler: 'get-current-draft' },
  { method: 'PUT', path: '/api/drafts/current', handler: 'update-current-draft' },
  { method: 'GET', path: '/api/receipts/{reference}', handler: 'check-receipt' },
  { method: 'POST', path: '/api/admin/sign-in', handler: 'request-sign-in' },
  { method: 'POST', path: '/api/admin/sessions', handler: 'start-session' },
  { method: 'POST', path: '/api/admin/sign-out', handler: 'end-session' },
  { method: 'GET', path: '/api/admin/calls', handler: 'list-review-calls' },
  { method: 'POST', path: '/api/admin/calls', handler: 'create-call' },
  { method: 'GET', path: '/api/admin/programmes', handler: 'list-admin-programmes' },
  { method: 'GET', path: '/api/admin/calls/{callId}/cards', handler: 'list-review-cards' },
  { method: 'GET', path: '/api/admin/cards/{callId}/{teryt}', handler: 'get-review-card' },
];

/** Serves whatever no route matches ($default in API Gateway): 404, or 405 with an Allow header. */
export const FALLBACK_HANDLER = 'route-not-found';

/** Handlers run by the scheduler or a queue rather than HTTP; locally they can be run on demand. */
export const EVENT_HANDLERS: readonly string[] = ['send-pending-mail'];

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: Route['method'][] }
  | { kind: 'none' };

/** A path segment decoded; a broken escape ("%E0%A4%A") names no resource, so it matches no route (404). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const templateParts = template.split('/');
  const pathParts = path.split('/');
  if (templateParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of templateParts.entries()) {
    const actual = pathParts[index] ?? '';
    const param = /^\{(\w+)\}$/.exec(part)?.[1];
    if (param && actual !== '') {
      const value = decodeSegment(actual);
      if (value === undefined) return undefined;
      params[param] = value;
    } else if (part !== actual) return undefined;
  }
  return params;
}

export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: Route['method'][] = [];
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { kind: 'route', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}
