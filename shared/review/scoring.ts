import { longTermAssistanceRatio } from '../criteria.ts';

/**
 * A call's scoring rule set and the score it gives a card, criterion by criterion, with the input and the
 * rule that gave the points, so that a gmina asking "why" gets an answer. Pure: the API stores what this
 * returns, and recomputing from the stored answers gives the same numbers.
 */

/** What a computed criterion reads from the card. */
export const MEASURES = {
  population: { label: 'Liczba mieszkańców', unit: 'os.', figure: 'population' },
  solectwa: { label: 'Liczba sołectw', unit: '', figure: 'solectwa' },
  incomePerInhabitant: { label: 'Dochód gminy na mieszkańca', unit: 'zł', figure: 'incomePerInhabitant' },
  longTermPer1000: {
    label: 'Osoby długotrwale korzystające z pomocy społecznej na 1000 mieszkańców',
    unit: '‰',
    figure: 'longTermAssistancePersons',
  },
  assistancePersonsShare: {
    label: 'Odsetek mieszkańców korzystających z pomocy społecznej',
    unit: '%',
    figure: 'assistancePersons',
  },
  assistanceFamilies: {
    label: 'Rodziny korzystające z pomocy społecznej',
    unit: '',
    figure: 'assistanceFamilies',
  },
  assistancePersons: {
    label: 'Osoby w rodzinach korzystających z pomocy',
    unit: '',
    figure: 'assistancePersons',
  },
  familiesWithAssistant: {
    label: 'Rodziny objęte pracą asystenta rodziny',
    unit: '',
    figure: 'familiesWithAssistant',
  },
  infrastructure: { label: 'Instytucje infrastruktury społecznej w gminie', unit: '', figure: undefined },
} as const;
export type Measure = keyof typeof MEASURES;

/** Points for a value in [from, below); either end may be open. The first band that holds the value counts. */
export interface Band {
  from?: number;
  below?: number;
  points: number;
}

export type Criterion =
  | { id: string; kind: 'computed'; label: string; measure: Measure; source: string; bands: Band[] }
  /** Scored by a person, from 0 to maxPoints, always with a justification. */
  | { id: string; kind: 'manual'; label: string; maxPoints: number; guidance: string }
  /** Granted or not by a person, with a justification (e.g. took part in an earlier milestone). */
  | { id: string; kind: 'bonus'; label: string; points: number; guidance: string };

export interface RuleSet {
  version: number;
  criteria: Criterion[];
  /** Equal totals are ordered by the earlier time of sending, then by TERYT code (never by chance). */
  tieBreak: 'submittedAt';
}

/** What a card offers to computed criteria: its figures and the infrastructure it lists. */
export interface ScoringInput {
  criteria: Record<
    | 'population'
    | 'solectwa'
    | 'incomePerInhabitant'
    | 'longTermAssistancePersons'
    | 'assistanceFamilies'
    | 'assistancePersons'
    | 'familiesWithAssistant',
    { value: number; year: number }
  >;
  infrastructure: { items: readonly string[]; other: string };
}

/** A person's assessment of one manual or bonus criterion. */
export interface ManualScore {
  points: number;
  justification: string;
}

export interface CriterionScore {
  id: string;
  label: string;
  kind: Criterion['kind'];
  /** The value the points come from (computed criteria), with the year the card gives for it. */
  input?: { value: number; unit: string; year?: number; source: string };
  /** The rule in words, e.g. "od 25 do 40 ‰ → 4 pkt". */
  rule: string;
  points: number;
  maxPoints: number;
  justification?: string;
}

export interface ScoreBreakdown {
  ruleSetVersion: number;
  criteria: CriterionScore[];
  total: number;
  maxTotal: number;
  /** Manual criteria not yet assessed: the card cannot be ranked until there are none. */
  missing: string[];
}

export function measureValue(measure: Measure, input: ScoringInput): number {
  const c = input.criteria;
  switch (measure) {
    case 'longTermPer1000':
      // The card's ratio is in per cent to two decimals; per mille to one decimal reads better in a rule.
      return Math.round(longTermAssistanceRatio(c) * 100) / 10;
    case 'assistancePersonsShare':
      return c.population.value > 0
        ? Math.round((c.assistancePersons.value / c.population.value) * 10_000) / 100
        : 0;
    case 'infrastructure':
      return input.infrastructure.items.length + (input.infrastructure.other.trim() ? 1 : 0);
    default:
      return c[measure].value;
  }
}

function bandOf(bands: readonly Band[], value: number): Band | undefined {
  return bands.find(
    (band) =>
      (band.from === undefined || value >= band.from) && (band.below === undefined || value < band.below),
  );
}

const number = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 2 });

export function describeBand(band: Band, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  const range =
    band.from !== undefined && band.below !== undefined
      ? `od ${number.format(band.from)} do poniżej ${number.format(band.below)}${u}`
      : band.from !== undefined
        ? `${number.format(band.from)}${u} i więcej`
        : band.below !== undefined
          ? `poniżej ${number.format(band.below)}${u}`
          : 'każda wartość';
  return `${range} → ${number.format(band.points)} pkt`;
}

export function criterionMax(criterion: Criterion): number {
  if (criterion.kind === 'computed') return Math.max(0, ...criterion.bands.map((band) => band.points));
  return criterion.kind === 'manual' ? criterion.maxPoints : criterion.points;
}

/** The card's score under a rule set; manual points outside their range are the caller's error to refuse. */
export function scoreCard(
  ruleSet: RuleSet,
  input: ScoringInput,
  manual: Readonly<Record<string, ManualScore>>,
): ScoreBreakdown {
  const criteria: CriterionScore[] = [];
  const missing: string[] = [];
  for (const criterion of ruleSet.criteria) {
    const maxPoints = criterionMax(criterion);
    const base = { id: criterion.id, label: criterion.label, kind: criterion.kind, maxPoints };
    if (criterion.kind === 'computed') {
      const measure = MEASURES[criterion.measure];
      const value = measureValue(criterion.measure, input);
      const band = bandOf(criterion.bands, value);
      const year = measure.figure ? input.criteria[measure.figure].year : undefined;
      criteria.push({
        ...base,
        input: {
          value,
          unit: measure.unit,
          ...(year === undefined ? {} : { year }),
          source: criterion.source,
        },
        rule: band ? describeBand(band, measure.unit) : 'poza przedziałami reguły → 0 pkt',
        points: band?.points ?? 0,
      });
      continue;
    }
    const given = manual[criterion.id];
    if (!given) missing.push(criterion.id);
    criteria.push({
      ...base,
      rule:
        criterion.kind === 'manual'
          ? `ocena od 0 do ${number.format(maxPoints)} pkt`
          : `premia ${number.format(maxPoints)} pkt albo 0`,
      points: given?.points ?? 0,
      ...(given ? { justification: given.justification } : {}),
    });
  }
  // Points are kept to a tenth: a sum of floats must not rank 7.3 below 7.299999.
  const total = Math.round(criteria.reduce((sum, c) => sum + c.points * 10, 0)) / 10;
  const maxTotal = Math.round(criteria.reduce((sum, c) => sum + c.maxPoints * 10, 0)) / 10;
  return { ruleSetVersion: ruleSet.version, criteria, total, maxTotal, missing };
}

/** Whether points given by a person fit the criterion: 0…max in tenths for manual, 0 or the bonus. */
export function manualPointsFit(criterion: Criterion, points: number): boolean {
  if (criterion.kind === 'manual') {
    const tenths = points * 10;
    return points >= 0 && points <= criterion.maxPoints && Math.abs(tenths - Math.round(tenths)) < 1e-9;
  }
  if (criterion.kind === 'bonus') return points === 0 || points === criterion.points;
  return false;
}

/**
 * "Liderzy kooperacji": the recruitment letter's four criteria (size: inhabitants and sołectwa; income per
 * inhabitant; persons long-term on assistance relative to population; social infrastructure), the motivation
 * a person reads, and a bonus for a gmina that took part in KM I. Bands favour need: lower income and more
 * long-term assistance give more points.
 */
export const LIDERZY_RULE_SET: RuleSet = {
  version: 1,
  tieBreak: 'submittedAt',
  criteria: [
    {
      id: 'population',
      kind: 'computed',
      label: 'Wielkość gminy – liczba mieszkańców',
      measure: 'population',
      source: 'GUS, Bank Danych Lokalnych',
      bands: [
        { below: 4000, points: 1 },
        { from: 4000, below: 8000, points: 2 },
        { from: 8000, points: 3 },
      ],
    },
    {
      id: 'solectwa',
      kind: 'computed',
      label: 'Wielkość gminy – liczba sołectw',
      measure: 'solectwa',
      source: 'GUS, Bank Danych Lokalnych',
      bands: [
        { below: 10, points: 1 },
        { from: 10, below: 25, points: 2 },
        { from: 25, points: 3 },
      ],
    },
    {
      id: 'income',
      kind: 'computed',
      label: 'Dochód gminy na mieszkańca',
      measure: 'incomePerInhabitant',
      source: 'GUS, Bank Danych Lokalnych (dochody budżetu gminy)',
      bands: [
        { below: 3000, points: 6 },
        { from: 3000, below: 3600, points: 4 },
        { from: 3600, below: 4200, points: 2 },
        { from: 4200, points: 0 },
      ],
    },
    {
      id: 'long-term-assistance',
      kind: 'computed',
      label: 'Osoby długotrwale korzystające z pomocy społecznej w stosunku do liczby mieszkańców',
      measure: 'longTermPer1000',
      source: 'Ocena Zasobów Pomocy Społecznej (OZPS)',
      bands: [
        { below: 10, points: 0 },
        { from: 10, below: 20, points: 2 },
        { from: 20, below: 35, points: 4 },
        { from: 35, points: 6 },
      ],
    },
    {
      id: 'infrastructure',
      kind: 'computed',
      label: 'Zasoby infrastruktury pomocowej i instytucjonalnej',
      measure: 'infrastructure',
      source: 'karta zgłoszeniowa',
      bands: [
        { below: 3, points: 0 },
        { from: 3, below: 6, points: 2 },
        { from: 6, points: 4 },
      ],
    },
    {
      id: 'motivation',
      kind: 'manual',
      label: 'Motywacja i oczekiwania gminy',
      maxPoints: 5,
      guidance: 'Czy gmina opisuje konkretne potrzeby i gotowość do współpracy instytucji?',
    },
    {
      id: 'km1',
      kind: 'bonus',
      label: 'Udział w I Kamieniu Milowym (opracowanie modelu)',
      points: 2,
      guidance: 'Przedstawiciele gminy uczestniczyli w pracach nad modelem kooperacji.',
    },
  ],
};

/**
 * "Kooperacja – efektywna i skuteczna" (warmińsko-mazurskie): families and persons on assistance, their
 * share of the population and families with an asystent rodziny, from the OZPS; income diversity is weighed
 * when choosing within a subregion, by a person.
 */
export const KOOPERACJA_RULE_SET: RuleSet = {
  version: 1,
  tieBreak: 'submittedAt',
  criteria: [
    {
      id: 'families',
      kind: 'computed',
      label: 'Rodziny korzystające z pomocy społecznej',
      measure: 'assistanceFamilies',
      source: 'Ocena Zasobów Pomocy Społecznej (OZPS)',
      bands: [
        { below: 300, points: 1 },
        { from: 300, below: 700, points: 3 },
        { from: 700, points: 5 },
      ],
    },
    {
      id: 'persons',
      kind: 'computed',
      label: 'Osoby w rodzinach korzystających z pomocy społecznej',
      measure: 'assistancePersons',
      source: 'Ocena Zasobów Pomocy Społecznej (OZPS)',
      bands: [
        { below: 800, points: 1 },
        { from: 800, below: 2000, points: 3 },
        { from: 2000, points: 5 },
      ],
    },
    {
      id: 'share',
      kind: 'computed',
      label: 'Odsetek ludności korzystającej z pomocy społecznej',
      measure: 'assistancePersonsShare',
      source: 'Ocena Zasobów Pomocy Społecznej (OZPS), GUS',
      bands: [
        { below: 5, points: 1 },
        { from: 5, below: 10, points: 3 },
        { from: 10, points: 5 },
      ],
    },
    {
      id: 'assistant',
      kind: 'computed',
      label: 'Rodziny objęte pracą asystenta rodziny',
      measure: 'familiesWithAssistant',
      source: 'Ocena Zasobów Pomocy Społecznej (OZPS)',
      bands: [
        { below: 10, points: 1 },
        { from: 10, below: 25, points: 2 },
        { from: 25, points: 3 },
      ],
    },
    {
      id: 'income-diversity',
      kind: 'manual',
      label: 'Zróżnicowanie dochodu na mieszkańca w subregionie',
      maxPoints: 3,
      guidance: 'Czy wybór gminy różnicuje grupę pod względem dochodu na mieszkańca?',
    },
  ],
};
