import { useEffect } from 'preact/hooks';
import { useI18n } from './i18n.ts';

/**
 * "Nabory — Kooperacja": the title is the first thing a screen reader says after a route change, and what
 * a clerk sees in the tab strip with a dozen tabs open.
 */
export function useDocumentTitle(page: string): void {
  const { t } = useI18n();
  const title = t.pageTitle(page);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
