import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { longTermAssistanceRatio } from '../../../shared/criteria.ts';
import type { CallRules } from '../../../shared/eligibility.ts';
import type { CardSection } from '../../../shared/schemas/card.ts';
import { textLength } from '../../../shared/text.ts';
import { Announce } from '../components/announce.tsx';
import { useI18n } from '../lib/i18n.ts';
import { GminaPicker } from './gmina-picker.tsx';
import {
  type Field,
  type FieldErrors,
  fieldId,
  getPath,
  labelOf,
  messageOf,
  numberText,
  rangeOf,
  type SectionAnswers,
  toNumber,
} from './model.ts';
import { PowiatSelect } from './powiat-select.tsx';
import { useCardTexts } from './texts.ts';

/** Ids for aria-describedby, skipping the absent ones. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function ErrorMessage(props: { id: string; text: string }) {
  const texts = useCardTexts();
  return (
    <p class="error-message" id={props.id}>
      <span class="visually-hidden">{texts.errorPrefix} </span>
      {props.text}
    </p>
  );
}

function FormGroup(props: { error: unknown; children: ComponentChildren }) {
  return <div class={props.error ? 'form-group form-group--error' : 'form-group'}>{props.children}</div>;
}

interface Described {
  hint?: string | undefined;
  hintId?: string | undefined;
  error?: string | undefined;
  errorId?: string | undefined;
}

/** A field's hint, then its error message: what GOV.UK puts between the label (or legend) and the input. */
function HintAndError(props: Described) {
  return (
    <>
      {props.hint ? (
        <p class="hint" id={props.hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error && props.errorId ? <ErrorMessage id={props.errorId} text={props.error} /> : null}
    </>
  );
}

/** A labelled control in its form group: label, hint, error, then the control itself. */
function LabelledGroup(props: Described & { id: string; label: string; children: ComponentChildren }) {
  return (
    <FormGroup error={props.error}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <HintAndError hint={props.hint} hintId={props.hintId} error={props.error} errorId={props.errorId} />
      {props.children}
    </FormGroup>
  );
}

export interface StepContext {
  section: CardSection;
  /** The section's answers so far: the inputs start from them (they are uncontrolled). */
  values: SectionAnswers;
  errors: FieldErrors;
  /** What is typed now in the inputs that something on the page follows live (counts, the ratio). */
  typed: Readonly<Record<string, string>>;
  /** The chosen gmina, for the partner powiat list. */
  teryt: string | undefined;
  call: CallRules | undefined;
}

/** The first error at a path or below it ("items.2" belongs to the checkboxes "items"). */
function errorAt(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}

export function FieldView(props: { field: Field; ctx: StepContext }) {
  const { field, ctx } = props;
  const texts = useCardTexts();
  const id = fieldId(field.name);
  const label = labelOf(texts, ctx.section, field.name);
  const hint = (texts.hints as Record<string, Record<string, string | undefined> | undefined>)[ctx.section]?.[
    field.name
  ];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorKey = errorAt(ctx.errors, field.name);
  const error = errorKey ? messageOf(texts, errorKey) : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described: Described = { hint, hintId, error, errorId };
  const value = getPath(ctx.values, field.name);

  switch (field.kind) {
    case 'group':
      return (
        <fieldset class="fieldset" aria-describedby={hintId}>
          <legend class="fieldset__legend">{label}</legend>
          <HintAndError hint={hint} hintId={hintId} />
          {field.fields?.map((child) => (
            <FieldView key={child.name} field={child} ctx={ctx} />
          ))}
        </fieldset>
      );
    case 'figure':
      return <Figure field={field} ctx={ctx} label={label} hint={hint} />;
    case 'gmina':
      return <GminaPicker call={ctx.call} teryt={value as string | undefined} error={error} />;
    case 'powiat':
      return (
        <LabelledGroup id={id} label={label} {...described}>
          <PowiatSelect
            id={id}
            name={field.name}
            teryt={ctx.teryt}
            value={typeof value === 'string' ? value : undefined}
            describedBy={describedBy(hintId, errorId)}
            invalid={Boolean(error)}
          />
        </LabelledGroup>
      );
    case 'radios':
    case 'checkboxes': {
      const optionLabels: Record<string, string> =
        field.kind === 'radios' ? texts.headTitles : texts.infrastructureItems;
      const chosen = Array.isArray(value) ? value : [value];
      return (
        <FormGroup error={error}>
          <fieldset class="fieldset" aria-describedby={describedBy(hintId, errorId)}>
            <legend class="fieldset__legend fieldset__legend--s">{label}</legend>
            <HintAndError {...described} />
            <div class="choices">
              {field.options?.map((option, index) => {
                const optionId = index === 0 ? id : `${id}-${option}`;
                return (
                  <div class="choice" key={option}>
                    <input
                      class="choice__input"
                      type={field.kind === 'radios' ? 'radio' : 'checkbox'}
                      id={optionId}
                      name={field.name}
                      value={option}
                      defaultChecked={chosen.includes(option)}
                    />
                    <label class="choice__label" for={optionId}>
                      {optionLabels[option] ?? option}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </FormGroup>
      );
    }
    case 'checkbox':
      return (
        <FormGroup error={error}>
          {field.name === 'rodoAcknowledged' ? <RodoNotice teryt={ctx.teryt} /> : null}
          {error && errorId ? <ErrorMessage id={errorId} text={error} /> : null}
          <div class="choice">
            <input
              class="choice__input"
              type="checkbox"
              id={id}
              name={field.name}
              value="tak"
              defaultChecked={value === true}
              aria-describedby={errorId}
              aria-invalid={error ? true : undefined}
            />
            <label class="choice__label" for={id}>
              {label}
            </label>
          </div>
        </FormGroup>
      );
    case 'textarea':
      return (
        <LabelledGroup id={id} label={label} {...described}>
          <textarea
            class={error ? 'textarea textarea--error' : 'textarea'}
            id={id}
            name={field.name}
            rows={(field.max ?? 0) > 1000 ? 8 : 4}
            aria-describedby={describedBy(hintId, `${id}-limit`, errorId)}
            aria-invalid={error ? true : undefined}
            defaultValue={typeof value === 'string' ? value : ''}
          />
          <CharacterCount
            id={`${id}-limit`}
            max={field.max ?? 0}
            text={ctx.typed[field.name] ?? (typeof value === 'string' ? value : '')}
          />
        </LabelledGroup>
      );
    default:
      return (
        <LabelledGroup id={id} label={label} {...described}>
          <input
            class={`input${field.short ? ' input--short' : field.numeric ? ' input--medium' : ''}${error ? ' input--error' : ''}`}
            id={id}
            name={field.name}
            type={field.kind === 'email' ? 'email' : field.kind === 'tel' ? 'tel' : 'text'}
            // Preact's types ask for `list` (a combobox's) whenever `type` is a union of text-like types.
            list={undefined}
            autoComplete={field.auto}
            inputMode={field.numeric ? 'numeric' : undefined}
            spellcheck={field.kind === 'text' && !field.numeric ? undefined : false}
            aria-describedby={describedBy(hintId, errorId)}
            aria-invalid={error ? true : undefined}
            defaultValue={typeof value === 'string' ? value : ''}
          />
        </LabelledGroup>
      );
  }
}

/** A criterion: its value and the year it refers to, grouped like GOV.UK's date input. */
function Figure(props: { field: Field; ctx: StepContext; label: string; hint: string | undefined }) {
  const { field, ctx } = props;
  const texts = useCardTexts();
  const { language } = useI18n();
  const base = fieldId(field.name);
  const hintId = props.hint ? `${base}-hint` : undefined;
  const value = getPath(ctx.values, `${field.name}.value`);
  const year = getPath(ctx.values, `${field.name}.year`);
  const valueKey = errorAt(ctx.errors, `${field.name}.value`) ?? ctx.errors[field.name];
  const yearKey = errorAt(ctx.errors, `${field.name}.year`);
  const valueError = valueKey ? messageOf(texts, valueKey, value, rangeOf(`${field.name}.value`)) : undefined;
  const yearError = yearKey ? messageOf(texts, yearKey, year, rangeOf(`${field.name}.year`)) : undefined;
  const parts = [
    {
      part: 'value',
      label: field.money ? texts.figureAmount : texts.figureValue,
      initial: value,
      error: valueError,
    },
    { part: 'year', label: texts.figureYear, initial: year, error: yearError },
  ];
  return (
    <FormGroup error={valueError ?? yearError}>
      <fieldset class="fieldset" aria-describedby={hintId}>
        <legend class="fieldset__legend fieldset__legend--s">{props.label}</legend>
        <HintAndError hint={props.hint} hintId={hintId} />
        {parts.map(({ part, label, error }) =>
          error ? (
            <ErrorMessage
              key={part}
              id={`${base}-${part}-error`}
              text={part === 'year' ? `${label}: ${error}` : error}
            />
          ) : null,
        )}
        <div class="figure">
          {parts.map(({ part, label, initial, error }) => {
            const id = `${base}-${part}`;
            return (
              <div class="figure__item" key={part}>
                <label class="label" for={id}>
                  {label}
                </label>
                <input
                  class={`input input--${part === 'year' ? 'year' : 'figure'}${error ? ' input--error' : ''}`}
                  id={id}
                  name={`${field.name}.${part}`}
                  type="text"
                  inputMode={field.money && part === 'value' ? 'decimal' : 'numeric'}
                  autoComplete="off"
                  spellcheck={false}
                  aria-describedby={error ? `${id}-error` : undefined}
                  aria-invalid={error ? true : undefined}
                  defaultValue={numberText(initial, language)}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
      {field.name === 'longTermAssistancePersons' ? <Ratio ctx={ctx} /> : null}
    </FormGroup>
  );
}

/** The ratio the assessment uses, computed from the two figures as they are typed; never typed itself. */
function Ratio(props: { ctx: StepContext }) {
  const texts = useCardTexts();
  const { t, language } = useI18n();
  const current = (path: string) =>
    toNumber(props.ctx.typed[path] ?? numberText(getPath(props.ctx.values, path), language));
  const population = current('population.value');
  const persons = current('longTermAssistancePersons.value');
  const shown =
    typeof population === 'number' && typeof persons === 'number' && population > 0
      ? `${new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 }).format(
          longTermAssistanceRatio({
            population: { value: population },
            longTermAssistancePersons: { value: persons },
          }),
        )}%`
      : texts.ratioPending;
  return (
    <>
      <p class="ratio" aria-hidden="true">
        {texts.ratioLabel} <strong>{shown}</strong>
      </p>
      <Announce text={`${texts.ratioLabel} ${shown}`} />
    </>
  );
}

/**
 * GOV.UK's character count: the limit is part of the field's description; what is left shows as it is
 * typed and is announced after a pause.
 */
function CharacterCount(props: { id: string; max: number; text: string }) {
  const texts = useCardTexts();
  const { t } = useI18n();
  // "2 874" as Polish groups it; useGrouping 'always' (Chrome 106+) also groups four digits.
  const format = new Intl.NumberFormat(t.locale, { useGrouping: 'always' } as Intl.NumberFormatOptions)
    .format;
  const left = props.max - textLength(props.text);
  const status = texts.charsLeft(left, format(Math.abs(left)));
  return (
    <>
      <p class="visually-hidden" id={props.id}>
        {texts.charLimit(format(props.max))}
      </p>
      <p class={left < 0 ? 'char-count char-count--over' : 'char-count'} aria-hidden="true">
        {status}
      </p>
      <Announce text={status} />
    </>
  );
}

let Notice: typeof import('./rodo-notice.tsx').RodoNotice | undefined;

/** The personal-data notice, naming the gmina's controller: its code comes when the step shows it. */
function RodoNotice(props: { teryt: string | undefined }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  const [Loaded, setLoaded] = useState(() => Notice);
  useEffect(() => {
    if (!Loaded)
      import('./rodo-notice.tsx').then(
        (module) => {
          Notice = module.RodoNotice;
          setLoaded(() => Notice);
        },
        () => setFailed(true),
      );
  }, []);
  return Loaded ? (
    <Loaded teryt={props.teryt} />
  ) : failed ? (
    <p class="inset">{t.pageLoadFailed.body}</p>
  ) : null;
}
