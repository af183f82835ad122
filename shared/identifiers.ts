/** Check digits of Polish public identifiers, as GUS and the tax administration define them; our own reference numbers. */

/** The letters of a reference number (KZ-XXXX-XXXX): short, read aloud over the phone, so no 0/O, 1/I/L. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function digits(value: string): number[] {
  return [...value].map(Number);
}

function weightedSum(values: number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * (values[index] ?? 0), 0);
}

/** NIP: 10 digits; the weighted sum of the first nine mod 11 is the tenth (a remainder of 10 is invalid). */
export function isValidNip(value: string): boolean {
  // All zeros passes the check digit but names no taxpayer: a placeholder, not a NIP.
  if (!/^\d{10}$/.test(value) || /^0+$/.test(value)) return false;
  const values = digits(value);
  const check = weightedSum(values, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return check !== 10 && check === values[9];
}

/** REGON: 9 digits (or 14 for a local unit, whose first nine are a valid REGON too); remainder 10 counts as 0. */
export function isValidRegon(value: string): boolean {
  if (/^0+$/.test(value)) return false;
  if (/^\d{9}$/.test(value)) {
    const values = digits(value);
    return (weightedSum(values, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10 === values[8];
  }
  if (/^\d{14}$/.test(value)) {
    const values = digits(value);
    const check = (weightedSum(values, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]) % 11) % 10;
    return check === values[13] && isValidRegon(value.slice(0, 9));
  }
  return false;
}

/** Drops the spaces and dashes people type in NIP and REGON ("123-456-32-18"). */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\s-]/g, '');
}
