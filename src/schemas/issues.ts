// Turns zod issues into messages that name the file, the row and the field.
import type { z } from 'zod';

/** The value at `path` of what was parsed. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/**
 * zod's own words for a type or a bound ("Invalid input: expected string, received number", "Too big: expected number to
 * be <=100"), said as what to do, from the value that was given (`input`, what was parsed); a message a schema words
 * itself is kept. A bare 2015 in YAML is a number.
 */
function plainMessage(issue: z.core.$ZodIssue, input: unknown, file: string): string {
  if (input === undefined) return issue.message;
  const value = valueAt(input, issue.path);
  if (typeof value !== 'number') return issue.message;
  if (issue.code === 'invalid_type' && issue.expected === 'string' && /^Invalid input: expected string/.test(issue.message)) {
    return `must be text${file.endsWith('.yaml') ? `, and YAML read ${value} as a number: write it in quotes, "${value}"` : `, not the number ${value}: write it in quotes, "${value}"`}`;
  }
  const bound = /^Too (big|small): expected number to be ([<>]=?)(-?[\d.]+)$/.exec(issue.message);
  if (bound) return `must be ${bound[1] === 'big' ? (bound[2] === '<' ? 'less than' : 'at most') : (bound[2] === '>' ? 'more than' : 'at least')} ${bound[3]} (it is ${value})`;
  return issue.message;
}

/** `input` is what was parsed, so that a message can say what was given. */
export function describeIssues(file: string, error: z.ZodError, rowLabel?: (path: PropertyKey[]) => string | undefined, input?: unknown): string {
  const lines = error.issues.map((issue) => {
    const row = rowLabel?.(issue.path);
    const field = issue.path.map(String).join('.') || '(root)';
    return `  - ${row ? `${row}, ` : ''}field "${field}": ${plainMessage(issue, input, file)}`;
  });
  return `${file}: invalid data\n${lines.join('\n')}`;
}

/** The lines of describeIssues() for one row, without its heading, so that issues from many rows make one message. */
export function issueLines(file: string, error: z.ZodError, label: string, input?: unknown): string[] {
  return describeIssues(file, error, () => label, input).split('\n').slice(1);
}

export class ContentError extends Error {
  override name = 'ContentError';
}
