import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { ErrorCode } from '../../shared/error-codes.ts';
import { AGREEMENT_ERROR_MESSAGES_PL } from '../../shared/messages/agreement-errors-pl.ts';
import { ERROR_MESSAGES_PL } from '../../shared/messages/errors-pl.ts';
import { issuesToFieldErrors } from '../../shared/validation.ts';
import { AppError, HTTP_STATUS } from './errors.ts';
import { logger } from './logger.ts';
import { requireOrigin } from './origin.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { clearedSessionCookie, sessionToken } from './session-cookie.ts';

export { SECURITY_HEADERS };

export const MAX_BODY_BYTES = 100 * 1024;

export interface HttpRequest<TBody, TQuery, TUser> {
  body: TBody;
  query: TQuery;
  /** Who the session cookie belongs to, on routes that require one. */
  user: TUser;
  params: Record<string, string | undefined>;
  event: APIGatewayProxyEventV2;
  requestId: string;
  /**
   * When API Gateway received the request (requestContext.timeEpoch): the instant a card is stamped with,
   * not whenever the function got round to reading the clock after a slow DynamoDB call.
   */
  receivedAt: Date;
}

export interface HttpResult {
  statusCode?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Set-Cookie values. API Gateway (payload 2.0) takes them as a list of their own: a header map holds one
   * value per name, so a second cookie there would be lost.
   */
  cookies?: string[];
  /**
   * A file to download instead of a JSON body (a CSV export): sent as it is, with its type and an
   * attachment disposition; `filename` must be ASCII (the use-case makes it so).
   */
  download?: {
    contentType: string;
    filename: string;
    body: string /** `body` is base64 (a binary file). */;
    base64?: true;
  };
}

type Schema = z.ZodMiniType<unknown, unknown>;
type Parsed<S> = S extends z.ZodMiniType<infer Out, unknown> ? Out : undefined;

interface RouteOptions<B extends Schema | undefined, Q extends Schema | undefined, U> {
  /**
   * The body's contract; a route without one accepts none, or `{}` (which a POST, PUT or DELETE must send at
   * least). 'ignore' skips reading it (the 404 route).
   */
  body?: B | 'ignore';
  /** The query string's contract; a route without one ignores the query string. */
  query?: Q;
  /**
   * For routes that need a signed-in user: finds the user of the session cookie's value (undefined when
   * the request has none) or throws SESSION_REQUIRED, which also tells the browser to drop the cookie.
   */
  session?: (token: string | undefined) => Promise<U>;
}

type HttpEvent = APIGatewayProxyEventV2;
type HttpResponse = APIGatewayProxyStructuredResultV2;

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

function fileResponse(
  statusCode: number,
  file: NonNullable<HttpResult['download']>,
  headers: Record<string, string> = {},
): HttpResponse {
  if (!/^[\x20-\x7e]+$/.test(file.filename) || /["\\]/.test(file.filename))
    throw new Error('A download needs a plain ASCII filename');
  return {
    statusCode,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      ...SECURITY_HEADERS,
      ...headers,
    },
    body: file.body,
    ...(file.base64 ? { isBase64Encoded: true } : {}),
  };
}

function requestIdOf(event: HttpEvent): string {
  return event.requestContext?.requestId ?? 'unknown';
}

/** Every code's Polish message (the agreements' are kept in a module of their own for the site's sake). */
const MESSAGES_PL: Record<ErrorCode, string> = { ...ERROR_MESSAGES_PL, ...AGREEMENT_ERROR_MESSAGES_PL };

/** Outermost: every AppError becomes its JSON shape, anything else a bare 500 (logged, never echoed). */
function errorResponses(): MiddlewareObj<HttpEvent, HttpResponse> {
  return {
    onError: (request) => {
      const error = request.error;
      const requestId = requestIdOf(request.event);
      const appError =
        error instanceof AppError ? error : new AppError('INTERNAL', { cause: error ?? undefined });
      const status = HTTP_STATUS[appError.code];
      if (status >= 500) logger.error('request failed', { error: error ?? undefined, code: appError.code });
      else logger.info('request rejected', { code: appError.code, fields: appError.fields });
      request.response = json(
        status,
        {
          error: {
            code: appError.code,
            // The API answers in Polish; the site shows its own text for the code, in the clerk's language.
            message: MESSAGES_PL[appError.code],
            ...(appError.fields ? { fields: appError.fields } : {}),
            ...(appError.contact ? { contact: appError.contact } : {}),
          },
          requestId,
        },
        appError.headers,
      );
      if (appError.cookies) request.response.cookies = appError.cookies;
    },
  };
}

function header(event: HttpEvent, name: string): string | undefined {
  // API Gateway lower-cases header names for HTTP APIs; the local server does the same.
  return event.headers?.[name];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBody(event: HttpEvent): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  try {
    // Bytes that are not UTF-8 would otherwise become U+FFFD and be stored in place of the letters sent.
    return utf8.decode(raw);
  } catch (cause) {
    throw new AppError('MALFORMED_JSON', { cause });
  }
}

/** JSON in UTF-8, the only encoding JSON has (RFC 8259); a body declared in another is not read as one. */
function isJsonContentType(contentType: string): boolean {
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType)?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset);
}

/**
 * A "__proto__" key is refused wherever it stands: JSON.parse keeps it as an ordinary key, but any code
 * that copies the object by assignment would set a prototype instead, and schemas skip it silently, so
 * the request would be stored without a part of it and nobody told.
 */
function protoKeyPath(value: unknown): string | undefined {
  // Iterative, each node linked to its parent: a 100 KB body can nest 50,000 levels, and copying the path
  // at every level would take minutes. The path is spelt out only for the key found.
  interface Visit {
    node: unknown;
    key?: string;
    parent?: Visit;
  }
  const pending: Visit[] = [{ node: value }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    if (visit.node === null || typeof visit.node !== 'object') continue;
    for (const [key, node] of Object.entries(visit.node)) {
      const child: Visit = { node, key, parent: visit };
      if (key !== '__proto__') {
        pending.push(child);
        continue;
      }
      const path: string[] = [];
      for (let at: Visit | undefined = child; at?.key !== undefined; at = at.parent) path.push(at.key);
      return path.reverse().join('.');
    }
  }
  return undefined;
}

/** Methods that change something: each must carry a JSON body (`{}` when there is nothing to say). */
const CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The body as JSON. A request that changes state must be JSON, with a body: a page on another site can
 * make a browser send a form (urlencoded, multipart, text/plain) with no preflight, even without a body,
 * but never `application/json`, which the API does not allow cross-origin. So a bodiless or form POST
 * (an old browser sends no Sec-Fetch-Site) is refused before it can, say, e-mail a link.
 */
function parseJsonBody(event: HttpEvent): unknown {
  const contentType = header(event, 'content-type') ?? '';
  const text = decodeBody(event);
  const changing = CHANGING_METHODS.has(event.requestContext?.http?.method ?? 'GET');
  if ((text !== undefined || changing) && !isJsonContentType(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (text === undefined) {
    if (changing) throw new AppError('MALFORMED_JSON');
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new AppError('MALFORMED_JSON', { cause });
  }
  const proto = protoKeyPath(body);
  if (proto)
    throw new AppError('VALIDATION_FAILED', { fields: Object.fromEntries([[proto, 'unknown_field']]) });
  return body;
}

/**
 * Browsers name the site a request came from in Sec-Fetch-Site. The API is meant for its own site only (same
 * origin, through CloudFront or Vite's proxy), so a state-changing request another site's page made is
 * refused before anything is read or written; SameSite=Strict already keeps the session cookie off such
 * requests, and this closes the door for the routes that need no cookie too. Clients that are not browsers
 * send no such header and are unaffected.
 */
function refuseCrossSite(event: HttpEvent): void {
  const method = event.requestContext?.http?.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
  const site = header(event, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new AppError('CROSS_SITE_REQUEST');
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

/** The session's user, or SESSION_REQUIRED; a cookie the table no longer honours is cleared with the 401. */
async function sessionUser<U>(event: HttpEvent, find: (token: string | undefined) => Promise<U>): Promise<U> {
  const token = sessionToken(event);
  try {
    return await find(token);
  } catch (error) {
    if (token && error instanceof AppError && error.code === 'SESSION_REQUIRED') {
      throw new AppError('SESSION_REQUIRED', { cookies: [clearedSessionCookie()] });
    }
    throw error;
  }
}

function validate<S extends Schema>(schema: S, input: unknown, prefix?: string): Parsed<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as Parsed<S>;
  const fields = issuesToFieldErrors(result.error.issues);
  const named = prefix
    ? Object.fromEntries(Object.entries(fields).map(([key, value]) => [`${prefix}.${key}`, value]))
    : fields;
  throw new AppError('VALIDATION_FAILED', { fields: named });
}

/**
 * Wraps a route's function in the middy stack every route shares: logging with the request id, error
 * mapping, size/content-type/JSON checks and strict validation of the body and query string. The route
 * function receives parsed, valid input and returns plain data.
 */
export function httpRoute<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  U = undefined,
>(
  options: RouteOptions<B, Q, U>,
  handle: (request: HttpRequest<Parsed<B>, Parsed<Q>, U>) => Promise<HttpResult>,
) {
  return middy<HttpEvent, HttpResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorResponses())
    .handler(async (event) => {
      const requestId = requestIdOf(event);
      logger.appendKeys({ requestId, route: event.routeKey });
      // Only through CloudFront: a direct call to the execute-api address is refused before anything else.
      await requireOrigin(event);
      refuseCrossSite(event);
      // Who asks comes before what they ask: a stranger learns nothing from the validation of a request.
      const user = options.session ? await sessionUser(event, options.session) : undefined;
      const method = event.requestContext?.http?.method ?? 'GET';
      let body: unknown;
      if (options.body !== 'ignore') {
        const rawBody = parseJsonBody(event);
        if (options.body) body = validate(options.body, rawBody ?? {});
        else if (rawBody !== undefined && !(isEmptyObject(rawBody) && CHANGING_METHODS.has(method)))
          throw new AppError('VALIDATION_FAILED', { fields: { _: 'unexpected_body' } });
      }
      const query = options.query
        ? validate(options.query, event.queryStringParameters ?? {}, 'query')
        : undefined;
      const result = await handle({
        body: body as Parsed<B>,
        query: query as Parsed<Q>,
        user: user as U,
        params: event.pathParameters ?? {},
        event,
        requestId,
        receivedAt: new Date(event.requestContext?.timeEpoch ?? Date.now()),
      });
      const response = result.download
        ? fileResponse(result.statusCode ?? 200, result.download, result.headers)
        : json(result.statusCode ?? 200, result.body, result.headers);
      return result.cookies ? { ...response, cookies: result.cookies } : response;
    });
}

export { json as jsonResponse };
