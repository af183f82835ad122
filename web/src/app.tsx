import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { PageErrorBoundary, PageLoadFailed } from './components/page-load-failed.tsx';
import { SiteFooter } from './components/site-footer.tsx';
import { SiteHeader } from './components/site-header.tsx';
import { LanguageProvider, type LanguageState, useI18n } from './lib/i18n.ts';
import { focusPage, keepFocusInPage } from './lib/page-focus.ts';
import { LocationProvider, lazyPage, PageLoadingContext, Router, useLocation } from './lib/router.ts';

/**
 * Every page loads on first visit, so the first download holds only the frame (header, footer, router,
 * Polish texts) and the page in view. A chunk that fails to load becomes a "reload" page rather than a
 * route that never finishes loading. Most pages also wait for their texts (a dictionary part) in the
 * current language.
 */
function page(load: () => Promise<object>, name = 'default', withTexts = false) {
  return lazyPage(() =>
    load()
      .then(async (module) => {
        if (withTexts) await (module as unknown as { textsReady: () => Promise<void> }).textsReady();
        return (module as unknown as Record<string, ComponentType<never>>)[name] as ComponentType<never>;
      })
      // The page's code or its texts (another language's chunk) did not arrive.
      .catch(() => CodeNotLoaded),
  );
}

const CodeNotLoaded = () => <PageLoadFailed reload />;

const HomePage = page(() => import('./pages/home.tsx'), 'HomePage', true);
const CallPage = page(() => import('./pages/call.tsx'), 'default', true);
const NotFoundPage = page(() => import('./pages/not-found.tsx'));
const CardFormPage = page(() => import('./pages/card-form.tsx'), 'default', true);
const CardLinkPage = page(() => import('./pages/card-link.tsx'), 'default', true);
const CardPage = page(() => import('./pages/card.tsx'), 'default', true);
const CardChangePage = page(() => import('./pages/card.tsx'), 'CardChangePage', true);
const ReceiptCheckPage = page(() => import('./pages/receipt-check.tsx'), 'default', true);
const AdminPage = page(() => import('./pages/admin.tsx'), 'default', true);
const NewCallPage = page(() => import('./pages/admin-new-call.tsx'), 'default', true);
const AgreementPage = page(() => import('./pages/agreement.tsx'), 'default', true);

const ROUTES = [
  ['/', HomePage],
  ['/nabory/:callId', CallPage],
  ['/nabory/:callId/zgloszenie/:step?', CardFormPage],
  ['/nabory/:callId/odnosnik/:teryt', CardLinkPage],
  ['/karta/zmiana/:step?', CardChangePage],
  ['/karta/:action?', CardPage],
  ['/potwierdzenie', ReceiptCheckPage],
  ['/porozumienie/:section?', AgreementPage],
  ['/admin/nabory/nowy', NewCallPage],
  ['/admin/:section?/:callId?/:teryt?', AdminPage],
] as const;

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
  // form from a call page (both small; on a slow link the click then answers at once). Other pages have
  // no likely next page worth the bytes.
  const next = path === '/' ? CallPage : /^\/nabory\/[^/]+$/.test(path) ? CardFormPage : undefined;
  useLayoutEffect(() => {
    const main = mainRef.current;
    return main ? keepFocusInPage(main) : undefined;
  }, []);

  useEffect(() => {
    if (!next) return;
    const timer = setTimeout(() => void next.preload(), 2000);
    return () => clearTimeout(timer);
  }, [next]);

  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipLink}
      </a>
      <SiteHeader />
      <main id="main" class="container site-main" tabIndex={-1} ref={mainRef}>
        {/*
         * Shown (and announced) only while the code of a not-yet-visited page downloads. Outside the busy
         * part: screen readers hold back what changes inside an aria-busy element, this message included.
         */}
        <p class="page-loading" role="status">
          {pageLoading ? t.pageLoading : ''}
        </p>
        <div aria-busy={pageLoading}>
          <PageErrorBoundary path={path}>
            <PageLoadingContext.Provider value={setPageLoading}>
              <Router
                routes={ROUTES}
                fallback={NotFoundPage}
                onLoadStart={() => setPageLoading(true)}
                onLoadEnd={() => setPageLoading(false)}
                onRouteChange={() => {
                  // A new page without a reload says nothing to a screen reader. Focus on its heading reads
                  // what the page is (on an unnamed <main> it is "main landmark" and no more), and the next
                  // Tab starts there; a page still loading its data has no heading yet: <main> then.
                  // A page that put the focus somewhere itself (its error summary) keeps it there.
                  const main = mainRef.current;
                  const focused = document.activeElement;
                  if (!main || (focused && focused !== main && main.contains(focused))) return;
                  focusPage(main);
                }}
              />
            </PageLoadingContext.Provider>
          </PageErrorBoundary>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
