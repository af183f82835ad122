import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { ORIGIN_HEADER } from '../../functions/lib/origin.ts';
import { createApiServer } from '../../functions/local/api-server.ts';
import { createEdgeServer } from '../../functions/local/edge.ts';

/** The origin header as CloudFront adds it, with the secret the handlers of this process were given. */
export function originHeaders(): Record<string, string> {
  const secret = process.env.ORIGIN_SECRET;
  return secret ? { [ORIGIN_HEADER]: secret } : {};
}

/** An API Gateway v2 event as API Gateway builds it, for calling a handler directly. */
export function httpEvent(options: {
  method: string;
  path: string;
  routeKey?: string;
  body?: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: options.routeKey ?? `${options.method} ${options.path}`,
    rawPath: options.path,
    rawQueryString: '',
    // As through CloudFront, unless the test says otherwise.
    headers: { ...originHeaders(), ...options.headers },
    isBase64Encoded: options.isBase64Encoded ?? false,
    ...(options.body === undefined ? {} : { body: options.body }),
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: options.method,
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId,
      routeKey: options.routeKey ?? `${options.method} ${options.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  };
}

export const lambdaContext = {
  awsRequestId: 'test',
  functionName: 'test',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

/**
 * Through `startApi().url`, a request with this header comes as from the viewer it names (address:port),
 * as CloudFront would name a viewer connecting from there; a forged CloudFront-Viewer-Address is replaced.
 */
export const TEST_VIEWER_HEADER = 'x-test-viewer';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * The local API server (the same one `npm start` runs) on a free port, in this process, and the local edge
 * in front of it: `url` is the API as the site reaches it (through CloudFront), `directUrl` the API itself,
 * which refuses requests without the origin secret as the execute-api address does.
 */
export async function startApi(): Promise<{ url: string; directUrl: string; close: () => Promise<void> }> {
  const server = createApiServer();
  const directUrl = await listen(server);
  const edge = createEdgeServer(directUrl, process.env.ORIGIN_SECRET as string, {
    testViewerHeader: TEST_VIEWER_HEADER,
  });
  const url = await listen(edge);
  return {
    url,
    directUrl,
    close: async () => {
      await Promise.all([close(edge), close(server)]);
    },
  };
}
