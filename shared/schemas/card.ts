import * as z from 'zod/mini';
import { isValidNip, isValidRegon } from '../identifiers.ts';
import { keyed } from '../validation.ts';
import { line, paragraphs } from './text.ts';

/**
 * The karta zgłoszeniowa (form version 1): the one contract the browser form and the API both validate.
 * Messages are keys (see FIELD_MESSAGES in shared/errors.ts), translated where they are shown. The form is
 * filled in steps; each step is one of the section schemas below, so the browser checks a step with
 * exactly the rules the API applies to the whole card.
 */

const ZEmail = z.string(keyed('invalid')).check(z.trim(), z.maxLength(254, 'too_long'), z.email('email'));

/** Polish numbers as people write them: "+48 85 744 72 72", "(85) 744-72-72", "600 100 200 wew. 214" is not. */
const ZPhone = z.string(keyed('invalid')).check(
  z.trim(),
  z.regex(/^\+?[\d ()-]+$/, 'phone'),
  z.refine((value) => {
    const count = value.replace(/\D/g, '').length;
    return count >= 9 && count <= 15;
  }, 'phone'),
);

const ZNip = z.string(keyed('invalid')).check(
  z.overwrite((value) => value.replace(/[\s-]/g, '')),
  z.refine(isValidNip, 'nip'),
);
const ZRegon = z.string(keyed('invalid')).check(
  z.overwrite((value) => value.replace(/[\s-]/g, '')),
  z.refine(isValidRegon, 'regon'),
);

export const ZTeryt = z.string(keyed('invalid')).check(z.regex(/^\d{6}[123]$/, 'teryt'));

/** The earliest year a figure may refer to; the latest is the current one. */
export const YEAR_MIN = 2000;

/** The largest gmina (Warszawa) has under 2 million people; figures beyond that are typing errors. */
const MAX_POPULATION = 2_000_000;

/** Each figure's allowed values, [min, max]: the schema's rules, and what the form's messages say. */
export const FIGURE_RANGES = {
  population: [1, MAX_POPULATION],
  solectwa: [0, 500],
  /** PLN per inhabitant a year. */
  incomePerInhabitant: [0, 100_000],
  longTermAssistancePersons: [0, MAX_POPULATION],
  assistanceFamilies: [0, MAX_POPULATION],
  assistancePersons: [0, MAX_POPULATION],
  familiesWithAssistant: [0, MAX_POPULATION],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * The year a figure refers to: the programme's data come from GUS and OZPS reports of recent years, so
 * never a year still to come (read from the clock at each check: a warm Lambda lives past New Year).
 */
const ZYear = z.int(keyed('not_integer')).check(
  z.minimum(YEAR_MIN, 'out_of_range'),
  z.refine((year) => year <= new Date().getUTCFullYear(), 'future_year'),
);

function count([min, max]: readonly [number, number]) {
  return z.int(keyed('not_integer')).check(z.minimum(min, 'out_of_range'), z.maximum(max, 'out_of_range'));
}

function figure<T extends z.ZodMiniType>(value: T) {
  return z.strictObject({ value, year: ZYear });
}

export const HEAD_TITLES = ['wojt', 'burmistrz', 'prezydent'] as const;

export const ZOfficeSection = z.strictObject({
  teryt: ZTeryt,
  address: z.strictObject({
    street: line(200),
    postalCode: z.string(keyed('invalid')).check(z.trim(), z.regex(/^\d{2}-\d{3}$/, 'postal_code')),
    city: line(100),
  }),
  nip: ZNip,
  regon: ZRegon,
  head: z.strictObject({ title: z.enum(HEAD_TITLES, keyed('invalid')), name: line(150) }),
});

const ZPerson = z.strictObject({ name: line(150), position: line(150), email: ZEmail, phone: ZPhone });
const ZInstitution = z.strictObject({ name: line(200), head: line(150), email: ZEmail, phone: ZPhone });

export const ZContactsSection = z.strictObject({ contact: ZPerson, ops: ZInstitution });

export const ZPartnerSection = z.strictObject({
  /** 4 digits; the form defaults it to the gmina's own powiat. */
  powiatCode: z.string(keyed('invalid')).check(z.regex(/^\d{4}$/, 'powiat')),
  pcpr: ZInstitution,
});

export const ZCriteriaSection = z
  .strictObject({
    population: figure(count(FIGURE_RANGES.population)),
    solectwa: figure(count(FIGURE_RANGES.solectwa)),
    /** PLN per inhabitant a year, to the grosz. */
    incomePerInhabitant: figure(
      z.number(keyed('invalid')).check(
        z.minimum(FIGURE_RANGES.incomePerInhabitant[0], 'out_of_range'),
        z.maximum(FIGURE_RANGES.incomePerInhabitant[1], 'out_of_range'),
        z.refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'grosze'),
        // 4321.55 may arrive as 4321.549999999999 (a client's float arithmetic): stored, hashed and shown as
        // the amount in grosze it stands for.
        z.overwrite((value) => Math.round(value * 100) / 100),
      ),
    ),
    longTermAssistancePersons: figure(count(FIGURE_RANGES.longTermAssistancePersons)),
    assistanceFamilies: figure(count(FIGURE_RANGES.assistanceFamilies)),
    assistancePersons: figure(count(FIGURE_RANGES.assistancePersons)),
    familiesWithAssistant: figure(count(FIGURE_RANGES.familiesWithAssistant)),
  })
  .check(
    z.superRefine((criteria, ctx) => {
      const population = criteria.population.value;
      const problem = (path: string[], message: string) =>
        ctx.issues.push({ code: 'custom', message, path, input: criteria });
      if (criteria.longTermAssistancePersons.value > population) {
        problem(['longTermAssistancePersons', 'value'], 'exceeds_population');
      }
      if (criteria.assistancePersons.value > population)
        problem(['assistancePersons', 'value'], 'exceeds_population');
      if (criteria.longTermAssistancePersons.value > criteria.assistancePersons.value) {
        problem(['longTermAssistancePersons', 'value'], 'exceeds_assistance_persons');
      }
      if (criteria.assistanceFamilies.value > criteria.assistancePersons.value) {
        problem(['assistanceFamilies', 'value'], 'families_exceed_persons');
      }
      if (criteria.familiesWithAssistant.value > criteria.assistanceFamilies.value) {
        problem(['familiesWithAssistant', 'value'], 'exceeds_assistance_families');
      }
    }),
  );

/** Social infrastructure present in the gmina (a checklist; "other" is free text). */
export const INFRASTRUCTURE_ITEMS = [
  'ops',
  'pcpr',
  'sds',
  'dzienny-dom-pomocy',
  'klub-seniora',
  'swietlica',
  'placowka-wsparcia-dziennego',
  'cis',
  'kis',
  'ngo',
] as const;

export const ZInfrastructureSection = z.strictObject({
  items: z
    .array(z.enum(INFRASTRUCTURE_ITEMS, keyed('invalid')))
    .check(z.refine((items) => new Set(items).size === items.length, 'duplicate')),
  other: paragraphs(500, 0),
});

export const MOTIVATION_MAX = 3000;

export const ZMotivationSection = z.strictObject({
  motivation: paragraphs(MOTIVATION_MAX),
  expectations: paragraphs(MOTIVATION_MAX),
});

const ZAccepted = z.literal(true, keyed('must_accept'));

export const ZDeclarationsSection = z.strictObject({
  agreementReadiness: ZAccepted,
  milestonesParticipation: ZAccepted,
  rodoAcknowledged: ZAccepted,
});

/** The steps of the form, in order; each key is also the card's property holding that section. */
export const CARD_SECTIONS = {
  office: ZOfficeSection,
  contacts: ZContactsSection,
  partner: ZPartnerSection,
  criteria: ZCriteriaSection,
  infrastructure: ZInfrastructureSection,
  motivation: ZMotivationSection,
  declarations: ZDeclarationsSection,
} as const;

export type CardSection = keyof typeof CARD_SECTIONS;

export const ZCardAnswers = z.strictObject(CARD_SECTIONS);
export type TCardAnswers = z.output<typeof ZCardAnswers>;
/** What a form sends before normalisation (NIP with dashes, untrimmed text). */
export type TCardAnswersInput = z.input<typeof ZCardAnswers>;
