import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { gminaIneligibility } from '../../../shared/eligibility.ts';
import { lazyView } from '../components/lazy-view.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useBeforeLeave, useLocation } from '../lib/router.ts';
import { ErrorSummary } from './error-summary.tsx';
import { FieldView, type StepContext } from './fields.tsx';
import type { Flow } from './flow.ts';
import { type FormProps, isAfterSteps, StepNotFound, stepsOf, summaryOf } from './form-common.tsx';
import {
  type Answers,
  type FieldErrors,
  getPath,
  mergeStep,
  readStep,
  type Step,
  stepOfField,
  validateStep,
} from './model.ts';
import { loadedRegister } from './register.ts';
import { useCardTexts } from './texts.ts';

export type { FormSetup } from './form-common.tsx';

/**
 * The check, sent and save pages come with their texts in a chunk of their own: a clerk on a slow link
 * waits for the steps only. A step fetches that chunk in the background once it is on screen (see
 * StepPage), so the check page is usually there before anyone asks for it.
 */
const AfterSteps = lazyView<FormProps & { steps: readonly Step[] }>(() =>
  import('./after-steps.tsx').then(async (module) => {
    await module.textsReady();
    return module.AfterSteps;
  }),
);

/** How long a step is on screen before the pages after the steps are fetched: past the step's own loading. */
const PREFETCH_AFTER_MS = 3000;

export function CardForm(props: FormProps) {
  const steps = stepsOf(props.setup);
  const step = props.step === undefined ? steps[0] : steps.find((candidate) => candidate.slug === props.step);
  if (step) return <StepPage key={step.slug} {...props} steps={steps} current={step} />;
  if (isAfterSteps(props.step, props.setup)) return <AfterSteps {...props} steps={steps} />;
  return <StepNotFound {...props} steps={steps} />;
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

/** How long typing pauses before what was typed is kept. */
const KEEP_AFTER_MS = 400;

const LIVE_FIELDS = new Set(['population.value', 'longTermAssistancePersons.value']);

function StepPage(props: FormProps & { steps: readonly Step[]; current: Step }) {
  const { setup, steps, current: step, flow, update } = props;
  const texts = useCardTexts();
  const { route, query } = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>(() => ({
    ...(flow.checked ? validateStep(step, flow.answers) : {}),
    ...serverErrorsOn(step, flow),
  }));
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
  useEffect(() => {
    // Offline, a failed fetch would be remembered (see LazyView.preload); the view then fetches on demand.
    const timer = setTimeout(() => {
      if (navigator.onLine) AfterSteps.preload().catch(() => {});
    }, PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  // What is typed goes into the flow (sessionStorage) as it is typed, unchecked until "Dalej": a reload, the
  // browser's Back or "Wstecz" loses nothing. Written when typing pauses, before the router leaves the step
  // and when the page is left. Not the gmina: choosing it sets its own powiat as the partner when "Dalej"
  // confirms the choice (withGminaDefaults), which a choice kept beforehand would look unchanged to.
  const keepTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keepTyped = () => {
    clearTimeout(keepTimer.current);
    const form = formRef.current;
    if (!form || step.slug === 'gmina') return;
    // Once sent, the answers are gone: a step left after the receipt came (Back while the card was on its
    // way) must not put its part back. "Dalej" on a new card clears the receipt.
    update((current) =>
      current.receipt
        ? current
        : { ...current, answers: mergeStep(current.answers, step, readStep(step, form, true)) },
    );
  };
  useBeforeLeave(keepTyped);
  useEffect(() => {
    addEventListener('pagehide', keepTyped);
    return () => {
      clearTimeout(keepTimer.current);
      removeEventListener('pagehide', keepTyped);
    };
  }, []);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = formRef.current;
    if (!form) return;
    // Only what the page shows: a field not on screen yet (the powiat list while the register loads) keeps
    // its answer rather than being read as left empty.
    let answers = mergeStep(flow.answers, step, readStep(step, form, true));
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
      {/* The step number inside the heading, so a screen reader moved to it hears where it is (GOV.UK's caption). */}
      <h1>
        <span class="caption">{texts.stepOf(index + 1, steps.length)}</span> {title}
      </h1>
      {step.slug === 'kryteria' ? <p>{texts.criteriaIntro}</p> : null}
      {step.slug === 'oswiadczenia' ? <p>{texts.declarationsHint}</p> : null}
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => onSubmit(event as unknown as SubmitEvent)}
        onInput={(event) => {
          clearTimeout(keepTimer.current);
          keepTimer.current = setTimeout(keepTyped, KEEP_AFTER_MS);
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
