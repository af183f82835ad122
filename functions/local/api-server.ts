import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context, Handler } from 'aws-lambda';
import { EVENT_HANDLERS, FALLBACK_HANDLER, matchRoute } from '../routes.ts';

/**
 * A stand-in for API Gateway (HTTP API, payload 2.0): it turns each request into the event API Gateway
 * would send and calls the same handler module Lambda runs. `/__local/run/<handler>` invokes a scheduled
 * or queue handler with the posted JSON as its event.
 */

/** API Gateway refuses larger payloads itself; the handlers' own limit (100 KB) is far below. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * Lambda takes at most this much per synchronous invocation: the event as JSON, with a binary body in
 * base64 (so about 4.5 MB of file). Bigger, and Lambda refuses the invocation (RequestEntityTooLargeException):
 * the viewer gets an error, never the function's answer (here a 413), though the gateway's own limit is 10 MB.
 * So files of up to 10 MB go up in parts (shared/agreement-uploads.ts).
 */
export const LAMBDA_MAX_EVENT_BYTES = 6 * 1024 * 1024;
/**
 * And at most this much back: the handler's answer as JSON, a binary body in base64 (so about 4.5 MB of
 * file). Bigger, and the invocation fails (Function.ResponseSizeTooLarge) and API Gateway answers a bare
 * 500, as here: a download of more than 4 MiB must be a 303 to a presigned link (repositories/scans.ts).
 */
export const LAMBDA_MAX_RESPONSE_BYTES = 6_291_556;

const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/i;

type AnyHandler = Handler<unknown, unknown>;

const handlerCache = new Map<string, Promise<AnyHandler>>();

function loadHandler(name: string): Promise<AnyHandler> {
  let loaded = handlerCache.get(name);
  if (!loaded) {
    loaded = import(`../handlers/${name}.ts`).then((module: { handler: AnyHandler }) => module.handler);
    handlerCache.set(name, loaded);
  }
  return loaded;
}

function lambdaContext(functionName: string, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > GATEWAY_MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toEvent(request: IncomingMessage, body: Buffer, url: URL): Omit<APIGatewayProxyEventV2, 'routeKey'> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie')
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] ? `${query[name]},${value}` : value;
  const isText = body.byteLength === 0 || TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(request.headers.cookie ? { cookies: request.headers.cookie.split(/;\s*/) } : {}),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.byteLength > 0
      ? { body: isText ? body.toString('utf8') : body.toString('base64'), isBase64Encoded: !isText }
      : { isBase64Encoded: false }),
  };
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const body = await readBody(request);
  if (body === 'too-large') {
    send(response, { statusCode: 413, body: JSON.stringify({ message: 'Request Entity Too Large' }) });
    return;
  }
  const runMatch = /^\/__local\/run\/([\w-]+)$/.exec(url.pathname);
  if (runMatch?.[1] && request.method === 'POST') {
    const name = runMatch[1];
    if (!EVENT_HANDLERS.includes(name)) {
      send(response, { statusCode: 404, body: JSON.stringify({ message: `No event handler ${name}` }) });
      return;
    }
    const event = body.byteLength > 0 ? JSON.parse(body.toString('utf8')) : {};
    const result = await (await loadHandler(name))(event, lambdaContext(name, randomUUID()), () => undefined);
    send(response, { statusCode: 200, body: JSON.stringify(result ?? null) });
    return;
  }
  const base = toEvent(request, body, url);
  const match = matchRoute(base.requestContext.http.method, url.pathname);
  const [name, event] =
    match.kind === 'route'
      ? [
          match.route.handler,
          {
            ...base,
            routeKey: `${match.route.method} ${match.route.path}`,
            requestContext: { ...base.requestContext, routeKey: `${match.route.method} ${match.route.path}` },
            ...(Object.keys(match.params).length > 0 ? { pathParameters: match.params } : {}),
          },
        ]
      : [FALLBACK_HANDLER, { ...base, routeKey: '$default' }];
  if (Buffer.byteLength(JSON.stringify(event)) > LAMBDA_MAX_EVENT_BYTES) {
    send(response, { statusCode: 413, body: JSON.stringify({ message: 'Request Entity Too Large' }) });
    return;
  }
  const handler = await loadHandler(name);
  const result = (await handler(
    event,
    lambdaContext(name, event.requestContext.requestId),
    () => undefined,
  )) as APIGatewayProxyStructuredResultV2;
  const answered = Buffer.byteLength(JSON.stringify(result ?? null));
  if (answered > LAMBDA_MAX_RESPONSE_BYTES) {
    console.error(
      `${name}: response payload of ${answered} bytes exceeds Lambda's ${LAMBDA_MAX_RESPONSE_BYTES}`,
    );
    send(response, { statusCode: 500, body: JSON.stringify({ message: 'Internal Server Error' }) });
    return;
  }
  send(response, result);
}

export function createApiServer(): Server {
  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // What Lambda itself answers when a handler throws past its own error handling.
      console.error(error);
      if (!response.headersSent)
        send(response, { statusCode: 500, body: JSON.stringify({ message: 'Internal Server Error' }) });
    });
  });
}

if (import.meta.main) {
  const port = Number(process.env.KOOPERACJA_API_PORT ?? 3000);
  createApiServer().listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}`));
}
