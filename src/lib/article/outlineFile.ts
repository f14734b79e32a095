// Reads the article's outline straight from its MDX file, for loaders that run before Astro's collections exist.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseOutline, type Outline } from './outline';

/** Blanks the frontmatter but keeps its lines, so that outline errors point at the right line of the file. */
export function mdxBody(mdx: string): string {
  return mdx.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n)/, (fm) => fm.replace(/[^\n]/g, ''));
}

/** The outline of the MDX file at `path`; errors name the file relative to the project root. */
export async function readOutlineFile(path: string): Promise<Outline> {
  return parseOutline(mdxBody(await readFile(path, 'utf8')), relative(process.cwd(), resolve(path)));
}
