// The documents bucket on this machine: s3rver, an S3-compatible server, run as its own process (as the
// other emulators are) with the bucket the CDK data stack makes. Args: --port N --directory DIR --bucket NAME.
import { parseArgs } from 'node:util';
import S3rver from 's3rver';

const { values } = parseArgs({
  options: { port: { type: 'string' }, directory: { type: 'string' }, bucket: { type: 'string' } },
});
if (!values.port || !values.directory || !values.bucket)
  throw new Error('s3-server: --port, --directory and --bucket');
const server = new S3rver({
  port: Number(values.port),
  address: '127.0.0.1',
  silent: true,
  directory: values.directory,
  configureBuckets: [{ name: values.bucket, configs: [] }],
});
await server.run();
console.log(`s3rver on http://127.0.0.1:${values.port}, bucket ${values.bucket}`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
