import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePortEnvironment } from '../../functions/local/stack.ts';

/** `npm start` as a newcomer meets it when something is wrong: one clear line, no stack trace. */
const START = 'functions/local/start.ts';
let blocker: Server | undefined;

afterEach(() => {
  blocker?.close();
  blocker = undefined;
});

function start(env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [START], { env, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('npm start', () => {
  it('names a busy port, its use and the variable that moves it', async () => {
    const env = await freePortEnvironment();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(Number(env.KOOPERACJA_DYNAMODB_PORT), resolve));

    const result = start({ ...process.env, ...env });

    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `npm start: Port ${env.KOOPERACJA_DYNAMODB_PORT} (DynamoDB Local) is already in use: stop what uses it, or choose another with KOOPERACJA_DYNAMODB_PORT=<port>.`,
    );
  });

  it('says how to install Java when it is missing', async () => {
    // Only Node's own directory on PATH: no java to be found.
    const result = start({
      ...process.env,
      ...(await freePortEnvironment()),
      PATH: dirname(process.execPath),
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'npm start: Java is not installed, and DynamoDB Local needs it: sudo apt-get install -y openjdk-17-jre-headless',
    );
  });

  it('rejects a port setting that is not a port', () => {
    const result = start({ ...process.env, KOOPERACJA_API_PORT: 'abc' });

    expect(result.status).toBe(1);
    expect(result.stderr).toBe('npm start: KOOPERACJA_API_PORT=abc is not a port number (1–65535).');
  });
});
