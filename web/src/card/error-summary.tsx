// Not in components/: from there the bundler orders the form's chunks otherwise, 11 bytes more gzipped.
import { useLayoutEffect, useRef } from 'preact/hooks';

/** One entry of an error summary: where it leads (a field on this page, or another step) and what it says. */
export interface SummaryError {
  href: string;
  text: string;
}

/**
 * The GOV.UK error summary: at the top, focused when it appears (so a screen reader reads it and the next
 * Tab reaches the first link), each error a link to its field. A link to a field on this page focuses the
 * field and scrolls its label into view, which a plain #fragment jump would leave above the screen's edge.
 */
export function ErrorSummary(props: {
  title: string;
  errors: readonly SummaryError[];
  /** A new verdict (a new value here) takes the focus; a re-render, or a language switch, does not. */
  verdict: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [props.verdict]);
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 class="error-summary__title" id="error-summary-title">
        {props.title}
      </h2>
      <ul class="error-summary__list">
        {props.errors.map((error) => (
          <li key={error.href + error.text}>
            <a href={error.href} onClick={focusFieldOf}>
              {error.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusFieldOf(event: MouseEvent): void {
  const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href') ?? '';
  if (!href.startsWith('#')) return;
  const field = document.getElementById(href.slice(1));
  if (!field) return;
  event.preventDefault();
  (field.closest('fieldset') ?? field.closest('.form-group') ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}
