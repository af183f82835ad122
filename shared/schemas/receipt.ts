import * as z from 'zod/mini';
import { REFERENCE_ALPHABET } from '../identifiers.ts';

/**
 * The receipt of a sent card (its reference number, the SHA-256 of its answers, the server's time) and the
 * public receipt check: GET /api/receipts/{reference}?sha256=<hex>[&version=<n>] → ZReceiptCheck. Apart
 * from the card's schema, which the check does not need (see submission.ts for every card endpoint).
 */

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
    /**
     * The card's state now: a withdrawn card's receipts still prove what was received and when; so do a
     * voided card's (issue 13: a coordinator voided a card sent in the gmina's name), which says voided.
     */
    status: z.enum([...CARD_STATUSES, 'voided']),
  }),
  z.strictObject({ valid: z.literal(false) }),
]);
export type TReceiptCheck = z.infer<typeof ZReceiptCheck>;
