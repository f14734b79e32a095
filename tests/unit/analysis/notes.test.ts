import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOutline } from '../../../src/lib/article/outline';
import { marginNoteCapacity, noteProblems } from '../../../src/lib/analysis/analysisChecks';
import { ARTICLE, CONTENT, bodyOf } from './fixture';

const outline = parseOutline(bodyOf(readFileSync(join(CONTENT, ARTICLE), 'utf8')), ARTICLE);
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

  it('marginNoteCapacity(css) reads how many notes notes.css anchors, and noteProblems(outline, capacity) names the shortfall', () => {
    const css = readFileSync(join(import.meta.dirname, '../../../src/styles/notes.css'), 'utf8');
    const capacity = marginNoteCapacity(css);
    expect(capacity).toBeGreaterThanOrEqual(outline.notes.length);
    expect(noteProblems(outline, { notes: capacity, file: 'notes.css' })).toEqual([]);
    const few = { notes: outline.notes.length - 1, file: 'notes.css' };
    expect(noteProblems(outline, few)).toEqual([`the article has ${outline.notes.length} notes, but notes.css sets only ${few.notes} beside their references: add the rules for notes ${few.notes + 1} to ${outline.notes.length}`]);
    // A rule missing in the middle, of either kind, ends the run there.
    expect(marginNoteCapacity(css.replace('.note[data-note-n="17"] { position-anchor', '.note[data-note-n="17"] { color'))).toBe(16);
    expect(marginNoteCapacity(css.replace('.note-ref-link[data-note-n="5"] { anchor-name', '.note-ref-link[data-note-n="5"] { color'))).toBe(4);
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
    const withFigure = section('<TradeChart />\n\n<Note for="p2" kind="context" id="n" title="T">\nText.\n</Note>');
    expect(() => parseOutline(withFigure, 'x.mdx')).toThrow(/note "n" must come right after paragraph "p2"/);
  });

  it('parseOutline rejects a note inside the author\'s paragraph, a bad kind and a missing title', () => {
    expect(() => parseOutline('<Section id="s" title="S">\n\n<P id="p">Text <Note for="p" kind="context" id="n" title="T">x</Note>.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/must follow paragraph "p" as its own block/);
    expect(() => parseOutline(section('<Note for="p2" kind="opinion" id="n" title="T">\nx\n</Note>'), 'x.mdx')).toThrow(/needs kind="correction" \| "spelling" \| "context", not "opinion"/);
    expect(() => parseOutline(section('<Note for="p2" kind="context" id="n">\nx\n</Note>'), 'x.mdx')).toThrow(/note "n" needs a short title/);
  });
});
