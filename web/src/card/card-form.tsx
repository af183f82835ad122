import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type CallRules, gminaIneligibility } from '../../../shared/eligibility.ts';
import { type CardSection, type TCardAnswers, ZContactsSection } from '../../../shared/schemas/card.ts';
import type { TDraftAnswers } from '../../../shared/schemas/submission.ts';
import { issuesToFieldErrors } from '../../../shared/validation.ts';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { ApiError } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { AnswersSummary } from './answers-summary.tsx';
import { type DraftSaved, type Receipt, saveDraft, updateDraft } from './api.ts';
import { ErrorSummary, type SummaryError } from './error-summary.tsx';
import { FieldView, type StepContext } from './fields.tsx';
import { type Flow, type FlowUpdate, newIdempotencyKey } from './flow.ts';
import {
  type Answers,
  type FieldErrors,
  fieldId,
  getPath,
  labelOf,
  leaves,
  mergeStep,
  messageOf,
  readStep,
  STEPS,
  type Step,
  serverFieldErrors,
  stepOfField,
  validateCard,
  validateStep,
} from './model.ts';
import { loadedRegister } from './register.ts';
import { type CardTexts, useCardTexts } from './texts.ts';

/** What differs between sending a new card and changing a sent one; the pages are the same. */
export interface FormSetup {
  mode: 'new' | 'change';
  /** The form's address; steps are `${base}/${slug}`. */
  base: string;
  /** Where "Wstecz" on the first step leads: the call, or the card's page. */
  exitHref: string;
  /** The nabór, for the gmina picker (a new card only: a sent card's gmina is fixed). */
  call?: CallRules;
  callId?: string;
  send(card: TCardAnswers, idempotencyKey: string): Promise<Receipt>;
}

export interface FormProps {
  setup: FormSetup;
  /** The step slug from the address, or one of the pages after the steps. */
  step: string | undefined;
  flow: Flow;
  update: FlowUpdate;
  /** Said at the top of the page, e.g. that a saved card was restored. */
  notice?: string | undefined;
}

/** The steps of a new card; a change skips the gmina, which a sent card keeps. */
export function stepsOf(setup: FormSetup): readonly Step[] {
  return setup.mode === 'new' ? STEPS : STEPS.slice(1);
}

export function CardForm(props: FormProps) {
  const steps = stepsOf(props.setup);
  const step = props.step === undefined ? steps[0] : steps.find((candidate) => candidate.slug === props.step);
  if (step) return <StepPage key={step.slug} {...props} steps={steps} current={step} />;
  if (props.step === 'sprawdz') return <CheckPage {...props} steps={steps} />;
  if (props.step === 'wyslano') return <SentPage {...props} />;
  if (props.step === 'zapisz' && props.setup.mode === 'new') return <SavePage {...props} steps={steps} />;
  return <StepNotFound {...props} steps={steps} />;
}

function StepNotFound(props: FormProps & { steps: readonly Step[] }) {
  const { t } = useI18n();
  const texts = useCardTexts();
  useDocumentTitle(t.notFound.title);
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>
        <a href={`${props.setup.base}/${props.steps[0]?.slug}`}>{texts.save.continue}</a>
      </p>
    </>
  );
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error });
}

/** The element an error on `path` links to on the step's page. */
function targetOf(step: Step, path: string): string {
  const fields = leaves(step.fields);
  const field = fields.find((leaf) => path === leaf.name || path.startsWith(`${leaf.name}.`)) ?? fields[0];
  if (!field) return fieldId(path);
  if (field.kind === 'figure') return fieldId(`${field.name}.${path.endsWith('.year') ? 'year' : 'value'}`);
  return fieldId(field.name);
}

/** Error summary entries: "Kod pocztowy: Wpisz kod pocztowy w formacie 00-000." linking to the field. */
function summaryOf(
  texts: CardTexts,
  base: string,
  steps: readonly Step[],
  answers: Answers,
  errors: { section: CardSection; path: string; key: string }[],
  here?: Step,
): SummaryError[] {
  return errors.map(({ section, path, key }) => {
    const owner = stepOfField(section, path);
    const visible = owner && steps.includes(owner) ? owner : steps[0];
    const href = here && owner === here ? `#${targetOf(here, path)}` : `${base}/${visible?.slug ?? ''}`;
    const typed = section === 'criteria' ? getPath(answers[section], path) : undefined;
    const message = messageOf(texts, key, typed);
    return { href, text: `${labelOf(texts, section, path)}: ${message}` };
  });
}

function errorsOfStep(step: Step, errors: FieldErrors) {
  return Object.entries(errors).map(([path, key]) => ({ section: step.section, path, key }));
}

/** The API's errors that belong on this step's page. */
function serverErrorsOn(step: Step, flow: Flow): FieldErrors {
  return Object.fromEntries(
    Object.entries(flow.serverErrors[step.section] ?? {}).filter(
      ([path]) => stepOfField(step.section, path) === step,
    ),
  );
}

/** Follow-ups of choosing a gmina: its own powiat as the partner, and a rural gmina is headed by a wójt. */
function withGminaDefaults(before: Answers, after: Answers): Answers {
  const teryt = after.office?.teryt;
  if (typeof teryt !== 'string' || teryt === before.office?.teryt) return after;
  const office = { ...after.office };
  if (teryt.endsWith('2') && getPath(office, 'head.title') === undefined) {
    office.head = { ...(office.head as object | undefined), title: 'wojt' };
  }
  return { ...after, office, partner: { ...after.partner, powiatCode: teryt.slice(0, 4) } };
}

const LIVE_FIELDS = new Set(['population.value', 'longTermAssistancePersons.value']);

function StepPage(props: FormProps & { steps: readonly Step[]; current: Step }) {
  const { setup, steps, current: step, flow, update } = props;
  const texts = useCardTexts();
  const { route, query } = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>(() => serverErrorsOn(step, flow));
  const [typed, setTyped] = useState<Record<string, string>>({});
  const index = steps.indexOf(step);
  const changing = 'zmiana' in query;
  const title = texts.steps[step.slug];
  const summary = useMemo(
    () => summaryOf(texts, setup.base, steps, flow.answers, errorsOfStep(step, errors), step),
    // Not on every keystroke that re-renders the page; the answers typed matter only with a new verdict.
    [errors, texts],
  );
  useDocumentTitle(summary.length > 0 ? texts.errorTitle(title) : title);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = formRef.current;
    if (!form) return;
    let answers = mergeStep(flow.answers, step, readStep(step, form));
    if ((event.submitter as HTMLButtonElement | null)?.value === 'save') {
      update((current) => ({ ...current, answers }));
      route(`${setup.base}/zapisz?z=${step.slug}`);
      return;
    }
    const found = validateStep(step, answers);
    const teryt = answers.office?.teryt;
    const gmina = typeof teryt === 'string' ? loadedRegister()?.byTeryt.get(teryt) : undefined;
    if (step.slug === 'gmina' && !found.teryt && setup.call && gmina) {
      const why = gminaIneligibility(setup.call, gmina);
      if (why) found.teryt = why;
    }
    if (Object.keys(found).length > 0) {
      update((current) => ({ ...current, answers }));
      setErrors(found);
      return;
    }
    answers = withGminaDefaults(flow.answers, answers);
    update((current) => ({
      ...current,
      answers,
      // Filling in again after sending starts another card: the old receipt no longer stands for it.
      receipt: undefined,
      serverErrors: {
        ...current.serverErrors,
        [step.section]: Object.fromEntries(
          Object.entries(current.serverErrors[step.section] ?? {}).filter(
            ([path]) => stepOfField(step.section, path) !== step,
          ),
        ),
      },
    }));
    route(`${setup.base}/${changing ? 'sprawdz' : (steps[index + 1]?.slug ?? 'sprawdz')}`);
  };

  const ctx: StepContext = {
    section: step.section,
    values: flow.answers[step.section] ?? {},
    errors,
    typed,
    teryt: flow.answers.office?.teryt as string | undefined,
    call: setup.call,
  };
  const backHref = changing
    ? `${setup.base}/sprawdz`
    : index === 0
      ? setup.exitHref
      : `${setup.base}/${steps[index - 1]?.slug}`;

  return (
    <>
      <a class="back-link" href={backHref}>
        {texts.back}
      </a>
      {props.notice ? (
        <div class="notice" role="status">
          <p>{props.notice}</p>
        </div>
      ) : null}
      <ErrorSummary title={texts.errorSummary} errors={summary} verdict={errors} />
      <p class="caption">{texts.stepOf(index + 1, steps.length)}</p>
      <h1>{title}</h1>
      {step.slug === 'kryteria' ? <p>{texts.criteriaIntro}</p> : null}
      {step.slug === 'oswiadczenia' ? <p>{texts.declarationsHint}</p> : null}
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => onSubmit(event as unknown as SubmitEvent)}
        onInput={(event) => {
          const input = event.target as HTMLInputElement | HTMLTextAreaElement;
          if (LIVE_FIELDS.has(input.name) || input.tagName === 'TEXTAREA') {
            setTyped((current) => ({ ...current, [input.name]: input.value }));
          }
        }}
      >
        {step.fields.map((field) => (
          <FieldView key={field.name} field={field} ctx={ctx} />
        ))}
        <div class="button-group">
          <button type="submit" class="button" name="intent" value="next">
            {texts.next}
          </button>
          {setup.mode === 'new' ? (
            <button type="submit" class="button button--secondary" name="intent" value="save">
              {texts.saveLater}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}

function CheckPage(props: FormProps & { steps: readonly Step[] }) {
  const { setup, steps, flow, update } = props;
  const texts = useCardTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  const busy = useRef(false);
  const [state, setState] = useState<{ sending: boolean; error?: ApiError; local?: SummaryError[] }>({
    sending: false,
  });
  const serverSummary = useMemo(() => {
    const errors = Object.entries(flow.serverErrors).flatMap(([section, fields]) =>
      Object.entries(fields ?? {}).map(([path, key]) => ({ section: section as CardSection, path, key })),
    );
    return summaryOf(texts, setup.base, steps, flow.answers, errors);
  }, [flow.serverErrors, texts]);
  const summary = state.local ?? serverSummary;
  const title = texts.check.title;
  useDocumentTitle(summary.length > 0 || state.error ? texts.errorTitle(title) : title);

  // Sent already (a reload, or Back after sending): the answers are gone, the receipt is what counts.
  useEffect(() => {
    if (flow.receipt) route(`${setup.base}/wyslano`, true);
  }, []);

  const send = async (event: Event) => {
    event.preventDefault();
    // A second click while the first request is out does nothing; the key below covers a reload.
    if (busy.current) return;
    const { errors, card } = validateCard(flow.answers);
    if (!card) {
      setState({
        sending: false,
        local: summaryOf(texts, setup.base, steps, flow.answers, errors),
      });
      return;
    }
    const body = JSON.stringify(card);
    // The same answers are the same attempt: a retry after a lost answer must not make a second card.
    const key = flow.attempt?.body === body ? flow.attempt.key : newIdempotencyKey();
    update((current) => ({ ...current, attempt: { key, body } }));
    busy.current = true;
    setState({ sending: true });
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
      setState({ sending: false, error: apiError });
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
      <ErrorSummary title={texts.errorSummary} errors={summary} verdict={state.local ?? flow.serverErrors} />
      <h1>{title}</h1>
      <AnswersSummary
        answers={flow.answers}
        steps={steps}
        changeHref={(step) => `${setup.base}/${step.slug}?zmiana`}
      />
      <h2>{texts.check.sendHeading}</h2>
      <p>{texts.check.sendText}</p>
      {error && summary.length === 0 ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{texts.check.sendFailed}</p>
          <p>{t.errors[error.code]}</p>
          {lost ? <p>{texts.check.networkRetry}</p> : null}
          {error.requestId ? <p class="hint">{t.errorReference(error.requestId)}</p> : null}
        </div>
      ) : null}
      <form noValidate onSubmit={send}>
        <button type="submit" class="button" aria-disabled={state.sending ? true : undefined}>
          {setup.mode === 'new' ? texts.check.send : texts.check.sendChanged}
        </button>
      </form>
      <p role="status">{state.sending ? texts.check.sending : ''}</p>
    </>
  );
}

function SentPage(props: FormProps) {
  const { setup, flow } = props;
  const texts = useCardTexts();
  const receipt = flow.receipt;
  const title = receipt?.changed ? texts.sent.titleChanged : texts.sent.title;
  useDocumentTitle(title);
  if (!receipt) return <StepNotFound {...props} steps={stepsOf(setup)} />;
  return (
    <>
      <div class="panel">
        <h1 class="panel__title">{title}</h1>
        <div class="panel__body">
          {texts.sent.reference}
          <br />
          <strong class="reference">{receipt.reference}</strong>
        </div>
      </div>
      <p>{texts.sent.referenceHint}</p>
      <p>{texts.sent.email}</p>
      <h2>{texts.sent.receipt}</h2>
      <dl class="facts">
        <div class="facts__row">
          <dt>{texts.sent.receivedAt}</dt>
          <dd>
            <WarsawTime instant={receipt.receivedAt} />
          </dd>
        </div>
        <div class="facts__row">
          <dt>{texts.sent.version}</dt>
          <dd>{receipt.version}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.sent.sha256}</dt>
          <dd>
            <code class="digest">{receipt.sha256}</code>
          </dd>
        </div>
      </dl>
      <p class="hint">{texts.sent.sha256Hint}</p>
      <p>
        <a
          href={`/potwierdzenie?ref=${encodeURIComponent(receipt.reference)}&sha256=${encodeURIComponent(receipt.sha256)}&version=${receipt.version}`}
        >
          {texts.sent.check}
        </a>
      </p>
      <p>
        {setup.mode === 'new' ? (
          <a href="/">{texts.sent.home}</a>
        ) : (
          <a href="/karta">{texts.sent.backToCard}</a>
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
  const title = state.saved ? texts.save.doneTitle : texts.save.title;
  const emailErrors = useMemo(
    () => (state.emailError ? [{ href: '#f-email', text: `${texts.save.email}: ${state.emailError}` }] : []),
    [state.emailError],
  );
  useDocumentTitle(emailErrors.length > 0 ? texts.errorTitle(title) : title);

  const save = async (email: string | undefined) => {
    if (busy.current || !setup.callId) return;
    busy.current = true;
    setState({ saving: true });
    const answers = flow.answers as TDraftAnswers;
    try {
      const saved =
        email === undefined && flow.draftToken
          ? await updateDraft(flow.draftToken, answers)
          : await saveDraft(setup.callId, email ?? '', answers);
      if (email !== undefined) update((current) => ({ ...current, draftEmail: email }));
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

  const returnLink = (
    <p>
      <a href={`${setup.base}/${back?.slug ?? ''}`}>{texts.save.continue}</a>
    </p>
  );

  if (state.saved) {
    return (
      <>
        <div class="panel">
          <h1 class="panel__title">{title}</h1>
        </div>
        <p>{state.email ? texts.save.doneSent(state.email) : texts.save.doneUpdated}</p>
        <p>
          {texts.save.expires} <WarsawTime instant={state.saved.expiresAt} />.
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
      <p>{texts.save.intro}</p>
      {state.error ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{texts.save.failed}</p>
          <p>{t.errors[state.error.code]}</p>
        </div>
      ) : null}
      {flow.draftToken && !state.error ? (
        <p role="status">{texts.save.saving}</p>
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
              {texts.save.email}
            </label>
            <p class="hint" id="f-email-hint">
              {texts.save.emailHint}
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
            {texts.save.submit}
          </button>
          <p role="status">{state.saving ? texts.save.saving : ''}</p>
        </form>
      )}
      {returnLink}
    </>
  );
}
