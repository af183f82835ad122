import {
  CARD_SECTIONS,
  type CardSection,
  FIGURE_RANGES,
  HEAD_TITLES,
  INFRASTRUCTURE_ITEMS,
  MOTIVATION_MAX,
  type TCardAnswers,
  YEAR_MIN,
  ZOfficeSection,
} from '../../../shared/schemas/card.ts';
import { issuesToFieldErrors } from '../../../shared/validation.ts';
import type { Language } from '../lib/i18n.ts';
import type { CardTexts } from './texts.ts';

/**
 * The karta zgłoszeniowa as the browser holds it while it is filled in: section by section, in the card's
 * shape, with whatever the clerk typed (a number that is not one yet stays the text typed, so it is shown
 * again and the section schema rejects it). Each step is checked with exactly its section schema from
 * shared/schemas/card.ts, the one the API applies to the whole card.
 */
export type SectionAnswers = Record<string, unknown>;
export type Answers = Partial<Record<CardSection, SectionAnswers>>;
/** Field errors of one step: dotted path within the section → message key (FIELD_MESSAGES). */
export type FieldErrors = Record<string, string>;

export type FieldKind =
  | 'text'
  | 'email'
  | 'tel'
  | 'textarea'
  | 'radios'
  | 'checkboxes'
  | 'checkbox'
  | 'figure'
  | 'powiat'
  | 'gmina'
  | 'group';

export interface Field {
  kind: FieldKind;
  /** Dotted path within the section: also the input's name. */
  name: string;
  /** The autocomplete token, where the field holds something a browser can fill in. */
  auto?: string;
  /** Digits only (NIP, REGON): the numeric keyboard on touch screens. */
  numeric?: boolean;
  short?: boolean;
  max?: number;
  options?: readonly string[];
  /** May stay empty (the schema accepts ""). */
  optional?: boolean;
  /** A figure in złoty, to the grosz (others are whole numbers). */
  money?: boolean;
  /** The fields of a group, shown in a fieldset whose legend is the group's label. */
  fields?: readonly Field[];
}

const text = (name: string, extra: Omit<Field, 'kind' | 'name'> = {}): Field => ({
  kind: 'text',
  name,
  ...extra,
});
const figure = (name: string, money = false): Field => ({ kind: 'figure', name, money });

/**
 * A person or institution reached by e-mail and phone. The contact person is most often the clerk filling
 * the form, so those fields carry the tokens for the user's own details (WCAG 1.3.5); the OPS and the PCPR
 * are other organisations, named by autocomplete sections so a browser never offers the clerk's own details.
 */
function reachable(group: string, second: 'position' | 'head', section?: string): Field {
  const token = (name: string) => (section ? `section-${section} ${name}` : name);
  return {
    kind: 'group',
    name: group,
    fields: [
      text(`${group}.name`, { auto: section ? token('organization') : 'name' }),
      text(`${group}.${second}`, { auto: second === 'position' ? 'organization-title' : 'off' }),
      { kind: 'email', name: `${group}.email`, auto: token('email') },
      { kind: 'tel', name: `${group}.phone`, auto: token('tel') },
    ],
  };
}

export const STEPS = [
  { slug: 'gmina', section: 'office', fields: [{ kind: 'gmina', name: 'teryt' }] },
  {
    slug: 'urzad',
    section: 'office',
    fields: [
      {
        kind: 'group',
        name: 'address',
        fields: [
          text('address.street', { auto: 'street-address' }),
          text('address.postalCode', { auto: 'postal-code', short: true }),
          text('address.city', { auto: 'address-level2' }),
        ],
      },
      text('nip', { numeric: true, auto: 'off' }),
      text('regon', { numeric: true, auto: 'off' }),
      { kind: 'radios', name: 'head.title', options: HEAD_TITLES },
      text('head.name', { auto: 'off' }),
    ],
  },
  {
    slug: 'kontakty',
    section: 'contacts',
    fields: [reachable('contact', 'position'), reachable('ops', 'head', 'ops')],
  },
  {
    slug: 'powiat',
    section: 'partner',
    fields: [{ kind: 'powiat', name: 'powiatCode' }, reachable('pcpr', 'head', 'pcpr')],
  },
  {
    slug: 'kryteria',
    section: 'criteria',
    fields: [
      figure('population'),
      figure('solectwa'),
      figure('incomePerInhabitant', true),
      figure('longTermAssistancePersons'),
      figure('assistanceFamilies'),
      figure('assistancePersons'),
      figure('familiesWithAssistant'),
    ],
  },
  {
    slug: 'infrastruktura',
    section: 'infrastructure',
    fields: [
      { kind: 'checkboxes', name: 'items', options: INFRASTRUCTURE_ITEMS },
      { kind: 'textarea', name: 'other', max: 500, optional: true },
    ],
  },
  {
    slug: 'uzasadnienie',
    section: 'motivation',
    fields: [
      { kind: 'textarea', name: 'motivation', max: MOTIVATION_MAX },
      { kind: 'textarea', name: 'expectations', max: MOTIVATION_MAX },
    ],
  },
  {
    slug: 'oswiadczenia',
    section: 'declarations',
    fields: [
      { kind: 'checkbox', name: 'agreementReadiness' },
      { kind: 'checkbox', name: 'milestonesParticipation' },
      { kind: 'checkbox', name: 'rodoAcknowledged' },
    ],
  },
] as const satisfies readonly {
  slug: keyof CardTexts['steps'];
  section: CardSection;
  fields: readonly Field[];
}[];

export type Step = (typeof STEPS)[number];
export type StepSlug = Step['slug'];

export function stepBySlug(slug: string | undefined): Step | undefined {
  return STEPS.find((step) => step.slug === slug);
}

/** The step where a field is filled in: the gmina is chosen on a page of its own. */
export function stepOfField(section: CardSection, path: string): Step | undefined {
  if (section === 'office' && path === 'teryt') return STEPS[0];
  return STEPS.find((step) => step.section === section && step.slug !== 'gmina');
}

/** The element a field's error links to: the input, or the first of a group of radios or checkboxes. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

/* Reading a step's form */

function setPath(target: SectionAnswers, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as SectionAnswers;
  }
  node[last] = value;
}

export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** "1.234", "2,100", "12.345.678": one mark, used for thousands only. */
const GROUPED = /^[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*$/;
/** "1.234,56", "1,234.56": thousands with one mark, then the other mark for the decimals. */
const GROUPED_WITH_DECIMALS = /^[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*(?!\1)[.,]\d+$/;

/**
 * A number as clerks type it: "12 345", "1.234" or "2,100" (thousands), "4321,55" or "4321.55" (decimals),
 * "1.234,56" and "1,234.56". One mark followed by groups of exactly three digits is read as grouping: no
 * answer here has thousandths (counts are whole, amounts are to the grosz). When both marks appear, the last
 * one is the decimal mark. Empty is undefined, so the schema says "required"; anything else that is not a
 * number stays text, which the schema rejects.
 */
export function toNumber(raw: string): number | string | undefined {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return undefined;
  const sign = compact.startsWith('-') ? '-' : '';
  const digits = compact.slice(sign.length);
  let plain: string | undefined;
  if (/^\d+$/.test(digits)) plain = digits;
  else if (GROUPED.test(digits)) plain = digits.replace(/[.,]/g, '');
  else if (GROUPED_WITH_DECIMALS.test(digits) || /^\d+[.,]\d+$/.test(digits)) {
    const mark = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
    plain = `${digits.slice(0, mark).replace(/[.,]/g, '')}.${digits.slice(mark + 1)}`;
  }
  return plain === undefined ? raw.trim() : Number(sign + plain);
}

/** A number shown back in its field, with the decimal mark of the page's language. */
export function numberText(value: unknown, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return '';
  return language === 'pl' ? String(value).replace('.', ',') : String(value);
}

/** The fields that hold answers, groups flattened. */
export function leaves(fields: readonly Field[]): Field[] {
  return fields.flatMap((field) => (field.fields ? leaves(field.fields) : [field]));
}

/**
 * A step's answers from its form, through FormData: the inputs are uncontrolled. With `shownOnly`, a field
 * whose control is not in the form yet (the powiat list while the register loads) is left out rather than
 * read as empty, so keeping what is typed never erases an answer the page could not show.
 */
export function readStep(step: Step, form: HTMLFormElement, shownOnly = false): SectionAnswers {
  const data = new FormData(form);
  // Textareas may report line breaks as CRLF; the card stores LF, which the character count also counts.
  const textOf = (name: string) => String(data.get(name) ?? '').replace(/\r\n?/g, '\n');
  const out: SectionAnswers = {};
  for (const field of leaves(step.fields)) {
    const { name } = field;
    if (shownOnly && !form.elements.namedItem(field.kind === 'figure' ? `${name}.value` : name)) continue;
    switch (field.kind) {
      case 'figure':
        setPath(out, name, {
          value: toNumber(textOf(`${name}.value`)),
          year: toNumber(textOf(`${name}.year`)),
        });
        break;
      case 'checkboxes':
        setPath(out, name, data.getAll(name).map(String));
        break;
      case 'checkbox':
        setPath(out, name, data.has(name));
        break;
      case 'radios':
      case 'powiat':
      case 'gmina':
        setPath(out, name, data.has(name) ? textOf(name) : undefined);
        break;
      default: {
        // An empty field is a missing answer ("required"), not a malformed one ("wrong postal code").
        const text = textOf(name);
        setPath(out, name, text.trim() === '' && !field.optional ? undefined : text);
      }
    }
  }
  return out;
}

/** A step's answers merged into the section: the gmina step holds only part of the office section. */
export function mergeStep(answers: Answers, step: Step, values: SectionAnswers): Answers {
  return { ...answers, [step.section]: { ...answers[step.section], ...values } };
}

/** The step's field errors, by its section schema: the same rules, and the same messages, as the API. */
export function validateStep(step: Step, answers: Answers): FieldErrors {
  const values = answers[step.section] ?? {};
  if (step.slug === 'gmina') {
    const result = ZOfficeSection.shape.teryt.safeParse(values.teryt);
    if (result.success) return {};
    // Nothing chosen: "choose the gmina from the list" says more than "required" under a search box.
    const key = issuesToFieldErrors(result.error.issues)._;
    return { teryt: key && key !== 'required' ? key : 'teryt' };
  }
  const result = CARD_SECTIONS[step.section].safeParse(values);
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

export interface CardError {
  section: CardSection;
  path: string;
  key: string;
}

/**
 * What a section's steps give when nothing on them is touched (no box ticked, optional text empty), as
 * "Dalej" would read them: a step never opened is then judged as its page would judge it, and an optional
 * field is not reported as required.
 */
function untouched(section: CardSection): SectionAnswers {
  const out: SectionAnswers = {};
  for (const step of STEPS) {
    if (step.section !== section) continue;
    for (const field of leaves(step.fields)) {
      if (field.kind === 'checkboxes') setPath(out, field.name, []);
      else if (field.kind === 'checkbox') setPath(out, field.name, false);
      else if (field.optional) setPath(out, field.name, '');
    }
  }
  return out;
}

/** The whole card checked section by section: its errors, or the card as the API will receive it. */
export function validateCard(answers: Answers): { errors: CardError[]; card?: TCardAnswers } {
  const errors: CardError[] = [];
  const card: Record<string, unknown> = {};
  for (const section of Object.keys(CARD_SECTIONS) as CardSection[]) {
    const result = CARD_SECTIONS[section].safeParse(answers[section] ?? untouched(section));
    if (result.success) {
      card[section] = result.data;
      continue;
    }
    for (const [path, key] of Object.entries(issuesToFieldErrors(result.error.issues))) {
      errors.push({ section, path, key });
    }
  }
  return errors.length > 0 ? { errors } : { errors, card: card as TCardAnswers };
}

/** Where a clerk coming back to the card carries on: the first step not yet complete, else the check page. */
export function firstIncompleteStep(answers: Answers, steps: readonly Step[] = STEPS): string {
  return steps.find((step) => Object.keys(validateStep(step, answers)).length > 0)?.slug ?? 'sprawdz';
}

/* Words for fields and errors */

/** The label of a path, or of its nearest labelled parent; a figure's year is named as such. */
export function labelOf(texts: CardTexts, section: CardSection, path: string): string {
  const labels = texts.labels[section] as Record<string, string | undefined>;
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const label = labels[parts.slice(0, length).join('.')];
    if (label) return section === 'criteria' && parts[length] === 'year' ? texts.yearOf(label) : label;
  }
  return path;
}

/**
 * The text of a message key. For a number field, pass what was typed: when it holds text that is not a
 * number ("dwieście", "12 tys."), saying so is clearer than the generic "invalid" or "not an integer".
 */
export function messageOf(texts: CardTexts, key: string, typedNumber?: unknown, range?: Range): string {
  if (typeof typedNumber === 'string' && typedNumber.trim() !== '') return texts.notNumber;
  if (key === 'out_of_range' && range) {
    return range.year ? texts.yearRange(range.min, range.max) : texts.numberRange(range.min, range.max);
  }
  return texts.fieldMessages[key] ?? texts.fieldMessages.invalid ?? key;
}

interface Range {
  min: number;
  max: number;
  year: boolean;
}

/**
 * What a criteria figure's value or year ("population.value", "solectwa.year") may be, so that "out of
 * range" can say the range: the schema's own bounds, the year's up to the current one.
 */
export function rangeOf(path: string): Range | undefined {
  const [name, part] = path.split('.');
  // The schema's current year is UTC's (it runs in Lambda): the same here, or the two differ on New Year's Eve.
  if (part === 'year') return { min: YEAR_MIN, max: new Date().getUTCFullYear(), year: true };
  const range = FIGURE_RANGES[name as keyof typeof FIGURE_RANGES] as readonly [number, number] | undefined;
  return range && { min: range[0], max: range[1], year: false };
}

/** The answers fields of an API error ("answers.office.nip" → office, "nip"), by section. */
export function serverFieldErrors(
  fields: Readonly<Record<string, string>> | undefined,
): Partial<Record<CardSection, FieldErrors>> {
  const bySection: Partial<Record<CardSection, FieldErrors>> = {};
  for (const [path, key] of Object.entries(fields ?? {})) {
    const [root, section, ...rest] = path.split('.');
    if (root !== 'answers' || !section || !(section in CARD_SECTIONS)) continue;
    bySection[section as CardSection] = {
      ...bySection[section as CardSection],
      [rest.join('.') || '_']: key,
    };
  }
  return bySection;
}
