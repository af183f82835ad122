import { Component, type ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';
import { mayReload } from '../lib/reload-once.ts';

/**
 * Shown when a page's code cannot be loaded (the link dropped, or a deploy replaced the chunk the old
 * index.html points to) or crashes. A reload fetches a fresh index.html, which fixes both. For code that
 * did not arrive (`reload`), the page reloads by itself once: browsers remember a failed import for the
 * page's life, so a blip during a background download would otherwise keep the page away until the clerk
 * reloads (Vite's advice for its preload errors is the same).
 */
export function PageLoadFailed(props: { reload?: boolean }) {
  const { t } = useI18n();
  useDocumentTitle(t.pageLoadFailed.title);
  useEffect(() => {
    if (props.reload && mayReload()) location.reload();
  }, []);
  return (
    <>
      <h1>{t.pageLoadFailed.title}</h1>
      <p>{t.pageLoadFailed.body}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t.pageLoadFailed.reload}
      </button>
    </>
  );
}

interface BoundaryProps {
  /** The current path: going to another page clears the failure. */
  path: string;
  children?: ComponentChildren;
}

/** Keeps header, footer and language switch usable when a page throws while rendering. */
export class PageErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  constructor(props: BoundaryProps) {
    super(props);
    this.state = { failed: false };
  }

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override componentDidUpdate(previous: BoundaryProps): void {
    if (previous.path !== this.props.path && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}
