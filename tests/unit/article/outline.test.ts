import { describe, expect, it } from 'vitest';
import { parseOutline, readingMinutes, SECTION_TITLE_MAX } from '../../../src/lib/article/outline';
import { readSource } from '../../support/source';
import { readInput } from '../../support/content';

const { body } = readInput().article;

describe('parseOutline', () => {
  const outlineOf = () => parseOutline(body, 'article.mdx');

  it('parseOutline(article) finds 7–10 editorial sections, each with paragraphs', () => {
    const outline = outlineOf();
    expect(outline.sections.length).toBeGreaterThanOrEqual(7);
    expect(outline.sections.length).toBeLessThanOrEqual(10);
    for (const s of outline.sections) expect(s.paragraphs.length).toBeGreaterThan(0);
  });

  it('parseOutline(article) holds every source paragraph, word for word and in order', () => {
    const outline = outlineOf();
    expect(outline.paragraphs.map((p) => p.text)).toEqual(readSource().paragraphs);
  });

  it('parseOutline(article) gives every section and paragraph a unique readable slug', () => {
    const outline = outlineOf();
    const ids = [...outline.sections.map((s) => s.id), ...outline.paragraphs.map((p) => p.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/);
  });

  it('parseOutline rejects text outside a paragraph, naming the file and line', () => {
    expect(() => parseOutline('<Section id="a" title="A">\n\nLoose text.\n\n</Section>\n', 'x.mdx')).toThrow(/x\.mdx:3: text in section "a" must be inside <P/);
  });

  it('parseOutline rejects duplicate, missing and malformed ids', () => {
    const dup = '<Section id="a" title="A">\n\n<P id="a">Text.</P>\n\n</Section>\n';
    expect(() => parseOutline(dup, 'x.mdx')).toThrow(/paragraph id "a" is already used by a section/);
    expect(() => parseOutline('<Section title="A">\n\n<P id="p">T.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/section needs an id/);
    expect(() => parseOutline('<Section id="Bad Id" title="A">\n\n<P id="p">T.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/must be a lowercase slug/);
  });

  it('parseOutline refuses a section title longer than SECTION_TITLE_MAX, naming the section and the length', () => {
    const src = (title: string) => `<Section id="a" title="${title}">\n\n<P id="p">T.</P>\n\n</Section>\n`;
    expect(() => parseOutline(src('W'.repeat(SECTION_TITLE_MAX)), 'x.mdx')).not.toThrow();
    expect(() => parseOutline(src('W'.repeat(SECTION_TITLE_MAX + 1)), 'x.mdx')).toThrow(new RegExp(`x\\.mdx:1: section "a": its title is ${SECTION_TITLE_MAX + 1} characters, at most ${SECTION_TITLE_MAX}`));
  });

  it('parseOutline rejects a section without a title and a paragraph outside a section', () => {
    expect(() => parseOutline('<Section id="a">\n\n<P id="p">T.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/needs a title/);
    expect(() => parseOutline('<P id="p">T.</P>\n', 'x.mdx')).toThrow(/x\.mdx:1: <P> is outside a <Section>/);
  });

  it('parseOutline leaves editorial insertions out of the author text', () => {
    const src = '<Section id="a" title="A">\n\n<P id="p">Safe <FigRef to="f" /> heavens <FigRef to="f" />.</P>\n\n<TradeChart id="f" />\n\n</Section>\n';
    expect(parseOutline(src, 'x.mdx').paragraphs[0]!.text).toBe('Safe heavens .');
  });

  it('parseOutline keeps words apart across a hard line break, as the page shows them', () => {
    const src = (p: string) => `<Section id="a" title="A">\n\n<P id="p">\n${p}\n</P>\n\n</Section>\n`;
    expect(parseOutline(src('Two lines,  \nnot one.'), 'x.mdx').paragraphs[0]!.text).toBe('Two lines, not one.');
    expect(parseOutline(src('Two lines,\\\nnot one.'), 'x.mdx').paragraphs[0]!.text).toBe('Two lines, not one.');
  });
});

describe('readingMinutes', () => {
  it('parseOutline squashes the spaces and line breaks of a paragraph, a term and a note\'s link to single spaces, and trims a section\'s title', () => {
    const mdx = '<Section id="a" title="  A   title  ">\n\n<P id="p">Two  spaces, a\nbreak and <Term id="x"> a  term </Term> with a   link .</P>\n\n'
      + '<Note for="p" kind="context" id="n" title="A note">\nSee [ the  source ](https://example.org/s) here.\n</Note>\n\n</Section>\n';
    const o = parseOutline(mdx, 'x.mdx');
    expect(o.sections[0]!.title).toBe('A   title');
    expect(o.paragraphs[0]!.text).toBe('Two spaces, a break and a term with a link .');
    expect(o.terms[0]!.text).toBe('a term');
    expect(o.notes[0]!.links).toEqual([{ text: 'the source', url: 'https://example.org/s' }]);
    expect(() => parseOutline('<Section id="a" title="   ">\n\n<P id="p">T.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/section "a" needs a title attribute/);
  });

  it('readingMinutes(texts) rounds words at 230 a minute and is never zero', () => {
    expect(readingMinutes(['word '.repeat(460)])).toBe(2);
    expect(readingMinutes(['one'])).toBe(1);
  });
});

describe('parseOutline figures', () => {
  const section = (inner: string) => `<Section id="s" title="S">\n\n<P id="p1">See the chart<FigRef to="trade" />.</P>\n\n${inner}\n\n</Section>\n`;

  it('parseOutline(mdx) lists the figures with their ids and sections, and the references to them, in reading order', () => {
    const o = parseOutline(section('<TradeChart id="trade" />\n\n<Timeline id="events" />'), 'x.mdx');
    expect(o.figures.map((f) => [f.id, f.component, f.sectionId, f.line])).toEqual([['trade', 'TradeChart', 's', 5], ['events', 'Timeline', 's', 7]]);
    expect(o.figureRefs).toEqual([{ to: 'trade', line: 3 }]);
  });

  it('parseOutline(mdx) refuses a figure without an id, or with an id another element has, naming the line', () => {
    expect(() => parseOutline(section('<TradeChart />'), 'x.mdx')).toThrow(/x\.mdx:5: figure needs an id attribute/);
    expect(() => parseOutline(section('<TradeChart id="p1" />'), 'x.mdx')).toThrow(/x\.mdx:5: figure id "p1" is already used by a paragraph/);
  });

  it('parseOutline(mdx) refuses a <FigRef> or <Computed> without its attribute', () => {
    expect(() => parseOutline('<Section id="s" title="S">\n\n<P id="p">x<FigRef />.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/x\.mdx:3: a <FigRef> needs to="…"/);
    expect(() => parseOutline('<Section id="s" title="S">\n\n<P id="p">x</P>\n\n<Note for="p" kind="context" id="n" title="T">\n<Computed />\n</Note>\n\n</Section>\n', 'x.mdx')).toThrow(/a <Computed> needs of="…"/);
  });
});
