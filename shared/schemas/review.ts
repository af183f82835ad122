import * as z from 'zod/mini';
import { type REVIEW_ACTIONS, REVIEW_STATUSES } from '../review/statuses.ts';
import { keyed } from '../validation.ts';
import { paragraphs } from './text.ts';

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
