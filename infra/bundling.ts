import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda function is bundled, in esbuild's own terms. The api stack's NodejsFunction props and
 * the bundle-size benchmark both derive from this, so the benchmark measures what is deployed.
 */
export const LAMBDA_BUNDLING = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // The Node.js 24 runtime ships AWS SDK v3; bundling it again would only add size and cold-start time.
  external: ['@aws-sdk/*'],
  // ESM-first packages (middy, zod) tree-shake better than their CommonJS builds.
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require() on Node built-ins, which an ES module has no binding for.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
} satisfies BuildOptions;
