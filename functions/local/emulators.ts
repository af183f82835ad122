import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DYNAMODB_DATA_DIR, DYNAMODB_LOCAL_DIR, REPO_DIR, S3_DATA_DIR } from './paths.ts';
import {
  httpAnswers,
  LocalStackError,
  type ManagedProcess,
  startProcess,
  waitUntilReady,
} from './processes.ts';

/**
 * Never real credentials: the pair s3rver checks signatures with, and alphanumeric, as DynamoDB Local wants.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'eu-central-1';

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

function assertJavaAndJar(): void {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error) {
    throw new LocalStackError(
      'Java is not installed, and DynamoDB Local needs it: sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
  if (!existsSync(join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal.jar'))) {
    throw new LocalStackError(
      'DynamoDB Local is not in .local/dynamodb-local: run `npm install` (it fetches the jar).',
    );
  }
}

/** The real DynamoDB Local jar, in memory unless `persist` keeps its data in .local/dynamodb-data. */
export async function startDynamoDbLocal(options: {
  port: number;
  persist: boolean;
  echo: boolean;
}): Promise<{ endpoint: string; process: ManagedProcess }> {
  assertJavaAndJar();
  const storage = options.persist ? ['-dbPath', DYNAMODB_DATA_DIR, '-sharedDb'] : ['-inMemory'];
  if (options.persist) mkdirSync(DYNAMODB_DATA_DIR, { recursive: true });
  const proc = startProcess(
    'dynamodb',
    'java',
    [
      `-Djava.library.path=${join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal_lib')}`,
      '-Xms64m',
      '-jar',
      join(DYNAMODB_LOCAL_DIR, 'DynamoDBLocal.jar'),
      ...storage,
      '-port',
      String(options.port),
      '-disableTelemetry',
    ],
    // It writes a metadata file into its working directory; keep that out of the repository.
    { echo: options.echo, cwd: DYNAMODB_LOCAL_DIR },
  );
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localDynamoClient(endpoint);
  try {
    await waitUntilReady(proc, async () => {
      await client.send(new ListTablesCommand({}), { abortSignal: AbortSignal.timeout(1_000) });
      return true;
    });
  } catch (error) {
    await proc.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, process: proc };
}

/** aws-ses-v2-local: accepts SES v1 and v2 calls and shows what was sent in a web inbox at its root. */
export async function startSesEmulator(options: {
  port: number;
  echo: boolean;
}): Promise<{ endpoint: string; process: ManagedProcess }> {
  const cli = createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js');
  const proc = startProcess(
    'ses',
    process.execPath,
    [cli, '--host', '127.0.0.1', '--port', String(options.port)],
    {
      echo: options.echo,
    },
  );
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilReady(proc, () => httpAnswers(`${endpoint}/store`));
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { endpoint, process: proc };
}

/** The documents bucket's name on this machine (the CDK data stack names the deployed one). */
export const LOCAL_DOCUMENTS_BUCKET = 'kooperacja-documents-local';

/**
 * s3rver, an S3-compatible server, with the documents bucket: the functions reach it with the same S3
 * client as on AWS (path-style addresses). Kept in .local/s3-data with `persist`, else in a temporary folder.
 */
export async function startS3Emulator(options: {
  port: number;
  persist: boolean;
  echo: boolean;
}): Promise<{ endpoint: string; process: ManagedProcess }> {
  const directory = options.persist ? S3_DATA_DIR : mkdtempSync(join(tmpdir(), 'kooperacja-s3-'));
  mkdirSync(directory, { recursive: true });
  const proc = startProcess(
    's3',
    process.execPath,
    [
      'functions/local/s3-server.ts',
      '--port',
      String(options.port),
      '--directory',
      directory,
      '--bucket',
      LOCAL_DOCUMENTS_BUCKET,
    ],
    { echo: options.echo, cwd: REPO_DIR },
  );
  const endpoint = `http://127.0.0.1:${options.port}`;
  const removeTemporary = () => {
    if (!options.persist) rmSync(directory, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(proc, () => httpAnswers(`${endpoint}/${LOCAL_DOCUMENTS_BUCKET}`));
  } catch (error) {
    await proc.stop();
    removeTemporary();
    throw error;
  }
  return {
    endpoint,
    process: {
      ...proc,
      stop: async () => {
        await proc.stop();
        removeTemporary();
      },
    },
  };
}
