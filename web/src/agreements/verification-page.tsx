import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { type Verification, verifyAgreement } from './api.ts';
import { AgreementErrorNotice, RETRYABLE } from './error-notice.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { useAgreementTexts } from './texts.ts';
import { Titled } from './titled.tsx';

const AGREEMENT_ID = /^PZ-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** As people copy it from an e-mail or a printout: any case, stray spaces, a word processor's dash. */
function normaliseId(value: string): string {
  const compact = value.replace(/[\s\-\u2010-\u2015]/g, '').toUpperCase();
  return /^PZ[A-Z0-9]{8}$/.test(compact) ? `PZ-${compact.slice(2, 6)}-${compact.slice(6)}` : compact;
}
const normaliseSha256 = (value: string) => value.replace(/\s/g, '').toLowerCase();

/**
 * /porozumienie/weryfikacja — anyone holding a signed agreement's final PDF (a party, an auditor) checks
 * that the file with this SHA-256 is the sealed record of the agreement with this number. The question lives
 * in the address (?id=…&sha256=…), as on the receipt check, so a link can lead straight to the answer.
 */
export function VerificationPage() {
  const texts = useAgreementTexts().verify;
  const all = useAgreementTexts();
  const { query, route } = useLocation();
  const id = normaliseId(query.id ?? '');
  const sha256 = normaliseSha256(query.sha256 ?? '');
  const asked = query.sha256 !== undefined;
  const errors = useMemo(
    () =>
      asked
        ? [
            ...(AGREEMENT_ID.test(id) ? [] : [{ href: '#f-id', text: texts.badId }]),
            ...(SHA256.test(sha256) ? [] : [{ href: '#f-sha256', text: texts.badSha256 }]),
          ]
        : [],
    [id, sha256, asked, texts],
  );
  const verdictFocus = useRef(false);
  const [asks, setAsks] = useState(0);
  const fieldError = (href: string) => errors.find((error) => error.href === href)?.text;
  return (
    <Titled title={errors.length > 0 ? all.errorTitle(texts.title) : texts.title}>
      <ErrorSummary
        id="verify-errors"
        title={all.errorSummary}
        errors={errors}
        verdict={`${query.id}|${query.sha256}`}
      />
      <h1>{texts.title}</h1>
      <p>{texts.intro}</p>
      <form
        key={`${query.id}|${query.sha256}`}
        method="get"
        action="/porozumienie/weryfikacja"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const params = new URLSearchParams({
            id: normaliseId(String(data.get('id') ?? '')),
            sha256: normaliseSha256(String(data.get('sha256') ?? '')),
          });
          verdictFocus.current =
            AGREEMENT_ID.test(params.get('id') ?? '') && SHA256.test(params.get('sha256') ?? '');
          setAsks((n) => n + 1);
          route(`/porozumienie/weryfikacja?${params}`);
        }}
      >
        <Input
          name="id"
          label={texts.agreementId}
          hint={texts.agreementIdHint}
          value={query.id}
          error={fieldError('#f-id')}
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
        <Verdict id={id} sha256={sha256} ask={asks} focus={verdictFocus} />
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
  const texts = useAgreementTexts();
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

function Verdict(props: { id: string; sha256: string; ask: number; focus: { current: boolean } }) {
  const texts = useAgreementTexts().verify;
  const { t } = useI18n();
  const sectionRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (!props.focus.current) return;
    props.focus.current = false;
    sectionRef.current?.focus();
  });
  const [check, retry] = useResource<Verification>(
    `verify:${props.id}:${props.sha256}:${props.ask}`,
    (signal) => verifyAgreement({ agreementId: props.id, sha256: props.sha256 }, signal),
  );
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
      {check.status === 'error' ? (
        <AgreementErrorNotice
          title={texts.failed}
          error={check.error}
          action={
            RETRYABLE.has(check.error.code)
              ? {
                  label: t.retry,
                  run: () => {
                    sectionRef.current?.focus();
                    retry();
                  },
                }
              : undefined
          }
        />
      ) : null}
      {check.status === 'ready' ? (
        <div class={check.data.valid ? 'notice notice--success' : 'notice notice--error'}>
          <h2 class="notice__heading" id="verdict-title">
            {check.data.valid ? texts.valid : texts.invalid}
          </h2>
          {check.data.valid ? (
            <>
              <p>{texts.validText}</p>
              <dl class="facts">
                <div class="facts__row">
                  <dt>{useAgreementTexts().agreementId}</dt>
                  <dd>{check.data.agreementId}</dd>
                </div>
                {check.data.completedAt ? (
                  <div class="facts__row">
                    <dt>{texts.completedAt}</dt>
                    <dd>
                      <WarsawTime instant={check.data.completedAt} />
                    </dd>
                  </div>
                ) : null}
              </dl>
              <h3>{texts.parties}</h3>
              <ul>
                {(check.data.parties ?? []).map((party) => (
                  <li key={party.name}>
                    <span lang="pl">{party.name}</span>
                    {party.signedAt ? (
                      <>
                        {' — '}
                        <WarsawTime instant={party.signedAt} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{texts.invalidText}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
