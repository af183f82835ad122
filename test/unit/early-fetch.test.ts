import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestJson } from '../../web/src/lib/api.ts';
import { fetchEarly } from '../../web/src/lib/early-fetch.ts';
import { reader } from '../../web/src/lib/shape.ts';
import { startTestServer } from '../support/test-server.ts';

/**
 * The site's early call request (web/src/lib/early-fetch.ts) taken over by requestJson, against a real
 * HTTP server: Node's fetch is the browser's API, and a stalled body is a fault a server can really cause.
 */
let release = () => {};
const held = new Promise<void>((resolve) => {
  release = resolve;
});
let server: Awaited<ReturnType<typeof startTestServer>>;
let base: string;
const seen: string[] = [];
const closed: string[] = [];

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const path = request.url ?? '';
    seen.push(path);
    request.socket.once('close', () => closed.push(path));
    response.writeHead(200, { 'content-type': 'application/json' });
    // /stalled sends its headers and the start of a body, then nothing more; /held answers when released.
    if (path.startsWith('/stalled')) response.write('{"n":');
    else if (path.startsWith('/held')) held.then(() => response.end(JSON.stringify({ n: seen.length })));
    // /broken drops the connection the first time it is asked, then answers.
    else if (path.startsWith('/broken') && seen.filter((url) => url === path).length === 1)
      request.socket.destroy();
    else response.end(JSON.stringify({ n: seen.length }));
  });
  base = server.url;
});
afterAll(() => server.close());

const readN = reader<{ n: number }>({ n: 'number' });

/**
 * Starts an early request and waits until its answer (or its failure) has arrived and early-fetch.ts has
 * noted it: the test's own handler on the same fetch promise runs after the one early-fetch.ts added first.
 */
async function arrived(start: () => void): Promise<void> {
  const fetching = vi.spyOn(globalThis, 'fetch');
  try {
    start();
    const response = fetching.mock.results.at(-1)?.value as Promise<Response>;
    await response.then(
      () => undefined,
      () => undefined,
    );
  } finally {
    fetching.mockRestore();
  }
}

describe('an early request', () => {
  it('is taken over by the first request for the same address, and only by that one', async () => {
    const path = `${base}/api/calls/once`;
    fetchEarly(path);
    await expect.poll(() => seen.filter((url) => url === '/api/calls/once')).toHaveLength(1);

    const first = await requestJson(path, readN);
    const second = await requestJson(path, readN);

    // The first answer is the early one (no second request for it); a retry asks the server again.
    expect(seen.filter((url) => url === '/api/calls/once')).toHaveLength(2);
    expect(second.n).toBeGreaterThan(first.n);
  });

  it('is cancelled, body and all, when the page that took it over goes away', async () => {
    const path = `${base}/stalled/1`;
    fetchEarly(path);
    const leaving = new AbortController();
    const answer = requestJson(path, readN, { signal: leaving.signal });
    await expect.poll(() => seen).toContain('/stalled/1');

    leaving.abort();

    // A caller's cancellation comes back as the abort it is (no message: nobody is waiting for one).
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => closed).toContain('/stalled/1');
  });

  it('is taken over while still on its way, however long that takes, and not once its answer is stale', async () => {
    const slow = `${base}/held/1`;
    fetchEarly(slow);
    await expect.poll(() => seen).toContain('/held/1');
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 60_000);
    try {
      // A minute on a very slow link and no answer yet: taking it over beats starting again.
      const answer = requestJson(slow, readN);
      release();
      await answer;
      expect(seen.filter((url) => url === '/held/1')).toHaveLength(1);

      const answered = `${base}/api/calls/stale`;
      clock.mockRestore();
      await arrived(() => fetchEarly(answered));
      vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 11_000);
      // Answered more than 10 s before the page asked: asked again.
      await requestJson(answered, readN);
      expect(seen.filter((url) => url === '/api/calls/stale')).toHaveLength(2);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('is not used once it has failed: the page asks again itself', async () => {
    const path = `${base}/broken/1`;
    await arrived(() => fetchEarly(path));
    expect(seen).toContain('/broken/1');

    // The early request's connection dropped; the page's own request a moment later gets through.
    expect(await requestJson(path, readN)).toMatchObject({ n: expect.any(Number) });
    expect(seen.filter((url) => url === '/broken/1')).toHaveLength(2);
  });

  it('is not used for a request with a body or its own headers', async () => {
    const path = `${base}/api/calls/posted`;
    fetchEarly(path);
    await requestJson(path, readN, { method: 'POST', body: {} });
    await requestJson(path, readN, { headers: { authorization: 'Bearer x' } });

    // The early one, then both requests made on their own.
    expect(seen.filter((url) => url === '/api/calls/posted')).toHaveLength(3);
  });
});
