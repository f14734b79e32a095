// Checks that the author's words in the MDX are exactly those of the reference copy in content/source.
import type { ArticleData } from '../../schemas/article';
import type { Outline } from './outline';
import type { SourceArticle } from './sourceText';
import { diffArrays } from 'diff';
import { createHash } from 'node:crypto';

/** Characters a reader tells apart at sight: printable ASCII and the typography the article uses. */
const PLAIN = /^[\x20-\x7E’‘“”–—…]$/u;
const codePoint = (ch: string | undefined) => {
  if (ch === undefined) return 'nothing';
  const u = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `${u} (“${ch}”)` : u;
};

/** The first words where two texts part, for a message a person can act on; the characters by code point where one cannot be seen or looks like another. */
function whereTheyPart(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const start = Math.max(0, a.lastIndexOf(' ', i - 1) + 1);
  const clip = (s: string) => s.slice(start, start + 48);
  const [x, y] = [String.fromCodePoint(a.codePointAt(i) ?? 32), String.fromCodePoint(b.codePointAt(i) ?? 32)];
  const unseen = (i < a.length && !PLAIN.test(x)) || (i < b.length && !PLAIN.test(y));
  const detail = unseen ? `; there the MDX has ${codePoint(i < a.length ? x : undefined)} where the source has ${codePoint(i < b.length ? y : undefined)}` : '';
  return `the MDX has “${clip(a)}…” where the source has “${clip(b)}…”${detail}`;
}

/**
 * The SHA-256 of the reference copy's words (headline, byline, paragraphs, bio and credit as parseSourceText reads them,
 * one per line): the copy is the article as it reached us and is never edited, so an edit made to it and to the MDX
 * alike is still refused. Change it only with a new copy of the article, in the same commit.
 */
export const REFERENCE_SHA256 = '14c28fd12ae71b64cace70671759c2eb5691ce268262459456261c4b6bb96eb2';

const wordsDigest = (s: SourceArticle) => createHash('sha256').update([s.headline, s.author, ...s.paragraphs, s.bio, s.credit].join('\n')).digest('hex');

/** The reference copy's words against the digest the site holds. */
export function referenceProblems(source: SourceArticle): string[] {
  const digest = wordsDigest(source);
  return digest === REFERENCE_SHA256 ? [] : [
    `the reference copy of the author's text has changed (its words' SHA-256 is ${digest.slice(0, 12)}…, not ${REFERENCE_SHA256.slice(0, 12)}…): it is the article as it reached us and is never edited; restore it from the repository, and correct the MDX instead. A new copy of the article changes REFERENCE_SHA256 in src/lib/article/authorText.ts in the same commit`,
  ];
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
  problems.push(...paragraphProblems(outline.paragraphs, source.paragraphs));
  return problems;
}

const clip48 = (text: string) => `“${text.slice(0, 48)}…”`;

/**
 * The article's paragraphs against the source's, aligned as a diff aligns lines: a paragraph changed in place is named
 * with where its words part; source paragraphs left out (a section deleted) are named together, with where they belong;
 * a paragraph moved is named with its place in the source; a paragraph the source lacks is named.
 */
function paragraphProblems(paragraphs: Pick<Outline, 'paragraphs'>['paragraphs'], sourceParagraphs: readonly string[]): string[] {
  const problems: string[] = [];
  const mdxTexts = paragraphs.map((p) => p.text);
  const placeInSource = new Map(sourceParagraphs.map((t, i) => [t, i]));
  const inMdx = new Set(mdxTexts);
  let s = 0;
  let m = 0;
  const changes = diffArrays([...sourceParagraphs], mdxTexts);
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!;
    if (!change.added && !change.removed) { s += change.count ?? change.value.length; m += change.count ?? change.value.length; continue; }
    // A hunk: the source's paragraphs taken out here and the article's put in their place.
    const removed = change.removed ? change.value.length : 0;
    const next = changes[c + 1];
    const added = change.added ? change.value.length : next?.added && change.removed ? next.value.length : 0;
    if (change.removed && next?.added) c++;
    const from = { s, m };
    s += removed;
    m += added;
    const taken = Array.from({ length: removed }, (_, k) => from.s + k).filter((i) => !inMdx.has(sourceParagraphs[i]!));
    const put = Array.from({ length: added }, (_, k) => from.m + k);
    const moved = put.filter((i) => placeInSource.has(mdxTexts[i]!) && placeInSource.get(mdxTexts[i]!) !== i);
    for (const i of moved) {
      problems.push(`paragraph "${paragraphs[i]!.id}" is source paragraph ${placeInSource.get(mdxTexts[i]!)! + 1} but stands in place ${i + 1}: keep the source's order`);
    }
    const fresh = put.filter((i) => !moved.includes(i) && !placeInSource.has(mdxTexts[i]!));
    // Changed in place: the first of each side, pair by pair.
    const paired = Math.min(taken.length, fresh.length);
    for (let k = 0; k < paired; k++) {
      const p = paragraphs[fresh[k]!]!;
      problems.push(`paragraph "${p.id}" (source paragraph ${taken[k]! + 1}): ${whereTheyPart(p.text, sourceParagraphs[taken[k]!]!)}`);
    }
    for (const i of fresh.slice(paired)) problems.push(`paragraph "${paragraphs[i]!.id}" is not in the source (which has ${sourceParagraphs.length} paragraphs)`);
    // What is left of the source's side is missing from the article, named in runs of neighbours.
    const runs: number[][] = [];
    for (const i of taken.slice(paired)) {
      const run = runs.at(-1);
      if (run && run.at(-1) === i - 1) run.push(i);
      else runs.push([i]);
    }
    for (const run of runs) {
      const before = paragraphs[from.m - 1];
      const after = paragraphs[from.m];
      const where = before ? `after paragraph "${before.id}"` : after ? `before paragraph "${after.id}"` : 'which has none';
      const which = run.length === 1 ? `source paragraph ${run[0]! + 1} is` : `source paragraphs ${run[0]! + 1}–${run.at(-1)! + 1} are`;
      problems.push(`${which} missing from the article (${where}): ${run.map((i) => clip48(sourceParagraphs[i]!)).join(', ')}`);
    }
  }
  return problems;
}
