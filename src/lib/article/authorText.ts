// Checks that the author's words in the MDX are exactly those of the reference copy in content/source.
import type { ArticleData } from '../../schemas/article';
import type { Outline } from './outline';
import type { SourceArticle } from './sourceText';

/** The first words where two texts part, for a message a person can act on. */
function whereTheyPart(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const start = Math.max(0, a.lastIndexOf(' ', i - 1) + 1);
  const clip = (s: string) => s.slice(start, start + 48);
  return `the MDX has “${clip(a)}…” where the source has “${clip(b)}…”`;
}

/**
 * Paragraph by paragraph, in order, the author's words (editorial insertions left out) must equal the
 * source's; so must the headline, the byline, the bio and the credit line. Spelling slips stay: the
 * site's corrections are notes beside the text.
 */
export function authorTextProblems(outline: Pick<Outline, 'paragraphs'>, article: Pick<ArticleData, 'headline' | 'author' | 'original'>, source: SourceArticle): string[] {
  const problems: string[] = [];
  const same = (what: string, mdx: string, src: string) => {
    if (mdx !== src) problems.push(`${what}: ${whereTheyPart(mdx, src)}`);
  };
  same('frontmatter field "headline"', article.headline, source.headline);
  same('frontmatter field "author.name"', article.author.name, source.author);
  same('frontmatter field "author.bio"', article.author.bio, source.bio);
  same('frontmatter field "original.credit"', article.original.credit, source.credit);
  outline.paragraphs.forEach((p, i) => {
    const src = source.paragraphs[i];
    if (src === undefined) problems.push(`paragraph "${p.id}" is not in the source (which has ${source.paragraphs.length} paragraphs)`);
    else same(`paragraph "${p.id}" (source paragraph ${i + 1})`, p.text, src);
  });
  if (source.paragraphs.length > outline.paragraphs.length) {
    problems.push(`the source has ${source.paragraphs.length} paragraphs but the article only ${outline.paragraphs.length}: “${source.paragraphs[outline.paragraphs.length]!.slice(0, 48)}…” is missing`);
  }
  return problems;
}
