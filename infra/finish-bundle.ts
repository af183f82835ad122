// The CDK's afterBundling hook for every function (infra/constructs/api-function.ts):
// `node infra/finish-bundle.ts <outputDir>` runs what follows esbuild, as the benchmark does.
import { finishBundle } from './bundling.ts';

const [outputDir] = process.argv.slice(2);
if (!outputDir) throw new Error('usage: node infra/finish-bundle.ts <outputDir>');
finishBundle(outputDir);
