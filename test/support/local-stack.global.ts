import type { TestProject } from 'vitest/node';
import { freeStackPorts } from '../../functions/local/processes.ts';
import { startLocalStack } from '../../functions/local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    apiUrl: string;
    inboxUrl: string;
  }
}

/** The whole local stack, as `npm start` runs it, on free ports. */
export default async function setup(project: TestProject) {
  const stack = await startLocalStack({
    ports: await freeStackPorts(),
    persist: false,
    echo: false,
    web: true,
  });
  project.provide('siteUrl', stack.urls.site);
  project.provide('apiUrl', stack.urls.api);
  project.provide('inboxUrl', stack.urls.inbox);
  return () => stack.stop();
}
