import * as z from 'zod/mini';
import { ERROR_CODES } from '../errors.ts';

/** The body of every error response: `{ error: { code, message, fields? }, requestId }`. */
export const ZErrorResponse = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
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
