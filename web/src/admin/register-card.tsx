import { useEffect, useRef, useState } from 'preact/hooks';
import { gminaIneligibility } from '../../../shared/eligibility.ts';
import type { TCardAnswers } from '../../../shared/schemas/card.ts';
import { SCAN_MAX_BYTES, SCAN_PART_BYTES, scanTypeOf } from '../../../shared/schemas/registration.ts';
import { formatWarsaw } from '../../../shared/time.ts';
// The card form's own modules: bundled for this screen as copies (web/vite.config.ts, panelCopies), so the
// clerk's form route keeps its chunks exactly as they were.
import { ErrorSummary, type SummaryError } from '../card/error-summary.tsx';
import { FieldView, type StepContext } from '../card/fields.tsx';
import { newIdempotencyKey, useFlow } from '../card/flow.ts';
import { summaryOf } from '../card/form-common.tsx';
import {
  type FieldErrors,
  mergeStep,
  readStep,
  STEPS,
  type Step,
  serverFieldErrors,
  validateCard,
  validateStep,
} from '../card/model.ts';
import { loadedRegister } from '../card/register.ts';
import { useCardTexts } from '../card/texts.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { Titled } from '../components/titled.tsx';
import { type ApiError, getCall } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { registerCard, uploadScanPart } from './register-api.ts';
import { useRegisterTexts } from './register-texts.ts';

/**
 * /admin/rejestracja/:callId/:step? — a card that came by post or e-mail, typed in by a coordinator: the
 * card form's steps (the same fields and checks as the clerk's), then how and when it was sent with its
 * scan ("wplyw"), then the reference ("zarejestrowano"). What is typed is kept in this tab's storage; the
 * scan is chosen on the last page and sent in parts just before the card.
 */
export default function RegisterCard(props: { callId: string; step?: string | undefined }) {
  const { callId } = props;
  const texts = useRegisterTexts();
  const { t } = useI18n();
  const [call, retry] = useResource(`call:${callId}`, (signal) => getCall(callId, signal));
  if (call.status === 'loading') {
    return (
      <Titled title={texts.title}>
        <p role="status">{t.call.loading}</p>
      </Titled>
    );
  }
  if (call.status === 'error') {
    return (
      <Titled title={texts.title}>
        <h1>{texts.title}</h1>
        <ErrorNotice title={t.call.loadFailed} error={call.error} onRetry={retry} />
      </Titled>
    );
  }
  return <Registration key={callId} callId={callId} step={props.step} call={call.data} />;
}

type Call = Awaited<ReturnType<typeof getCall>>;
type Registered = { reference: string; teryt: string };

function Registration(props: { callId: string; step: string | undefined; call: Call }) {
  const base = `/admin/rejestracja/${encodeURIComponent(props.callId)}`;
  const [flow, update] = useFlow(`kooperacja.rejestracja.${props.callId}`);
  const [registered, setRegistered] = useState<Registered | undefined>();
  const step = props.step === undefined ? STEPS[0] : STEPS.find((one) => one.slug === props.step);
  if (props.step === 'zarejestrowano' && registered) return <Done {...props} registered={registered} />;
  if (props.step === 'wplyw')
    return (
      <Receipt
        {...props}
        base={base}
        answers={flow.answers}
        attemptKey={flow.attempt?.key}
        keepKey={(key) => update((current) => ({ ...current, attempt: key ? { key, body: '' } : undefined }))}
        onDone={(done) => {
          update(() => ({ answers: {}, serverErrors: {} }));
          setRegistered(done);
        }}
      />
    );
  if (!step) return <Done {...props} registered={registered} />;
  return (
    <StepPage
      key={step.slug}
      base={base}
      call={props.call}
      step={step}
      answers={flow.answers}
      onNext={(answers) => update((current) => ({ ...current, answers }))}
    />
  );
}

function StepPage(props: {
  base: string;
  call: Call;
  step: Step;
  answers: ReturnType<typeof useFlow>[0]['answers'];
  onNext: (answers: ReturnType<typeof useFlow>[0]['answers']) => void;
}) {
  const { step, base } = props;
  const texts = useRegisterTexts();
  const cardTexts = useCardTexts();
  const { route } = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const index = STEPS.indexOf(step);
  const title = cardTexts.steps[step.slug];
  const summary = summaryOf(
    cardTexts,
    base,
    STEPS,
    props.answers,
    Object.entries(errors).map(([path, key]) => ({ section: step.section, path, key })),
    step,
  );
  const ctx: StepContext = {
    section: step.section,
    values: props.answers[step.section] ?? {},
    errors,
    typed: {},
    teryt: props.answers.office?.teryt as string | undefined,
    call: props.call,
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = formRef.current;
    if (!form) return;
    let answers = mergeStep(props.answers, step, readStep(step, form, true));
    const found = validateStep(step, answers);
    const teryt = answers.office?.teryt;
    const gmina = typeof teryt === 'string' ? loadedRegister()?.byTeryt.get(teryt) : undefined;
    if (step.slug === 'gmina' && !found.teryt && gmina) {
      const why = gminaIneligibility(props.call, gmina);
      if (why) found.teryt = why;
    }
    props.onNext(answers);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    if (step.slug === 'gmina' && typeof teryt === 'string' && teryt !== props.answers.office?.teryt) {
      // As the clerk's form does (withGminaDefaults in card-form.tsx, not imported: it would split the form's
      // chunk): the gmina's own powiat as the partner, until another is chosen, and a rural gmina's wójt.
      const office = { ...answers.office };
      const head = office.head as { title?: unknown } | undefined;
      if (teryt.endsWith('2') && head?.title === undefined) office.head = { ...head, title: 'wojt' };
      answers = { ...answers, office, partner: { ...answers.partner, powiatCode: teryt.slice(0, 4) } };
      props.onNext(answers);
    }
    route(`${base}/${STEPS[index + 1]?.slug ?? 'wplyw'}`);
  };
  return (
    <Titled title={summary.length > 0 ? cardTexts.errorTitle(title) : title}>
      <a class="back-link" href={index === 0 ? '/admin' : `${base}/${STEPS[index - 1]?.slug}`}>
        {texts.back}
      </a>
      <ErrorSummary title={cardTexts.errorSummary} errors={summary} verdict={errors} />
      <h1>
        <span class="caption">
          {texts.title} — {cardTexts.stepOf(index + 1, STEPS.length + 1)}
        </span>{' '}
        {title}
      </h1>
      {index === 0 ? <p>{texts.intro}</p> : null}
      <form ref={formRef} noValidate onSubmit={onSubmit}>
        {step.fields.map((field) => (
          <FieldView key={field.name} field={field} ctx={ctx} />
        ))}
        <div class="button-group">
          <button type="submit" class="button">
            {texts.next}
          </button>
        </div>
      </form>
    </Titled>
  );
}

const FIELD_IDS = {
  channel: 'rejestracja-kanal-post',
  receivedOn: 'rejestracja-data',
  scan: 'rejestracja-skan',
};

function Receipt(props: {
  callId: string;
  call: Call;
  base: string;
  answers: ReturnType<typeof useFlow>[0]['answers'];
  attemptKey: string | undefined;
  keepKey: (key: string | undefined) => void;
  onDone: (registered: Registered) => void;
}) {
  const texts = useRegisterTexts();
  const cardTexts = useCardTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  const [channel, setChannel] = useState<'post' | 'email' | undefined>();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const { url } = useLocation();
  // As the panel's other screens do: a session that ended sends the coordinator to sign in, and back here.
  const signedOut = failure?.code === 'SESSION_REQUIRED';
  useEffect(() => {
    if (signedOut) route(`/admin/logowanie?${new URLSearchParams({ powrot: url })}`, true);
  }, [signedOut]);
  const formRef = useRef<HTMLFormElement>(null);
  const checked = validateCard(props.answers);

  const show = (fields: Record<string, string>, other: SummaryError[] = []) => {
    setFieldErrors(fields);
    setErrors([
      ...other,
      ...Object.entries(fields).map(([name, key]) => ({
        href: `#${FIELD_IDS[name as keyof typeof FIELD_IDS] ?? FIELD_IDS.scan}`,
        text: `${name === 'channel' ? texts.channel : name === 'scan' ? texts.scan : channel === 'email' ? texts.sentOn : texts.postmark}: ${texts.errors[key] ?? texts.errors.required}`,
      })),
    ]);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const form = formRef.current;
    if (!form || busy || !checked.card) return;
    const data = new FormData(form);
    const date = String(data.get('date') ?? '').trim();
    const time = String(data.get('time') ?? '').trim();
    const file = data.get('scan');
    const found: Record<string, string> = {};
    if (!channel) found.channel = 'required';
    if (!date || (channel === 'email' && !time)) found.receivedOn = 'required';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (channel === 'email' && !/^\d{2}:\d{2}$/.test(time)))
      found.receivedOn = channel === 'email' ? 'date_time' : 'date';
    if (!(file instanceof File) || file.size === 0) found.scan = 'scan_required';
    else if (file.size > SCAN_MAX_BYTES) found.scan = 'scan_too_large';
    else if (!scanTypeOf(new Uint8Array(await file.slice(0, 8).arrayBuffer()))) found.scan = 'scan_type';
    if (Object.keys(found).length > 0 || !channel || !(file instanceof File)) {
      show(found);
      return;
    }
    setBusy(true);
    setFailure(undefined);
    const key = props.attemptKey ?? newIdempotencyKey();
    props.keepKey(key);
    const card = checked.card as TCardAnswers;
    try {
      const uploadId = newIdempotencyKey();
      const parts = Math.ceil(file.size / SCAN_PART_BYTES);
      for (let part = 1; part <= parts; part += 1) {
        await uploadScanPart(
          { callId: props.callId, teryt: card.office.teryt, uploadId, part },
          file.slice((part - 1) * SCAN_PART_BYTES, part * SCAN_PART_BYTES),
        );
      }
      const done = await registerCard(
        props.callId,
        {
          answers: card,
          channel,
          receivedOn: channel === 'email' ? `${date}T${time}` : date,
          scan: { uploadId, parts },
        },
        key,
      );
      props.onDone({ reference: done.reference, teryt: done.teryt });
      route(`${props.base}/zarejestrowano`);
    } catch (error) {
      const apiError = error as ApiError;
      setBusy(false);
      // Answers the API refused link to their step; the rest to the fields here.
      const bySection = serverFieldErrors(apiError.fields);
      const answerErrors = summaryOf(
        cardTexts,
        props.base,
        STEPS,
        props.answers,
        Object.entries(bySection).flatMap(([section, fields]) =>
          Object.entries(fields ?? {}).map(([path, key]) => ({
            section: section as Step['section'],
            path,
            key,
          })),
        ),
      );
      const own = Object.fromEntries(
        Object.entries(apiError.fields ?? {}).filter(([name]) => !name.startsWith('answers.')),
      );
      if (Object.keys(own).length > 0 || answerErrors.length > 0) show(own, answerErrors);
      else {
        show({});
        setFailure(apiError);
      }
      if (apiError.code !== 'VALIDATION_FAILED' && apiError.code !== 'GMINA_NOT_ELIGIBLE')
        props.keepKey(undefined);
    }
  };

  if (signedOut) return null;
  const incomplete = checked.errors.length > 0;
  const describedBy = (name: string, hint: string) =>
    fieldErrors[name] ? `${hint} ${FIELD_IDS.scan}-${name}-blad` : hint;
  return (
    <Titled title={errors.length > 0 ? cardTexts.errorTitle(texts.receiptTitle) : texts.receiptTitle}>
      <a class="back-link" href={`${props.base}/${STEPS[STEPS.length - 1]?.slug}`}>
        {texts.back}
      </a>
      <ErrorSummary title={texts.errorSummary} errors={errors} verdict={errors} />
      {failure ? (
        <ErrorNotice
          title={texts.errorSummary}
          error={failure}
          onRetry={() => formRef.current?.requestSubmit()}
        />
      ) : null}
      <h1>
        <span class="caption">
          {texts.title} — {cardTexts.stepOf(STEPS.length + 1, STEPS.length + 1)}
        </span>{' '}
        {texts.receiptTitle}
      </h1>
      <p>{texts.deadline(formatWarsaw(props.call.closesAt, t.locale))}</p>
      {incomplete ? (
        <div class="notice notice--error" role="alert">
          <p>{texts.answersIncomplete}</p>
          <ul>
            {summaryOf(cardTexts, props.base, STEPS, props.answers, checked.errors).map((error) => (
              <li key={error.href + error.text}>
                <a href={error.href}>{error.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
          <div class={`form-group${fieldErrors.channel ? ' form-group--error' : ''}`}>
            <fieldset
              class="fieldset choices"
              aria-describedby={fieldErrors.channel ? `${FIELD_IDS.scan}-channel-blad` : undefined}
            >
              <legend class="fieldset__legend">{texts.channel}</legend>
              {fieldErrors.channel ? (
                <p class="error-message" id={`${FIELD_IDS.scan}-channel-blad`}>
                  <span class="visually-hidden">{cardTexts.errorPrefix} </span>
                  {texts.errors[fieldErrors.channel]}
                </p>
              ) : null}
              {(['post', 'email'] as const).map((value) => (
                <div class="choice" key={value}>
                  <input
                    class="choice__input"
                    type="radio"
                    name="channel"
                    value={value}
                    id={`rejestracja-kanal-${value}`}
                    checked={channel === value}
                    onChange={() => setChannel(value)}
                  />
                  <label class="choice__label" for={`rejestracja-kanal-${value}`}>
                    {texts[value]}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <div class={`form-group${fieldErrors.receivedOn ? ' form-group--error' : ''}`}>
            <label class="label" for={FIELD_IDS.receivedOn}>
              {channel === 'email' ? texts.sentOn : texts.postmark}
            </label>
            <p class="hint" id="rejestracja-data-podpowiedz">
              {texts.dateHint}
            </p>
            {fieldErrors.receivedOn ? (
              <p class="error-message" id={`${FIELD_IDS.scan}-receivedOn-blad`}>
                <span class="visually-hidden">{cardTexts.errorPrefix} </span>
                {texts.errors[fieldErrors.receivedOn] ?? texts.errors.required}
              </p>
            ) : null}
            <input
              class={`input input--short${fieldErrors.receivedOn ? ' input--error' : ''}`}
              type="date"
              name="date"
              id={FIELD_IDS.receivedOn}
              aria-describedby={describedBy('receivedOn', 'rejestracja-data-podpowiedz')}
              aria-invalid={fieldErrors.receivedOn ? true : undefined}
            />
          </div>
          {channel === 'email' ? (
            <div class="form-group">
              <label class="label" for="rejestracja-godzina">
                {texts.sentAt}
              </label>
              <p class="hint" id="rejestracja-godzina-podpowiedz">
                {texts.timeHint}
              </p>
              <input
                class="input input--short"
                type="time"
                name="time"
                id="rejestracja-godzina"
                aria-describedby="rejestracja-godzina-podpowiedz"
              />
            </div>
          ) : null}
          <div class={`form-group${fieldErrors.scan ? ' form-group--error' : ''}`}>
            <label class="label" for={FIELD_IDS.scan}>
              {texts.scan}
            </label>
            <p class="hint" id="rejestracja-skan-podpowiedz">
              {texts.scanHint}
            </p>
            {fieldErrors.scan ? (
              <p class="error-message" id={`${FIELD_IDS.scan}-scan-blad`}>
                <span class="visually-hidden">{cardTexts.errorPrefix} </span>
                {texts.errors[fieldErrors.scan] ?? texts.errors.scan_required}
              </p>
            ) : null}
            <input
              class="file-upload"
              type="file"
              name="scan"
              id={FIELD_IDS.scan}
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              aria-describedby={describedBy('scan', 'rejestracja-skan-podpowiedz')}
              aria-invalid={fieldErrors.scan ? true : undefined}
            />
          </div>
          <div class="button-group">
            <button type="submit" class="button" aria-disabled={busy ? true : undefined}>
              {texts.submit}
            </button>
          </div>
          {busy ? <p role="status">{texts.sending}</p> : null}
        </form>
      )}
    </Titled>
  );
}

function Done(props: { callId: string; registered: Registered | undefined }) {
  const texts = useRegisterTexts();
  const { registered } = props;
  const another = `/admin/rejestracja/${encodeURIComponent(props.callId)}`;
  return (
    <Titled title={registered ? texts.doneTitle : texts.title}>
      {registered ? (
        <div class="notice" role="status">
          <h1>{texts.doneTitle}</h1>
          <p>{texts.done(registered.reference)}</p>
        </div>
      ) : (
        <h1>{texts.title}</h1>
      )}
      <ul>
        {registered ? (
          <li>
            <a
              href={`/admin/karty/${encodeURIComponent(props.callId)}/${encodeURIComponent(registered.teryt)}`}
            >
              {texts.openCard}
            </a>
          </li>
        ) : null}
        <li>
          <a href={`${another}/${STEPS[0]?.slug}`}>{texts.another}</a>
        </li>
        <li>
          <a href={`/admin?${new URLSearchParams({ nabor: props.callId })}`}>{texts.toList}</a>
        </li>
      </ul>
    </Titled>
  );
}
