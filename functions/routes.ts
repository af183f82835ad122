/**
 * Every handler module (functions/handlers/<name>.ts) and all that is decided about it: how it is reached,
 * what it may do with the table, whether it sends e-mail, who may call it. The CDK api stack and the local
 * API server both read this, so adding a route is one entry here plus its handler. Pure data: the 404
 * handler's bundle imports it to match routes.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler may do with the table (the data stack has a managed policy for read and readWrite). */
export type TableAccess = 'none' | 'read' | 'readWrite';

/**
 * Who gets an answer with data. No route has an API Gateway authorizer (gminas have no accounts): the
 * handler admits or refuses.
 * - anyone: published information, or a request the handler validates and rate-limits;
 * - emailed-secret: only with the secret from an e-mail (a card's, draft's or sign-in link, a receipt's hash);
 * - session: only with a live coordinator session cookie (httpRoute's `session` option).
 */
export type Caller = 'anyone' | 'emailed-secret' | 'session';

interface HandlerFacts {
  table: TableAccess;
  /** Sends e-mail through SES: granted the sender identity and the stage's configuration set. */
  sendsMail?: true;
  /**
   * A GET that appends who read what (accountability: `READ#…` items) and changes nothing else; the one
   * reason a GET route may write.
   */
  logsReads?: true;
}

export interface HttpHandler extends HandlerFacts {
  /** API Gateway's route key; `{name}` matches one path segment, `$default` whatever no route matches. */
  route: `${HttpMethod} /api/${string}` | '$default';
  caller: Caller;
  /** Why no authorizer is needed, for the acknowledgement of cdk-nag's AwsSolutions-APIG4. */
  whyPublic: string;
}

export interface ScheduledHandler extends HandlerFacts {
  /** EventBridge Scheduler runs it this often; locally, POST /__local/run/<name> runs it on demand. */
  everyMinutes: number;
  /** Requests get 10 s; this is the Lambda timeout for the run. */
  timeoutSeconds: number;
}

export type HandlerRecord = HttpHandler | ScheduledHandler;

const PUBLISHED = 'it serves published information to anyone, without sign-in';
const CARD_LINK = 'the handler admits only the secret token of the e-mailed card link';
const DRAFT_LINK = 'the handler admits only the secret token of the e-mailed draft link';
const SESSION = 'the handler admits only a live session cookie (HttpOnly, SameSite=Strict)';
const SESSION_VOIVODESHIPS =
  "the handler admits only a live session cookie, and only for the user's voivodeships";

const LEAD =
  'the handler admits only a live session cookie of the lead ROPS, and only for the programmes it leads';

/** By handler module name, routes in the order they are matched. */
export const HANDLERS: Readonly<Record<string, HandlerRecord>> = {
  health: { route: 'GET /api/health', table: 'read', caller: 'anyone', whyPublic: PUBLISHED },
  'get-programme': {
    route: 'GET /api/programmes/{programmeId}',
    table: 'read',
    caller: 'anyone',
    whyPublic: PUBLISHED,
  },
  'list-open-calls': { route: 'GET /api/calls', table: 'read', caller: 'anyone', whyPublic: PUBLISHED },
  'get-call': { route: 'GET /api/calls/{callId}', table: 'read', caller: 'anyone', whyPublic: PUBLISHED },
  'submit-card': {
    route: 'POST /api/calls/{callId}/cards',
    table: 'readWrite',
    sendsMail: true,
    caller: 'anyone',
    whyPublic: 'gminas apply without accounts; the handler validates and rate-limits by idempotency',
  },
  'resend-card-link': {
    route: 'POST /api/calls/{callId}/cards/{teryt}/link',
    table: 'readWrite',
    sendsMail: true,
    caller: 'anyone',
    whyPublic: "anyone may ask; the link goes only to the card's own contact address, rate-limited per card",
  },
  'create-draft': {
    route: 'POST /api/calls/{callId}/drafts',
    table: 'readWrite',
    sendsMail: true,
    caller: 'anyone',
    whyPublic: 'gminas save drafts without accounts; the draft is reached only by its e-mailed link',
  },
  'get-current-card': {
    route: 'GET /api/cards/current',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: CARD_LINK,
  },
  'change-current-card': {
    route: 'PUT /api/cards/current',
    table: 'readWrite',
    sendsMail: true,
    caller: 'emailed-secret',
    whyPublic: CARD_LINK,
  },
  'withdraw-current-card': {
    route: 'DELETE /api/cards/current',
    table: 'readWrite',
    sendsMail: true,
    caller: 'emailed-secret',
    whyPublic: CARD_LINK,
  },
  'get-current-draft': {
    route: 'GET /api/drafts/current',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: DRAFT_LINK,
  },
  'update-current-draft': {
    route: 'PUT /api/drafts/current',
    table: 'readWrite',
    caller: 'emailed-secret',
    whyPublic: DRAFT_LINK,
  },
  'check-receipt': {
    route: 'GET /api/receipts/{reference}',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: 'a receipt check needs both the reference and the SHA-256 from the e-mail',
  },
  // Signing in writes the token, its e-mail and the rate-limit window; starting and ending a session write it.
  'request-sign-in': {
    route: 'POST /api/admin/sign-in',
    table: 'readWrite',
    sendsMail: true,
    caller: 'anyone',
    whyPublic: 'anyone may ask for a sign-in link; it goes only to the address of an account, rate-limited',
  },
  'start-session': {
    route: 'POST /api/admin/sessions',
    table: 'readWrite',
    caller: 'emailed-secret',
    whyPublic: "the handler admits only the secret token of a coordinator's e-mailed link",
  },
  'end-session': {
    route: 'POST /api/admin/sign-out',
    table: 'readWrite',
    caller: 'anyone',
    whyPublic: 'it only ends the session whose cookie it is sent with',
  },
  'list-review-calls': {
    route: 'GET /api/admin/calls',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION,
  },
  'create-call': {
    route: 'POST /api/admin/calls',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'list-admin-programmes': {
    route: 'GET /api/admin/programmes',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION,
  },
  'list-review-cards': {
    route: 'GET /api/admin/calls/{callId}/cards',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-review-card': {
    route: 'GET /api/admin/cards/{callId}/{teryt}',
    table: 'readWrite',
    logsReads: true,
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'formal-check-card': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/formal-check',
    table: 'readWrite',
    sendsMail: true,
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'request-card-correction': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/correction',
    table: 'readWrite',
    sendsMail: true,
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'add-card-note': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/notes',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'score-card': {
    route: 'PUT /api/admin/cards/{callId}/{teryt}/score',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'decide-card': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/decision',
    table: 'readWrite',
    sendsMail: true,
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-call-rules': {
    route: 'GET /api/admin/calls/{callId}/rules',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-call-ranking': {
    route: 'GET /api/admin/calls/{callId}/ranking',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'set-ranking-settings': {
    route: 'PUT /api/admin/calls/{callId}/ranking/settings',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-call-dashboard': {
    route: 'GET /api/admin/calls/{callId}/dashboard',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // A GET that writes one thing: the log of who exported what (accountability for personal data).
  'export-call-cards': {
    route: 'GET /api/admin/calls/{callId}/export.csv',
    table: 'readWrite',
    logsReads: true,
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'put-call-rules': {
    route: 'PUT /api/admin/calls/{callId}/rules',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // 404, or 405 with an Allow header.
  'route-not-found': {
    route: '$default',
    table: 'none',
    caller: 'anyone',
    whyPublic: 'it only answers 404/405 for unknown addresses; it reads and returns no data',
  },
  // Retries the e-mails SES refused at first; it stops claiming mail 15 s before its end, so never mid-send.
  'send-pending-mail': { everyMinutes: 5, timeoutSeconds: 60, table: 'readWrite', sendsMail: true },
  // Administration (issue 17): one's own account and sessions; the lead's accounts, audit log, programmes.
  'get-own-account': {
    route: 'GET /api/admin/account',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION,
  },
  'end-other-sessions': {
    route: 'POST /api/admin/account/end-other-sessions',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION,
  },
  'list-accounts': { route: 'GET /api/admin/accounts', table: 'read', caller: 'session', whyPublic: LEAD },
  'create-account': {
    route: 'POST /api/admin/accounts',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'change-account': {
    route: 'PUT /api/admin/accounts/{email}',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'disable-account': {
    route: 'POST /api/admin/accounts/{email}/disable',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'enable-account': {
    route: 'POST /api/admin/accounts/{email}/enable',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'get-audit-log': { route: 'GET /api/admin/audit-log', table: 'read', caller: 'session', whyPublic: LEAD },
  'get-admin-programme': {
    route: 'GET /api/admin/programmes/{programmeId}',
    table: 'read',
    caller: 'session',
    whyPublic: LEAD,
  },
  'create-programme': {
    route: 'POST /api/admin/programmes',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'change-programme': {
    route: 'PUT /api/admin/programmes/{programmeId}',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
};

/** An HTTP route as matched: method and path from the route key, and the handler that serves it. */
export interface Route {
  method: HttpMethod;
  /** API Gateway syntax: `{name}` matches one path segment. */
  path: string;
  handler: string;
}

const entries = Object.entries(HANDLERS);

/** `GET /api/calls/{callId}` as its method and path. */
export function splitRouteKey(key: `${HttpMethod} /api/${string}`): { method: HttpMethod; path: string } {
  const [method, path] = key.split(' ') as [HttpMethod, string];
  return { method, path };
}

export const ROUTES: readonly Route[] = entries.flatMap(([handler, facts]) =>
  'route' in facts && facts.route !== '$default' ? [{ ...splitRouteKey(facts.route), handler }] : [],
);

/** Serves whatever no route matches ($default in API Gateway): the one handler with that route key. */
export const FALLBACK_HANDLER: string = (() => {
  const [name] = entries.find(([, facts]) => 'route' in facts && facts.route === '$default') ?? [];
  if (!name) throw new Error('No handler in HANDLERS has the route $default');
  return name;
})();

/** Handlers run by the scheduler rather than HTTP; locally they can be run on demand. */
export const EVENT_HANDLERS: readonly string[] = entries
  .filter(([, facts]) => 'everyMinutes' in facts)
  .map(([handler]) => handler);

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
