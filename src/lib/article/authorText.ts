// Checks that the author's words in the MDX are exactly those of the reference copy in content/source.
import type { ArticleData } from '../../schemas/article';
import type { Outline } from './outline';
import { creditedPublication, type SourceArticle } from './sourceText';
import { diffArrays } from 'diff';
import { codePointOf } from '../../schemas/text';
import { createHash } from 'node:crypto';

/** Characters a reader tells apart at sight: printable ASCII and the typography the article uses. */
const PLAIN = /^[\x20-\x7E’‘“”–—…]$/u;
const codePoint = (ch: string | undefined) => {
  if (ch === undefined) return 'nothing';
  const u = codePointOf(ch);
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
 * alike is still refused. Whitespace and the debris parseSourceText drops are not words. Change it only with a new copy
 * of the article, or with a change to what parseSourceText reads as words, in the same commit.
 */
export const REFERENCE_SHA256 = '14c28fd12ae71b64cace70671759c2eb5691ce268262459456261c4b6bb96eb2';

const wordsDigest = (s: SourceArticle) => createHash('sha256').update([s.headline, s.author, ...s.paragraphs, s.bio, s.credit].join('\n')).digest('hex');

/** The reference copy's words against the digest the site holds. */
export function referenceProblems(source: SourceArticle): string[] {
  const digest = wordsDigest(source);
  return digest === REFERENCE_SHA256 ? [] : [
    `the reference copy of the author's text has changed (its words' SHA-256 is ${digest.slice(0, 12)}…, not ${REFERENCE_SHA256.slice(0, 12)}…): it is the article as it reached us and is never edited; restore it from the repository, and correct the MDX instead. A new copy of the article, or a change to what parseSourceText reads as its words, changes REFERENCE_SHA256 in src/lib/article/authorText.ts in the same commit`,
  ];
}

/**
 * Paragraph by paragraph, in order, the author's words (editorial insertions left out) must equal the
 * source's; so must the headline, the byline, the bio and the credit line, and the publication be the one it names. Spelling slips stay: the
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
  // "Originally published in …" on the page: the publication the credit line names.
  const publication = creditedPublication(source.credit);
  if (article.original.publication !== publication) problems.push(`frontmatter field "original.publication": ${whereTheyPart(article.original.publication, publication)} (its credit line, “${source.credit}”)`);
  problems.push(...paragraphProblems(outline.paragraphs, source.paragraphs));
  return problems;
}

const clip48 = (text: string) => `“${text.slice(0, 48)}…”`;

/** The share of two paragraphs' words they have in common, counting each word as often as it occurs in both. */
function likeness(a: string, b: string): number {
  const count = new Map<string, number>();
  for (const w of a.split(' ')) count.set(w, (count.get(w) ?? 0) + 1);
  let shared = 0;
  const words = b.split(' ');
  for (const w of words) if ((count.get(w) ?? 0) > 0) { shared++; count.set(w, count.get(w)! - 1); }
  return shared / Math.max(words.length, a.split(' ').length);
}

/**
 * Pairs items of two lists in order, each of the shorter list with the most alike of the longer list's items after the
 * last one taken: an edited paragraph with the source paragraph it was. Returns the pairs as [fewer, more] indices.
 */
function pairInOrder(fewer: readonly number[], more: readonly number[], alike: (f: number, m: number) => number): [number, number][] {
  const pairs: [number, number][] = [];
  let from = 0;
  for (const [k, f] of fewer.entries()) {
    // Leave room for the rest of the shorter list.
    const last = more.length - (fewer.length - k);
    let best = from;
    for (let j = from; j <= last; j++) if (alike(f, more[j]!) > alike(f, more[best]!)) best = j;
    pairs.push([f, more[best]!]);
    from = best + 1;
  }
  return pairs;
}

/**
 * The article's paragraphs against the source's, aligned as a diff aligns lines: a paragraph changed in place is named
 * with where its words part, against the source paragraph it is most like; source paragraphs left out (a section deleted)
 * are named together, after the paragraph before them; a paragraph moved is named with its place in the source, one
 * copy for each copy the source has; a paragraph the source lacks, or has already, is named.
 */
function paragraphProblems(paragraphs: Pick<Outline, 'paragraphs'>['paragraphs'], sourceParagraphs: readonly string[]): string[] {
  const problems: string[] = [];
  const mdxTexts = paragraphs.map((p) => p.text);
  // The diff's hunks: the source's paragraphs taken out at one place and the article's put in there.
  const hunks: { removed: number[]; added: number[]; atM: number }[] = [];
  let open: (typeof hunks)[number] | undefined;
  let s = 0;
  let m = 0;
  for (const change of diffArrays([...sourceParagraphs], mdxTexts)) {
    const n = change.count ?? change.value.length;
    if (!change.added && !change.removed) { s += n; m += n; open = undefined; continue; }
    if (!open) hunks.push(open = { removed: [], added: [], atM: m });
    if (change.removed) { for (let k = 0; k < n; k++) open.removed.push(s + k); s += n; }
    else { for (let k = 0; k < n; k++) open.added.push(m + k); m += n; }
  }
  // A paragraph taken out at one place and put in at another, copy for copy, has moved.
  const movedFrom = new Map<number, number>();
  const removedAll = hunks.flatMap((h) => h.removed);
  const takenBack = new Set<number>();
  for (const a of hunks.flatMap((h) => h.added)) {
    const r = removedAll.find((i) => !takenBack.has(i) && sourceParagraphs[i] === mdxTexts[a]);
    if (r !== undefined) { takenBack.add(r); movedFrom.set(a, r); }
  }
  for (const [a, r] of movedFrom) problems.push(`paragraph "${paragraphs[a]!.id}" is source paragraph ${r + 1} but stands in place ${a + 1}: keep the source's order`);
  for (const h of hunks) {
    const taken = h.removed.filter((i) => !takenBack.has(i));
    const put = h.added.filter((i) => !movedFrom.has(i));
    const repeats = put.filter((i) => sourceParagraphs.includes(mdxTexts[i]!));
    for (const i of repeats) problems.push(`paragraph "${paragraphs[i]!.id}" repeats source paragraph ${sourceParagraphs.indexOf(mdxTexts[i]!) + 1}, which the article already has`);
    const fresh = put.filter((i) => !repeats.includes(i));
    const alike = (f: number, t: number) => likeness(mdxTexts[f]!, sourceParagraphs[t]!);
    const pairs = fresh.length <= taken.length
      ? pairInOrder(fresh, taken, alike)
      : pairInOrder(taken, fresh, (t, f) => alike(f, t)).map(([t, f]) => [f, t] as [number, number]);
    const mdxOf = new Map(pairs.map(([f, t]) => [t, f]));
    for (const [f, t] of pairs) problems.push(`paragraph "${paragraphs[f]!.id}" (source paragraph ${t + 1}): ${whereTheyPart(mdxTexts[f]!, sourceParagraphs[t]!)}`);
    for (const i of fresh.filter((f) => !pairs.some(([p]) => p === f))) problems.push(`paragraph "${paragraphs[i]!.id}" is not in the source (which has ${sourceParagraphs.length} paragraphs)`);
    // What is left of the source's side is missing from the article, named in runs of neighbours, after the paragraph
    // that now stands before them.
    const runs: number[][] = [];
    for (const i of taken.filter((t) => !mdxOf.has(t))) {
      const run = runs.at(-1);
      if (run && run.at(-1) === i - 1) run.push(i);
      else runs.push([i]);
    }
    for (const run of runs) {
      const pairedBefore = taken.filter((t) => t < run[0]! && mdxOf.has(t)).at(-1);
      const beforeIndex = pairedBefore !== undefined ? mdxOf.get(pairedBefore)! : h.atM - 1;
      const before = paragraphs[beforeIndex];
      const after = paragraphs[h.atM];
      const where = before ? `after paragraph "${before.id}"` : after ? `before paragraph "${after.id}"` : 'which has none';
      const which = run.length === 1 ? `source paragraph ${run[0]! + 1} is` : `source paragraphs ${run[0]! + 1}–${run.at(-1)! + 1} are`;
      problems.push(`${which} missing from the article (${where}): ${run.map((i) => clip48(sourceParagraphs[i]!)).join(', ')}`);
    }
  }
  return problems;
}
