import * as z from 'zod/mini';
import { isWarsawWallClock } from '../time.ts';
import { keyed } from '../validation.ts';
import { ZDeliverableRequest } from './deliverables.ts';
import { line, paragraphs } from './text.ts';

/**
 * The contracts of reminders before deadlines in the coordinators' panel (routes in functions/routes.ts):
 * upcoming sends, the log of sent ones, a coordinator's own deadline, and a test e-mail to oneself.
 */

const ZWojewodztwoCode = z.string().check(z.regex(/^\d{2}$/));

export const DEADLINE_KINDS = [
  'call-closing',
  'milestone-start',
  'milestone-end',
  'custom',
  'agreement-signing',
] as const;
export type TDeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Who is reminded: the selected gminas' contacts, their OPS, the partner powiats' PCPRs, the coordinators
 * of the voivodeships; `drafts` (contacts with an unsent draft) only for a call's closing; `signatories` (of an
 * agreement, those whose turn it is and who have not signed) only for an agreement's signing deadline.
 */
export const AUDIENCE_GROUPS = ['gminas', 'ops', 'pcpr', 'coordinators', 'drafts', 'signatories'] as const;
export type TAudienceGroup = (typeof AUDIENCE_GROUPS)[number];
const CUSTOM_AUDIENCE_GROUPS = ['gminas', 'ops', 'pcpr', 'coordinators'] as const;

/** "2027-02-30T10:00" has the shape but names no day; Date.UTC would roll it on to March. */
function isLocalDateTime(local: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return false;
  const [year, month, day, hour, minute] = local.split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(year, month - 1, day, hour, minute)).toISOString().slice(0, 16) === local;
}

/** What a coordinator sets of their own deadline, at its creation and at each change. */
const deadlineWording = {
  title: line(200),
  description: paragraphs(2000, 0),
  /** Warsaw wall-clock time, "YYYY-MM-DDTHH:mm". */
  dueAt: z.string(keyed('invalid')).check(
    z.refine(isLocalDateTime, 'invalid_date'),
    z.refine((local) => !isLocalDateTime(local) || isWarsawWallClock(local), 'not_in_warsaw'),
  ),
  /** Only Warsaw time: deadlines are Polish, and every send is planned on the Warsaw clock. */
  timeZone: z.optional(z.literal('Europe/Warsaw', keyed('unsupported_time_zone'))),
  wojewodztwa: z.array(ZWojewodztwoCode).check(
    z.minLength(1, 'required'),
    z.refine((codes) => new Set(codes).size === codes.length, 'duplicate'),
  ),
  /** Days before the deadline's day (0: the day itself); never after it. */
  offsetsDays: z.optional(
    z
      .array(z.int(keyed('invalid')).check(z.minimum(0, 'after_deadline'), z.maximum(90, 'out_of_range')))
      .check(z.minLength(1, 'required'), z.maxLength(8, 'too_many')),
  ),
  /** Optional reminders carry a one-click unsubscribe; an address that opted out gets no more of them. */
  optional: z.optional(z.boolean()),
  /** A send falling on a weekend or a Polish public holiday goes on the working day before (default yes). */
  avoidDaysOff: z.optional(z.boolean()),
};

/** A coordinator's own deadline: a Warsaw wall-clock time, reminded 14, 7, 1 days before and on the day. */
export const ZCreateDeadlineRequest = z.strictObject({
  ...deadlineWording,
  /** The selected gminas of this call only; else of every call in the voivodeships. */
  callId: z.optional(z.string().check(z.regex(/^[a-z0-9-]{3,64}$/, 'invalid'))),
  audience: z.array(z.enum(CUSTOM_AUDIENCE_GROUPS, keyed('invalid'))).check(z.minLength(1, 'empty_audience')),
  /** Asks each party for a document (PDF ≤ 10 MB) through its own link: shared/schemas/deliverables.ts. */
  deliverable: z.optional(ZDeliverableRequest),
});
export type TCreateDeadlineRequest = z.infer<typeof ZCreateDeadlineRequest>;

export const ZDeadline = z.strictObject({
  id: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  title: z.string(),
  description: z.string(),
  dueAt: z.iso.datetime(),
  wojewodztwa: z.array(ZWojewodztwoCode),
  callId: z.optional(z.string()),
  programmeId: z.optional(z.string()),
  audience: z.array(z.enum(AUDIENCE_GROUPS)),
  policy: z.strictObject({
    offsetsDays: z.array(z.int()),
    hour: z.int(),
    avoidDaysOff: z.boolean(),
  }),
  optional: z.boolean(),
  /** When each reminder goes out (after any move off a weekend or holiday). */
  sends: z.array(z.strictObject({ offsetDays: z.int(), at: z.iso.datetime() })),
  deliverable: z.optional(ZDeliverableRequest),
});
export type TDeadline = z.infer<typeof ZDeadline>;

/** A deadline ahead, as the panel lists it: what a change must name, and whether the panel may change it. */
export const ZListedDeadline = z.extend(ZDeadline, {
  /** Raised by every change: a change read at an older one is refused (CONFLICT), not applied over it. */
  revision: z.int(),
  /** Only a coordinator's own deadline: a call's closing, a milestone or a signing follows its source. */
  editable: z.boolean(),
  createdBy: z.optional(z.string()),
});
export type TListedDeadline = z.infer<typeof ZListedDeadline>;
export const ZDeadlinesQuery = z.strictObject({ wojewodztwo: ZWojewodztwoCode });
export type TDeadlinesQuery = z.infer<typeof ZDeadlinesQuery>;
export const ZDeadlinesResponse = z.strictObject({
  /** Every deadline of the voivodeship still ahead (agreements' signing ones apart), soonest first. */
  deadlines: z.array(ZListedDeadline),
});
export type TDeadlinesResponse = z.infer<typeof ZDeadlinesResponse>;

/** A deadline's id in a path: what the ids the API gives look like. */
export const ZDeadlineId = z.string().check(z.regex(/^[a-z0-9-]{3,200}$/));

/**
 * A change of a coordinator's own deadline: its wording, day and reminders. Its voivodeships are named as
 * they are (access is decided on them before the deadline is read); its call, audience and document stay.
 * Reminders already sent are not repeated for the same day; a moved day is reminded anew.
 */
export const ZUpdateDeadlineRequest = z.strictObject({
  ...deadlineWording,
  revision: z.int(keyed('invalid')).check(z.minimum(0, 'invalid')),
});
export type TUpdateDeadlineRequest = z.infer<typeof ZUpdateDeadlineRequest>;

/** A coordinator's own deadline called off: nothing more is sent for it; the log of what was sent stays. */
export const ZCancelDeadlineRequest = z.strictObject({
  wojewodztwa: deadlineWording.wojewodztwa,
  revision: z.int(keyed('invalid')).check(z.minimum(0, 'invalid')),
});
export type TCancelDeadlineRequest = z.infer<typeof ZCancelDeadlineRequest>;
export const ZDeadlineResponse = z.strictObject({ deadline: ZListedDeadline });
export const ZCancelDeadlineResponse = z.strictObject({
  cancelled: z.string(),
  cancelledAt: z.iso.datetime(),
});

/** Query of both lists: one voivodeship, or (absent) every one the user sees. */
export const ZRemindersQuery = z.strictObject({ wojewodztwo: z.optional(ZWojewodztwoCode) });
export type TRemindersQuery = z.infer<typeof ZRemindersQuery>;

export const ZUpcomingReminder = z.strictObject({
  deadlineId: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  title: z.string(),
  dueAt: z.iso.datetime(),
  sendAt: z.iso.datetime(),
  offsetDays: z.int(),
  wojewodztwa: z.array(ZWojewodztwoCode),
  /** Who it goes to: the groups of the deadline's audience. */
  audience: z.array(z.enum(AUDIENCE_GROUPS)),
  /** Addresses it would go to if sent now (suppressed ones not counted). */
  recipients: z.int(),
  /** Those addresses with their role, the first 50 (the coordinator sees who, not only how many). */
  addresses: z.array(z.strictObject({ email: z.string(), role: z.string() })),
});
export const ZUpcomingRemindersResponse = z.strictObject({
  /** The next 30 days, soonest first. */
  reminders: z.array(ZUpcomingReminder),
});
export type TUpcomingRemindersResponse = z.infer<typeof ZUpcomingRemindersResponse>;

export const SEND_STATUSES = ['sending', 'sent', 'retry', 'unknown', 'skipped'] as const;
export const DELIVERY_STATUSES = ['delivered', 'bounced', 'complained'] as const;

export const ZSentReminder = z.strictObject({
  deadlineId: z.string(),
  title: z.string(),
  offsetDays: z.int(),
  recipient: z.string(),
  role: z.string(),
  wojewodztwo: ZWojewodztwoCode,
  /** sending: claimed, not yet confirmed; unknown: SES may or may not have sent it (a person checks). */
  status: z.enum(SEND_STATUSES),
  /** Why it was skipped: bounced, complained, opted out, deadline passed. */
  reason: z.optional(z.string()),
  /** From SES's events, once they arrive. */
  delivery: z.optional(z.enum(DELIVERY_STATUSES)),
  claimedAt: z.iso.datetime(),
  sentAt: z.optional(z.iso.datetime()),
});
export const ZSentRemindersResponse = z.strictObject({
  /** Newest first, at most 200 per voivodeship. */
  reminders: z.array(ZSentReminder),
});
export type TSentRemindersResponse = z.infer<typeof ZSentRemindersResponse>;

export const ZSendTestReminderRequest = z.strictObject({ deadlineId: z.string().check(z.maxLength(200)) });
export const ZSendTestReminderResponse = z.strictObject({ sentTo: z.string(), subject: z.string() });

/** A deadline's reminder as it would be e-mailed now, reached through one of the user's voivodeships. */
export const ZReminderPreviewQuery = z.strictObject({
  wojewodztwo: ZWojewodztwoCode,
  deadlineId: z.string().check(z.regex(/^[a-z0-9-]{3,200}$/)),
});
export type TReminderPreviewQuery = z.infer<typeof ZReminderPreviewQuery>;
export const ZReminderPreviewResponse = z.strictObject({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type TReminderPreviewResponse = z.infer<typeof ZReminderPreviewResponse>;

/** The addresses reminders no longer reach in one voivodeship: bounced, complained, or opted out. */
export const ZSuppressedAddressesQuery = z.strictObject({ wojewodztwo: ZWojewodztwoCode });
export type TSuppressedAddressesQuery = z.infer<typeof ZSuppressedAddressesQuery>;
export const SUPPRESSED_REASONS = ['bounce', 'complaint', 'opted-out'] as const;
export const ZSuppressedAddress = z.strictObject({
  email: z.string(),
  /** The role it was reminded in last (gmina, ops, pcpr, coordinator, draft). */
  role: z.string(),
  reason: z.enum(SUPPRESSED_REASONS),
  at: z.iso.datetime(),
});
export const ZSuppressedAddressesResponse = z.strictObject({
  /** Of the addresses the voivodeship's last reminders went to; newest first. */
  addresses: z.array(ZSuppressedAddress),
});
export type TSuppressedAddressesResponse = z.infer<typeof ZSuppressedAddressesResponse>;
