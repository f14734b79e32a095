// The original article text, read from the file kept in content/source, debris removed as its README says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SOURCE_FILE = resolve(import.meta.dirname, '../../content/source/article.txt');

export interface SourceArticle { headline: string; author: string; paragraphs: string[]; bio: string; credit: string }

export function readSource(file = SOURCE_FILE): SourceArticle {
  const blocks = readFileSync(file, 'utf8').split(/\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const headline = blocks[0]!;
  const author = blocks[1]!.replace(/^By /, '');
  const bioIndex = blocks.findIndex((b) => b.startsWith('The writer is'));
  const creditIndex = blocks.findIndex((b) => b.startsWith('Originally Posted on'));
  if (bioIndex < 0 || creditIndex < 0) throw new Error(`${file}: bio or credit line not found`);
  return {
    headline,
    author,
    paragraphs: blocks.slice(2, bioIndex),
    // The bio's link text was lost in scraping; the empty brackets are debris.
    bio: blocks[bioIndex]!.replace(/\s*\(\s*\)\s*$/, ''),
    credit: blocks[creditIndex]!,
  };
}
