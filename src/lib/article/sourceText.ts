// Reads the reference copy of the article (content/source/article.txt) into its parts, scraping debris removed.
import { ContentError } from '../../schemas/issues';
import { collapseSpace } from '../../schemas/text';
import { nothingVisible } from '../data/plainText';

export interface SourceArticle { headline: string; author: string; paragraphs: string[]; bio: string; credit: string }

/** The words the credit line opens with; the name of the publication follows them. */
const CREDIT_OPENING = 'Originally Posted on';
/** The publication a credit line names: "Originally Posted on The Nation" → "The Nation". */
export const creditedPublication = (credit: string) => credit.slice(CREDIT_OPENING.length).trim();

/**
 * Line 1 is the headline, line 3 the byline; the body runs to the author's bio ("The writer is…"),
 * then the credit ("Originally Posted on…"). What follows (the comment widget) and the empty
 * brackets left in the bio by a lost link are debris.
 */
export function parseSourceText(text: string, file: string): SourceArticle {
  if (text.startsWith('\uFEFF')) throw new ContentError(`${file}: the file starts with an invisible byte-order mark (BOM): save it as UTF-8 without one`);
  // A line with nothing visible on it (spaces of any kind, format characters) is a blank line.
  const blocks = text.split(/\n/).map(collapseSpace).filter((l) => !nothingVisible(l));
  const bioIndex = blocks.findIndex((b) => b.startsWith('The writer is'));
  const creditIndex = blocks.findIndex((b) => b.startsWith(CREDIT_OPENING));
  if (blocks.length < 3 || !blocks[1]!.startsWith('By ')) throw new ContentError(`${file}: expected the headline on the first line and "By …" on the next`);
  if (bioIndex < 0) throw new ContentError(`${file}: the author's bio ("The writer is …") is missing`);
  if (creditIndex < 0) throw new ContentError(`${file}: the credit line ("Originally Posted on …") is missing`);
  return {
    headline: blocks[0]!,
    author: blocks[1]!.replace(/^By /, ''),
    paragraphs: blocks.slice(2, bioIndex),
    bio: blocks[bioIndex]!.replace(/\s*\(\s*\)\s*$/, ''),
    credit: blocks[creditIndex]!,
  };
}
