import * as z from 'zod/mini';
import { keyed } from '../validation.ts';
import { ZAdminUser } from './admin.ts';
import { WOJEWODZTWO_CODES } from './programme.ts';
import { line } from './text.ts';

/**
 * The lead ROPS's administration in the panel: accounts, their sessions and the audit log of sign-ins and
 * account changes (routes in functions/routes.ts; programmes are edited with ZProgramme itself).
 */

const ZEmail = z
  .string(keyed('invalid'))
  .check(z.trim(), z.toLowerCase(), z.maxLength(254, 'too_long'), z.email('email'));

/** Known voivodeships only, each once, at least one. */
const ZWojewodztwa = z
  .array(
    z
      .string(keyed('invalid'))
      .check(
        z.refine((code) => (WOJEWODZTWO_CODES as readonly string[]).includes(code), 'unknown_wojewodztwo'),
      ),
  )
  .check(
    z.minLength(1, 'required'),
    z.refine((codes) => new Set(codes).size === codes.length, 'duplicate'),
  );

/** A coordinator's account as the lead adds it: the role is always coordinator (leads come by create-lead). */
export const ZNewAccountRequest = z.strictObject({
  email: ZEmail,
  name: line(150),
  wojewodztwa: ZWojewodztwa,
  /** Absent: a coordinator. A lead account only of the lead's own ROPS (its own voivodeships). */
  role: z.optional(z.enum(['coordinator', 'lead'])),
});
export type TNewAccountRequest = z.infer<typeof ZNewAccountRequest>;

export const ZAccountChangeRequest = z.strictObject({ name: line(150), wojewodztwa: ZWojewodztwa });
export type TAccountChangeRequest = z.infer<typeof ZAccountChangeRequest>;

/** An account as the lead (or its owner) reads it; `wojewodztwa` are the account's own, as stored. */
export const ZAccount = z.strictObject({
  email: z.string(),
  name: z.string(),
  role: z.enum(['coordinator', 'lead']),
  wojewodztwa: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.optional(z.iso.datetime()),
  lastSignInAt: z.optional(z.iso.datetime()),
});
export type TAccount = z.infer<typeof ZAccount>;

export const ZAccountsResponse = z.strictObject({ accounts: z.array(ZAccount) });
export type TAccountsResponse = z.infer<typeof ZAccountsResponse>;

/** A live session of the signed-in user; `current` is the one this request came with. */
export const ZSessionRow = z.strictObject({
  id: z.string(),
  startedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  current: z.boolean(),
});
export type TSessionRow = z.infer<typeof ZSessionRow>;

/** The signed-in user (with the lead's reach and programmes), their account as stored, their live sessions. */
export const ZOwnAccountResponse = z.strictObject({
  user: ZAdminUser,
  account: ZAccount,
  sessions: z.array(ZSessionRow),
});
export type TOwnAccountResponse = z.infer<typeof ZOwnAccountResponse>;

export const AUDIT_EVENTS = [
  'signed-in',
  'signed-out',
  'account-created',
  'account-changed',
  'account-disabled',
  'account-enabled',
  'sessions-revoked',
  'programme-created',
  'programme-changed',
  'milestone-dates-changed',
  'office-changed',
  'offices-imported',
  'deadline-changed',
  'deadline-cancelled',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export const ZAuditEntry = z.strictObject({
  at: z.iso.datetime(),
  event: z.enum(AUDIT_EVENTS),
  actor: z.string(),
  /** The account or programme the event is about. */
  subject: z.string(),
  /** What changed, as short "field: before → after" lines, or how many sessions ended. */
  details: z.array(z.string()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** One calendar month (Warsaw) of the log, newest first; the current month without a query. */
export const ZAuditLogQuery = z.strictObject({
  month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))),
});
export const ZAuditLogResponse = z.strictObject({ month: z.string(), entries: z.array(ZAuditEntry) });
export type TAuditLogResponse = z.infer<typeof ZAuditLogResponse>;

/** A route without a body takes `{}` (a JSON body, so a form or a bodiless request from another site is not one). */
export const ZEmptyBody = z.strictObject({});
