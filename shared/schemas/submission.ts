import * as z from 'zod/mini';
import { REFERENCE_ALPHABET } from '../identifiers.ts';
import { keyed } from '../validation.ts';
import { isWellFormedText, ZCardAnswers } from './card.ts';

/**
 * The recruitment API's contracts around the card: sending it, the e-mailed link that reads, changes or
 * withdraws it until the deadline, save-and-return drafts, and the public receipt check.
 *
 * POST   /api/calls/{callId}/cards     ZSubmitCardRequest, header Idempotency-Key → 201 ZCardReceipt
 * GET    /api/cards/current            Authorization: Bearer <card token> → ZCardView
 * PUT    /api/cards/current            ZSubmitCardRequest + the token → ZCardReceipt (a new version)
 * DELETE /api/cards/current            the token → ZCardView (status "withdrawn")
 * POST   /api/calls/{callId}/drafts    ZSaveDraftRequest → 201 ZDraftSaved (the link goes by e-mail)
 * GET    /api/drafts/current           Authorization: Bearer <draft token> → ZDraftView
 * PUT    /api/drafts/current           ZUpdateDraftRequest + the token → ZDraftSaved
 * GET    /api/receipts/{reference}?sha256=<hex>[&version=<n>] → ZReceiptCheck
 */

export const ZSubmitCardRequest = z.strictObject({ answers: ZCardAnswers });
export type TSubmitCardRequest = z.input<typeof ZSubmitCardRequest>;

export const ZReference = z
  .string()
  .check(z.regex(new RegExp(`^KZ-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`)));

export const ZSha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const ZCardReceipt = z.strictObject({
  reference: ZReference,
  version: z.int(),
  /** SHA-256 (hex) of the canonical JSON of the answers as stored. */
  sha256: ZSha256,
  /** The server's receipt time: what counts against the deadline. */
  receivedAt: z.iso.datetime(),
});
export type TCardReceipt = z.infer<typeof ZCardReceipt>;

export const CARD_STATUSES = ['submitted', 'withdrawn'] as const;

export const ZCardView = z.strictObject({
  reference: ZReference,
  callId: z.string(),
  callTitle: z.string(),
  teryt: z.string(),
  gminaName: z.string(),
  status: z.enum(CARD_STATUSES),
  version: z.int(),
  submittedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Until this instant (the call's closing) the card can be changed or withdrawn. */
  editableUntil: z.iso.datetime(),
  answers: ZCardAnswers,
  versions: z.array(z.strictObject({ version: z.int(), receivedAt: z.iso.datetime(), sha256: ZSha256 })),
});
export type TCardView = z.infer<typeof ZCardView>;

/**
 * What a draft section may hold: the shapes a half-filled form produces, bounded so that nothing a browser
 * sends can exceed what DynamoDB stores (depth, key and text length, numbers it can represent).
 */
function isDraftValue(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number')
    return Number.isFinite(value) && Math.abs(value) <= 1e15 && (value === 0 || Math.abs(value) >= 1e-6);
  if (typeof value === 'string') return value.length <= 10_000 && isWellFormedText(value);
  if (depth >= 4) return false;
  if (Array.isArray(value)) return value.length <= 50 && value.every((item) => isDraftValue(item, depth + 1));
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return (
      entries.length <= 50 &&
      entries.every(([key, item]) => /^[A-Za-z0-9_-]{1,64}$/.test(key) && isDraftValue(item, depth + 1))
    );
  }
  return false;
}

const ZDraftSection = z
  .record(z.string(), z.unknown())
  .check(z.refine((section) => isDraftValue(section, 0), 'invalid'));

/** A draft holds whatever the clerk has typed so far, section by section, unchecked until it is sent. */
export const ZDraftAnswers = z.partial(
  z.strictObject({
    office: ZDraftSection,
    contacts: ZDraftSection,
    partner: ZDraftSection,
    criteria: ZDraftSection,
    infrastructure: ZDraftSection,
    motivation: ZDraftSection,
    declarations: ZDraftSection,
  }),
);
export type TDraftAnswers = z.infer<typeof ZDraftAnswers>;

export const ZSaveDraftRequest = z.strictObject({
  /** Where the link to the draft goes. */
  email: z.string(keyed('invalid')).check(z.trim(), z.maxLength(254, 'too_long'), z.email('email')),
  answers: ZDraftAnswers,
});
export type TSaveDraftRequest = z.input<typeof ZSaveDraftRequest>;

export const ZUpdateDraftRequest = z.strictObject({ answers: ZDraftAnswers });

export const ZDraftSaved = z.strictObject({
  savedAt: z.iso.datetime(),
  /** The link works until the call closes. */
  expiresAt: z.iso.datetime(),
});

export const ZDraftView = z.strictObject({
  callId: z.string(),
  email: z.string(),
  answers: ZDraftAnswers,
  savedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type TDraftView = z.infer<typeof ZDraftView>;

export const ZReceiptQuery = z.strictObject({
  sha256: ZSha256,
  /** The receipt's version: the same answers can come back in a later version (A → B → A). */
  version: z.optional(z.string().check(z.regex(/^[1-9]\d{0,3}$/))),
});

export const ZReceiptCheck = z.union([
  z.strictObject({
    valid: z.literal(true),
    reference: ZReference,
    version: z.int(),
    receivedAt: z.iso.datetime(),
    callTitle: z.string(),
    gminaName: z.string(),
    /** True when a later version replaced the one this receipt names. */
    superseded: z.boolean(),
    /** The card's state now: a withdrawn card's receipts still prove what was received and when. */
    status: z.enum(CARD_STATUSES),
  }),
  z.strictObject({ valid: z.literal(false) }),
]);
export type TReceiptCheck = z.infer<typeof ZReceiptCheck>;
