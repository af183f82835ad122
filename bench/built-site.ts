import { join } from 'node:path';
import { REPO_DIR } from '../functions/local/paths.ts';
import {
  freePort,
  freeStackPorts,
  httpAnswers,
  startProcess,
  waitUntilReady,
} from '../functions/local/processes.ts';
import { startLocalStack } from '../functions/local/stack.ts';

/**
 * The production build of the site, served by `vite preview` in front of the local API (what CloudFront
 * serves, minus its compression), for benchmarks that load pages as users get them.
 */
export async function withBuiltSite<T>(use: (siteUrl: string) => Promise<T>): Promise<T> {
  const stack = await startLocalStack({
    ports: await freeStackPorts(),
    persist: false,
    echo: false,
    web: false,
  });
  const vite = join(REPO_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const env = { KOOPERACJA_API_URL: stack.urls.api };
  const port = await freePort();
  const build = startProcess('web', process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], {
    cwd: REPO_DIR,
    env,
    echo: false,
  });
  const built = await new Promise<number | null>((resolve) => build.child.once('exit', resolve));
  if (built !== 0) {
    await stack.stop();
    throw new Error(`vite build failed:\n${build.recentOutput().join('\n')}`);
  }
  const preview = startProcess(
    'web',
    process.execPath,
    [vite, 'preview', '--config', 'web/vite.config.ts', '--port', String(port), '--strictPort'],
    { cwd: REPO_DIR, env, echo: false },
  );
  try {
    const siteUrl = `http://localhost:${port}`;
    await waitUntilReady(preview, () => httpAnswers(siteUrl));
    return await use(siteUrl);
  } finally {
    await preview.stop();
    await stack.stop();
  }
}
