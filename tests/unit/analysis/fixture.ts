// The real content as the edition's plain input, read once; each test takes a fresh copy to change.
import { parseOutline } from '../../../src/lib/article/outline';
import { readInput } from '../../support/content';
import type { EditionInput } from '../../../src/lib/edition/edition';

const original = readInput();

/** A deep copy of the content's input, safe to change. */
export const input = (): EditionInput => structuredClone(original);

/** The article's outline, as the edition parses it: parsed inside the test that asks (under mutation testing, the mutant is then switched on). */
export const outline = () => parseOutline(original.article.body, original.article.file);

/** Replaces text in the article's body of `i`, failing loudly when the text is not there. */
export function editBody(i: EditionInput, from: string | RegExp, to: string): EditionInput {
  const next = i.article.body.replace(from, to);
  if (next === i.article.body) throw new Error(`fixture: ${String(from)} not found in the article`);
  i.article.body = next;
  return i;
}
