/**
 * How an agreement's PDF goes up (a signatory's qualified-signed copy, a coordinator's scan of the paper):
 * in parts, each one request, then one JSON request that takes the file. No zod here: the signing page and
 * the panel import these numbers, and zod in their chunks would be split out of the card form's.
 */

/** 10 MB, the limit for an uploaded PDF. */
export const AGREEMENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Parts of at most 4 MiB, as a card's scan (shared/schemas/registration.ts, SCAN_PART_BYTES): Lambda takes
 * at most 6 MB per synchronous invocation and API Gateway hands it a binary body base64-encoded (4 MiB →
 * 5.6 MB), so one request could not carry 10 MB.
 */
export const AGREEMENT_FILE_PART_BYTES = 4 * 1024 * 1024;
export const AGREEMENT_FILE_MAX_PARTS = Math.ceil(AGREEMENT_FILE_MAX_BYTES / AGREEMENT_FILE_PART_BYTES);
