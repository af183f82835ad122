import type { ApiError, ApiErrorCode } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';

/** Failures that asking again may mend: the link, the server or its database, a busy moment. */
const RETRYABLE: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  'NETWORK',
  'TIMEOUT',
  'BAD_RESPONSE',
  'DEPENDENCY_UNAVAILABLE',
  'INTERNAL',
  'RATE_LIMITED',
]);

/**
 * A failed request: what went wrong in the reader's language (from the error code, never the server's
 * text), the request id for the helpdesk, and a retry button — on a flaky link a second try usually works.
 * An answer that would be the same again (no access, a stale address) offers no retry. Only the message is
 * the alert; the button stays outside it so the announcement is just the words.
 */
export function ErrorNotice(props: { title: string; error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div class="notice notice--error">
      <div role="alert">
        <p class="notice__title">{props.title}</p>
        <p>{t.errors[props.error.code]}</p>
        {props.error.requestId ? <p class="hint">{t.errorReference(props.error.requestId)}</p> : null}
      </div>
      {RETRYABLE.has(props.error.code) ? (
        <button type="button" class="button button--secondary" onClick={props.onRetry}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}
