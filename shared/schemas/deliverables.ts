import * as z from 'zod/mini';
import { line } from './text.ts';

/**
 * A deadline that asks for a document back (a milestone report, the social project's plan): each party of
 * its audience uploads a PDF through its own e-mailed link; reminders go only to those who have not
 * delivered, and the coordinator sees who has. Kept apart from reminders.ts, which only gains `deliverable`.
 */

/** What a coordinator asks for: the document's name ("Sprawozdanie z KM I"); always one PDF of ≤ 10 MB. */
export const ZDeliverableRequest = z.strictObject({ name: line(200) });
export type TDeliverableRequest = z.infer<typeof ZDeliverableRequest>;

/** 10 MB, as a call's attachments and a card's scan. */
export const DELIVERABLE_MAX_BYTES = 10 * 1024 * 1024;
/** Each part one API request, under API Gateway's 10 MB payload (base64 makes 4 MiB about 5.6 MB). */
export const DELIVERABLE_PART_BYTES = 4 * 1024 * 1024;
export const DELIVERABLE_MAX_PARTS = Math.ceil(DELIVERABLE_MAX_BYTES / DELIVERABLE_PART_BYTES);

const ZDelivered = z.strictObject({
  at: z.iso.datetime(),
  filename: z.string(),
  size: z.int(),
  sha256: z.string(),
});
export type TDelivered = z.infer<typeof ZDelivered>;

/** What the party's link shows: what is asked, by when, and what it delivered. */
export const ZDeliverableView = z.strictObject({
  title: z.string(),
  description: z.string(),
  documentName: z.string(),
  dueAt: z.iso.datetime(),
  /** Uploading (or replacing) is open until the deadline, unless the coordinator called it off. */
  open: z.boolean(),
  /** Called off by the coordinator: nothing is asked for any more. */
  cancelled: z.optional(z.literal(true)),
  email: z.string(),
  delivered: z.optional(ZDelivered),
});
export type TDeliverableView = z.infer<typeof ZDeliverableView>;

/** The uploaded parts put together as the party's document. */
export const ZDeliverRequest = z.strictObject({
  uploadId: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
  parts: z.int().check(z.minimum(1), z.maximum(DELIVERABLE_MAX_PARTS)),
  name: line(200),
});
export type TDeliverRequest = z.infer<typeof ZDeliverRequest>;
export const ZDeliverResponse = z.strictObject({ delivered: ZDelivered, replaced: z.boolean() });
export type TDeliverResponse = z.infer<typeof ZDeliverResponse>;

/** The panel's view: one voivodeship's deadlines that ask for a document, each party delivered or not. */
export const ZDeliveriesQuery = z.strictObject({ wojewodztwo: z.string().check(z.regex(/^\d{2}$/)) });
export type TDeliveriesQuery = z.infer<typeof ZDeliveriesQuery>;

export const ZDeliveryParty = z.strictObject({
  /** The SHA-256 of the address: names the party in the download's path without putting it in logs. */
  party: z.string(),
  email: z.string(),
  role: z.string(),
  delivered: z.optional(ZDelivered),
});
export const ZDeliverableDeadline = z.strictObject({
  id: z.string(),
  title: z.string(),
  documentName: z.string(),
  dueAt: z.iso.datetime(),
  parties: z.array(ZDeliveryParty),
});
export const ZDeliveriesResponse = z.strictObject({
  /** Soonest deadline first. */
  deadlines: z.array(ZDeliverableDeadline),
});
export type TDeliveriesResponse = z.infer<typeof ZDeliveriesResponse>;
