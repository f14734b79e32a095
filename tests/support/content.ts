// Reads a content folder as the build does, through the same table of files and parsers, without Astro:
// for tests of the edition, the checks and the layouts on the real content (or a changed copy of it).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ARTICLE_FILE, DATA_FILES } from '../../src/lib/edition/contentFiles';
import { splitFrontmatter } from '../../src/lib/article/frontmatter';
import { describeIssues, ContentError } from '../../src/schemas/issues';
import { editionInput, type ContentEntries } from '../../src/lib/edition/editionInput';
import { buildEdition, type Edition, type EditionInput } from '../../src/lib/edition/edition';
import { DEFAULT_SITE_URL } from '../../src/lib/siteUrls';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CONTENT = resolve(ROOT, 'content');

/** One data file of `dir` read as its loader reads it: the entries' data, or a ContentError naming file, row and field. */
export function readData<K extends keyof typeof DATA_FILES>(dir: string, key: K): Record<string, unknown>[] {
  const f = DATA_FILES[key];
  return f.parse(readFileSync(join(dir, f.path), 'utf8'), relative(ROOT, join(dir, f.path))).map((e) => e.data);
}

/** Every collection's entries, read from `dir` (file names relative to the project, as in the build's messages). */
export function readEntries(dir = CONTENT): ContentEntries {
  const name = (path: string) => relative(ROOT, join(dir, path));
  const articleName = name(ARTICLE_FILE.path);
  const { data, body } = splitFrontmatter(readFileSync(join(dir, ARTICLE_FILE.path), 'utf8'), articleName);
  const parsed = ARTICLE_FILE.schema.safeParse(data);
  if (!parsed.success) throw new ContentError(describeIssues(articleName, parsed.error));
  const entries = Object.fromEntries(Object.entries(DATA_FILES).map(([key, f]) => [
    key,
    f.parse(readFileSync(join(dir, f.path), 'utf8'), name(f.path)).map((e) => ({ ...e, filePath: name(f.path) })),
  ]));
  return { ...entries, article: [{ id: 'pakistan-russia-asian-bloc', filePath: articleName, body, data: parsed.data }] } as unknown as ContentEntries;
}

export const SITE = { url: DEFAULT_SITE_URL, base: '/' };

export function readInput(dir = CONTENT, site = SITE): EditionInput {
  return editionInput(readEntries(dir), site);
}

/** The edition of the content in `dir`, as the build makes it. */
export function readEdition(dir = CONTENT, site = SITE): Edition {
  return buildEdition(readInput(dir, site));
}
