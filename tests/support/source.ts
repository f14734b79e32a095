// The original article text, read from the file kept in content/source, debris removed as its README says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSourceText, type SourceArticle } from '../../src/lib/article/sourceText';

export const SOURCE_FILE = resolve(import.meta.dirname, '../../content/source/article.txt');
export type { SourceArticle };

export function readSource(file = SOURCE_FILE): SourceArticle {
  return parseSourceText(readFileSync(file, 'utf8'), file);
}
