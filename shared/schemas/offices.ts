import * as z from 'zod/mini';
import { keyed } from '../validation.ts';
import { line } from './text.ts';

/**
 * The directory of gmina offices' official addresses (issue 13): where the notice of a card sent in a
 * gmina's name goes. Coordinators import it from a CSV for their voivodeships (the lead: its programmes')
 * and edit one gmina at a time; both are logged in the panel's audit log.
 */

export const ZOfficeEmail = z
  .string(keyed('invalid'))
  .check(z.trim(), z.toLowerCase(), z.maxLength(254, 'too_long'), z.email('email'));

/** An ePUAP inbox: "/<identifier>/<box>", e.g. "/ugoksa/SkrytkaESP". */
export const ZEpuap = z
  .string(keyed('invalid'))
  .check(z.trim(), z.maxLength(200, 'too_long'), z.regex(/^\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'epuap'));

export const OFFICE_SOURCES = ['import', 'manual', 'demo'] as const;

export const ZOffice = z.strictObject({
  teryt: z.string(),
  gminaName: z.string(),
  email: z.string(),
  epuap: z.optional(z.string()),
  /** The office's own name, if the source gave one ("Urząd Gminy Oksa"). */
  name: z.optional(z.string()),
  source: z.enum(OFFICE_SOURCES),
  changedAt: z.iso.datetime(),
  changedBy: z.string(),
});
export type TOffice = z.infer<typeof ZOffice>;

/** PUT /api/admin/offices/{teryt}: one gmina's addresses, as a coordinator types them. */
export const ZOfficeChangeRequest = z.strictObject({
  email: ZOfficeEmail,
  epuap: z.optional(ZEpuap),
  name: z.optional(line(200)),
});
export type TOfficeChangeRequest = z.infer<typeof ZOfficeChangeRequest>;

/** GET /api/admin/offices?wojewodztwo=NN: every gmina of the voivodeship, with its office if known. */
export const ZOfficesQuery = z.strictObject({ wojewodztwo: z.string().check(z.regex(/^\d{2}$/)) });
export const ZOfficesResponse = z.strictObject({
  wojewodztwo: z.string(),
  gminas: z.array(z.strictObject({ teryt: z.string(), gminaName: z.string(), office: z.optional(ZOffice) })),
});
export type TOfficesResponse = z.infer<typeof ZOfficesResponse>;

/**
 * POST /api/admin/offices/import: the CSV's text (UTF-8, with or without a BOM; `;` or `,` between columns;
 * columns teryt, email and optionally name — a header line may name them, and epuap, in any order).
 */
export const OFFICES_CSV_MAX = 90_000;
export const ZOfficesImportRequest = z.strictObject({
  csv: z.string(keyed('invalid')).check(z.minLength(1, 'required'), z.maxLength(OFFICES_CSV_MAX, 'too_long')),
});
export type TOfficesImportRequest = z.infer<typeof ZOfficesImportRequest>;

export const OFFICE_ROW_PROBLEMS = [
  'columns',
  'teryt',
  'unknown_teryt',
  'other_wojewodztwo',
  'email',
  'epuap',
  'name',
  'duplicate',
] as const;

/** What an import did, row by row: nothing of a rejected row is written; an unchanged row is not rewritten. */
export const ZOfficesImportReport = z.strictObject({
  rows: z.int(),
  created: z.int(),
  changed: z.int(),
  unchanged: z.int(),
  rejected: z.array(
    z.strictObject({
      /** 1-based line of the file. */
      line: z.int(),
      teryt: z.optional(z.string()),
      problem: z.enum(OFFICE_ROW_PROBLEMS),
    }),
  ),
});
export type TOfficesImportReport = z.infer<typeof ZOfficesImportReport>;
