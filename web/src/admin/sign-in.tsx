import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TAdminUser } from '../../../shared/schemas/admin.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import type { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';
import { focusHeading } from '../lib/page-focus.ts';
import { useLocation } from '../lib/router.ts';
import { listCalls, requestSignInLink, startSession } from './api.ts';
import { rememberReturn, returnPath, Titled, takeReturn } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/** The link's token, taken out of the address at once so it stays in no history entry or bookmark. */
function takeToken(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('t');
  if (!token) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type SignInState =
  | {
      step: 'form';
      linkInvalid?: boolean;
      signedInAs?: TAdminUser;
      fieldError?: boolean;
      error?: ApiError;
      busy?: boolean;
    }
  | { step: 'sent'; email: string }
  | { step: 'confirm'; token: string; busy?: boolean; error?: ApiError };

/** /admin/logowanie — the address to send the link to, then the link's own page (its token in the fragment). */
export function SignIn() {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const { query, route } = useLocation();
  const [state, setState] = useState<SignInState>({ step: 'form' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const back = returnPath(query.powrot);

  useEffect(() => {
    const takeLink = () => {
      const token = takeToken();
      if (token) setState({ step: 'confirm', token });
    };
    takeLink();
    // A link opened in a tab already showing this page changes only the fragment: no reload, so listen.
    addEventListener('hashchange', takeLink);
    return () => removeEventListener('hashchange', takeLink);
  }, []);

  useLayoutEffect(() => {
    if (state.step === 'sent') focusHeading(headingRef.current);
    if (state.step === 'form' && state.fieldError) inputRef.current?.focus();
  }, [state]);

  if (state.step === 'confirm') {
    /*
     * The token is exchanged only when the coordinator presses the button: mail scanners that open links
     * (and run their pages) before the coordinator does would otherwise use up the single-use token.
     * A failure other than a dead link keeps the token, so the button can simply be pressed again.
     */
    const exchange = () => {
      if (state.busy) return;
      setState({ step: 'confirm', token: state.token, busy: true });
      const enter = () => route(back ?? takeReturn() ?? '/admin', true);
      startSession(state.token).then(enter, (error: ApiError) => {
        if (error.code !== 'LINK_INVALID' && error.code !== 'VALIDATION_FAILED') {
          setState({ step: 'confirm', token: state.token, error });
          return;
        }
        // A used link pressed again (a second tab, the e-mail opened twice) while signed in here: said, with
        // who is signed in (on a shared computer it may be someone else) and the way to the panel.
        listCalls().then(
          ({ user }) => setState({ step: 'form', linkInvalid: true, signedInAs: user }),
          () => setState({ step: 'form', linkInvalid: true }),
        );
      });
    };
    return (
      <Titled title={texts.signIn.title}>
        <h1>{texts.signIn.title}</h1>
        {state.error ? (
          <div class="notice notice--error" role="alert">
            <p class="notice__title">{texts.signIn.exchangeFailed}</p>
            <p>{t.errors[state.error.code]}</p>
          </div>
        ) : null}
        <p>{texts.signIn.confirmIntro}</p>
        <p role="status" class="visually-hidden">
          {state.busy ? texts.signIn.checking : ''}
        </p>
        <button type="button" class="button" aria-disabled={state.busy ? true : undefined} onClick={exchange}>
          {state.busy ? texts.signIn.checking : texts.signIn.confirm}
        </button>
      </Titled>
    );
  }
  if (state.step === 'sent') {
    return (
      <Titled title={texts.signIn.sentTitle}>
        <h1 ref={headingRef}>{texts.signIn.sentTitle}</h1>
        <p>{texts.signIn.sent(state.email)}</p>
        <p>{texts.signIn.sentHint}</p>
        <button type="button" class="button button--secondary" onClick={() => setState({ step: 'form' })}>
          {texts.signIn.again}
        </button>
      </Titled>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    if (state.busy) return;
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '').trim();
    if (!EMAIL.test(email)) {
      setState({ step: 'form', fieldError: true });
      return;
    }
    setState({ step: 'form', busy: true });
    rememberReturn(back);
    requestSignInLink(email).then(
      () => setState({ step: 'sent', email }),
      (error: ApiError) =>
        setState(
          error.code === 'VALIDATION_FAILED' ? { step: 'form', fieldError: true } : { step: 'form', error },
        ),
    );
  };

  return (
    <Titled title={state.fieldError ? `${texts.errorPrefix} ${texts.signIn.title}` : texts.signIn.title}>
      <h1>{texts.signIn.title}</h1>
      {back && !state.linkInvalid ? (
        <div class="notice" role="status">
          <p>{texts.signIn.signInToContinue}</p>
        </div>
      ) : null}
      {state.linkInvalid ? (
        <div class="notice notice--error" role="alert">
          <p>{texts.signIn.linkInvalid}</p>
          {state.signedInAs ? (
            <p>
              {texts.panel.signedInAs(state.signedInAs.name, state.signedInAs.email)}{' '}
              <a href={back ?? '/admin'}>{texts.signIn.toPanel}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      {state.error ? (
        <ErrorNotice
          title={texts.signIn.failed}
          error={state.error}
          onRetry={() => setState({ step: 'form' })}
        />
      ) : null}
      <p>{texts.signIn.intro}</p>
      <form method="post" action="/admin/logowanie" noValidate onSubmit={submit}>
        <div class={state.fieldError ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for="f-email">
            {texts.signIn.email}
          </label>
          <p class="hint" id="f-email-hint">
            {texts.signIn.emailHint}
          </p>
          {state.fieldError ? (
            <p class="error-message" id="f-email-error">
              <span class="visually-hidden">{texts.errorPrefix} </span>
              {texts.signIn.badEmail}
            </p>
          ) : null}
          <input
            ref={inputRef}
            class={state.fieldError ? 'input input--error' : 'input'}
            id="f-email"
            name="email"
            type="email"
            autoComplete="email"
            spellcheck={false}
            aria-describedby={state.fieldError ? 'f-email-hint f-email-error' : 'f-email-hint'}
            aria-invalid={state.fieldError ? true : undefined}
          />
        </div>
        <button type="submit" class="button" aria-disabled={state.busy ? true : undefined}>
          {state.busy ? texts.signIn.sending : texts.signIn.submit}
        </button>
      </form>
    </Titled>
  );
}
