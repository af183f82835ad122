import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * A request's body as bytes, for the routes that take a file (a PDF) rather than JSON: API Gateway sends
 * binary bodies base64-encoded. Size and kind are the use-case's to check.
 */
export function rawBody(event: APIGatewayProxyEventV2): Uint8Array | undefined {
  if (!event.body) return undefined;
  return new Uint8Array(Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8'));
}
