import type { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';
import { useErrorMessage } from './errors.ts';

/**
 * As components/error-notice.tsx, with the agreements' messages (errors.ts) and an optional action: a
 * failed request, what went wrong in the reader's language, the request id for the helpdesk, and a button
 * (retry, or reload the agreement) outside the alert, so the announcement is just the words.
 */
export function AgreementErrorNotice(props: {
  title: string;
  error: ApiError;
  action?: { label: string; run: () => void } | undefined;
}) {
  const { t } = useI18n();
  const message = useErrorMessage();
  return (
    <div class="notice notice--error">
      <div role="alert">
        <p class="notice__title">{props.title}</p>
        <p>{message(props.error)}</p>
        {props.error.requestId ? <p class="hint">{t.errorReference(props.error.requestId)}</p> : null}
      </div>
      {props.action ? (
        <button type="button" class="button button--secondary" onClick={props.action.run}>
          {props.action.label}
        </button>
      ) : null}
    </div>
  );
}

/** Failures that asking again may mend, as components/error-notice.tsx offers a retry for. */
export const RETRYABLE = new Set<string>([
  'NETWORK',
  'TIMEOUT',
  'BAD_RESPONSE',
  'DEPENDENCY_UNAVAILABLE',
  'INTERNAL',
  'RATE_LIMITED',
]);
