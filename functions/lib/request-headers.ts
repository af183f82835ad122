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
  const key = event.headers?.['idempotency-key'];
  if (!key || !/^[A-Za-z0-9-]{16,100}$/.test(key)) throw new AppError('IDEMPOTENCY_KEY_MISSING');
  return key;
}
