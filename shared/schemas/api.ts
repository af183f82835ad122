import * as z from 'zod/mini';
import { ERROR_CODES } from '../errors.ts';

/**
 * Whom to contact about an error: on CARD_EXISTS, the ROPS of the gmina's voivodeship, so a gmina that did
 * not send the card it is refused for knows how to contest it (issue 13).
 */
export const ZErrorContact = z.strictObject({
  name: z.string(),
  address: z.string(),
  email: z.string(),
  phone: z.string(),
  hours: z.string(),
});
export type TErrorContact = z.infer<typeof ZErrorContact>;

/** The body of every error response: `{ error: { code, message, fields?, contact? }, requestId }`. */
export const ZErrorResponse = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    contact: z.optional(ZErrorContact),
  }),
  requestId: z.string(),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZHealthResponse = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  checks: z.strictObject({
    api: z.literal('ok'),
    table: z.enum(['ok', 'unreachable']),
  }),
  time: z.string(),
});
export type THealthResponse = z.infer<typeof ZHealthResponse>;
