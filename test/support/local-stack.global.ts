import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBuiltSite } from '../../functions/local/built-site.ts';
import { startQuietStack } from '../../functions/local/stack.ts';
import { TEST_VIEWER_HEADER } from './http.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The production build of the site (vite preview, the production CSP) in front of the same API. */
    builtSiteUrl: string;
    apiUrl: string;
    inboxUrl: string;
    /** DynamoDB Local of the stack, for a test to remove what it added to the shared demo data. */
    dynamodbUrl: string;
  }
}

/** The whole local stack, as `npm start` runs it, on free ports; and the site's production build. */
export default async function setup(project: TestProject) {
  // Browser pages name their own viewer address (test/support/browser.ts), so files share no per-client limit.
  const stack = await startQuietStack(true, { testViewerHeader: TEST_VIEWER_HEADER });
  // Built apart from web/dist, which stays whatever the developer last built.
  const outDir = mkdtempSync(join(tmpdir(), 'kooperacja-site-'));
  const built = await startBuiltSite(stack.urls.api, outDir).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  project.provide('siteUrl', stack.urls.site);
  project.provide('builtSiteUrl', built.url);
  project.provide('apiUrl', stack.urls.api);
  project.provide('inboxUrl', stack.urls.inbox);
  project.provide('dynamodbUrl', stack.urls.dynamodb);
  return async () => {
    await built.stop();
    await stack.stop();
    rmSync(outDir, { recursive: true, force: true });
  };
}
