// readRows on a small file schema of its own: groups, rows named by id or by place, and what is not a list of rows.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows } from '../../../src/lib/data/readRows';

const FILE = 'content/data/things.yaml';
const row = z.object({ id: z.string().min(1), value: z.number() }).strict();
const schema = z.object({ first: z.array(row).min(1), second: z.array(row).default([]) }).strict();
const refusal = (text: string): string => {
  try { readRows(text, FILE, schema); } catch (e) { return (e as Error).message; }
  throw new Error('accepted');
};

describe('readRows', () => {
  it('readRows(text, file, schema) gives every row with its group and place, and takes a group left out that has a default', () => {
    expect(readRows('first:\n  - { id: a, value: 1 }\n  - { id: b, value: 2 }\n', FILE, schema)).toEqual([
      { id: 'a', value: 1, series: 'first', position: 0 },
      { id: 'b', value: 2, series: 'first', position: 1 },
    ]);
  });

  it('readRows(text, file, schema) refuses a file that is a list rather than groups of rows, naming the groups', () => {
    expect(refusal('- { id: a, value: 1 }\n')).toBe(`${FILE}: expected groups of rows (first, second)`);
    // An empty file (or one of comments only) is named as empty.
    expect(refusal('')).toBe(`${FILE}: the file is empty: expected groups of rows (first, second)`);
    expect(refusal('# only a comment\n')).toBe(`${FILE}: the file is empty: expected groups of rows (first, second)`);
  });

  it('readRows(text, file, schema) names a row by its id, or by its place in its group when the id is missing, empty or not text', () => {
    const msg = refusal('first:\n  - { id: a, value: x }\n  - { id: 5, value: 1 }\n  - { id: "", value: 1 }\n  - { value: 1 }\n');
    expect(msg).toContain('row "a", field "value"');
    expect(msg).toContain('row 2 of "first", field "id"');
    expect(msg).toContain('row 3 of "first", field "id"');
    expect(msg).toContain('row 4 of "first", field "id"');
    expect(msg).not.toContain('row "5"');
  });

  it('readRows(text, file, schema) refuses a group that is not a list, naming the group', () => {
    expect(refusal('first: none\n')).toMatch(new RegExp(`^${FILE}: .*\\n.*group "first"`));
  });
});
