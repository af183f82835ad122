import type { ComponentChildren } from 'preact';
import { useAdminTexts } from './texts.ts';

/*
 * The fields a call's form has on both of its screens: announcing it (new-call.tsx) and changing it before
 * it opens or moving its closing (call-manage.tsx); the panel's other forms take describedBy, Group and
 * FieldError from here through review-form.tsx. Imported from the panel's two routes only, it is built into
 * the chunk they already share (session.tsx's), not a file of its own.
 */

/** Ids for aria-describedby, skipping the absent ones. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export function Group(props: { error: string | undefined; children: ComponentChildren }) {
  return <div class={props.error ? 'form-group form-group--error' : 'form-group'}>{props.children}</div>;
}

export function FieldError(props: { id: string; text: string | undefined }) {
  const texts = useAdminTexts();
  if (!props.text) return null;
  return (
    <p class="error-message" id={props.id}>
      <span class="visually-hidden">{texts.errorPrefix} </span>
      {props.text}
    </p>
  );
}

/** A field's label, its hint if any (id `${id}-hint`) and its error if any (id `${id}-error`). */
export function FieldLabel(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
}) {
  return (
    <>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={`${props.id}-error`} text={props.error} />
    </>
  );
}

/** Check boxes of one name (the voivodeships, the kinds of gmina), ids `${idPrefix}-${value}`. */
export function Boxes(props: {
  name: string;
  idPrefix: string;
  legend: string;
  hint?: string;
  error: string | undefined;
  options: [value: string, label: string][];
  checked: string[];
}) {
  const hintId = props.hint ? `${props.idPrefix}-hint` : undefined;
  const errorId = props.error ? `${props.idPrefix}-error` : undefined;
  return (
    <Group error={props.error}>
      <fieldset class="fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend class="fieldset__legend fieldset__legend--s">{props.legend}</legend>
        {props.hint ? (
          <p class="hint" id={hintId}>
            {props.hint}
          </p>
        ) : null}
        <FieldError id={`${props.idPrefix}-error`} text={props.error} />
        <div class="choices">
          {props.options.map(([value, label]) => (
            <div class="choice" key={value}>
              <input
                class="choice__input"
                type="checkbox"
                id={`${props.idPrefix}-${value}`}
                name={props.name}
                value={value}
                defaultChecked={props.checked.includes(value)}
              />
              <label class="choice__label" for={`${props.idPrefix}-${value}`}>
                {label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </Group>
  );
}

/**
 * A Warsaw wall-clock time as two native inputs, a date and a time, grouped like GOV.UK's date input: ids
 * `${base}-date|time`, names `${name}Date|Time`.
 */
export function WallClock(props: {
  base: string;
  name: string;
  legend: string;
  hint: string;
  error: string | undefined;
  /** "2026-12-01T08:00", or half of it (as typed before a sign-in). */
  value?: string | undefined;
}) {
  const texts = useAdminTexts();
  const { base } = props;
  const [date, time] = (props.value ?? '').split('T');
  const errorId = props.error ? `${base}-error` : undefined;
  return (
    <Group error={props.error}>
      <fieldset class="fieldset" aria-describedby={describedBy(`${base}-hint`, errorId)}>
        <legend class="fieldset__legend fieldset__legend--s">{props.legend}</legend>
        <p class="hint" id={`${base}-hint`}>
          {props.hint}
        </p>
        <FieldError id={`${base}-error`} text={props.error} />
        <div class="figure">
          <div class="figure__item">
            <label class="label" for={`${base}-date`}>
              {texts.newCall.date}
            </label>
            <input
              class={props.error ? 'input input--error' : 'input'}
              id={`${base}-date`}
              name={`${props.name}Date`}
              type="date"
              aria-invalid={props.error ? true : undefined}
              defaultValue={date || undefined}
            />
          </div>
          <div class="figure__item">
            <label class="label" for={`${base}-time`}>
              {texts.newCall.time}
            </label>
            <input
              class={props.error ? 'input input--error' : 'input'}
              id={`${base}-time`}
              name={`${props.name}Time`}
              type="time"
              aria-invalid={props.error ? true : undefined}
              defaultValue={time || undefined}
            />
          </div>
        </div>
      </fieldset>
    </Group>
  );
}
