import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * The GOV.UK error summary, as the card form has it (src/card/error-summary.tsx): at the top, focused when a
 * new verdict arrives, each error a link that focuses its field. The panel keeps its own copy because
 * importing the card form's module would put it in a chunk the form and the panel share.
 */
export function ErrorSummary(props: {
  title: string;
  errors: readonly { href: string; text: string }[];
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
          <li key={error.href}>
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
  const field = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
  if (!field) return;
  event.preventDefault();
  (field.closest('fieldset') ?? field.closest('.form-group') ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}
