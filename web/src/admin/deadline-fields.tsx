import type { ComponentChildren } from 'preact';
import type { TUpdateDeadlineRequest } from '../../../shared/schemas/reminders.ts';
import type { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';
import { FieldError, TextField } from './admin-nav.tsx';
import { useDeliverablesTexts } from './deliverables-texts.ts';
import type { SummaryError } from './error-summary.tsx';
import { polishWallClock } from './polish-date.ts';
import { type RemindersTexts, useRemindersTexts } from './reminders-texts.ts';

/**
 * What the new deadline's form (deadline-new.tsx) and a deadline's change (deadline-edit.tsx) share: the
 * wording, the day and time typed the Polish way, the days before and the options, read from the form as
 * the API takes them, and the API's field errors placed under their fields and listed in the summary.
 */

/** The fields in the order of the form, which is the order of the error summary. */
export const DEADLINE_FIELDS = [
  'title',
  'description',
  'dueAt',
  'callId',
  'audience',
  'deliverable',
  'offsetsDays',
] as const;
export type DeadlineField = (typeof DEADLINE_FIELDS)[number];

/** The field an API path names: "offsetsDays.1" is the offsets', "wojewodztwa" the call's choice. */
function fieldOf(path: string): DeadlineField | undefined {
  const head = path.split('.')[0] as string;
  if (head === 'timeZone') return 'dueAt';
  if (head === 'wojewodztwa') return 'callId';
  return (DEADLINE_FIELDS as readonly string[]).includes(head) ? (head as DeadlineField) : undefined;
}

const ANCHORS: Record<DeadlineField, string> = {
  title: 'f-title',
  description: 'f-description',
  dueAt: 'f-dueAt-date',
  callId: 'f-callId',
  audience: 'f-audience-gminas',
  offsetsDays: 'f-offsetsDays',
  deliverable: 'f-deliverable-name',
};

function messageOf(texts: RemindersTexts, path: string, key: string): string {
  const head = path.split('.')[0] as string;
  const field = fieldOf(path);
  const messages =
    texts.errors[head] ??
    (field ? texts.errors[field] : undefined) ??
    (texts.errors._ as Record<string, string>);
  return messages[key] ?? messages._ ?? (texts.errors._?._ as string);
}

/**
 * The API's verdict on a deadline's form: each field's message (under the field) and the summary's links,
 * in the form's order. A path naming a field this form does not show (`shown`) is listed as a link to the
 * page's main part, with its message; an error without fields is listed by its code's text.
 */
export function useDeadlineErrors(
  error: ApiError | undefined,
  shown: readonly DeadlineField[],
): { errors: Partial<Record<DeadlineField, string>>; summary: SummaryError[] } {
  const texts = useRemindersTexts();
  const deliverableTexts = useDeliverablesTexts();
  const { t } = useI18n();
  const errors: Partial<Record<DeadlineField, string>> = {};
  const elsewhere: SummaryError[] = [];
  for (const [path, key] of Object.entries(error?.fields ?? {})) {
    const field = fieldOf(path);
    const message = path.startsWith('deliverable')
      ? (deliverableTexts.fieldErrors[key] ?? (deliverableTexts.fieldErrors._ as string))
      : messageOf(texts, path, key);
    if (field && shown.includes(field)) errors[field] ??= message;
    else elsewhere.push({ href: '#main', text: message });
  }
  const summary: SummaryError[] = !error
    ? []
    : Object.keys(error.fields ?? {}).length > 0
      ? [
          ...DEADLINE_FIELDS.filter((field) => errors[field]).map((field) => ({
            href: `#${ANCHORS[field]}`,
            text: errors[field] as string,
          })),
          ...elsewhere,
        ]
      : [{ href: '#main', text: t.errors[error.code] }];
  return { errors, summary };
}

/** "14, 7, 1, 0" as days; a part that is no whole number goes as null, which the API names as invalid. */
function offsetsOf(typed: string): (number | null)[] {
  return typed
    .split(/[,;\s]+/)
    .filter((part) => part !== '')
    .map((part) => (/^-?\d+$/.test(part) ? Number(part) : null));
}

type Wording = Omit<TUpdateDeadlineRequest, 'wojewodztwa' | 'revision'>;

/** The shared fields as typed, in the API's terms (what is not right goes as typed, for the API to name). */
export function deadlineWordingOf(data: FormData): Wording {
  const text = (field: string) => String(data.get(field) ?? '');
  return {
    title: text('title'),
    description: text('description'),
    dueAt: polishWallClock(text('dueAtDate'), text('dueAtTime')),
    timeZone: 'Europe/Warsaw',
    offsetsDays: offsetsOf(text('offsetsDays')),
    optional: data.get('optional') === 'yes',
    avoidDaysOff: data.get('avoidDaysOff') === 'yes',
  } as Wording;
}

/** What the fields start with: empty for a new deadline, the deadline as listed for a change. */
export interface DeadlineDefaults {
  title: string;
  description: string;
  /** "15.03.2027" and "12:00", as the coordinator types them. */
  date: string;
  time: string;
  offsetsDays: string;
  optional: boolean;
  avoidDaysOff: boolean;
}

export const NEW_DEADLINE_DEFAULTS: DeadlineDefaults = {
  title: '',
  description: '',
  date: '',
  time: '',
  offsetsDays: '14, 7, 1, 0',
  optional: true,
  avoidDaysOff: true,
};

/**
 * The shared fields: name, description, day and time, then `children` (the new form's call, audience and
 * document), then the days before (with `offsetsNote` under their hint) and the options.
 */
export function DeadlineFields(props: {
  errors: Partial<Record<DeadlineField, string>>;
  defaults: DeadlineDefaults;
  offsetsNote?: string;
  children?: ComponentChildren;
}) {
  const texts = useRemindersTexts();
  const { errors, defaults } = props;
  return (
    <>
      <TextField
        name="title"
        label={texts.name}
        hint={texts.nameHint}
        value={defaults.title}
        error={errors.title}
      />
      <TextField
        name="description"
        label={texts.description}
        hint={texts.descriptionHint}
        value={defaults.description}
        error={errors.description}
        multiline
      />
      <div class={`form-group${errors.dueAt ? ' form-group--error' : ''}`}>
        <fieldset class="fieldset" aria-describedby={`f-dueAt-hint${errors.dueAt ? ' f-dueAt-error' : ''}`}>
          <legend class="fieldset__legend fieldset__legend--s">{texts.when_}</legend>
          <p class="hint" id="f-dueAt-hint">
            {texts.whenHint}
          </p>
          <FieldError id="f-dueAt-error" message={errors.dueAt} />
          <div class="figure">
            <div class="figure__item">
              <label class="label" for="f-dueAt-date">
                {texts.date} <span class="hint">({texts.dateHint})</span>
              </label>
              <input
                class={`input deadline-date${errors.dueAt ? ' input--error' : ''}`}
                id="f-dueAt-date"
                name="dueAtDate"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={defaults.date}
                aria-invalid={errors.dueAt ? true : undefined}
              />
            </div>
            <div class="figure__item">
              <label class="label" for="f-dueAt-time">
                {texts.time} <span class="hint">({texts.timeHint})</span>
              </label>
              <input
                class={`input deadline-time${errors.dueAt ? ' input--error' : ''}`}
                id="f-dueAt-time"
                name="dueAtTime"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={defaults.time}
                aria-invalid={errors.dueAt ? true : undefined}
              />
            </div>
          </div>
        </fieldset>
      </div>
      {props.children}
      <TextField
        name="offsetsDays"
        label={texts.offsets}
        hint={props.offsetsNote ? `${texts.offsetsHint} ${props.offsetsNote}` : texts.offsetsHint}
        value={defaults.offsetsDays}
        error={errors.offsetsDays}
      />
      <fieldset class="form-group fieldset">
        <legend class="fieldset__legend fieldset__legend--s">{texts.options}</legend>
        <div class="choice">
          <input
            class="choice__input"
            type="checkbox"
            id="f-optional"
            name="optional"
            value="yes"
            defaultChecked={defaults.optional}
            aria-describedby="f-optional-hint"
          />
          <label class="choice__label" for="f-optional">
            {texts.optional}
          </label>
          <p class="hint choice__hint" id="f-optional-hint">
            {texts.optionalHint}
          </p>
        </div>
        <div class="choice">
          <input
            class="choice__input"
            type="checkbox"
            id="f-avoidDaysOff"
            name="avoidDaysOff"
            value="yes"
            defaultChecked={defaults.avoidDaysOff}
          />
          <label class="choice__label" for="f-avoidDaysOff">
            {texts.avoidDaysOff}
          </label>
        </div>
      </fieldset>
    </>
  );
}
