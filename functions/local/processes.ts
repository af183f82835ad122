import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** A failure the local stack explains in one line, printed without a stack trace. */
export class LocalStackError extends Error {
  override name = 'LocalStackError';
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** The last lines it printed, shown when it fails to start. */
  recentOutput(): string[];
  stop(): Promise<void>;
}

const COLOURS: Record<string, string> = {
  dynamodb: '35',
  ses: '36',
  s3: '31',
  api: '32',
  mail: '96',
  web: '34',
  stack: '33',
};

export function prefixed(name: string, line: string): string {
  const label = `[${name}]`.padEnd(11);
  return process.stdout.isTTY ? `\x1b[${COLOURS[name] ?? '0'}m${label}\x1b[0m ${line}` : `${label} ${line}`;
}

const live = new Set<ChildProcess>();
// A crash of the parent must not leave emulators holding their ports: 'exit' runs even on an uncaught error.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; echo: boolean },
): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const recent: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (options.echo) console.log(prefixed(name, line));
    });
  }
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      exited = true;
      resolve();
    });
    child.once('error', () => {
      live.delete(child);
      exited = true;
      resolve();
    });
  });
  return {
    name,
    child,
    recentOutput: () => [...recent],
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Resolves when `probe` succeeds; fails early if the process dies, or after `timeoutMs`. */
export async function waitUntilReady(
  proc: ManagedProcess,
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new LocalStackError(
        `${proc.name} exited before it was ready:\n${proc.recentOutput().slice(-10).join('\n')}`,
      );
    }
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new LocalStackError(`${proc.name} was not ready after ${timeoutMs / 1000} s`);
}

export async function httpAnswers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  await response.body?.cancel();
  return response.status < 500 || response.status === 503;
}

/** Fails with a one-line message naming the port, its use and how to choose another. */
export async function assertPortFree(port: number, use: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new LocalStackError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} (${use}) is already in use: stop what uses it, or choose another with ${variable}=<port>.`
            : `Port ${port} (${use}) cannot be opened: ${error.message}`,
        ),
      );
    });
    server.listen(port, () => server.close(() => resolve()));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Four free ports for a local stack that must not collide with a running `npm start` (tests, benches). */
export async function freeStackPorts(): Promise<{
  web: number;
  api: number;
  dynamodb: number;
  ses: number;
  s3: number;
}> {
  return {
    web: await freePort(),
    api: await freePort(),
    dynamodb: await freePort(),
    ses: await freePort(),
    s3: await freePort(),
  };
}
