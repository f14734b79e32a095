// Splits the article's MDX into its frontmatter and its body, keeping the body's line numbers those of the file.
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentError, describeIssues } from '../../schemas/issues';
import { plainTextProblem, textFieldProblems } from '../data/plainText';

// Spaces after a fence are forgiven: they are invisible in an editor.
const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?=\r?\n|$)/;

/**
 * The frontmatter as data (not yet validated) and the body with the frontmatter's lines left blank, so that
 * a message about the body names the line of the file. A YAML error names the file and its line.
 */
export function splitFrontmatter(text: string, file: string): { data: Record<string, unknown>; body: string } {
  if (text.startsWith('\uFEFF')) throw new ContentError(`${file}: the file starts with an invisible byte-order mark (BOM): save it as UTF-8 without one`);
  const m = FRONTMATTER.exec(text);
  if (!m) throw new ContentError(`${file}: the article needs frontmatter between two "---" lines at the top`);
  const doc = parseDocument(m[1]!, { uniqueKeys: true });
  const [err] = doc.errors;
  if (err) {
    // The parser counts lines from the frontmatter's first, below the opening "---": its own "at line …" is dropped
    // for the file's line and column.
    const [pos] = err.linePos ?? [];
    const where = pos ? `${pos.line + 1}:${pos.col}` : '2';
    throw new ContentError(`${file}:${where}: the frontmatter could not be read: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const data = doc.toJS() as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ContentError(`${file}: the frontmatter must be a set of fields (headline: …, author: …)`);
  return { data: data as Record<string, unknown>, body: m[0].replace(/[^\n]/g, '') + text.slice(m[0].length) };
}

/**
 * The frontmatter checked against its schema, with the messages every content file gives: file, field, what is wrong;
 * and every field read as it is typed (no markup the page would show as typed, nothing invisible that stands for it or
 * reorders it).
 */
export function checkFrontmatter<S extends z.ZodType>(data: Record<string, unknown>, schema: S, file: string): z.infer<S> {
  const checked = schema.safeParse(data);
  if (!checked.success) throw new ContentError(describeIssues(file, checked.error, undefined, data).replace(': invalid data', ': invalid frontmatter'));
  const unseen = textFieldProblems(checked.data, plainTextProblem);
  if (unseen.length) throw new ContentError(`${file}: invalid frontmatter\n${unseen.map(({ path, problem }) => `  - field "${path.join('.')}": ${problem}`).join('\n')}`);
  return checked.data;
}
