import { startBuiltSite } from '../functions/local/built-site.ts';
import { startQuietStack } from '../functions/local/stack.ts';

/** The production build of the site in front of a local stack of its own, for benchmarks. */
export async function withBuiltSite<T>(use: (siteUrl: string) => Promise<T>): Promise<T> {
  const stack = await startQuietStack(false);
  try {
    const site = await startBuiltSite(stack.urls.api);
    try {
      return await use(site.url);
    } finally {
      await site.stop();
    }
  } finally {
    await stack.stop();
  }
}
