// The reference copy of the article read into its parts, and the author's words checked against it.
import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../../../src/lib/article/sourceText';
import { authorTextProblems } from '../../../src/lib/article/authorText';

const TEXT = [
  'A  headline\t here', '', 'By Some Writer', '', 'First   paragraph.', '', '  Second paragraph.  ', '',
  'The writer is a journalist. ( )', 'Originally Posted on The Paper', 'Comments: 0',
].join('\n');

describe('parseSourceText', () => {
  it('parseSourceText(text, file) reads the headline, the byline without "By", the paragraphs, the bio without its empty brackets and the credit, spaces squashed', () => {
    expect(parseSourceText(TEXT, 'a.txt')).toEqual({
      headline: 'A headline here',
      author: 'Some Writer',
      paragraphs: ['First paragraph.', 'Second paragraph.'],
      bio: 'The writer is a journalist.',
      credit: 'Originally Posted on The Paper',
    });
  });

  it('parseSourceText(text, file) refuses a byte-order mark by name, and takes a line of invisible characters for a blank line', () => {
    expect(() => parseSourceText(`\uFEFF${TEXT}`, 'a.txt')).toThrow(/^a\.txt: the file starts with an invisible byte-order mark \(BOM\)/);
    const blank = parseSourceText(TEXT.replace('First   paragraph.\n', 'First   paragraph.\n\u00A0\u200B \n'), 'a.txt');
    expect(blank.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
    // A no-break space inside a paragraph is the author's character, kept.
    expect(parseSourceText(TEXT.replace('First   paragraph.', 'First\u00A0paragraph.'), 'a.txt').paragraphs[0]).toBe('First\u00A0paragraph.');
  });

  it('parseSourceText(text, file) keeps "By" inside a name and brackets that hold something', () => {
    const parsed = parseSourceText(TEXT.replace('By Some Writer', 'By Bobby By').replace('( )', '(ICFJ)'), 'a.txt');
    expect(parsed.author).toBe('Bobby By');
    expect(parsed.bio).toBe('The writer is a journalist. (ICFJ)');
    // Only the empty brackets that end the bio are debris, with or without a space before or inside them.
    expect(parseSourceText(TEXT.replace('The writer is a journalist. ( )', 'The writer is () a journalist.()'), 'a.txt').bio).toBe('The writer is () a journalist.');
    expect(parseSourceText(TEXT.replace('( )', '(  )'), 'a.txt').bio).toBe('The writer is a journalist.');
  });

  it('parseSourceText(text, file) names the file and what is missing: the byline, the bio, the credit', () => {
    expect(() => parseSourceText(TEXT.replace('By Some Writer', 'Some Writer'), 'a.txt')).toThrow(/^a\.txt: expected the headline on the first line and "By …" on the next$/);
    expect(() => parseSourceText('Headline\nBy X', 'a.txt')).toThrow(/^a\.txt: expected the headline/);
    expect(() => parseSourceText(TEXT.replace('The writer is', 'He is'), 'a.txt')).toThrow(/^a\.txt: the author's bio \("The writer is …"\) is missing$/);
    expect(() => parseSourceText(TEXT.replace('Originally Posted on', 'Posted on'), 'a.txt')).toThrow(/^a\.txt: the credit line \("Originally Posted on …"\) is missing$/);
  });
});

describe('authorTextProblems', () => {
  const source = parseSourceText(TEXT, 'a.txt');
  const article = { headline: 'A headline here', author: { name: 'Some Writer', bio: 'The writer is a journalist.' }, original: { publication: 'The Paper', credit: 'Originally Posted on The Paper' } };
  const paragraphs = [{ id: 'one', sectionId: 's', text: 'First paragraph.', line: 1 }, { id: 'two', sectionId: 's', text: 'Second paragraph.', line: 3 }];

  it('authorTextProblems(outline, article, source) finds nothing when every word agrees', () => {
    expect(authorTextProblems({ paragraphs }, article, source)).toEqual([]);
  });

  it('authorTextProblems names each frontmatter field that differs and shows where the two part, from the word where they do', () => {
    const changed = { headline: 'A headline there', author: { name: 'Some Writer', bio: 'The writer was a journalist.' }, original: { publication: 'The Paper', credit: 'Originally posted on The Paper' } };
    expect(authorTextProblems({ paragraphs }, changed, source)).toEqual([
      'frontmatter field "headline": the MDX has “there…” where the source has “here…”',
      'frontmatter field "author.bio": the MDX has “was a journalist.…” where the source has “is a journalist.…”',
      'frontmatter field "original.credit": the MDX has “posted on The Paper…” where the source has “Posted on The Paper…”',
    ]);
    expect(authorTextProblems({ paragraphs }, { ...article, author: { ...article.author, name: 'Other Writer' } }, source)).toEqual([
      'frontmatter field "author.name": the MDX has “Other Writer…” where the source has “Some Writer…”',
    ]);
  });

  it('authorTextProblems names a publication other than the one the source\'s credit line names', () => {
    expect(authorTextProblems({ paragraphs }, { ...article, original: { ...article.original, publication: 'Dawn' } }, source)).toEqual([
      'frontmatter field "original.publication": the MDX has “Dawn…” where the source has “The Paper…” (its credit line, “Originally Posted on The Paper”)',
    ]);
  });

  it('authorTextProblems names a changed paragraph with its place in the source, and clips the texts at 48 characters', () => {
    const long = `${'word '.repeat(20)}end`;
    const src = { ...source, paragraphs: ['First paragraph.', long] };
    expect(authorTextProblems({ paragraphs: [paragraphs[0]!, { ...paragraphs[1]!, text: `${'word '.repeat(20)}END` }] }, article, src)).toEqual([
      'paragraph "two" (source paragraph 2): the MDX has “END…” where the source has “end…”',
    ]);
    const early = authorTextProblems({ paragraphs: [{ ...paragraphs[0]!, text: `X${long}` }, paragraphs[1]!] }, article, { ...source, paragraphs: [long, 'Second paragraph.'] });
    expect(early).toEqual([`paragraph "one" (source paragraph 1): the MDX has “X${long.slice(0, 47)}…” where the source has “${long.slice(0, 48)}…”`]);
  });

  it('authorTextProblems shows the texts from the start of the word where they part, when that word ends right after', () => {
    expect(authorTextProblems({ paragraphs }, { ...article, headline: 'A headlinX here' }, source)).toEqual([
      'frontmatter field "headline": the MDX has “headlinX here…” where the source has “headline here…”',
    ]);
    expect(authorTextProblems({ paragraphs }, { ...article, headline: 'B headline here' }, source)).toEqual([
      'frontmatter field "headline": the MDX has “B headline here…” where the source has “A headline here…”',
    ]);
  });

  it('authorTextProblems clips the missing source paragraph at 48 characters', () => {
    const long = `${'word '.repeat(20)}end`;
    expect(authorTextProblems({ paragraphs: paragraphs.slice(0, 1) }, article, { ...source, paragraphs: ['First paragraph.', long, 'More.'] }))
      .toEqual([`source paragraphs 2–3 are missing from the article (after paragraph "one"): “${long.slice(0, 48)}…”, “More.…”`]);
  });

  it('authorTextProblems names a paragraph the source does not have, and a source paragraph the article lacks', () => {
    expect(authorTextProblems({ paragraphs: [...paragraphs, { id: 'three', sectionId: 's', text: 'Third.', line: 5 }] }, article, source))
      .toEqual(['paragraph "three" is not in the source (which has 2 paragraphs)']);
    expect(authorTextProblems({ paragraphs: paragraphs.slice(0, 1) }, article, source))
      .toEqual(['source paragraph 2 is missing from the article (after paragraph "one"): “Second paragraph.…”']);
    expect(authorTextProblems({ paragraphs: paragraphs.slice(1) }, article, source))
      .toEqual(['source paragraph 1 is missing from the article (before paragraph "two"): “First paragraph.…”']);
  });

  describe('a section taken out, paragraphs moved or changed among many', () => {
    const texts = Array.from({ length: 8 }, (_, i) => `Paragraph number ${i + 1} of the source.`);
    const src = { ...source, paragraphs: texts };
    const mdx = (order: number[]) => order.map((n) => ({ id: `p${n}`, sectionId: 's', text: texts[n - 1]!, line: n }));

    it('authorTextProblems names the paragraphs of a deleted section once, with where they belong, and nothing after them', () => {
      expect(authorTextProblems({ paragraphs: mdx([1, 2, 3, 6, 7, 8]) }, article, src)).toEqual([
        'source paragraphs 4–5 are missing from the article (after paragraph "p3"): “Paragraph number 4 of the source.…”, “Paragraph number 5 of the source.…”',
      ]);
    });

    it('authorTextProblems names a moved paragraph with its place in the source, and nothing else', () => {
      const problems = authorTextProblems({ paragraphs: mdx([1, 2, 4, 3, 5, 6, 7, 8]) }, article, src);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^paragraph "p[34]" is source paragraph [34] but stands in place [34]: keep the source's order$/);
    });

    it('authorTextProblems counts paragraphs that repeat: a second copy deleted is missing, a copy added repeats its source paragraph', () => {
      const twice = { ...source, paragraphs: [texts[0]!, texts[1]!, texts[2]!, texts[1]!] };
      const p = (id: string, text: string) => ({ id, sectionId: 's', text, line: 1 });
      expect(authorTextProblems({ paragraphs: [p('a', texts[0]!), p('x', texts[1]!), p('b', texts[2]!)] }, article, twice))
        .toEqual(['source paragraph 4 is missing from the article (after paragraph "b"): “Paragraph number 2 of the source.…”']);
      expect(authorTextProblems({ paragraphs: [...mdx([1, 2, 3, 4, 5, 6, 7, 8]), p('again', texts[1]!)] }, article, src))
        .toEqual(['paragraph "again" repeats source paragraph 2, which the article already has']);
    });

    it('authorTextProblems pairs an edited paragraph with the source paragraph it was, and puts a missing one after the paragraph before it', () => {
      const edited = (n: number) => ({ id: `p${n}x`, sectionId: 's', text: texts[n - 1]!.replace('source', 'sources'), line: n });
      // Source 3 taken out after 2 was edited: missing after the edited 2.
      expect(authorTextProblems({ paragraphs: [...mdx([1]), edited(2), ...mdx([4, 5, 6, 7, 8])] }, article, src)).toEqual([
        'paragraph "p2x" (source paragraph 2): the MDX has “sources.…” where the source has “source.…”',
        'source paragraph 3 is missing from the article (after paragraph "p2x"): “Paragraph number 3 of the source.…”',
      ]);
      // Source 2 taken out and 3 edited: the edit is named against 3, and 2 is missing after 1.
      expect(authorTextProblems({ paragraphs: [...mdx([1]), edited(3), ...mdx([4, 5, 6, 7, 8])] }, article, src)).toEqual([
        'paragraph "p3x" (source paragraph 3): the MDX has “sources.…” where the source has “source.…”',
        'source paragraph 2 is missing from the article (after paragraph "p1"): “Paragraph number 2 of the source.…”',
      ]);
    });

    it('authorTextProblems names one paragraph changed among the others by where its words part, and the rest not at all', () => {
      const paras = mdx([1, 2, 3, 4, 5, 6, 7, 8]);
      paras[5] = { ...paras[5]!, text: 'Paragraph number 6 of the sources.' };
      expect(authorTextProblems({ paragraphs: paras.filter((_, i) => i !== 2) }, article, src)).toEqual([
        'source paragraph 3 is missing from the article (after paragraph "p2"): “Paragraph number 3 of the source.…”',
        'paragraph "p6" (source paragraph 6): the MDX has “sources.…” where the source has “source.…”',
      ]);
    });
  });
});
