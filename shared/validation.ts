import { config } from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';

// zod/mini ships no messages of its own ("Invalid input" for everything); a missing value is "required"
// wherever a schema gives no message of its own. Loaded by every module that reports field errors.
config({ customError: (issue) => (issue.input === undefined ? 'required' : undefined) });

/**
 * Field errors as `{ "path.to.field": messageKey }`. Shared schemas give short keys as their messages
 * ("too_long", "nip_checksum"); zod's own defaults are reduced to a few stable keys here so that the
 * browser and the API report the same thing for the same input.
 */
export function issuesToFieldErrors(issues: readonly $ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'unknown_field';
      continue;
    }
    const path = issue.path.join('.') || '_';
    if (fields[path]) continue;
    fields[path] = messageKey(issue);
  }
  return fields;
}

function messageKey(issue: $ZodIssue): string {
  return /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
}

/**
 * Zod error options that say "required" for a missing value and `key` for a present but wrong one
 * (issues carry their input only inside this callback).
 */
export function keyed(key: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : key) };
}
