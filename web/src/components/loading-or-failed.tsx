import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { ApiError } from '../lib/api.ts';
import { focusHeading } from '../lib/page-focus.ts';
import { ErrorNotice } from './error-notice.tsx';

/**
 * A page whose data is still coming or did not come: its heading, "loading" in a status region, and the
 * failure with a retry that puts the focus on the heading (the retry button goes while it loads).
 */
export function LoadingOrFailed(props: {
  heading: string;
  loading: string;
  failed: string;
  /** None while loading. */
  error: ApiError | undefined;
  onRetry: () => void;
  /** Said instead of the failure when the answer explains itself (not found, a dead link). */
  answer?: ComponentChildren;
  /** Still loading for the reader: a panel page on its way to the sign-in page. */
  waiting?: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { error, waiting } = props;
  return (
    <>
      <h1 ref={headingRef}>{props.heading}</h1>
      <p role="status">{!error || waiting ? props.loading : ''}</p>
      {error && !waiting
        ? (props.answer ?? (
            <ErrorNotice
              title={props.failed}
              error={error}
              onRetry={() => {
                focusHeading(headingRef.current);
                props.onRetry();
              }}
            />
          ))
        : null}
    </>
  );
}
