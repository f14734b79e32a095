// The real content as the edition's plain input, read once; each test takes a fresh copy to change.
import { parseOutline } from '../../../src/lib/article/outline';
import { readInput } from '../../support/content';
import { beforeEach } from 'vitest';
import { buildEdition, type Edition, type EditionInput } from '../../../src/lib/edition/edition';

const original = readInput();

// The edition keeps the locator map's layout for the places it was made from. Laid out once here, as the fixture
// loads, it serves every edition a test builds from the content's own places; only a test that changes a place
// lays the map out again. The map's rules are the map's own tests' to check (tests/unit/charts/locator*.test.ts).
buildEdition(structuredClone(original));

/** A deep copy of the content's input, safe to change. */
export const input = (): EditionInput => structuredClone(original);

/**
 * The content's edition, for a test file: built on the first call in each test and kept for the rest of that test.
 * Built inside the test, where a mutant reaches it (under mutation testing only the tests that build it are run
 * against the mutants of its making), and afresh for each test.
 */
export function editionPerTest(): () => Edition {
  let built: Edition | undefined;
  beforeEach(() => { built = undefined; });
  return () => (built ??= buildEdition(input()));
}

/** The message buildEdition refuses `i` with; a test fails when it is accepted. */
export function refusal(i: EditionInput): string {
  try { buildEdition(i); } catch (e) { return (e as Error).message; }
  throw new Error('expected the edition to refuse the content');
}

/** The article's outline, as the edition parses it: parsed inside the test that asks (under mutation testing, the mutant is then switched on). */
export const outline = () => parseOutline(original.article.body, original.article.file);

/** Replaces text in the article's body of `i`, failing loudly when the text is not there. */
export function editBody(i: EditionInput, from: string | RegExp, to: string): EditionInput {
  const next = i.article.body.replace(from, to);
  if (next === i.article.body) throw new Error(`fixture: ${String(from)} not found in the article`);
  i.article.body = next;
  return i;
}
