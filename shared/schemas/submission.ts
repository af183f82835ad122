import * as z from 'zod/mini';
import { ZCardAnswers } from './card.ts';
import { CARD_STATUSES, ZReference, ZSha256 } from './receipt.ts';

/**
 * The recruitment API's contracts around the card: sending it, the e-mailed link that reads, changes or
 * withdraws it until the deadline, save-and-return drafts, and the public receipt check.
 *
 * POST   /api/calls/{callId}/cards     ZSubmitCardRequest, header Idempotency-Key → 201 ZCardReceipt
 * GET    /api/cards/current            Authorization: Bearer <card token> → ZCardView
 * PUT    /api/cards/current            ZSubmitCardRequest + the token → ZCardReceipt (a new version)
 * DELETE /api/cards/current            the token → ZCardView (status "withdrawn")
 * POST   /api/calls/{callId}/cards/{teryt}/link  no body → 202 ZCardLinkRequested (a new link goes to the
 *                                       card's contact address)
 * POST   /api/calls/{callId}/drafts    ZSaveDraftRequest, optional Idempotency-Key → 201 ZDraftSaved (the link
 *                                       goes by e-mail)
 * GET    /api/drafts/current           Authorization: Bearer <draft token> → ZDraftView
 * PUT    /api/drafts/current           ZUpdateDraftRequest + the token → ZDraftSaved
 * GET    /api/receipts/{reference}?sha256=<hex>[&version=<n>] → ZReceiptCheck
 *
 * The receipt's and the drafts' contracts live in receipt.ts and draft.ts, which do not load the card's
 * schema (the receipt check and the drafts' functions do without it); they are re-exported here, the
 * drafts' as types only: their schemas, built when the module loads, would otherwise ride along in the
 * bundles of sending and changing a card, which are the largest.
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
