import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import { ORIGIN_HEADER } from '../lib/origin.ts';

/**
 * CloudFront's part, locally: what the site's /api/* behaviour does to a request before the API sees it.
 * It adds the origin secret (overwriting one the viewer sent, as an origin custom header does) and the
 * viewer's own address as CloudFront-Viewer-Address (overwriting a forged one), and forwards the rest. The
 * local API behind it, like the execute-api address, refuses whatever comes without the secret; Vite's
 * proxy, the built site's and the tests all reach the API through this.
 */

/** A fresh secret for one local stack (or test process): the API gets it as ORIGIN_SECRET. */
export function newOriginSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The headers CloudFront would send the origin for a viewer's request from `viewer` (address, port). */
export function edgeHeaders(
  headers: IncomingHttpHeaders,
  viewer: string,
  secret: string,
): IncomingHttpHeaders {
  const forwarded = { ...headers };
  delete forwarded.host;
  // A viewer cannot send CloudFront's own headers to the origin: CloudFront sets them.
  for (const name of Object.keys(forwarded)) if (name.startsWith('cloudfront-')) delete forwarded[name];
  return { ...forwarded, 'cloudfront-viewer-address': viewer, [ORIGIN_HEADER]: secret };
}

export interface EdgeOptions {
  /**
   * Tests only: a request with this header is taken as from the viewer it names ("198.51.100.7:443"), as
   * if it came from that address; every request locally comes from 127.0.0.1. The header is not forwarded.
   */
  testViewerHeader?: string;
}

/** A proxy to `target` (the local API) that does what CloudFront does to a request, on its own port. */
export function createEdgeServer(target: string, secret: string, options: EdgeOptions = {}): Server {
  const origin = new URL(target);
  return createServer((incoming, outgoing) => {
    const { testViewerHeader } = options;
    const stated = testViewerHeader ? incoming.headers[testViewerHeader] : undefined;
    if (testViewerHeader) delete incoming.headers[testViewerHeader];
    // CloudFront writes the viewer's IPv6 address without brackets, then the port.
    const viewer =
      typeof stated === 'string'
        ? stated
        : `${incoming.socket.remoteAddress ?? '127.0.0.1'}:${incoming.socket.remotePort ?? 0}`;
    const upstream = request(
      {
        hostname: origin.hostname,
        port: origin.port,
        method: incoming.method,
        path: incoming.url,
        headers: edgeHeaders(incoming.headers, viewer, secret),
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ message: 'Bad Gateway' }));
    });
    incoming.pipe(upstream);
  });
}
