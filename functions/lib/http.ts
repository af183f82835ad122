import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { ERROR_MESSAGES_PL } from '../../shared/messages/errors-pl.ts';
import { issuesToFieldErrors } from '../../shared/validation.ts';
import { AppError, HTTP_STATUS } from './errors.ts';
import { logger } from './logger.ts';

export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Sent with every API response, errors included. The API only ever returns JSON, so the CSP forbids
 * everything; the site's own CSP is set by CloudFront (and by Vite locally).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cache-control': 'no-store',
};

export interface HttpRequest<TBody, TQuery> {
  body: TBody;
  query: TQuery;
  params: Record<string, string | undefined>;
  event: APIGatewayProxyEventV2;
  requestId: string;
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
}

type Schema = z.ZodMiniType<unknown, unknown>;
type Parsed<S> = S extends z.ZodMiniType<infer Out, unknown> ? Out : undefined;

interface RouteOptions<B extends Schema | undefined, Q extends Schema | undefined> {
  /** The body's contract; a route without one accepts no body. 'ignore' skips reading it (the 404 route). */
  body?: B | 'ignore';
  /** The query string's contract; a route without one ignores the query string. */
  query?: Q;
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

function requestIdOf(event: HttpEvent): string {
  return event.requestContext?.requestId ?? 'unknown';
}

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
            message: ERROR_MESSAGES_PL[appError.code],
            ...(appError.fields ? { fields: appError.fields } : {}),
          },
          requestId,
        },
        appError.headers,
      );
    },
  };
}

function header(event: HttpEvent, name: string): string | undefined {
  // API Gateway lower-cases header names for HTTP APIs; the local server does the same.
  return event.headers?.[name];
}

function decodeBody(event: HttpEvent): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  return raw.toString('utf8');
}

function parseJsonBody(event: HttpEvent): unknown {
  const text = decodeBody(event);
  const contentType = header(event, 'content-type') ?? '';
  if (text !== undefined && !/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError('MALFORMED_JSON', { cause });
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
export function httpRoute<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  options: RouteOptions<B, Q>,
  handle: (request: HttpRequest<Parsed<B>, Parsed<Q>>) => Promise<HttpResult>,
) {
  return middy<HttpEvent, HttpResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorResponses())
    .handler(async (event) => {
      const requestId = requestIdOf(event);
      logger.appendKeys({ requestId, route: event.routeKey });
      let body: unknown;
      if (options.body !== 'ignore') {
        const rawBody = parseJsonBody(event);
        if (options.body) body = validate(options.body, rawBody ?? {});
        else if (rawBody !== undefined)
          throw new AppError('VALIDATION_FAILED', { fields: { _: 'unexpected_body' } });
      }
      const query = options.query
        ? validate(options.query, event.queryStringParameters ?? {}, 'query')
        : undefined;
      const result = await handle({
        body: body as Parsed<B>,
        query: query as Parsed<Q>,
        params: event.pathParameters ?? {},
        event,
        requestId,
      });
      const response = json(result.statusCode ?? 200, result.body, result.headers);
      return result.cookies ? { ...response, cookies: result.cookies } : response;
    });
}

export { json as jsonResponse };
