import type { ComponentType } from 'preact';
import { useContext, useLayoutEffect, useReducer } from 'preact/hooks';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';
import { PageLoadingContext } from '../lib/router.ts';
import { PageLoadFailed } from './page-load-failed.tsx';

/** A part of a page whose code is fetched the first time it is shown, or earlier by `preload()`. */
export interface LazyView<P> {
  (props: P): preact.JSX.Element | null;
  /**
   * Fetches the code now. Browsers remember a failed import for the rest of the page's life, so a view
   * whose code failed to arrive shows the reload page; preload in the background only when online.
   */
  preload(): Promise<void>;
}

/**
 * Like the router's lazy pages, for views inside one page (the card's check, sent and save pages share
 * the form's route and its state). While the code downloads, the layout says so in its live region and
 * marks <main> busy, and the title says the page is loading; if the code cannot be fetched, the reload
 * page says what to do.
 */
export function lazyView<P>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let component: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (loaded) => {
        component = loaded;
      },
      (error: unknown) => {
        // Browsers that do retry a failed import (the newer ones) get another try next time.
        loading = undefined;
        throw error;
      },
    ));

  function View(props: P) {
    const setPageLoading = useContext(PageLoadingContext);
    const [failed, fail] = useReducer(() => true, false);
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useLayoutEffect(() => {
      if (component) return;
      let waiting = true;
      const settle = (then: () => void) => {
        if (!waiting) return;
        waiting = false;
        setPageLoading(false);
        then();
      };
      setPageLoading(true);
      preload().then(
        () => settle(() => rerender(undefined)),
        () => settle(() => fail(undefined)),
      );
      // Left before the code came: the layout is no longer waiting for this view.
      return () => settle(() => {});
    }, []);
    if (failed) return <PageLoadFailed reload />;
    const Loaded = component as ComponentType<P & object> | undefined;
    return Loaded ? <Loaded {...(props as P & object)} /> : <Loading />;
  }
  View.preload = preload;
  return View;
}

function Loading() {
  const { t } = useI18n();
  useDocumentTitle(t.pageLoading);
  return null;
}
