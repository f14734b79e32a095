// Turns zod issues into messages that name the file, the row and the field.
import type { z } from 'zod';

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
