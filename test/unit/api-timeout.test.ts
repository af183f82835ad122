import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../web/src/lib/api.ts';
import { reader } from '../../web/src/lib/shape.ts';
import { startTestServer } from '../support/test-server.ts';

/**
 * The site's requests time out on silence, not on length (web/src/lib/api.ts), against a real HTTP server:
 * Node's fetch is the browser's API, and a slow or stalled answer is a fault a server can really cause.
 * The timeout is shortened here from the site's 15 s to 300 ms.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let base: string;

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const path = request.url ?? '';
    const send = () => response.writeHead(200, { 'content-type': 'application/json' });
    if (path === '/slow-body') {
      // A 1-second answer, a few bytes every 100 ms: longer than the timeout, never silent for that long.
      send();
      const parts = ['{"n"', ':', ' ', '4', '2', ' ', ' ', ' ', ' ', '}'];
      const next = () => {
        const part = parts.shift();
        if (part === undefined) return response.end();
        response.write(part);
        setTimeout(next, 100);
      };
      next();
    } else if (path === '/stalled-body') {
      send();
      response.write('{"n":');
    } else if (path === '/slow-headers') {
      setTimeout(() => {
        send();
        response.end('{"n":1}');
      }, 1000);
    }
  });
  base = server.url;
});
afterAll(() => server.close());

const readN = reader<{ n: number }>({ n: 'number' });
const TIMEOUT = { timeoutMs: 300 };

describe('a request on a slow link', () => {
  it('takes an answer that keeps arriving, however long it takes in all', async () => {
    expect(await requestJson(`${base}/slow-body`, readN, TIMEOUT)).toEqual({ n: 42 });
  });

  it('times out when the answer stops arriving, or never starts', async () => {
    await expect(requestJson(`${base}/stalled-body`, readN, TIMEOUT)).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    await expect(requestJson(`${base}/slow-headers`, readN, TIMEOUT)).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });
});
