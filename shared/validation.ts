import type { $ZodIssue } from 'zod/v4/core';

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
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (/^[a-z_]+$/.test(issue.message)) return issue.message;
  return 'invalid';
}
