// A throwaway copy of the content folder whose files a test may change, and the article's outline read from it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseOutline } from '../../../src/lib/article/outline';
import { mdxBody } from '../../../src/lib/article/outlineFile';

export const CONTENT = resolve(import.meta.dirname, '../../../content');
export const ARTICLE = 'article/pakistan-russia-asian-bloc.mdx';

/** The MDX body with the frontmatter blanked, lines kept, as the build reads it. */
export const bodyOf = mdxBody;

export function contentCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'analysis-content-'));
  cpSync(CONTENT, dir, { recursive: true });
  return {
    dir,
    edit(file: string, from: string | RegExp, to: string) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`fixture: ${String(from)} not found in ${file}`);
      writeFileSync(path, next);
    },
    outline() {
      return parseOutline(bodyOf(readFileSync(join(dir, ARTICLE), 'utf8')), ARTICLE);
    },
    remove() { rmSync(dir, { recursive: true, force: true }); },
  };
}
