import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../src/lib/article/outline';
import { noteProblems } from '../../../src/lib/analysis/analysisChecks';
import { noteAnchorsCss, notePlaces } from '../../../src/lib/edition/noteAnchors';
import { buildEdition } from '../../../src/lib/edition/edition';
import { input, outline } from './fixture';
const section = (inner: string) => `<Section id="s" title="S">\n\n<P id="p1">One.</P>\n\n<P id="p2">Two.</P>\n\n${inner}\n\n</Section>\n`;

describe('parseOutline notes', () => {
  it('parseOutline(article) numbers the notes in reading order, each for a paragraph of its own section', () => {
    expect(outline.notes.length).toBeGreaterThanOrEqual(12);
    expect(outline.notes.map((n) => n.number)).toEqual(outline.notes.map((_, i) => i + 1));
    const byId = new Map(outline.paragraphs.map((p) => [p.id, p]));
    for (const n of outline.notes) expect(byId.get(n.for)?.sectionId).toBe(n.sectionId);
  });

  it('parseOutline(article) holds the notes the fact check calls for, of each kind', () => {
    const kinds = (id: string) => outline.notes.filter((n) => n.for === id).map((n) => n.kind).sort();
    expect(kinds('offshore-pipeline-mou')).toEqual(['context', 'correction']);
    expect(kinds('peshawar-consulate')).toEqual(['correction']);
    expect(kinds('trade-figures')).toEqual(['correction', 'correction']);
    expect(kinds('ties-kicked-off-in-2011')).toEqual(['context', 'spelling']);
    expect(kinds('is-presence-in-pakistan')).toEqual(['spelling']);
    expect(kinds('druzhba-exercises')).toEqual(['spelling']);
    expect(kinds('sochi-summit-and-kayani')).toEqual(['context', 'context']);
  });

  it('parseOutline(article) finds a source link in every correction, and noteProblems() agrees', () => {
    for (const n of outline.notes.filter((x) => x.kind === 'correction')) expect(n.links.length, n.id).toBeGreaterThan(0);
    expect(noteProblems(outline)).toEqual([]);
  });

  it('notePlaces(outline) hangs the first note of a paragraph in the margin, and folds a later one or one a figure follows', () => {
    const o = parseOutline(`<Section id="s" title="S">\n\n<P id="p1">One.</P>\n\n<Note for="p1" kind="context" id="a" title="A">\nA.\n</Note>\n\n<Note for="p1" kind="context" id="b" title="B">\nB.\n</Note>\n\n<P id="p2">Two.</P>\n\n<Note for="p2" kind="context" id="c" title="C">\nC.\n</Note>\n\n<TradeChart id="f" />\n\n<P id="p3">Three.</P>\n\n<Note for="p3" kind="context" id="d" title="D">\nD.\n</Note>\n\n</Section>\n`, 'x.mdx');
    expect(Object.fromEntries(notePlaces(o))).toEqual({ a: 'margin', b: 'inline', c: 'inline', d: 'margin' });
  });

  it('notePlaces(article) gives every note a place, and the first note of each paragraph the margin unless a figure follows', () => {
    const places = notePlaces(outline);
    expect([...places.keys()]).toEqual(outline.notes.map((n) => n.id));
    const figureAfter = (paragraph: string) => {
      const section = outline.sections.find((s) => s.paragraphs.some((p) => p.id === paragraph))!;
      const i = section.paragraphs.findIndex((p) => p.id === paragraph);
      const [from, to] = [section.paragraphs[i]!.line, section.paragraphs[i + 1]?.line ?? Infinity];
      return outline.figures.some((f) => f.sectionId === section.id && f.line > from && f.line < to);
    };
    for (const n of outline.notes) {
      const first = outline.notes.find((m) => m.for === n.for)!.id === n.id;
      expect(places.get(n.id), n.id).toBe(first && !figureAfter(n.for) ? 'margin' : 'inline');
    }
    expect([...places.values()]).toContain('margin');
    expect([...places.values()]).toContain('inline');
  });

  it('noteAnchorsCss(numbers) anchors every margin note to its reference, and no other', () => {
    const { noteAnchorsCss: css, outline: o, notePlace } = buildEdition(input());
    const anchored = (re: RegExp) => [...css.matchAll(re)].map((m) => Number(m[1]));
    const margin = o.notes.filter((n) => notePlace.get(n.id) === 'margin').map((n) => n.number);
    expect(margin.length).toBeGreaterThan(0);
    expect(anchored(/\.note-ref-link\[data-note-n="(\d+)"\]\{anchor-name:--note-ref-\1\}/g)).toEqual(margin);
    expect(anchored(/\.note\[data-note-n="(\d+)"\]\{position-anchor:--note-ref-\1\}/g)).toEqual(margin);
    expect(noteAnchorsCss([])).toBe('');
    // Outside every layer: a <style> before the stylesheets that named a layer would fix the layers' order.
    expect(css).not.toMatch(/@layer/);
  });

  it('noteProblems(outline) names a correction without a source', () => {
    const o = parseOutline(section('<Note for="p2" kind="correction" id="n" title="T">\nNo link here.\n</Note>'), 'x.mdx');
    expect(noteProblems(o)).toEqual([expect.stringMatching(/correction note "n" cites no source/)]);
  });

  it('parseOutline accepts notes right after their paragraph, several in a row', () => {
    const o = parseOutline(section('<Note for="p2" kind="spelling" id="a" title="A">\nA.\n</Note>\n\n<Note for="p2" kind="context" id="b" title="B" explains="x | y">\nB [src](https://example.org).\n</Note>'), 'x.mdx');
    expect(o.notes.map((n) => [n.id, n.for, n.number, n.explains])).toEqual([['a', 'p2', 1, []], ['b', 'p2', 2, ['x', 'y']]]);
    expect(o.notes[1]!.links).toEqual([{ text: 'src', url: 'https://example.org' }]);
  });

  it('parseOutline rejects a note for a paragraph that does not exist, naming the note and the line', () => {
    expect(() => parseOutline(section('<Note for="p9" kind="context" id="n" title="T">\nText.\n</Note>'), 'x.mdx')).toThrow(/x\.mdx:7: note "n" is for paragraph "p9", which does not exist/);
  });

  it('parseOutline rejects a note that is not next to its paragraph', () => {
    expect(() => parseOutline(section('<Note for="p1" kind="context" id="n" title="T">\nText.\n</Note>'), 'x.mdx')).toThrow(/note "n" must come right after paragraph "p1"/);
    const withFigure = section('<TradeChart id="f" />\n\n<Note for="p2" kind="context" id="n" title="T">\nText.\n</Note>');
    expect(() => parseOutline(withFigure, 'x.mdx')).toThrow(/note "n" must come right after paragraph "p2"/);
  });

  it('parseOutline rejects a note inside the author\'s paragraph, a bad kind and a missing title', () => {
    expect(() => parseOutline('<Section id="s" title="S">\n\n<P id="p">Text <Note for="p" kind="context" id="n" title="T">x</Note>.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/x\.mdx:3: <Note> may not stand inside a <P>; it belongs in a <Section>/);
    expect(() => parseOutline(section('<Note for="p2" kind="opinion" id="n" title="T">\nx\n</Note>'), 'x.mdx')).toThrow(/needs kind="correction" \| "spelling" \| "context", not "opinion"/);
    expect(() => parseOutline(section('<Note for="p2" kind="context" id="n">\nx\n</Note>'), 'x.mdx')).toThrow(/note "n" needs a short title/);
  });
});
