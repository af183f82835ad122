import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { PageErrorBoundary, PageLoadFailed } from './components/page-load-failed.tsx';
import { SiteFooter } from './components/site-footer.tsx';
import { SiteHeader } from './components/site-header.tsx';
import { LanguageProvider, type LanguageState, useI18n } from './lib/i18n.ts';
import { HomePage } from './pages/home.tsx';

/**
 * Pages other than the home page load on first visit, keeping the first download small. A chunk that
 * fails to load becomes a "reload" page rather than a route that never finishes loading.
 */
function lazyPage<P>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(() => load().catch((): { default: ComponentType<P> } => ({ default: PageLoadFailed })));
}

const CallPage = lazyPage(() => import('./pages/call.tsx'));
const NotFoundPage = lazyPage(() => import('./pages/not-found.tsx'));

export function App(props: { language: LanguageState }) {
  return (
    <LanguageProvider initial={props.language}>
      <LocationProvider>
        <Layout />
      </LocationProvider>
    </LanguageProvider>
  );
}

function Layout() {
  const { t } = useI18n();
  const { path } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const [pageLoading, setPageLoading] = useState(false);

  // The call page is small and the likeliest next step; fetch it while the clerk reads the list.
  useEffect(() => {
    const timer = setTimeout(() => void CallPage.preload(), 2000);
    return () => clearTimeout(timer);
  }, []);

  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipLink}
      </a>
      <SiteHeader />
      <main id="main" class="container site-main" tabIndex={-1} ref={mainRef} aria-busy={pageLoading}>
        {/* Shown (and announced) only while the code of a not-yet-visited page downloads. */}
        <p class="page-loading" role="status">
          {pageLoading ? t.pageLoading : ''}
        </p>
        <PageErrorBoundary path={path}>
          <Router
            onLoadStart={() => setPageLoading(true)}
            onLoadEnd={() => setPageLoading(false)}
            onRouteChange={() => {
              // A new page without a reload says nothing to a screen reader; moving focus to <main> makes
              // it read from the top of the new content, and the next Tab starts there too.
              mainRef.current?.focus({ preventScroll: true });
            }}
          >
            <Route path="/" component={HomePage} />
            <Route path="/nabory/:callId" component={CallPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </PageErrorBoundary>
      </main>
      <SiteFooter />
    </>
  );
}
