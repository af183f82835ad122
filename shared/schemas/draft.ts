import * as z from 'zod/mini';
import { LONE_SURROGATE } from '../text.ts';
import { keyed } from '../validation.ts';

/**
 * Save-and-return drafts: POST /api/calls/{callId}/drafts, GET and PUT /api/drafts/current (see
 * submission.ts for the list). A draft is not checked against the card's schema until it is sent, so this
 * module does not load it.
 */

/**
 * What a draft section may hold: the shapes a half-filled form produces, bounded so that nothing a browser
 * sends can exceed what DynamoDB stores (depth, key and text length, numbers it can represent).
 */
function isDraftValue(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number')
    return Number.isFinite(value) && Math.abs(value) <= 1e15 && (value === 0 || Math.abs(value) >= 1e-6);
  // Unchecked otherwise (a draft keeps what the clerk typed, even a pasted "�" the card will refuse), but a
  // lone surrogate cannot be stored or e-mailed at all.
  if (typeof value === 'string') return value.length <= 10_000 && !LONE_SURROGATE.test(value);
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
  /** The gmina the draft names has a card in the call already: the draft can no longer be sent. */
  cardSent: z.boolean(),
  callId: z.string(),
  email: z.string(),
  answers: ZDraftAnswers,
  savedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type TDraftView = z.infer<typeof ZDraftView>;
