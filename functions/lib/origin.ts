import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { SignatureV4 } from '@smithy/signature-v4';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Config, config } from './config.ts';
import { AppError } from './errors.ts';

/**
 * Only CloudFront may call the API. Its origin adds this header with a secret value; the execute-api
 * address, which anyone can call, gets no such header, so a request without the secret is refused (403)
 * before anything is read, and only then is CloudFront-Viewer-Address trusted as the client's address.
 * The secret lives in Secrets Manager (the api stack's OriginSecret); the functions accept its current and
 * previous versions, read at cold start and again after REFRESH_MS, so it can be rotated without a request
 * refused (README, "Security"). Locally ORIGIN_SECRET holds the value, which the local edge adds.
 */
export const ORIGIN_HEADER = 'x-origin-verify';

/** How long the secret's versions are trusted before they are read again (a rotation takes this long). */
export const REFRESH_MS = 5 * 60_000;

type Sha256Input = string | ArrayBuffer | ArrayBufferView;

function bytes(data: Sha256Input): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape SignatureV4 takes. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: Sha256Input) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Sha256Input): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {}
}

/**
 * One signed GetSecretValue over fetch: the Secrets Manager client would add about 20 KB to every bundle
 * for this one call; the signer is the one the DynamoDB client already carries. Undefined when the stage
 * has no such version (no AWSPREVIOUS before the first rotation).
 */
async function getSecretVersion(
  settings: Pick<Config, 'AWS_REGION'>,
  secretId: string,
  stage: 'AWSCURRENT' | 'AWSPREVIOUS',
): Promise<string | undefined> {
  const host = `secretsmanager.${settings.AWS_REGION}.amazonaws.com`;
  const body = JSON.stringify({ SecretId: secretId, VersionStage: stage });
  const signer = new SignatureV4({
    service: 'secretsmanager',
    region: settings.AWS_REGION,
    credentials: fromEnv(),
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'https:',
    hostname: host,
    path: '/',
    headers: {
      host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
    },
    body,
  });
  const response = await fetch(`https://${host}/`, {
    method: 'POST',
    headers: signed.headers,
    body,
    signal: AbortSignal.timeout(3000),
  });
  const answer = (await response.json()) as { SecretString?: string; __type?: string };
  if (response.ok && typeof answer.SecretString === 'string') return answer.SecretString;
  if (stage === 'AWSPREVIOUS' && answer.__type?.endsWith('ResourceNotFoundException')) return undefined;
  throw new Error(`GetSecretValue ${stage} failed: ${response.status} ${answer.__type ?? ''}`);
}

let cache: { values: Promise<readonly string[]>; readAt: number } | undefined;

/** The values the origin header may carry now: the local one, or the secret's current and previous. */
export function originSecrets(settings: Config = config(), now = Date.now()): Promise<readonly string[]> {
  if (settings.ORIGIN_SECRET) return Promise.resolve([settings.ORIGIN_SECRET]);
  const secretId = settings.ORIGIN_SECRET_ARN as string;
  if (cache && now - cache.readAt < REFRESH_MS) return cache.values;
  const previous = cache;
  const fresh = Promise.all([
    getSecretVersion(settings, secretId, 'AWSCURRENT'),
    getSecretVersion(settings, secretId, 'AWSPREVIOUS'),
  ]).then((found) => found.filter((value): value is string => value !== undefined));
  // A failed refresh keeps what was read before for another half minute; a failed first read fails the
  // request (500, closed) and the next request tries again.
  const values = fresh.catch((error: unknown) => {
    if (!previous) {
      cache = undefined;
      throw error;
    }
    cache = { values: previous.values, readAt: now - REFRESH_MS + 30_000 };
    return previous.values;
  });
  cache = { values, readAt: now };
  return values;
}

function same(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

/** Refuses (403) a request that did not come through CloudFront (or the local edge). */
export async function requireOrigin(event: APIGatewayProxyEventV2): Promise<void> {
  const sent = event.headers?.[ORIGIN_HEADER];
  if (!sent) throw new AppError('FORBIDDEN');
  const accepted = await originSecrets();
  if (!accepted.some((value) => same(value, sent))) throw new AppError('FORBIDDEN');
}

/** For tests: forget what was read. */
export function resetOriginSecrets(): void {
  cache = undefined;
}
