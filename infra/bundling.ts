import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda function is bundled, in esbuild's own terms. The api stack's NodejsFunction props and
 * the benchmark both derive from this, so the benchmark measures what is deployed.
 *
 * The AWS SDK is bundled, tree-shaken (about 180 KB), rather than taken from the Node.js 24 runtime: it
 * imports in about half the time, because the runtime's CommonJS builds carry every DynamoDB command and
 * protocols DynamoDB never speaks, in a hundred files. Left to the runtime: the SES client, which
 * functions/mail/mailer.ts imports only on the first send, and the event-stream codec, which DynamoDB never
 * uses (the SDK imports it on demand, and esbuild would otherwise inline it).
 */
export const LAMBDA_BUNDLING = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  external: ['@aws-sdk/client-ses', '@smithy/core/event-streams'],
  // On Lambda the credentials are always in the environment: see functions/lib/env-credentials.ts.
  alias: {
    '@aws-sdk/credential-provider-node': fileURLToPath(
      new URL('../functions/lib/env-credentials.ts', import.meta.url),
    ),
  },
  // ESM-first packages (middy, zod, the AWS SDK) tree-shake better than their CommonJS builds.
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require() on Node built-ins, which an ES module has no binding for.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
} satisfies BuildOptions;

/**
 * Data files read at run time from beside the module that reads them (`new URL(file, import.meta.url)`).
 * In a bundle that module is the bundle, so each is copied next to every function's bundle (85 KB; only
 * the functions that check a card's gmina read it, on first use). Inlined, the TERYT register was 74 KB of
 * the code of sending and changing a card, parsed at each of their cold starts.
 */
export const LAMBDA_DATA_FILES = ['shared/teryt/register.json'] as const;
