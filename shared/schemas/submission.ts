import * as z from 'zod/mini';
import { ZCardAnswers } from './card.ts';
import { CARD_STATUSES, ZReference, ZSha256 } from './receipt.ts';

/**
 * The card's contracts: sending it, and reading, changing or withdrawing it by its e-mailed link (routes in
 * functions/routes.ts). Receipts and drafts live in receipt.ts and draft.ts so their functions do without the
 * card's schema; drafts are re-exported as types only, or their schemas would load in the card's bundles.
 */

export type * from './draft.ts';
export * from './receipt.ts';

export const ZSubmitCardRequest = z.strictObject({ answers: ZCardAnswers });
export type TSubmitCardRequest = z.input<typeof ZSubmitCardRequest>;

/** The same for every gmina, whether or not it has sent a card (see functions/domain/resend-card-link.ts). */
export const ZCardLinkRequested = z.strictObject({ requestedAt: z.iso.datetime() });
export type TCardLinkRequested = z.infer<typeof ZCardLinkRequested>;

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
  /**
   * What the ROPS asked the gmina to correct, while the request is open: until `until` the link changes
   * the card even after the call's deadline (and `editableUntil` says so).
   */
  correction: z.optional(z.strictObject({ what: z.string(), until: z.iso.datetime() })),
  /** A decision was made about the card: it can no longer be changed or withdrawn. */
  decided: z.optional(z.boolean()),
  answers: ZCardAnswers,
  versions: z.array(z.strictObject({ version: z.int(), receivedAt: z.iso.datetime(), sha256: ZSha256 })),
});
export type TCardView = z.infer<typeof ZCardView>;
