import { createHash, randomBytes, randomInt } from 'node:crypto';
// Not from the submission schemas: functions that only read cards would load every zod schema with it.
import { REFERENCE_ALPHABET } from '../../shared/identifiers.ts';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted at every level and no whitespace: the same answers always give the same
 * bytes, so their SHA-256 can stand as a receipt anyone can recompute.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A secret for an e-mailed link: 256 random bits. Only its SHA-256 is stored. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** "KZ-7QXM-2HPA": 40 random bits in an alphabet without look-alikes (0/O, 1/I/L). */
export function newReference(): string {
  const pick = () =>
    Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `KZ-${pick()}-${pick()}`;
}
