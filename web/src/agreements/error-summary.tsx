import { useLayoutEffect, useRef } from 'preact/hooks';

/** One entry of an error summary: the field it leads to and what it says. */
export interface SummaryError {
  href: string;
  text: string;
}

/**
 * The GOV.UK error summary, as card/error-summary.tsx (focused when a new verdict arrives, each error a link
 * that focuses its field), with an id of its own: the signing page has three forms, each with a summary.
 */
export function ErrorSummary(props: {
  id: string;
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
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={props.id}>
      <h2 class="error-summary__title" id={props.id}>
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
  const field = document.getElementById(href.slice(1));
  if (!field) return;
  event.preventDefault();
  (field.closest('.form-group') ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}
