/**
 * Reading our own API's JSON without shipping a validation library to every page: a shape says what each
 * key holds, and `readShape` returns a copy with just those keys (unknown ones dropped, so a bundle cached
 * before a deploy keeps working when the API starts sending a new field), or undefined if anything is off.
 * Types come from the shared contracts; each reader's shape is written next to its type.
 *
 * A shape is 'string' | 'number' | 'boolean' | 'unknown', `[item]` for an array, `{ key: shape }` for an
 * object (a key ending in '?' may be missing), or `{ '*': shape }` for a record with any keys.
 */
export type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'unknown'
  | readonly [Shape]
  | { readonly [key: string]: Shape };

const FAILED = Symbol();

function read(shape: Shape, value: unknown): unknown {
  if (typeof shape === 'string') {
    return shape === 'unknown' || typeof value === shape ? value : FAILED;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return FAILED;
    // Copied only from the first item that reads as something else (an object losing unknown keys): an
    // array of plain values, such as the TERYT register's 2,477 rows, is checked without being rebuilt.
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const read_ = read(shape[0], item);
      if (read_ === FAILED) return FAILED;
      if (copy) copy.push(read_);
      else if (read_ !== item) copy = [...value.slice(0, index), read_];
    }
    return copy ?? value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAILED;
  const object = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  const any = (shape as Record<string, Shape>)['*'];
  for (const [pattern, inner] of Object.entries(shape as Record<string, Shape>)) {
    if (pattern === '*') continue;
    const optional = pattern.endsWith('?');
    const key = optional ? pattern.slice(0, -1) : pattern;
    if (object[key] === undefined && optional) continue;
    const read_ = read(inner, object[key]);
    if (read_ === FAILED) return FAILED;
    result[key] = read_;
  }
  if (any) {
    for (const [key, item] of Object.entries(object)) {
      const read_ = read(any, item);
      if (read_ === FAILED) return FAILED;
      result[key] = read_;
    }
  }
  return result;
}

/** A reader for `requestJson`: the value in `shape`, typed as T, or undefined. */
export function reader<T>(shape: Shape): (value: unknown) => T | undefined {
  return (value) => {
    const result = read(shape, value);
    return result === FAILED ? undefined : (result as T);
  };
}
