import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AppError } from './errors.ts';

/** The token of an e-mailed link, sent by the site as `Authorization: Bearer <token>`. */
export function bearerToken(event: APIGatewayProxyEventV2): string {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(event.headers?.authorization ?? '');
  if (!match?.[1]) throw new AppError('LINK_INVALID');
  return match[1];
}

/** A client-chosen key (a UUID from the site) that makes retrying a submission safe. */
export function idempotencyKey(event: APIGatewayProxyEventV2): string {
  const key = optionalIdempotencyKey(event);
  if (!key) throw new AppError('IDEMPOTENCY_KEY_MISSING');
  return key;
}

/** The same where a request without one is still served (a tab opened before drafts took keys). */
export function optionalIdempotencyKey(event: APIGatewayProxyEventV2): string | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) return undefined;
  if (!/^[A-Za-z0-9-]{16,100}$/.test(key)) throw new AppError('IDEMPOTENCY_KEY_MISSING');
  return key;
}

/**
 * The viewer's address, for per-client rate limits. Behind CloudFront the connection to API Gateway
 * comes from an edge server, so `sourceIp` would put every gmina in a region into one bucket; CloudFront
 * adds the viewer's own address and port as CloudFront-Viewer-Address (the /api/* behaviour's origin
 * request policy forwards it), replacing one a viewer sent. Only requests that carried CloudFront's origin
 * secret get this far (httpRoute refuses the rest first, functions/lib/origin.ts), so a caller of the
 * execute-api address cannot choose their identity with the header. Without it, the connection's address.
 */
export function clientAddress(event: APIGatewayProxyEventV2): string {
  const viewer = event.headers?.['cloudfront-viewer-address'];
  const address = viewer?.slice(0, viewer.lastIndexOf(':'));
  return address || event.requestContext.http.sourceIp;
}
