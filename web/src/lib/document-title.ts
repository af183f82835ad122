import { useLayoutEffect } from 'preact/hooks';
import { useI18n } from './i18n.ts';

/**
 * "Nabory — Kooperacja": the title is the first thing a screen reader says after a route change, and what
 * a clerk sees in the tab strip with a dozen tabs open. Set as the page is drawn (a layout effect), not a
 * frame later: an error page's "Błąd: …" must be the title the moment its summary is there, for a screen
 * reader announcing the change and for a test reading both.
 */
export function useDocumentTitle(page: string): void {
  const { t } = useI18n();
  const title = t.pageTitle(page);
  useLayoutEffect(() => {
    document.title = title;
  }, [title]);
}
