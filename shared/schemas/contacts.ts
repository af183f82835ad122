import * as z from 'zod/mini';

/**
 * A ROPS as the public pages show it (issue 17): whom a gmina writes to, calls or visits and when, who
 * controls the personal data of its cards and that controller's data protection officer (IOD).
 */
export const ZRopsContact = z.strictObject({
  wojewodztwo: z.string(),
  name: z.string(),
  address: z.string(),
  email: z.string(),
  phone: z.string(),
  hours: z.string(),
  controller: z.string(),
  iod: z.strictObject({ email: z.string(), address: z.string() }),
});
export type TRopsContact = z.infer<typeof ZRopsContact>;
