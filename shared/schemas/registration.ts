import * as z from 'zod/mini';
import { ZReference, ZSha256 } from './receipt.ts';

/**
 * A card that reached the ROPS by post (the postmark's date decides) or as a scan by e-mail (the time of
 * sending decides), registered by a coordinator in the panel: the same answers and checks as a card sent
 * online, with how and when it was sent, and the scan. Routes in functions/routes.ts:
 * - PUT  /api/admin/cards/{callId}/{teryt}/scan/{uploadId}/{part}  the scan's bytes, in parts (below)
 * - POST /api/admin/calls/{callId}/cards                            the card (registration-request.ts)
 * - GET  /api/admin/cards/{callId}/{teryt}/scan                     the scan (a redirect to a short-lived link)
 */

export const REGISTERED_CHANNELS = ['post', 'email'] as const;
export type RegisteredChannel = (typeof REGISTERED_CHANNELS)[number];

/** What a scan may be, by the type its bytes show (magic bytes; the declared type must agree). */
export const SCAN_TYPES = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
export type ScanType = keyof typeof SCAN_TYPES;
export const SCAN_TYPE_NAMES = Object.keys(SCAN_TYPES) as ScanType[];

/** 10 MB, the recruitment letter's limit for a scan sent by e-mail. */
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;
/**
 * A scan travels in parts of at most 4 MiB, each one request: Lambda takes at most 6 MB per synchronous
 * invocation and API Gateway hands it a binary body base64-encoded (4 MiB → 5.6 MB), so one request could
 * not carry 10 MB (nor could JSON with base64 inside: 13.4 MB, over API Gateway's 10 MB too).
 */
export const SCAN_PART_BYTES = 4 * 1024 * 1024;
export const SCAN_MAX_PARTS = Math.ceil(SCAN_MAX_BYTES / SCAN_PART_BYTES);

/** Whether the bytes begin as a file of that type does: %PDF-, JPEG's FF D8 FF, PNG's signature. */
export function scanTypeOf(bytes: Uint8Array): ScanType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return undefined;
}

export const ZUploadId = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));

/** The answer: the receipt the gmina's contact is e-mailed, and where the card stands in the list. */
export const ZRegisteredCard = z.strictObject({
  reference: ZReference,
  version: z.int(),
  sha256: ZSha256,
  /** The postmark's or the e-mail's instant, which counts against the deadline (the card's time of sending). */
  receivedAt: z.iso.datetime(),
  teryt: z.string(),
  channel: z.enum(REGISTERED_CHANNELS),
});
export type TRegisteredCard = z.infer<typeof ZRegisteredCard>;

/** On the card's page in the panel: how a card that did not come through the site came, and its scan. */
export const ZCardRegistration = z.strictObject({
  channel: z.enum(REGISTERED_CHANNELS),
  /** As the coordinator typed it: a date (post) or a Warsaw date and time (e-mail). */
  receivedOn: z.string(),
  registeredAt: z.iso.datetime(),
  registeredBy: z.string(),
  scan: z.strictObject({
    href: z.string(),
    sha256: ZSha256,
    size: z.int(),
    contentType: z.enum(SCAN_TYPE_NAMES as [ScanType, ...ScanType[]]),
  }),
});
export type TCardRegistration = z.infer<typeof ZCardRegistration>;

export const ZScanPartStored = z.strictObject({ part: z.int(), size: z.int() });

/** Where the panel downloads a card's scan (the route redirects to a short-lived signed link). */
export function scanHref(callId: string, teryt: string): string {
  return `/api/admin/cards/${encodeURIComponent(callId)}/${encodeURIComponent(teryt)}/scan`;
}
