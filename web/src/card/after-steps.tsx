import '../pages.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TErrorContact } from '../../../shared/schemas/api.ts';
import type { CardSection } from '../../../shared/schemas/card.ts';
import { ZContactsSection } from '../../../shared/schemas/card.ts';
import type { TDraftAnswers } from '../../../shared/schemas/submission.ts';
import { issuesToFieldErrors } from '../../../shared/validation.ts';
import { RopsContactLines } from '../components/rops-contact.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import type { ApiError } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { reader } from '../lib/shape.ts';
import { AnswersSummary } from './answers-summary.tsx';
import { type DraftSaved, saveDraft, updateDraft } from './api.ts';
import { ErrorSummary } from './error-summary.tsx';
import { newIdempotencyKey } from './flow.ts';
import {
  cardLinkHref,
  type FormProps,
  StepNotFound,
  stepsOf,
  summaryOf,
  toApiError,
} from './form-common.tsx';
import { getPath, messageOf, type Step, serverFieldErrors, validateCard } from './model.ts';
import { pageTexts, usePageTexts } from './page-texts.ts';
import { useCardTexts } from './texts.ts';

/** The lazy loader waits for these texts in the current language, so the page never shows a mix. */
export const textsReady = pageTexts.load;

/** The pages after the form's steps, at `${base}/sprawdz`, `/wyslano` and `/zapisz` (see isAfterSteps). */
export function AfterSteps(props: FormProps & { steps: readonly Step[] }) {
  if (props.step === 'sprawdz') return <CheckPage {...props} />;
  if (props.step === 'wyslano') return <SentPage {...props} />;
  return <SavePage {...props} />;
}

function CheckPage(props: FormProps & { steps: readonly Step[] }) {
  const { setup, steps, flow, update } = props;
  const texts = useCardTexts();
  const pages = usePageTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  const busy = useRef(false);
  const [state, setState] = useState<{ sending: boolean; error?: ApiError; checks: number }>({
    sending: false,
    checks: 0,
  });
  const summary = useMemo(() => {
    // The browser's own verdict, worked out anew from the answers, then the API's last one.
    const local = flow.checked ? validateCard(flow.answers).errors : [];
    const named = new Set(local.map(({ section, path }) => `${section}.${path}`));
    const server = Object.entries(flow.serverErrors).flatMap(([section, fields]) =>
      Object.entries(fields ?? {})
        .filter(([path]) => !named.has(`${section}.${path}`))
        .map(([path, key]) => ({ section: section as CardSection, path, key })),
    );
    return summaryOf(texts, setup.base, steps, flow.answers, [...local, ...server]);
  }, [flow.checked, flow.answers, flow.serverErrors, texts]);
  // Each press that finds errors, and each verdict of the API, takes the focus to the summary.
  const verdict = useMemo(() => ({}), [state.checks, flow.serverErrors]);
  const title = pages.check.title;
  useDocumentTitle(summary.length > 0 || state.error ? texts.errorTitle(title) : title);

  // Sent already (a reload, or Back after sending): the answers are gone, the receipt is what counts.
  useEffect(() => {
    if (flow.receipt) route(`${setup.base}/wyslano`, true);
  }, []);

  const send = async (event: Event) => {
    event.preventDefault();
    // A second click while the first request is out does nothing; the key below covers a reload.
    if (busy.current) return;
    const { card } = validateCard(flow.answers);
    if (!card) {
      // Remembered, so the step a summary link leads to shows its errors too.
      update((current) => ({ ...current, checked: true }));
      setState((current) => ({ sending: false, checks: current.checks + 1 }));
      return;
    }
    const body = JSON.stringify(card);
    // The same answers are the same attempt: a retry after a lost answer must not make a second card.
    const key = flow.attempt?.body === body ? flow.attempt.key : newIdempotencyKey();
    update((current) => ({ ...current, checked: undefined, attempt: { key, body } }));
    busy.current = true;
    setState((current) => ({ ...current, sending: true, error: undefined }));
    try {
      const receipt = await setup.send(card, key);
      update((current) => ({
        answers: {},
        serverErrors: {},
        receipt: { ...receipt, changed: setup.mode === 'change' },
        card: current.card,
      }));
      route(`${setup.base}/wyslano`);
    } catch (error) {
      const apiError = toApiError(error);
      update((current) => ({
        ...current,
        serverErrors: serverFieldErrors(apiError.fields),
        attempt: apiError.code === 'IDEMPOTENCY_KEY_REUSED' ? undefined : current.attempt,
      }));
      setState((current) => ({ ...current, sending: false, error: apiError }));
    } finally {
      busy.current = false;
    }
  };

  const { error } = state;
  const lost = error && (error.code === 'NETWORK' || error.code === 'TIMEOUT');
  return (
    <>
      <a class="back-link" href={`${setup.base}/${steps[steps.length - 1]?.slug}`}>
        {texts.back}
      </a>
      <ErrorSummary title={texts.errorSummary} errors={summary} verdict={verdict} />
      <h1>{title}</h1>
      <AnswersSummary
        answers={flow.answers}
        steps={steps}
        changeHref={(step) => `${setup.base}/${step.slug}?zmiana`}
      />
      <h2>{pages.check.sendHeading}</h2>
      <p>{pages.check.sendText}</p>
      {error && summary.length === 0 ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{pages.check.sendFailed}</p>
          <p>{t.errors[error.code]}</p>
          {error.code === 'CARD_EXISTS' && setup.callId ? (
            <p>
              <a href={cardLinkHref(setup.callId, String(flow.answers.office?.teryt ?? ''))}>
                {texts.form.cardLinkOffer}
              </a>
            </p>
          ) : null}
          {error.code === 'CARD_EXISTS' ? <ContestCard error={error} /> : null}
          {lost ? <p>{pages.check.networkRetry}</p> : null}
          {error.requestId ? <p class="hint">{t.errorReference(error.requestId)}</p> : null}
        </div>
      ) : null}
      <form noValidate onSubmit={send}>
        <button type="submit" class="button" aria-disabled={state.sending ? true : undefined}>
          {setup.mode === 'new' ? pages.check.send : pages.check.sendChanged}
        </button>
      </form>
      <p role="status">{state.sending ? pages.check.sending : ''}</p>
    </>
  );
}

/** The error body's contact: on CARD_EXISTS, the ROPS that can void a card the gmina did not send. */
const readContact = reader<{ error: { contact?: TErrorContact } }>({
  error: {
    'contact?': { name: 'string', address: 'string', email: 'string', phone: 'string', hours: 'string' },
  },
});

/** How a gmina that did not send the card it is refused for contests it (issue 13): whom to contact. */
function ContestCard(props: { error: ApiError }) {
  const pages = usePageTexts();
  const contact = readContact(props.error.cause)?.error.contact;
  if (!contact) return null;
  return (
    <>
      <p>{pages.check.contest}</p>
      <RopsContactLines contact={contact} />
    </>
  );
}

function SentPage(props: FormProps) {
  const { setup, flow } = props;
  const pages = usePageTexts();
  const receipt = flow.receipt;
  const title = receipt?.changed ? pages.sent.titleChanged : pages.sent.title;
  useDocumentTitle(title);
  if (!receipt) return <StepNotFound {...props} steps={stepsOf(setup)} />;
  return (
    <>
      <div class="panel">
        <h1 class="panel__title">{title}</h1>
        <div class="panel__body">
          {pages.sent.reference}
          <br />
          <strong class="reference">{receipt.reference}</strong>
        </div>
      </div>
      <p>{pages.sent.referenceHint}</p>
      <p>{pages.sent.email}</p>
      <h2>{pages.sent.receipt}</h2>
      <dl class="facts">
        <div class="facts__row">
          <dt>{pages.sent.receivedAt}</dt>
          <dd>
            <WarsawTime instant={receipt.receivedAt} />
          </dd>
        </div>
        <div class="facts__row">
          <dt>{pages.sent.version}</dt>
          <dd>{receipt.version}</dd>
        </div>
        <div class="facts__row">
          <dt>{pages.sent.sha256}</dt>
          <dd>
            <code class="digest">{receipt.sha256}</code>
          </dd>
        </div>
      </dl>
      <p class="hint">{pages.sent.sha256Hint}</p>
      <p>
        <a
          href={`/potwierdzenie?ref=${encodeURIComponent(receipt.reference)}&sha256=${encodeURIComponent(receipt.sha256)}&version=${receipt.version}`}
        >
          {pages.sent.check}
        </a>
      </p>
      <p>
        {setup.mode === 'new' ? (
          <a href="/">{pages.sent.home}</a>
        ) : (
          <a href="/karta">{pages.sent.backToCard}</a>
        )}
      </p>
    </>
  );
}

/**
 * "Zapisz i dokończ później": the answers so far go to the API, which e-mails a link to them. Opened from
 * that link, the form holds its token, and saving again just updates the same draft.
 */
function SavePage(props: FormProps & { steps: readonly Step[] }) {
  const { setup, flow, update, steps } = props;
  const texts = useCardTexts();
  const pages = usePageTexts();
  const { t } = useI18n();
  const { query } = useLocation();
  const busy = useRef(false);
  const [state, setState] = useState<{
    saving?: boolean;
    saved?: DraftSaved;
    email?: string;
    error?: ApiError;
    emailError?: string;
  }>(() => ({ saving: Boolean(flow.draftToken) }));
  const back = steps.find((step) => step.slug === query.z) ?? steps[0];
  const title = state.saved ? pages.save.doneTitle : pages.save.title;
  const emailErrors = useMemo(
    () => (state.emailError ? [{ href: '#f-email', text: `${pages.save.email}: ${state.emailError}` }] : []),
    [state.emailError],
  );
  useDocumentTitle(emailErrors.length > 0 ? texts.errorTitle(title) : title);

  const save = async (email: string | undefined) => {
    if (busy.current || !setup.callId) return;
    busy.current = true;
    setState({ saving: true });
    const answers = flow.answers as TDraftAnswers;
    try {
      let saved: DraftSaved;
      if (email === undefined && flow.draftToken) saved = await updateDraft(flow.draftToken, answers);
      else {
        // The same address and answers are the same attempt: a retry after a lost answer saves nothing new.
        const body = JSON.stringify([email, answers]);
        const key = flow.draftAttempt?.body === body ? flow.draftAttempt.key : newIdempotencyKey();
        update((current) => ({ ...current, draftAttempt: { key, body } }));
        saved = await saveDraft(setup.callId, email ?? '', answers, key);
      }
      if (email !== undefined)
        update((current) => ({ ...current, draftEmail: email, draftAttempt: undefined }));
      setState({ saved, ...(email === undefined ? {} : { email }) });
    } catch (error) {
      const apiError = toApiError(error);
      // An expired draft link: from now on, save with the e-mail form as the first time.
      if (apiError.code === 'LINK_INVALID') update((current) => ({ ...current, draftToken: undefined }));
      setState({ error: apiError });
    } finally {
      busy.current = false;
    }
  };

  useEffect(() => {
    if (flow.draftToken) void save(undefined);
  }, []);

  // The form (the focused button with it) gives way to the confirmation: focus and read its heading, or a
  // screen reader is left on nothing and hears only "Zapisywanie…".
  const doneRef = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (state.saved) doneRef.current?.focus();
  }, [state.saved]);

  const returnLink = (
    <p>
      <a href={`${setup.base}/${back?.slug ?? ''}`}>{texts.backToForm}</a>
    </p>
  );

  if (state.saved) {
    return (
      <>
        <div class="panel">
          <h1 class="panel__title" tabIndex={-1} ref={doneRef}>
            {title}
          </h1>
        </div>
        <p>{state.email ? pages.save.doneSent(state.email) : pages.save.doneUpdated}</p>
        <p>
          {pages.save.expires} <WarsawTime instant={state.saved.expiresAt} />.
        </p>
        {returnLink}
      </>
    );
  }

  const defaultEmail = flow.draftEmail ?? getPath(flow.answers.contacts, 'contact.email');
  return (
    <>
      <a class="back-link" href={`${setup.base}/${back?.slug ?? ''}`}>
        {texts.back}
      </a>
      <ErrorSummary title={texts.errorSummary} errors={emailErrors} verdict={state} />
      <h1>{title}</h1>
      <p>{pages.save.intro}</p>
      {state.error ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{pages.save.failed}</p>
          <p>{t.errors[state.error.code]}</p>
        </div>
      ) : null}
      {flow.draftToken && !state.error ? (
        <p role="status">{pages.save.saving}</p>
      ) : flow.draftToken ? (
        // The draft from the link failed to update: try that again. Asking for an address here would make
        // a second draft, with a second e-mail, while this tab kept saving to the first.
        <button type="button" class="button" onClick={() => void save(undefined)}>
          {t.retry}
        </button>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const email = String(new FormData(event.currentTarget).get('email') ?? '');
            // The rule ZSaveDraftRequest applies to this address (card.ts's e-mail, as for the contact person).
            const result = ZContactsSection.shape.contact.shape.email.safeParse(email);
            if (!result.success) {
              const key = issuesToFieldErrors(result.error.issues)._ ?? 'email';
              setState({ emailError: messageOf(texts, key) });
              return;
            }
            void save(result.data);
          }}
        >
          <div class={state.emailError ? 'form-group form-group--error' : 'form-group'}>
            <label class="label" for="f-email">
              {pages.save.email}
            </label>
            <p class="hint" id="f-email-hint">
              {pages.save.emailHint}
            </p>
            {state.emailError ? (
              <p class="error-message" id="f-email-error">
                <span class="visually-hidden">{texts.errorPrefix} </span>
                {state.emailError}
              </p>
            ) : null}
            <input
              class={state.emailError ? 'input input--error' : 'input'}
              id="f-email"
              name="email"
              type="email"
              autoComplete="email"
              spellcheck={false}
              aria-describedby={state.emailError ? 'f-email-hint f-email-error' : 'f-email-hint'}
              aria-invalid={state.emailError ? true : undefined}
              defaultValue={typeof defaultEmail === 'string' ? defaultEmail : ''}
            />
          </div>
          <button type="submit" class="button" aria-disabled={state.saving ? true : undefined}>
            {pages.save.submit}
          </button>
          <p role="status">{state.saving ? pages.save.saving : ''}</p>
        </form>
      )}
      {returnLink}
    </>
  );
}
