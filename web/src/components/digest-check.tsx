import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../lib/api.ts';
import { useLocation } from '../lib/router.ts';
import type { Resource } from '../lib/use-resource.ts';

/**
 * What the two public checks share (/potwierdzenie, a card's receipt; /porozumienie/weryfikacja, a signed
 * agreement): a number and a SHA-256 asked in the address (?ref|id=…&sha256=…), so a link from an e-mail
 * or a printout leads straight to the answer and Back returns to the previous question.
 */
const SHA256 = /^[0-9a-f]{64}$/;
const normaliseSha256 = (value: string) => value.replace(/\s/g, '').toLowerCase();

/**
 * As people copy a number from an e-mail or a printout: any case, stray spaces, a word processor's dash.
 * "kz d7rq 4sua", "KZD7RQ4SUA" and "KZ–D7RQ–4SUA" (prefix KZ) are KZ-D7RQ-4SUA.
 */
function normaliseNumber(prefix: string, value: string): string {
  const compact = value.replace(/[\s\-\u2010-\u2015]/g, '').toUpperCase();
  return /^[A-Z]{2}[A-Z0-9]{8}$/.test(compact) && compact.startsWith(prefix)
    ? `${prefix}-${compact.slice(2, 6)}-${compact.slice(6)}`
    : compact;
}

export interface DigestCheckOptions {
  /** The page's path, where the form asks (a GET without scripts). */
  path: string;
  /** The number's name in the address and its field's ("ref", "id"). */
  name: string;
  /** Its two letters ("KZ", "PZ") and its whole form. */
  prefix: string;
  pattern: RegExp;
  badNumber: string;
  badSha256: string;
  /** Whether the address asks a question (a bare page shows just the form). */
  asked: (query: Record<string, string | undefined>) => boolean;
}

/** The question the address asks, its errors in the fields' order, and the form's handling of a new one. */
export function useDigestCheck(options: DigestCheckOptions) {
  const { query, route } = useLocation();
  const { name, prefix, pattern, badNumber, badSha256 } = options;
  const number = normaliseNumber(prefix, query[name] ?? '');
  const sha256 = normaliseSha256(query.sha256 ?? '');
  const asked = options.asked(query);
  const errors = useMemo(
    () =>
      asked
        ? [
            ...(pattern.test(number) ? [] : [{ href: `#f-${name}`, text: badNumber }]),
            ...(SHA256.test(sha256) ? [] : [{ href: '#f-sha256', text: badSha256 }]),
          ]
        : [],
    [number, sha256, asked, name, pattern, badNumber, badSha256],
  );
  // The form is rebuilt for each question (its fields show the address's values), taking the pressed button
  // with it: the verdict takes the focus instead, so the next Tab starts from the answer.
  const verdictFocus = useRef(false);
  // Each press asks again, even for the same address: after a failed check, the button is the retry.
  const [asks, setAsks] = useState(0);
  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams({
      [name]: normaliseNumber(prefix, String(data.get(name) ?? '')),
      sha256: normaliseSha256(String(data.get('sha256') ?? '')),
    });
    // Only a question that gets a verdict moves the focus to it (a wrong one gets the error summary).
    verdictFocus.current = pattern.test(params.get(name) ?? '') && SHA256.test(params.get('sha256') ?? '');
    setAsks((n) => n + 1);
    route(`${options.path}?${params}`);
  };
  return {
    query,
    number,
    sha256,
    errors,
    /** Both the verdict and a good question: the key of the form and of the error summary's verdict. */
    question: `${query[name]}|${query.sha256}`,
    answerable: asked && errors.length === 0,
    verdictFocus,
    asks,
    submit,
    path: options.path,
    name,
  };
}

export type DigestCheck = ReturnType<typeof useDigestCheck>;

type FieldTexts = { label: string; hint: string };

/** The question's form: the number, the SHA-256 and the button, the fields filled from the address. */
export function DigestCheckForm(props: {
  check: DigestCheck;
  number: FieldTexts;
  sha256: FieldTexts;
  submit: string;
  errorPrefix: string;
}) {
  const { check } = props;
  const fieldError = (href: string) => check.errors.find((error) => error.href === href)?.text;
  return (
    <form key={check.question} method="get" action={check.path} noValidate onSubmit={check.submit}>
      <Input
        name={check.name}
        {...props.number}
        value={check.query[check.name]}
        error={fieldError(`#f-${check.name}`)}
        errorPrefix={props.errorPrefix}
      />
      <Input
        name="sha256"
        {...props.sha256}
        value={check.query.sha256}
        error={fieldError('#f-sha256')}
        errorPrefix={props.errorPrefix}
        wide
      />
      <button type="submit" class="button">
        {props.submit}
      </button>
    </form>
  );
}

function Input(props: {
  name: string;
  label: string;
  hint: string;
  value: string | undefined;
  error?: string | undefined;
  errorPrefix: string;
  wide?: boolean;
}) {
  const id = `f-${props.name}`;
  return (
    <div class={props.error ? 'form-group form-group--error' : 'form-group'}>
      <label class="label" for={id}>
        {props.label}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{props.errorPrefix} </span>
          {props.error}
        </p>
      ) : null}
      <input
        class={`input${props.wide ? ' input--code' : ' input--medium'}${props.error ? ' input--error' : ''}`}
        id={id}
        name={props.name}
        type="text"
        autoComplete="off"
        spellcheck={false}
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={props.error ? true : undefined}
        defaultValue={props.value ?? ''}
      />
    </div>
  );
}

/**
 * The answer: announced as well as shown (it arrives after the page has been read), taking the focus when
 * the question was just asked here; a failure's notice (given a retry) or the verdict, `children` saying
 * what a valid one found.
 */
export function DigestVerdict(props: {
  check: Resource<{ valid: boolean }>;
  retry: () => void;
  /** Set when the question was just asked on this page: the verdict then takes the focus. */
  focus: { current: boolean };
  texts: { checking: string; valid: string; invalid: string; invalidText: string };
  failure: (error: ApiError, retry: () => void) => ComponentChildren;
  children: ComponentChildren;
}) {
  const { check, texts } = props;
  const sectionRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (!props.focus.current) return;
    props.focus.current = false;
    sectionRef.current?.focus();
  });
  return (
    <section
      class="verdict"
      aria-labelledby={check.status === 'ready' ? 'verdict-title' : undefined}
      tabIndex={-1}
      ref={sectionRef}
    >
      <p class="visually-hidden" role="status">
        {check.status === 'loading'
          ? texts.checking
          : check.status === 'ready'
            ? check.data.valid
              ? texts.valid
              : texts.invalid
            : ''}
      </p>
      {check.status === 'error'
        ? props.failure(check.error, () => {
            // The button goes with the notice: the focus stays in the verdict, which says "Sprawdzanie…".
            sectionRef.current?.focus();
            props.retry();
          })
        : null}
      {check.status === 'ready' ? (
        <div class={check.data.valid ? 'notice notice--success' : 'notice notice--error'}>
          <h2 class="notice__heading" id="verdict-title">
            {check.data.valid ? texts.valid : texts.invalid}
          </h2>
          {check.data.valid ? props.children : <p>{texts.invalidText}</p>}
        </div>
      ) : null}
    </section>
  );
}
