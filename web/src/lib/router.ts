import { type ComponentChildren, type ComponentType, createContext, h } from 'preact';
import { useContext, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';

/*
 * The site's router: the few things it needs of one (links and history without reloads, `:param` and
 * `:param?` segments, pages whose code loads on first visit, the query string), in far fewer bytes than a
 * general router. A page that is still downloading leaves the previous one on screen until it is ready.
 */

export interface Location {
  /** Path and query, as in the address bar. */
  url: string;
  /** The path without a trailing slash ("/" for the home page). */
  path: string;
  query: Readonly<Record<string, string>>;
  /** Goes to a same-site address; `replace` swaps the history entry instead of adding one. */
  route: (url: string, replace?: boolean) => void;
}

const LocationContext = createContext<Location>(undefined as never);

export function useLocation(): Location {
  return useContext(LocationContext);
}

/** Whether the last navigation added a history entry (a new page starts at the top; Back keeps its place). */
let pushed = false;

const here = () => location.pathname + location.search;

/** What pages keep before the router shows another address (see useBeforeLeave). */
const leaving = new Set<() => void>();

/**
 * Runs `keep` before the router leaves this page for another address, by a link, Back or Forward, or
 * route(): while the page is still in the document, so it can read what is typed into it. (A popstate
 * listener of the page's own would run too late: the router's renders the next page first.)
 */
export function useBeforeLeave(keep: () => void): void {
  useLayoutEffect(() => {
    leaving.add(keep);
    return () => {
      leaving.delete(keep);
    };
  }, []);
}

function leave(): void {
  for (const keep of leaving) keep();
}

export function LocationProvider(props: { children?: ComponentChildren }) {
  const [url, setUrl] = useState(here);

  const route = (to: string, replace?: boolean) => {
    leave();
    pushed = !replace;
    history[replace ? 'replaceState' : 'pushState'](null, '', to);
    setUrl(here());
  };

  useLayoutEffect(() => {
    const onClick = (event: MouseEvent) => {
      // What the browser does itself: new tabs, downloads, other sites, in-page anchors.
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const link = event
        .composedPath()
        .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
      const href = link?.getAttribute('href');
      if (!link || !href || href.startsWith('#') || link.origin !== location.origin) return;
      if (link.download || !/^(_?self)?$/i.test(link.target)) return;
      event.preventDefault();
      route(link.href.slice(location.origin.length));
    };
    const onPop = () => {
      leave();
      pushed = false;
      setUrl(here());
    };
    addEventListener('click', onClick);
    addEventListener('popstate', onPop);
    return () => {
      removeEventListener('click', onClick);
      removeEventListener('popstate', onPop);
    };
  }, []);

  const value = useMemo((): Location => {
    const parsed = new URL(url, location.origin);
    return {
      url,
      path: parsed.pathname.replace(/\/+$/, '') || '/',
      query: Object.fromEntries(parsed.searchParams),
      route,
    };
  }, [url]);
  return h(LocationContext.Provider, { value }, props.children);
}

/**
 * Tells the layout that part of the page is still downloading its code (see components/lazy-view.tsx):
 * it then marks <main> busy and says so in its live region, as while the router loads a page.
 */
export const PageLoadingContext = createContext<(loading: boolean) => void>(() => {});

/** A page whose code is fetched the first time it is shown (or preloaded). */
export interface Page {
  component?: ComponentType<Record<string, string | undefined>>;
  preload(): Promise<void>;
}

export function lazyPage(load: () => Promise<ComponentType<never>>): Page {
  let loading: Promise<void> | undefined;
  const page: Page = {
    preload: () =>
      (loading ??= load().then((component) => {
        page.component = component as Page['component'];
      })),
  };
  return page;
}

/** The params of `path` if it matches `pattern` ("/nabory/:callId/zgloszenie/:step?"), else undefined. */
export function matchPath(pattern: string, path: string): Record<string, string | undefined> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (have.length > want.length) return undefined;
  const params: Record<string, string | undefined> = {};
  for (const [index, segment] of want.entries()) {
    const value = have[index];
    if (!segment.startsWith(':')) {
      if (segment !== value) return undefined;
      continue;
    }
    const optional = segment.endsWith('?');
    const name = segment.slice(1, optional ? -1 : undefined);
    if (value === undefined) {
      if (!optional) return undefined;
      params[name] = undefined;
      continue;
    }
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      // A broken escape ("%E0%A4%A", from a mangled link) names no page: "not found", not a crashed render.
      return undefined;
    }
  }
  return params;
}

export interface RouterProps {
  /** Pattern → page, first match wins. */
  routes: readonly (readonly [string, Page])[];
  /** Shown when no pattern matches. */
  fallback: Page;
  onLoadStart?: () => void;
  onLoadEnd?: () => void;
  /** After a different path has rendered (not on the first page). */
  onRouteChange?: () => void;
}

export function Router(props: RouterProps) {
  const { path } = useLocation();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const shown = useRef<{
    component: NonNullable<Page['component']>;
    params: Record<string, string | undefined>;
  }>(undefined);
  const shownPath = useRef(path);
  const loading = useRef(false);

  let page = props.fallback;
  let params: Record<string, string | undefined> = {};
  for (const [pattern, candidate] of props.routes) {
    const match = matchPath(pattern, path);
    if (match) {
      page = candidate;
      params = match;
      break;
    }
  }
  // Until its code is here, the previous page stays (a click never blanks the screen).
  if (page.component) shown.current = { component: page.component, params };

  useLayoutEffect(() => {
    if (!page.component) {
      if (!loading.current) props.onLoadStart?.();
      loading.current = true;
      void page.preload().then(rerender);
      return;
    }
    if (loading.current) props.onLoadEnd?.();
    loading.current = false;
    if (shownPath.current !== path) {
      shownPath.current = path;
      if (pushed) scrollTo(0, 0);
      props.onRouteChange?.();
    }
  });

  return shown.current ? h(shown.current.component, shown.current.params) : null;
}
