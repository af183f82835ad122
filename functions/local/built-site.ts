import { join } from 'node:path';
import { REPO_DIR } from './paths.ts';
import { freePort, httpAnswers, startProcess, waitUntilReady } from './processes.ts';

export interface BuiltSite {
  url: string;
  stop(): Promise<void>;
}

/**
 * The production build of the site, served by `vite preview` in front of `apiUrl`: what CloudFront serves,
 * with the same security headers (web/security-headers.ts), minus its compression. For the benchmarks, which
 * load pages as users get them, and for the e2e tests of the build itself (a CSP violation or a chunk that
 * does not load shows only there: the dev server serves modules one by one).
 */
export async function startBuiltSite(
  apiUrl: string,
  outDir = join(REPO_DIR, 'web', 'dist'),
): Promise<BuiltSite> {
  const vite = join(REPO_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const common = ['--config', 'web/vite.config.ts', '--outDir', outDir];
  const env = { KOOPERACJA_API_URL: apiUrl };
  const build = startProcess('web', process.execPath, [vite, 'build', ...common, '--emptyOutDir'], {
    cwd: REPO_DIR,
    env,
    echo: false,
  });
  const built = await new Promise<number | null>((resolve) => build.child.once('exit', resolve));
  if (built !== 0) throw new Error(`vite build failed:\n${build.recentOutput().join('\n')}`);

  const port = await freePort();
  const preview = startProcess(
    'web',
    process.execPath,
    [vite, 'preview', ...common, '--port', String(port), '--strictPort'],
    { cwd: REPO_DIR, env, echo: false },
  );
  const url = `http://localhost:${port}`;
  try {
    await waitUntilReady(preview, () => httpAnswers(url));
  } catch (error) {
    await preview.stop();
    throw error;
  }
  return { url, stop: () => preview.stop() };
}
