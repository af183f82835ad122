import '../pages.css';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checkReceipt, type ReceiptCheck } from '../card/api.ts';
import { ErrorSummary } from '../card/error-summary.tsx';
import { receiptTexts, useReceiptTexts } from '../card/receipt-texts.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { Titled } from '../components/titled.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { ApiError } from '../lib/api.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';

/** The route loader waits for the card texts in the current language, so the page never shows a mix. */
export const textsReady = receiptTexts.load;

const REFERENCE = /^KZ-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** As people copy them from an e-mail or a printout: any case, stray spaces. */
/** "kz d7rq 4sua", "KZD7RQ4SUA" and "KZ–D7RQ–4SUA" (a dash from a word processor) are KZ-D7RQ-4SUA. */
function normaliseReference(value: string): string {
  const compact = value.replace(/[\s\-\u2010-\u2015]/g, '').toUpperCase();
  return /^KZ[A-Z0-9]{8}$/.test(compact) ? `KZ-${compact.slice(2, 6)}-${compact.slice(6)}` : compact;
}
const normaliseSha256 = (value: string) => value.replace(/\s/g, '').toLowerCase();

/**
 * /potwierdzenie — anyone holding a receipt (the gmina, the ROPS, an auditor) checks that the card with
 * this reference and this SHA-256 was received, and whether that version is still the current one. The
 * question lives in the address (?ref=…&sha256=…), so the confirmation page and e-mail link straight to
 * the answer and Back returns to the previous question.
 */
export default function ReceiptCheckPage() {
  const texts = useReceiptTexts();
  const { query, route } = useLocation();
  const reference = normaliseReference(query.ref ?? '');
  const sha256 = normaliseSha256(query.sha256 ?? '');
  // Links from e-mails name the version too (the same answers can return in a later version).
  const version = /^[1-9]\d{0,3}$/.test(query.version ?? '') ? query.version : undefined;
  const asked = query.ref !== undefined || query.sha256 !== undefined;
  const errors = useMemo(
    () =>
      asked
        ? [
            ...(REFERENCE.test(reference) ? [] : [{ href: '#f-ref', text: texts.badReference }]),
            ...(SHA256.test(sha256) ? [] : [{ href: '#f-sha256', text: texts.badSha256 }]),
          ]
        : [],
    [reference, sha256, asked, texts],
  );
  const title = texts.title;
  // The form is rebuilt for each question (its fields show the address's values), taking the pressed button
  // with it: the verdict takes the focus instead, so the next Tab starts from the answer.
  const verdictFocus = useRef(false);
  // Each press asks again, even for the same address: after a failed check, "Sprawdź" is the clerk's retry.
  const [asks, setAsks] = useState(0);
  const fieldError = (href: string) => errors.find((error) => error.href === href)?.text;

  return (
    <Titled title={errors.length > 0 ? texts.errorTitle(title) : title}>
      <ErrorSummary title={texts.errorSummary} errors={errors} verdict={`${query.ref}|${query.sha256}`} />
      <h1>{title}</h1>
      <p>{texts.intro}</p>
      <form
        key={`${query.ref}|${query.sha256}`}
        method="get"
        action="/potwierdzenie"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const params = new URLSearchParams({
            ref: normaliseReference(String(data.get('ref') ?? '')),
            sha256: normaliseSha256(String(data.get('sha256') ?? '')),
          });
          // Only a question that gets a verdict moves the focus to it (a wrong one gets the error summary).
          verdictFocus.current =
            REFERENCE.test(params.get('ref') ?? '') && SHA256.test(params.get('sha256') ?? '');
          setAsks((n) => n + 1);
          route(`/potwierdzenie?${params}`);
        }}
      >
        <Input
          name="ref"
          label={texts.reference}
          hint={texts.referenceHint}
          value={query.ref}
          error={fieldError('#f-ref')}
        />
        <Input
          name="sha256"
          label={texts.sha256}
          hint={texts.sha256Hint}
          value={query.sha256}
          error={fieldError('#f-sha256')}
          wide
        />
        <button type="submit" class="button">
          {texts.submit}
        </button>
      </form>
      {asked && errors.length === 0 ? (
        <Verdict reference={reference} sha256={sha256} version={version} ask={asks} focus={verdictFocus} />
      ) : null}
    </Titled>
  );
}

function Input(props: {
  name: string;
  label: string;
  hint: string;
  value: string | undefined;
  error?: string | undefined;
  wide?: boolean;
}) {
  const texts = useReceiptTexts();
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
          <span class="visually-hidden">{texts.errorPrefix} </span>
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

function Verdict(props: {
  reference: string;
  sha256: string;
  version: string | undefined;
  /** How many times the question was asked on this page. */
  ask: number;
  /** Set when the question was just asked on this page: the verdict then takes the focus. */
  focus: { current: boolean };
}) {
  const texts = useReceiptTexts();
  const sectionRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (!props.focus.current) return;
    props.focus.current = false;
    sectionRef.current?.focus();
  });
  const [check, retry] = useResource<ReceiptCheck>(
    `receipt:${props.reference}:${props.sha256}:${props.version}:${props.ask}`,
    (signal) =>
      checkReceipt(props, signal).catch((error: unknown) => {
        // An unknown reference is an answer, not a failure.
        if (error instanceof ApiError && error.code === 'NOT_FOUND') return { valid: false };
        throw error;
      }),
  );
  return (
    <section
      class="verdict"
      aria-labelledby={check.status === 'ready' ? 'verdict-title' : undefined}
      tabIndex={-1}
      ref={sectionRef}
    >
      {/* The verdict is announced as well as shown: it arrives after the page has been read. */}
      <p class="visually-hidden" role="status">
        {check.status === 'loading'
          ? texts.checking
          : check.status === 'ready'
            ? check.data.valid
              ? texts.valid
              : texts.invalid
            : ''}
      </p>
      {check.status === 'error' ? (
        <ErrorNotice
          title={texts.failed}
          error={check.error}
          onRetry={() => {
            // The button goes with the notice: the focus stays in the verdict, which says "Sprawdzanie…".
            sectionRef.current?.focus();
            retry();
          }}
        />
      ) : null}
      {check.status === 'ready' ? (
        <div class={check.data.valid ? 'notice notice--success' : 'notice notice--error'}>
          <h2 class="notice__heading" id="verdict-title">
            {check.data.valid ? texts.valid : texts.invalid}
          </h2>
          {check.data.valid ? (
            <>
              <p>{texts.validText(check.data.version ?? 0)}</p>
              {check.data.superseded ? <p>{texts.superseded}</p> : null}
              {check.data.status === 'withdrawn' ? <p>{texts.withdrawn}</p> : null}
              {check.data.status === 'voided' ? <p>{texts.voided}</p> : null}
              <dl class="facts">
                <div class="facts__row">
                  <dt>{texts.gmina}</dt>
                  <dd>{check.data.gminaName}</dd>
                </div>
                <div class="facts__row">
                  <dt>{texts.call}</dt>
                  <dd lang="pl">{check.data.callTitle}</dd>
                </div>
                <div class="facts__row">
                  <dt>{texts.reference}</dt>
                  <dd>{check.data.reference}</dd>
                </div>
                {check.data.receivedAt ? (
                  <div class="facts__row">
                    <dt>{texts.receivedAt}</dt>
                    <dd>
                      <WarsawTime instant={check.data.receivedAt} />
                    </dd>
                  </div>
                ) : null}
              </dl>
            </>
          ) : (
            <p>{texts.invalidText}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
