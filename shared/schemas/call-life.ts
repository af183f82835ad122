import * as z from 'zod/mini';
import { GMINA_KINDS } from '../gmina-kinds.ts';
import { ZWarsawLocal } from './programme.ts';
import { line, paragraphs } from './text.ts';

/**
 * The contracts of a call over its life (issue 17, ARCHITECTURE.md "Calls over their life"): editing before
 * it opens, extending its closing, cancelling it, its invitations and its attachments. Every change names
 * the call's `revision` as the panel read it; a call changed meanwhile is 409 CONFLICT.
 */

const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const ZRevision = z.int().check(z.minimum(0));
const ZReason = paragraphs(2000);
const ZTeryt = z.string().check(z.regex(/^\d{6}[123]$/, 'teryt'));
const ZWojewodztwoCode = z.string().check(z.regex(/^\d{2}$/));
const noRepeats = z.refine<readonly string[]>(
  (values) => new Set(values).size === values.length,
  'duplicate',
);

/** What may change before a call opens: its title, dates (Warsaw local), voivodeships, kinds and rules. */
export const ZEditCallRequest = z
  .strictObject({
    revision: ZRevision,
    title: line(300),
    wojewodztwa: z.array(ZWojewodztwoCode).check(z.minLength(1), noRepeats),
    gminaKinds: z.array(z.enum(GMINA_KINDS)).check(z.minLength(1), noRepeats),
    opensAt: ZWarsawLocal,
    closesAt: ZWarsawLocal,
    rules: paragraphs(10_000, 0),
  })
  .check(
    z.refine(
      (entry) => !WALL.test(entry.opensAt) || !WALL.test(entry.closesAt) || entry.opensAt < entry.closesAt,
      {
        message: 'closes_before_opening',
        path: ['closesAt'],
      },
    ),
  );
export type TEditCallRequest = z.infer<typeof ZEditCallRequest>;

/** A new closing (Warsaw local, later than the current one and than now) and why. */
export const ZExtendCallRequest = z.strictObject({
  revision: ZRevision,
  closesAt: ZWarsawLocal,
  reason: ZReason,
});
export type TExtendCallRequest = z.infer<typeof ZExtendCallRequest>;

export const ZCancelCallRequest = z.strictObject({ revision: ZRevision, reason: ZReason });
export type TCancelCallRequest = z.infer<typeof ZCancelCallRequest>;

/**
 * Gminas invited to a call, each with the address of its office the invitation goes to: the office
 * directory's (issue 13) when `email` is left out, the one typed when given. Invitations are
 * added (a gmina is invited once; its card may already be on its way); at most 40 a request, so the call's
 * change, its copies, the invitations and their e-mails fit one transaction.
 */
export const ZInviteRequest = z.strictObject({
  revision: ZRevision,
  invitations: z
    .array(
      z.strictObject({
        teryt: ZTeryt,
        email: z.optional(z.string().check(z.trim(), z.maxLength(254, 'too_long'), z.email('email'))),
      }),
    )
    .check(
      z.minLength(1),
      z.maxLength(40),
      z.refine(
        (invitations) => new Set(invitations.map((one) => one.teryt)).size === invitations.length,
        'duplicate',
      ),
    ),
});
export type TInviteRequest = z.infer<typeof ZInviteRequest>;

/** An attachment uploaded in parts (as a card's scan): the upload, its parts and the file's name. */
export const ZAddAttachmentRequest = z.strictObject({
  revision: ZRevision,
  uploadId: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
  parts: z.int().check(z.minimum(1), z.maximum(3)),
  name: line(200),
});
export type TAddAttachmentRequest = z.infer<typeof ZAddAttachmentRequest>;

export const ZRemoveAttachmentRequest = z.strictObject({ revision: ZRevision });

/** A call of the same programme, voivodeship and gmina kind whose dates overlap: a warning, not a refusal. */
export const ZCallOverlap = z.strictObject({
  id: z.string(),
  title: z.string(),
  wojewodztwa: z.array(z.string()),
  gminaKinds: z.array(z.string()),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
});
export type TCallOverlap = z.infer<typeof ZCallOverlap>;

/** A file attached to a call's rules: at most 10 MB, a PDF, DOCX or ODT by its first bytes. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_PART_BYTES = 4 * 1024 * 1024;
export const ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
