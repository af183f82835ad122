import * as z from 'zod/mini';

/** A deployment's name, as it stands in table, stack and metric names (checked at synthesis too). */
export const STAGE_PATTERN = /^[a-z0-9-]{1,20}$/;

/**
 * Read once at cold start: a function with a missing or malformed setting fails on its first request with a
 * message naming the setting, instead of misbehaving later with an empty string.
 */
const ZConfig = z.object({
  STAGE: z._default(z.string().check(z.regex(STAGE_PATTERN)), 'local'),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'eu-central-1'),
  TABLE_NAME: z.string().check(z.minLength(1)),
  MAIL_FROM: z.email(),
  SITE_URL: z.url(),
  /** The SES configuration set that reports bounces and complaints; absent locally. */
  MAIL_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
  /** Only set locally: DynamoDB Local and the SES emulator. On AWS the SDK finds the service itself. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  SES_ENDPOINT: z.optional(z.url()),
  /** The documents bucket (scans, agreements, signed uploads); only functions that keep documents get it. */
  DOCUMENTS_BUCKET: z.optional(z.string().check(z.minLength(3))),
  /** Only set locally: the S3-compatible server (s3rver). */
  S3_ENDPOINT: z.optional(z.url()),
  /** The Secrets Manager secret CloudFront's origin header carries (functions/lib/origin.ts); on AWS. */
  ORIGIN_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  /** The same secret's value itself, locally (the local edge adds it); never set on AWS. */
  ORIGIN_SECRET: z.optional(z.string().check(z.minLength(16))),
  /** The reminders queue the planner fills (SQS); absent locally, where an in-process queue stands in. */
  REMINDERS_QUEUE_URL: z.optional(z.url()),
  /** E-mails a second all reminder senders together may send: under the SES account's sending rate. */
  REMINDER_SEND_RATE: z._default(z.coerce.number().check(z.positive()), 14),
  /** The Secrets Manager secret with the seal's PKCS#12 (base64) and passphrase; read by the functions that seal. */
  SEAL_SECRET_ARN: z.optional(z.string().check(z.minLength(20))),
  /** Only set locally: where the self-signed seal certificate is kept (made on first need). */
  SEAL_P12_PATH: z.optional(z.string().check(z.minLength(1))),
});

export type Config = Readonly<z.infer<typeof ZConfig>>;

export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  if (!parsed.data.ORIGIN_SECRET === !parsed.data.ORIGIN_SECRET_ARN)
    throw new Error('Invalid configuration: exactly one of ORIGIN_SECRET_ARN and ORIGIN_SECRET must be set');
  return Object.freeze(parsed.data);
}

let cached: Config | undefined;

/** The process's configuration, validated on first use and then reused for every invocation. */
export function config(): Config {
  cached ??= readConfig(process.env);
  return cached;
}
