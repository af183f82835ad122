import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from '../components/error-notice.tsx';
import { ApiError } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';
import { describedBy, FieldError, Group } from './call-fields.tsx';
import { ErrorSummary, type SummaryError } from './error-summary.tsx';
import { type ReviewTexts, useReviewTexts } from './review-texts.ts';
import { useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * The pieces every write of the review shares: field errors by field id (in the order of the form, which
 * is the summary's), a busy flag that ignores a second press, and the failure — a 409 CONFLICT says someone
 * else changed what the screen read and offers to read it again.
 */
export type FieldErrors = Record<string, string>;

export interface WriteState {
  errors: FieldErrors;
  /** A new value for every verdict, so the summary takes the focus again even for the same errors. */
  verdict: number;
  busy?: boolean;
  failure?: ApiError;
}

export function useWrite() {
  const [state, setState] = useState<WriteState>({ errors: {}, verdict: 0 });
  const busy = useRef(false);
  useSignInWhenSignedOut(state.failure);
  return {
    state,
    /** Errors found before sending: shown at once, nothing sent. */
    refuse(errors: FieldErrors) {
      setState((old) => ({ errors, verdict: old.verdict + 1 }));
    },
    /**
     * Sends once (a second press while busy does nothing); `fieldOf` maps the API's field paths to the ids
     * of this form's fields, for a 400 that names them.
     */
    send<T>(
      request: () => Promise<T>,
      done: (result: T) => void,
      fieldOf: (path: string) => string | undefined,
    ) {
      if (busy.current) return;
      busy.current = true;
      setState((old) => ({ errors: {}, verdict: old.verdict, busy: true }));
      request().then(
        (result) => {
          busy.current = false;
          setState((old) => ({ errors: {}, verdict: old.verdict }));
          done(result);
        },
        (error: unknown) => {
          busy.current = false;
          const failure = error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error });
          const errors: FieldErrors = {};
          if (failure.code === 'VALIDATION_FAILED') {
            for (const [path, key] of Object.entries(failure.fields ?? {})) {
              const id = fieldOf(path);
              if (id && !errors[id]) errors[id] = key;
            }
          }
          const known = Object.keys(errors).length > 0;
          setState((old) => ({ errors, verdict: old.verdict + 1, ...(known ? {} : { failure }) }));
        },
      );
    },
  };
}

/** The message for an error key: the review's own words, else the generic one. */
export function messageFor(texts: ReviewTexts, key: string): string {
  return texts.fieldErrors[key] ?? texts.fieldErrors.invalid ?? key;
}

/** The summary's entries: each error a link to its field, in the order `ids` gives. */
export function summaryOf(texts: ReviewTexts, errors: FieldErrors, ids: readonly string[]): SummaryError[] {
  return ids.flatMap((id) => {
    const key = errors[id];
    return key ? [{ href: `#${id}`, text: messageFor(texts, key) }] : [];
  });
}

/**
 * What a write that failed as a whole says, focused when it appears: a conflict (with the reload), a step
 * the status no longer allows, or the generic failure with a retry.
 */
export function WriteFailure(props: {
  failure: ApiError | undefined;
  onReload: () => void;
  onRetry: () => void;
  conflictText?: string;
}) {
  const texts = useReviewTexts();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (props.failure) ref.current?.focus();
  }, [props.failure]);
  const { failure } = props;
  if (!failure || failure.code === 'SESSION_REQUIRED') return null;
  const reloadable =
    failure.code === 'CONFLICT' ||
    failure.code === 'REVIEW_STEP_NOT_ALLOWED' ||
    failure.code === 'SCORE_INCOMPLETE';
  return (
    <div tabIndex={-1} ref={ref} class="review-failure">
      {reloadable ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{texts.saveFailed}</p>
          <p>
            {failure.code === 'CONFLICT'
              ? (props.conflictText ?? texts.conflict)
              : failure.code === 'SCORE_INCOMPLETE'
                ? texts.scoreIncomplete
                : texts.notAllowed}
          </p>
          <button type="button" class="button button--secondary" onClick={props.onReload}>
            {texts.reload}
          </button>
        </div>
      ) : (
        <ErrorNotice title={texts.saveFailed} error={failure} onRetry={props.onRetry} />
      )}
    </div>
  );
}

/** The error summary of one form of the page. */
export function FormErrors(props: { state: WriteState; ids: readonly string[] }) {
  const texts = useReviewTexts();
  return (
    <ErrorSummary
      title={texts.errorSummary}
      errors={summaryOf(texts, props.state.errors, props.ids)}
      verdict={props.state.verdict}
    />
  );
}

// The form's parts every panel screen shares, from the module the two call screens share (its chunk is
// loaded with the panel anyway).
export { describedBy, FieldError, Group };

/** A labelled text area or one-line input, with its hint and error, GOV.UK style. */
export function TextField(props: {
  id: string;
  name: string;
  label: ComponentChildren;
  hint?: string;
  error: string | undefined;
  value?: string;
  onInput?: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  inputMode?: 'decimal' | 'numeric';
  width?: 'short' | 'medium';
}) {
  const texts = useReviewTexts();
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const common = {
    id: props.id,
    name: props.name,
    'aria-describedby': describedBy(hintId, errorId),
    'aria-invalid': props.error ? true : undefined,
    onInput: (event: Event) => props.onInput?.((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <Group error={props.error}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={`${props.id}-error`} text={props.error ? messageFor(texts, props.error) : undefined} />
      {props.multiline ? (
        <textarea
          {...common}
          class={props.error ? 'textarea textarea--error' : 'textarea'}
          rows={props.rows ?? 4}
          value={props.value}
        />
      ) : (
        <input
          {...common}
          class={`input${props.width ? ` input--${props.width}` : ''}${props.error ? ' input--error' : ''}`}
          type="text"
          inputMode={props.inputMode}
          autoComplete="off"
          value={props.value}
        />
      )}
    </Group>
  );
}

/** A number as clerks and coordinators type it: "4,5" and "4.5" alike; undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A day typed as "2026-12-31" or "31.12.2026", as the API takes it (YYYY-MM-DD); undefined otherwise. */
export function parseDay(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  return match ? `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}` : undefined;
}

/** A notice saying what was just saved: it takes the focus, as the form it came from is replaced. */
export function Saved(props: { text: string | undefined; stamp: unknown; onRetry?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const admin = useAdminTexts();
  useLayoutEffect(() => {
    if (props.text) ref.current?.focus();
  }, [props.stamp]);
  // The screen's data read again after a write and failed: what was read before stays, said not fresh.
  const stamp = props.stamp as { status?: string; error?: ApiError } | undefined;
  if (props.onRetry && stamp?.status === 'error' && stamp.error && stamp.error.code !== 'SESSION_REQUIRED')
    return <ErrorNotice title={admin.panel.rereadFailed} error={stamp.error} onRetry={props.onRetry} />;
  if (!props.text) return null;
  return (
    <div class="notice notice--success" role="status" tabIndex={-1} ref={ref}>
      <p>{props.text}</p>
    </div>
  );
}

/**
 * A screen's data that writes change: after a write it is read again while the screen keeps showing what
 * it read (the forms stay where the focus is), and `saved` says what the write did once the new data is in.
 */
export function useRereadable<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [resource, retry] = useResource(key, load);
  const last = useRef<{ key: string; data: T } | undefined>(undefined);
  if (resource.status === 'ready') last.current = { key, data: resource.data };
  // The message, with the data it was written over and the first data read after it: it is said with that
  // data only, so a later re-read (another form's write) neither says it again nor takes the focus to it.
  const saved = useRef<{ text: string; over: unknown; after?: { data: unknown } }>(undefined);
  const shown =
    resource.status === 'ready' ? resource.data : last.current?.key === key ? last.current.data : undefined;
  let savedText: string | undefined;
  const pending = saved.current;
  if (resource.status === 'ready' && pending && pending.over !== resource.data) {
    pending.after ??= { data: resource.data };
    if (pending.after.data === resource.data) savedText = pending.text;
  }
  return {
    resource,
    shown,
    retry,
    /** What the last write did, with the data read just after it. */
    saved: savedText,
    reread(text: string) {
      saved.current = { text, over: resource.status === 'ready' ? resource.data : undefined };
      retry();
    },
  };
}
