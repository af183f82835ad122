import * as z from 'zod/mini';
import { line } from './text.ts';

/**
 * The panel's routes for keeping personal data no longer than needed and for mail that was not delivered
 * (issue 13): the held messages of a voivodeship's cards, resending one, revoking a card's links, and a
 * lead's erasure of one gmina's personal data (RODO art. 17).
 */
const ZWojewodztwoCode = z.string().check(z.regex(/^\d{2}$/));

export const ZHeldMailQuery = z.strictObject({ wojewodztwo: z.optional(ZWojewodztwoCode) });
export type THeldMailQuery = z.infer<typeof ZHeldMailQuery>;

export const ZHeldMail = z.strictObject({
  callId: z.string(),
  teryt: z.string(),
  /** The message's name within its card (the resend route's path segment). */
  name: z.string(),
  to: z.array(z.string()),
  template: z.string(),
  /** unknown: SES may or may not have sent it; failed: SES refused it for two days. */
  status: z.enum(['unknown', 'failed']),
  heldAt: z.iso.datetime(),
  lastError: z.optional(z.string()),
  /** While its body is kept and nobody resent it. */
  resendable: z.boolean(),
  bodyUntil: z.optional(z.iso.datetime()),
  resentAs: z.optional(z.string()),
});
export type THeldMail = z.infer<typeof ZHeldMail>;
export const ZHeldMailResponse = z.strictObject({ messages: z.array(ZHeldMail) });
export type THeldMailResponse = z.infer<typeof ZHeldMailResponse>;

/** Resending: why (optional, logged). A JSON body, `{}` at least. */
export const ZResendMailRequest = z.strictObject({ reason: z.optional(line(500)) });
export const ZResendMailResponse = z.strictObject({
  name: z.string(),
  status: z.enum(['sent', 'pending', 'unknown', 'failed']),
});
export type TResendMailResponse = z.infer<typeof ZResendMailResponse>;

/** Revoking a card's links: the reason is required and logged. */
export const ZRevokeLinksRequest = z.strictObject({ reason: line(500) });
export const ZRevokeLinksResponse = z.strictObject({ linkEpoch: z.int(), revokedAt: z.iso.datetime() });

/**
 * A lead erases a gmina's personal data in one of its programmes: the gmina's TERYT typed again as the
 * confirmation (it must equal the path's), and the request's reason (e.g. the data subject's letter).
 */
export const ZErasureRequest = z.strictObject({
  programmeId: z.string().check(z.regex(/^[a-z0-9-]{3,64}$/)),
  confirmTeryt: z.string().check(z.regex(/^\d{7}$/)),
  reason: line(1000),
});
export type TErasureRequest = z.infer<typeof ZErasureRequest>;
export const ZErasureResponse = z.strictObject({
  erasedAt: z.iso.datetime(),
  cards: z.array(z.string()),
  items: z.int(),
});
export type TErasureResponse = z.infer<typeof ZErasureResponse>;
