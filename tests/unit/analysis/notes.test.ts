import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../src/lib/article/outline';
import { computedProblems, figureRefProblems, mapProblems, noteProblems, placeProblems } from '../../../src/lib/analysis/analysisChecks';
import type { Place } from '../../../src/schemas/places';
import type { PanelSpec } from '../../../src/lib/charts/locatorMap';
import { noteAnchorsCss, notePlaces } from '../../../src/lib/edition/noteAnchors';
import { buildEdition } from '../../../src/lib/edition/edition';
import { input, outline as parsedOutline } from './fixture';
const section = (inner: string) => `<Section id="s" title="S">\n\n<P id="p1">One.</P>\n\n<P id="p2">Two.</P>\n\n${inner}\n\n</Section>\n`;

describe('parseOutline notes', () => {
  it('parseOutline(article) numbers the notes in reading order, each for a paragraph of its own section', () => {
    const outline = parsedOutline();
    expect(outline.notes.length).toBeGreaterThanOrEqual(12);
    expect(outline.notes.map((n) => n.number)).toEqual(outline.notes.map((_, i) => i + 1));
    const byId = new Map(outline.paragraphs.map((p) => [p.id, p]));
    for (const n of outline.notes) expect(byId.get(n.for)?.sectionId).toBe(n.sectionId);
  });

  it('parseOutline(article) holds the notes the fact check calls for, of each kind', () => {
    const outline = parsedOutline();
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
    const outline = parsedOutline();
    for (const n of outline.notes.filter((x) => x.kind === 'correction')) expect(n.links.length, n.id).toBeGreaterThan(0);
    expect(noteProblems(outline)).toEqual([]);
  });

  it('notePlaces(outline) hangs the first note of a paragraph in the margin, and folds a later one or one a figure follows', () => {
    const o = parseOutline(`<Section id="s" title="S">\n\n<P id="p1">One.</P>\n\n<Note for="p1" kind="context" id="a" title="A">\nA.\n</Note>\n\n<Note for="p1" kind="context" id="b" title="B">\nB.\n</Note>\n\n<P id="p2">Two.</P>\n\n<Note for="p2" kind="context" id="c" title="C">\nC.\n</Note>\n\n<TradeChart id="f" />\n\n<P id="p3">Three.</P>\n\n<Note for="p3" kind="context" id="d" title="D">\nD.\n</Note>\n\n</Section>\n`, 'x.mdx');
    expect(Object.fromEntries(notePlaces(o))).toEqual({ a: 'margin', b: 'inline', c: 'inline', d: 'margin' });
  });

  it('notePlaces(article) gives every note a place, and the first note of each paragraph the margin unless a figure follows', () => {
    const outline = parsedOutline();
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

  it('noteProblems(outline) takes an http: or https: address as a source, and no link on this site or by e-mail', () => {
    const note = (url: string) => ({ notes: [{ id: 'n', kind: 'correction', line: 7, links: [{ text: 'report', url }] }] }) as never;
    expect(noteProblems(note('http://example.org/report'))).toEqual([]);
    expect(noteProblems(note('https://example.org/report'))).toEqual([]);
    for (const url of ['/about#https://example.org/', 'mailto:desk@example.org?body=https://example.org/']) {
      expect(noteProblems(note(url)), url).toEqual(['line 7: correction note "n" cites no source: link to the report it relies on']);
    }
    expect(noteProblems({ notes: [{ id: 'c', kind: 'context', line: 3, links: [] }] } as never)).toEqual([]);
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

  it('parseOutline tells a note out of place from a note for a paragraph that is not there, wherever the paragraph is', () => {
    const note = (target: string) => `<Note for="${target}" kind="context" id="n" title="T">\nText.\n</Note>`;
    const two = (first: string, second: string) => `<Section id="s1" title="One">\n\n${first}\n\n</Section>\n\n<Section id="s2" title="Two">\n\n${second}\n\n</Section>\n`;
    const refusal = (mdx: string) => { try { parseOutline(mdx, 'x.mdx'); } catch (e) { return (e as Error).message; } return 'accepted'; };
    // Before its paragraph in the same section, or after a paragraph of an earlier section: out of place.
    expect(refusal(two('<P id="a">A.</P>', `${note('b')}\n\n<P id="b">B.</P>`))).toBe('x.mdx:9: note "n" must come right after paragraph "b" (only other notes may stand between them)');
    expect(refusal(two('<P id="a">A.</P>', `<P id="b">B.</P>\n\n${note('a')}`))).toBe('x.mdx:11: note "n" must come right after paragraph "a" (only other notes may stand between them)');
    // For a paragraph of a later section, for a section, or for nothing: not there.
    expect(refusal(two(`<P id="a">A.</P>\n\n<P id="a2">A2.</P>\n\n${note('b')}`, '<P id="b">B.</P>'))).toBe('x.mdx:7: note "n" is for paragraph "b", which does not exist in section "s1"');
    expect(refusal(two('<P id="a">A.</P>', `<P id="b">B.</P>\n\n${note('s1')}`))).toBe('x.mdx:11: note "n" is for paragraph "s1", which does not exist in section "s2"');
    expect(refusal(two('<P id="a">A.</P>', `<P id="b">B.</P>\n\n<TradeChart id="f" />\n\n${note('f')}`))).toBe('x.mdx:13: note "n" is for paragraph "f", which does not exist in section "s2"');
  });

  it('parseOutline requires a note to say which paragraph it is for', () => {
    expect(() => parseOutline(section('<Note kind="context" id="n" title="T">\nx\n</Note>'), 'x.mdx')).toThrow(/^x\.mdx:7: note "n" needs a for="…" attribute naming the paragraph it annotates$/);
    expect(() => parseOutline(section('<Note for="p2" id="n" title="T">\nx\n</Note>'), 'x.mdx')).toThrow(/^x\.mdx:7: note "n" needs kind="correction" \| "spelling" \| "context", not ""$/);
  });

  it('parseOutline rejects a note inside the author\'s paragraph, a bad kind and a missing title', () => {
    expect(() => parseOutline('<Section id="s" title="S">\n\n<P id="p">Text <Note for="p" kind="context" id="n" title="T">x</Note>.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/x\.mdx:3: <Note> may not stand inside a <P>; it belongs in a <Section>/);
    expect(() => parseOutline(section('<Note for="p2" kind="opinion" id="n" title="T">\nx\n</Note>'), 'x.mdx')).toThrow(/needs kind="correction" \| "spelling" \| "context", not "opinion"/);
    expect(() => parseOutline(section('<Note for="p2" kind="context" id="n">\nx\n</Note>'), 'x.mdx')).toThrow(/note "n" needs a short title/);
  });
});

describe('cross-file checks', () => {
  const place = (id: string, lat: number, lon: number) => ({ id, lat, lon, paragraphs: [], events: [] }) as unknown as Place;
  const panel = (title: string, extent: PanelSpec['extent'], places: string[]) => ({ id: title, title, extent, places, named: [] }) as unknown as PanelSpec;

  it('placeProblems(places, paragraphIds, eventIds) names the place and field of each paragraph and event that does not exist', () => {
    const places = [{ ...place('kabul', 34.5, 69.2), paragraphs: ['p1', 'p9'], events: ['e1', 'e9', 'e8'] }];
    expect(placeProblems(places, new Set(['p1']), new Set(['e1']))).toEqual([
      'place "kabul", field "paragraphs": "p9" is not a paragraph of the article',
      'place "kabul", field "events": "e9" is not an event of the timeline',
      'place "kabul", field "events": "e8" is not an event of the timeline',
    ]);
    expect(placeProblems(places, new Set(['p1', 'p9']), new Set(['e1', 'e8', 'e9']))).toEqual([]);
  });

  it('mapProblems(places, panels) writes each latitude and longitude with its hemisphere, south and west as well as north and east', () => {
    const south = panel('South-west', [-20, -10, -5, -2], ['a', 'b']);
    const north = panel('North-east', [10, 20, 30, 40], ['c']);
    const places = [place('a', -30, -30), place('b', -5, -10), place('c', 0, 0)];
    expect(mapProblems(places, [south, north])).toEqual([
      'place "a", fields "lat" and "lon": 30° S, 30° W lies outside the map panel "South-west", which shows 10° S to 2° S and 20° W to 5° W',
      'place "c", fields "lat" and "lon": 0° N, 0° E lies outside the map panel "North-east", which shows 20° N to 40° N and 10° E to 30° E',
    ]);
  });

  it('mapProblems(places, panels) accepts a place on the very edge of its panel, and names one just beyond each edge', () => {
    const box = panel('Box', [10, 20, 30, 40], ['w', 's', 'e', 'n']);
    const edge = [place('w', 30, 10), place('s', 20, 20), place('e', 30, 30), place('n', 40, 20)];
    expect(mapProblems(edge, [box])).toEqual([]);
    const beyond = [place('w', 30, 9.9), place('s', 19.9, 20), place('e', 30, 30.1), place('n', 40.1, 20)];
    expect(mapProblems(beyond, [box]).map((m) => m.split(',')[0])).toEqual(['place "w"', 'place "s"', 'place "e"', 'place "n"']);
  });

  it('figureRefProblems(outline) lists the figures the article has, or says there are none', () => {
    const figureRefs = [{ to: 'trade-chrat', line: 12 }];
    expect(figureRefProblems({ figures: [], figureRefs } as never)).toEqual(['line 12: <FigRef to="trade-chrat"> refers to no figure in the article (figures: none)']);
    expect(figureRefProblems({ figures: [{ id: 'a' }, { id: 'trade-chart' }], figureRefs } as never))
      .toEqual(['line 12: <FigRef to="trade-chrat"> refers to no figure in the article (figures: a, trade-chart)']);
  });

  it('computedProblems(outline, values) offers only the names that have a value', () => {
    const computed = [{ of: 'trade-growht', line: 7 }, { of: 'trade-growth', line: 8 }];
    expect(computedProblems({ computed } as never, { 'trade-growth': '35 %', 'trade-change': undefined, 'trade-start': '£1' }))
      .toEqual(['line 7: <Computed of="trade-growht"> names no value the data can give; use one of trade-growth, trade-start']);
  });
});
