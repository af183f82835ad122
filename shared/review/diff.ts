/**
 * What changed between two versions of a card, field by field, so a reviewer reads the change rather than
 * two hashes. Paths are the answers' own (`criteria.population.value`); arrays are compared as a whole.
 */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export function diffAnswers(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffAnswers(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return sameValue(before, after) ? [] : [{ path, before, after }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) return diffAnswers(a, b).length === 0;
  return a === b;
}
