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

/** The card's pages bring their texts as a dictionary part; the page renders once they are here. */
function cardPage<P>(
  load: () => Promise<{ textsReady: () => Promise<void> } & Record<string, unknown>>,
  name: string,
) {
  return lazyPage<P>(() =>
    load().then(async (module) => {
      await module.textsReady();
      return { default: module[name] as ComponentType<P> };
    }),
  );
}

const CardFormPage = cardPage(() => import('./pages/card-form.tsx'), 'default');
const CardPage = cardPage(() => import('./pages/card.tsx'), 'default');
const CardChangePage = cardPage(() => import('./pages/card.tsx'), 'CardChangePage');
const ReceiptCheckPage = cardPage(() => import('./pages/receipt-check.tsx'), 'default');

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

  // The likeliest next page is fetched while the clerk reads this one: the call page from the list, the
  // form from a call page (both small; on a slow link the click then answers at once).
  const onCallPage = /^\/nabory\/[^/]+$/.test(path);
  useEffect(() => {
    const timer = setTimeout(() => void (onCallPage ? CardFormPage : CallPage).preload(), 2000);
    return () => clearTimeout(timer);
  }, [onCallPage]);

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
            <Route path="/nabory/:callId/zgloszenie/:step?" component={CardFormPage} />
            <Route path="/karta/zmiana/:step?" component={CardChangePage} />
            <Route path="/karta/:action?" component={CardPage} />
            <Route path="/potwierdzenie" component={ReceiptCheckPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </PageErrorBoundary>
      </main>
      <SiteFooter />
    </>
  );
}
