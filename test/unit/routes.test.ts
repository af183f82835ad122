import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EVENT_HANDLERS,
  FALLBACK_HANDLER,
  HANDLERS,
  type HttpHandler,
  matchRoute,
  ROUTES,
} from '../../functions/routes.ts';

const HANDLERS_DIR = new URL('../../functions/handlers/', import.meta.url);
const handlerFiles = readdirSync(HANDLERS_DIR)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));
const httpHandlers = Object.entries(HANDLERS).filter(
  (entry): entry is [string, HttpHandler] => 'route' in entry[1],
);

describe('the handler records (functions/routes.ts)', () => {
  it('has a record for every handler module and a handler module for every record', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(handlerFiles.sort());
  });

  it('reaches each handler one way: by one route, as the fallback, on a schedule, or from a queue', () => {
    for (const [handler, facts] of Object.entries(HANDLERS)) {
      expect(handler).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(
        ['route' in facts, 'everyMinutes' in facts, 'queue' in facts].filter(Boolean),
        handler,
      ).toHaveLength(1);
    }
    expect(httpHandlers.filter(([, facts]) => facts.route === '$default').map(([name]) => name)).toEqual([
      FALLBACK_HANDLER,
    ]);
    expect(new Set(ROUTES.map((route) => `${route.method} ${route.path}`)).size).toBe(ROUTES.length);
    expect(ROUTES.length + 1 + EVENT_HANDLERS.length).toBe(Object.keys(HANDLERS).length);
  });

  it('lets GET routes only read (or append who read what), the fallback not touch the table, and only writers send mail (via the outbox)', () => {
    for (const route of ROUTES.filter(({ method }) => method === 'GET')) {
      const facts = HANDLERS[route.handler];
      expect(facts?.table, route.handler).toBe(facts?.logsReads ? 'readWrite' : 'read');
      expect(facts?.sendsMail, route.handler).toBeUndefined();
    }
    expect(HANDLERS[FALLBACK_HANDLER]?.table).toBe('none');
    for (const [handler, facts] of Object.entries(HANDLERS))
      if (facts.sendsMail) expect(facts.table, handler).toBe('readWrite');
  });

  it('matches every route by its own path, so no route is hidden behind an earlier one', () => {
    for (const route of ROUTES) {
      const path = route.path.replace(/\{\w+\}/g, 'x1');
      expect(matchRoute(route.method, path), `${route.method} ${route.path}`).toMatchObject({
        kind: 'route',
        route: { handler: route.handler },
      });
    }
  });

  it('declares a session caller exactly where the handler requires a session cookie', () => {
    for (const [handler, facts] of httpHandlers) {
      const source = readFileSync(new URL(`${handler}.ts`, HANDLERS_DIR), 'utf8');
      // httpRoute's `session` option (functions/lib/http.ts) is what refuses a request without one.
      expect(/\bsession\s*:/.test(source), handler).toBe(facts.caller === 'session');
      expect(facts.whyPublic.length, handler).toBeGreaterThan(20);
    }
  });
});
