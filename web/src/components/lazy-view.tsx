import type { ComponentType } from 'preact';
import { useEffect, useReducer } from 'preact/hooks';
import { useI18n } from '../lib/i18n.ts';
import { PageLoadFailed } from './page-load-failed.tsx';

/** A part of a page whose code is fetched the first time it is shown, or earlier by `preload()`. */
export interface LazyView<P> {
  (props: P): preact.JSX.Element;
  /** Fetches the code now; a failure here is forgotten, so showing the view tries again. */
  preload(): Promise<void>;
}

/**
 * Like the router's lazy pages, for views inside one page (the card's check, sent and save pages share
 * the form's route and its state). Until the code is here the view says so in a live region; if it cannot
 * be fetched, the reload page says what to do.
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
        loading = undefined;
        throw error;
      },
    ));

  function View(props: P) {
    const { t } = useI18n();
    const [failed, fail] = useReducer(() => true, false);
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => {
      if (!component) void preload().then(rerender, fail);
    }, []);
    if (failed) return <PageLoadFailed />;
    const Loaded = component as ComponentType<P & object> | undefined;
    return Loaded ? <Loaded {...(props as P & object)} /> : <p role="status">{t.pageLoading}</p>;
  }
  View.preload = preload;
  return View;
}
