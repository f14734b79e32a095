// Turns zod issues into messages that name the file, the row and the field.
import { z } from 'zod';

/**
 * zod's own words for a type or a bound ("Invalid input: expected string, received number", "Too big: expected number to
 * be <=100"), said as what to do, for every schema that words no message of its own: a bare 2015 in YAML is a number.
 */
z.config({
  customError: (iss) => {
    const input: unknown = iss.input;
    if (iss.code === 'invalid_type' && iss.expected === 'string' && typeof input === 'number') return `must be text, and YAML read ${input} as a number: write it in quotes, "${input}"`;
    if (iss.code === 'too_big' && typeof input === 'number') return `must be ${iss.inclusive === false ? 'less than' : 'at most'} ${String(iss.maximum)} (it is ${input})`;
    if (iss.code === 'too_small' && typeof input === 'number') return `must be ${iss.inclusive === false ? 'more than' : 'at least'} ${String(iss.minimum)} (it is ${input})`;
    return undefined;
  },
});

export function describeIssues(file: string, error: z.ZodError, rowLabel?: (path: PropertyKey[]) => string | undefined): string {
  const lines = error.issues.map((issue) => {
    const row = rowLabel?.(issue.path);
    const field = issue.path.map(String).join('.') || '(root)';
    return `  - ${row ? `${row}, ` : ''}field "${field}": ${issue.message}`;
  });
  return `${file}: invalid data\n${lines.join('\n')}`;
}

/** The lines of describeIssues() for one row, without its heading, so that issues from many rows make one message. */
export function issueLines(file: string, error: z.ZodError, label: string): string[] {
  return describeIssues(file, error, () => label).split('\n').slice(1);
}

export class ContentError extends Error {
  override name = 'ContentError';
}
