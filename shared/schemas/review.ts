import * as z from 'zod/mini';
import { type Band, MEASURES, type Measure } from '../review/scoring.ts';
import { type REVIEW_ACTIONS, REVIEW_STATUSES } from '../review/statuses.ts';
import { keyed } from '../validation.ts';
import { line, paragraphs } from './text.ts';

/**
 * Assessing a card: the formal check, a request for correction, notes, scores and decisions. Every write
 * names the review revision the coordinator read (`revision`), so two coordinators acting on one card at
 * once cannot overwrite each other: the second gets 409 CONFLICT and reads the card again.
 */

export const ZReviewStatus = z.enum(REVIEW_STATUSES);

const ZRevision = z.int(keyed('invalid')).check(z.minimum(0, 'invalid'));

/** A Warsaw calendar day; the correction is due at its end (23:59:59 Warsaw time). */
const ZDay = z.string(keyed('invalid')).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date'));

export const FORMAL_CHECK_ITEMS = ['eligible_gmina', 'complete_data', 'declarations', 'signatures'] as const;
export type FormalCheckItem = (typeof FORMAL_CHECK_ITEMS)[number];

export const ZFormalCheckItemResult = z.strictObject({
  id: z.enum(FORMAL_CHECK_ITEMS, keyed('invalid')),
  ok: z.boolean(keyed('invalid')),
  /** Required when the item failed. */
  reason: z.optional(paragraphs(500, 0)),
});

/**
 * The checklist ticked item by item. "pass" needs every item ticked; "reject" needs a failed item with its
 * reason. A card that can be mended gets a correction request instead (ZCorrectionRequest).
 */
export const ZFormalCheckRequest = z
  .strictObject({
    revision: ZRevision,
    items: z
      .array(ZFormalCheckItemResult)
      .check(z.minLength(1, 'required'), z.maxLength(FORMAL_CHECK_ITEMS.length, 'too_long')),
    outcome: z.enum(['pass', 'reject'], keyed('invalid')),
  })
  .check(
    z.superRefine((request, ctx) => {
      const ids = request.items.map((item) => item.id);
      if (new Set(ids).size !== ids.length)
        ctx.issues.push({ code: 'custom', message: 'duplicate', path: ['items'], input: request });
      request.items.forEach((item, index) => {
        if (!item.ok && !item.reason) {
          ctx.issues.push({
            code: 'custom',
            message: 'reason_required',
            path: ['items', index, 'reason'],
            input: request,
          });
        }
      });
      if (request.outcome === 'pass' && request.items.some((item) => !item.ok)) {
        ctx.issues.push({ code: 'custom', message: 'checklist_failed', path: ['outcome'], input: request });
      }
      if (request.outcome === 'reject' && request.items.every((item) => item.ok)) {
        ctx.issues.push({ code: 'custom', message: 'checklist_passed', path: ['outcome'], input: request });
      }
    }),
  );
export type TFormalCheckRequest = z.infer<typeof ZFormalCheckRequest>;

/** Uzupełnienie braków: what to correct, and the last day the gmina's link allows changes. */
export const ZCorrectionRequest = z.strictObject({
  revision: ZRevision,
  what: paragraphs(2000),
  until: ZDay,
});
export type TCorrectionRequest = z.infer<typeof ZCorrectionRequest>;

export const NOTE_MAX = 2000;
export const ZNoteRequest = z.strictObject({ text: paragraphs(NOTE_MAX) });
export type TNoteRequest = z.infer<typeof ZNoteRequest>;

/** Points a person gives for each manual or bonus criterion of the call's rule set, each justified. */
export const ZScoreRequest = z.strictObject({
  revision: ZRevision,
  manual: z.record(
    z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
    z.strictObject({
      points: z.number(keyed('invalid')),
      justification: paragraphs(1000),
    }),
  ),
});
export type TScoreRequest = z.infer<typeof ZScoreRequest>;

export const DECISION_ACTIONS = [
  'select',
  'reserve',
  'not_select',
  'resign',
  'reopen',
] as const satisfies readonly (typeof REVIEW_ACTIONS)[number][];

export const ZDecisionRequest = z.strictObject({
  revision: ZRevision,
  action: z.enum(DECISION_ACTIONS, keyed('invalid')),
  /** Why: shown in the audit log and the ranking protocol; e-mailed to the gmina only for a decision. */
  reason: paragraphs(1000),
});
export type TDecisionRequest = z.infer<typeof ZDecisionRequest>;

/**
 * Voiding a card (issue 13): a card sent in a gmina's name by someone else is voided by the coordinator,
 * which frees the gmina to send its own. The reason is required, logged and e-mailed.
 */
export const ZVoidCardRequest = z.strictObject({
  revision: ZRevision,
  reason: paragraphs(1000),
});
export type TVoidCardRequest = z.infer<typeof ZVoidCardRequest>;
export const ZVoidCardResult = z.strictObject({
  voided: z.strictObject({ at: z.iso.datetime(), by: z.string(), reason: z.string() }),
  revision: z.int(),
});
export type TVoidCardResult = z.infer<typeof ZVoidCardResult>;

export const ZAuditEntry = z.strictObject({
  at: z.iso.datetime(),
  by: z.string(),
  action: z.string(),
  from: z.optional(ZReviewStatus),
  to: z.optional(ZReviewStatus),
  reason: z.optional(z.string()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZCriterionScore = z.strictObject({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['computed', 'manual', 'bonus']),
  input: z.optional(
    z.strictObject({ value: z.number(), unit: z.string(), year: z.optional(z.int()), source: z.string() }),
  ),
  rule: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  justification: z.optional(z.string()),
});

export const ZScoreBreakdown = z.strictObject({
  ruleSetVersion: z.int(),
  criteria: z.array(ZCriterionScore),
  total: z.number(),
  maxTotal: z.number(),
  missing: z.array(z.string()),
});
export type TScoreBreakdown = z.infer<typeof ZScoreBreakdown>;

/** What a review write answers: where the card now stands; the panel reads the card again for the rest. */
export const ZReviewStepResult = z.strictObject({ status: ZReviewStatus, revision: z.int() });
export type TReviewStepResult = z.infer<typeof ZReviewStepResult>;

/** The review part of a card as the panel shows it (beside the answers and versions of ZAdminCardView). */
export const ZCardReview = z.strictObject({
  status: ZReviewStatus,
  revision: z.int(),
  checklist: z.array(
    z.strictObject({
      id: z.enum(FORMAL_CHECK_ITEMS),
      ok: z.optional(z.boolean()),
      reason: z.optional(z.string()),
    }),
  ),
  correction: z.optional(
    z.strictObject({
      what: z.string(),
      until: z.iso.datetime(),
      requestedAt: z.iso.datetime(),
      requestedBy: z.string(),
    }),
  ),
  /** Computed criteria are always there; manual ones once a person scored them. */
  score: ZScoreBreakdown,
  notes: z.array(z.strictObject({ at: z.iso.datetime(), by: z.string(), text: z.string() })),
  audit: z.array(ZAuditEntry),
  /** Field-by-field changes of each version against the one before it. */
  changes: z.array(
    z.strictObject({
      version: z.int(),
      fields: z.array(z.strictObject({ path: z.string(), before: z.string(), after: z.string() })),
    }),
  ),
  /** Shown to the reviewer, never blocking: e.g. the same NIP on another card. */
  warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
});
export type TCardReview = z.infer<typeof ZCardReview>;

/**
 * A call's scoring rules (GET/PUT /api/admin/calls/{callId}/rules?wojewodztwo=NN). Rules are per call, for
 * all its voivodeships. A PUT names the version it replaces (409 CONFLICT when another came meanwhile);
 * once a card of the call is scored with a version, a PUT adds the next version instead of overwriting it.
 */
const ZPoints = z
  .number(keyed('invalid'))
  .check(z.minimum(0, 'out_of_range'), z.maximum(1000, 'out_of_range'));
const ZCriterionId = z.string(keyed('invalid')).check(z.regex(/^[a-z0-9-]{1,40}$/, 'invalid'));

export const ZBand = z.strictObject({
  from: z.optional(z.number(keyed('invalid'))),
  below: z.optional(z.number(keyed('invalid'))),
  points: ZPoints,
});

const ZComputedCriterion = z.strictObject({
  id: ZCriterionId,
  kind: z.literal('computed'),
  label: line(300),
  measure: z.enum(Object.keys(MEASURES) as [Measure, ...Measure[]], keyed('invalid')),
  source: line(300),
  bands: z.array(ZBand).check(z.minLength(1, 'required'), z.maxLength(20, 'too_long')),
});
const ZManualCriterion = z.strictObject({
  id: ZCriterionId,
  kind: z.literal('manual'),
  label: line(300),
  maxPoints: ZPoints,
  guidance: paragraphs(1000, 0),
});
const ZBonusCriterion = z.strictObject({
  id: ZCriterionId,
  kind: z.literal('bonus'),
  label: line(300),
  points: ZPoints,
  guidance: paragraphs(1000, 0),
});

/** Values in [from, below): two bands overlap when each starts before the other ends. */
function bandsOverlap(a: Band, b: Band): boolean {
  const start = (band: Band) => band.from ?? Number.NEGATIVE_INFINITY;
  const end = (band: Band) => band.below ?? Number.POSITIVE_INFINITY;
  return start(a) < end(b) && start(b) < end(a);
}

export const ZRuleSetBody = z
  .strictObject({
    criteria: z
      .array(z.discriminatedUnion('kind', [ZComputedCriterion, ZManualCriterion, ZBonusCriterion]))
      .check(z.minLength(1, 'required'), z.maxLength(30, 'too_long')),
    tieBreak: z.literal('submittedAt'),
  })
  .check(
    z.superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.criteria.forEach((criterion, index) => {
        if (seen.has(criterion.id))
          ctx.issues.push({
            code: 'custom',
            message: 'duplicate',
            path: ['criteria', index, 'id'],
            input: rules,
          });
        seen.add(criterion.id);
        if (criterion.kind !== 'computed') return;
        criterion.bands.forEach((band, at) => {
          const empty = band.from !== undefined && band.below !== undefined && band.from >= band.below;
          const overlaps = criterion.bands.slice(0, at).some((earlier) => bandsOverlap(earlier, band));
          if (empty || overlaps) {
            ctx.issues.push({
              code: 'custom',
              message: empty ? 'out_of_range' : 'bands_overlap',
              path: ['criteria', index, 'bands', at],
              input: rules,
            });
          }
        });
      });
    }),
  );

export const ZRuleSet = z.strictObject({ version: z.int(), ...ZRuleSetBody.shape });

export const ZPutRulesRequest = z.strictObject({
  /** The version this one replaces, as read (GET); 409 CONFLICT if it is no longer the latest. */
  replaces: z.int(keyed('invalid')).check(z.minimum(1, 'invalid')),
  rules: ZRuleSetBody,
});
export type TPutRulesRequest = z.infer<typeof ZPutRulesRequest>;

export const ZRulesQuery = z.strictObject({ wojewodztwo: z.string().check(z.regex(/^\d{2}$/)) });

export const ZCallRules = z.strictObject({
  callId: z.string(),
  rules: ZRuleSet,
  /** A card was scored with this version: a change makes the next version. */
  frozen: z.boolean(),
  /** False while the call uses its programme's default rules, unchanged. */
  stored: z.boolean(),
});
export type TCallRules = z.infer<typeof ZCallRules>;
