import type { CallRules } from '../../../shared/eligibility.ts';
import type { CardSection, TCardAnswers } from '../../../shared/schemas/card.ts';
import { ApiError } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';
import type { Receipt } from './api.ts';
import type { SummaryError } from './error-summary.tsx';
import type { Flow, FlowUpdate } from './flow.ts';
import {
  type Answers,
  fieldId,
  getPath,
  labelOf,
  leaves,
  messageOf,
  rangeOf,
  STEPS,
  type Step,
  stepOfField,
} from './model.ts';
import { type CardTexts, useCardTexts } from './texts.ts';

/* What the form's steps (card-form.tsx) and the pages after them (after-steps.tsx) both use. */

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

/** Whether `step` names one of the pages after the steps; saving for later is for a new card only. */
export function isAfterSteps(step: string | undefined, setup: FormSetup): boolean {
  return step === 'sprawdz' || step === 'wyslano' || (step === 'zapisz' && setup.mode === 'new');
}

/** The steps of a new card; a change skips the gmina, which a sent card keeps. */
export function stepsOf(setup: FormSetup): readonly Step[] {
  return setup.mode === 'new' ? STEPS : STEPS.slice(1);
}

export function StepNotFound(props: FormProps & { steps: readonly Step[] }) {
  const { t } = useI18n();
  const texts = useCardTexts();
  useDocumentTitle(t.notFound.title);
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>
        <a href={`${props.setup.base}/${props.steps[0]?.slug}`}>{texts.backToForm}</a>
      </p>
    </>
  );
}

/** The page that e-mails a gmina's sent card's link again, to the address the card gives. */
export function cardLinkHref(callId: string, teryt: string): string {
  return `/nabory/${encodeURIComponent(callId)}/odnosnik/${encodeURIComponent(teryt)}`;
}

export function toApiError(error: unknown): ApiError {
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
export function summaryOf(
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
    const criteria = section === 'criteria';
    const message = messageOf(
      texts,
      key,
      criteria ? getPath(answers[section], path) : undefined,
      criteria ? rangeOf(path) : undefined,
    );
    return { href, text: `${labelOf(texts, section, path)}: ${message}` };
  });
}
