import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { type MinifyOptions, minify } from 'uglify-js';

/**
 * How every Lambda function is bundled, in esbuild's own terms. The api stack's NodejsFunction props and
 * the benchmark both derive from this, so the benchmark measures what is deployed.
 *
 * The AWS SDK is bundled, tree-shaken (about 180 KB), rather than taken from the Node.js 24 runtime: it
 * imports in about half the time, because the runtime's CommonJS builds carry every DynamoDB command and
 * protocols DynamoDB never speaks, in a hundred files. Left to the runtime: the SES client, which
 * functions/mail/mailer.ts imports only on the first send, the S3 client, which functions/repositories/
 * documents.ts imports only on the first document read or written, and the event-stream codec, which DynamoDB never
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
  // Polish texts (error messages, e-mails) as UTF-8 rather than \uXXXX escapes: smaller, and Node reads UTF-8.
  charset: 'utf8',
  // The SQS client too: only the reminders planner sends to a queue, and it loads the client on first use.
  // And the S3 client: functions/repositories/documents.ts loads it on the first read or write of a document,
  // so the outbox sweeper, which reads the bucket only for a final agreement's attachment, does not carry it.
  external: [
    '@aws-sdk/client-ses',
    '@aws-sdk/client-sqs',
    '@aws-sdk/client-s3',
    '@smithy/core/event-streams',
  ],
  alias: {
    // On Lambda the credentials are always in the environment: see functions/lib/env-credentials.ts.
    '@aws-sdk/credential-provider-node': fileURLToPath(
      new URL('../functions/lib/env-credentials.ts', import.meta.url),
    ),
    // Configuration no DynamoDB command reads any more: see functions/lib/no-endpoint-discovery.ts.
    '@aws-sdk/middleware-endpoint-discovery': fileURLToPath(
      new URL('../functions/lib/no-endpoint-discovery.ts', import.meta.url),
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
export const LAMBDA_DATA_FILES = [
  'shared/teryt/register.json',
  // The agreements' PDF font (functions/documents/pdf-writer.ts), cut to the characters Polish documents
  // need (infra/subset-fonts.ts): 112 KB on disk beside each bundle, not loaded (the whole fonts were 1.4 MB).
  'functions/documents/fonts/DejaVuSans.ttf',
  'functions/documents/fonts/DejaVuSans-Bold.ttf',
] as const;

/**
 * A second minification, by UglifyJS, over esbuild's output: its compressor folds what esbuild's leaves
 * (about 5% of a bundle, 13 KB of sending a card). Function arity is kept, as libraries may read it.
 */
export const SECOND_MINIFY: MinifyOptions = {
  module: true,
  compress: { passes: 2, keep_fargs: true },
  mangle: true,
  output: { comments: false },
};

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * What follows esbuild for every function, in the CDK's afterBundling hook (through finish-bundle.ts) and
 * in the benchmark alike: the second minification, then the data files beside the bundle.
 */
export function finishBundle(outputDir: string): void {
  const file = join(outputDir, 'index.mjs');
  const { code, error } = minify(readFileSync(file, 'utf8'), SECOND_MINIFY);
  if (error) throw error;
  writeFileSync(file, code);
  for (const data of LAMBDA_DATA_FILES) copyFileSync(join(REPO_ROOT, data), join(outputDir, basename(data)));
}

/** A handler bundled as it is deployed: functions/handlers/<name>.ts into <outputDir>/index.mjs. */
export async function bundleFunction(name: string, outputDir: string): Promise<string> {
  const outfile = join(outputDir, 'index.mjs');
  await build({
    ...LAMBDA_BUNDLING,
    entryPoints: [join(REPO_ROOT, 'functions', 'handlers', `${name}.ts`)],
    outfile,
    logLevel: 'silent',
  });
  finishBundle(outputDir);
  return outfile;
}
