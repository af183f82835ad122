import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../functions/local/demo-data.ts';
import { freePortEnvironment, PORT_VARIABLES } from '../../functions/local/stack.ts';

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

  it('starts everything, prints where each part is and answers there, and Ctrl-C leaves nothing behind', async () => {
    const env = await freePortEnvironment();
    const child = spawn(process.execPath, [START], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/\[stack\]\s+ready in/.test(output)) resolve();
      });
      exited.then(() => reject(new Error(`npm start exited:\n${output}`)));
    });

    try {
      const url = (name: string) => new RegExp(`^  ${name}\\s+(http://\\S+)`, 'm').exec(output)?.[1];
      const site = url('site');
      const admin = url('admin');
      const inbox = url('e-mail inbox');
      expect(site).toBe(`http://localhost:${env.KOOPERACJA_WEB_PORT}/`);
      expect(admin).toBe(`http://localhost:${env.KOOPERACJA_WEB_PORT}/admin`);
      expect(inbox).toBe(`http://127.0.0.1:${env.KOOPERACJA_SES_PORT}/`);
      for (const user of DEMO_USERS) expect(output).toContain(user.email);
      // The site and the admin page are served, the API answers through the site's proxy, the inbox lists mail.
      for (const page of [site, admin]) expect((await fetch(String(page))).status).toBe(200);
      expect(await (await fetch(`${site}api/health`)).json()).toMatchObject({ status: 'ok' });
      expect((await fetch(`${inbox}store`)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }

    expect(await exited).toBe(0);
    // No child (DynamoDB Local, the SES emulator, the API, Vite) is left holding its port.
    for (const variable of Object.values(PORT_VARIABLES)) {
      await expect(fetch(`http://127.0.0.1:${env[variable]}/`)).rejects.toThrow();
    }
  }, 60_000);

  it('rejects a port setting that is not a port', () => {
    const result = start({ ...process.env, KOOPERACJA_API_PORT: 'abc' });

    expect(result.status).toBe(1);
    expect(result.stderr).toBe('npm start: KOOPERACJA_API_PORT=abc is not a port number (1–65535).');
  });
});
