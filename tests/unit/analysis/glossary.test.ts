import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../src/lib/article/outline';
import { glossaryProblems, termPattern } from '../../../src/lib/analysis/glossaryCheck';
import { readRows } from '../../../src/lib/data/readRows';
import { buildEdition } from '../../../src/lib/edition/edition';
import { glossaryFileSchema, type GlossaryEntry } from '../../../src/schemas/glossary';
import { tradeFileSchema } from '../../../src/schemas/trade';
import { ContentError } from '../../../src/schemas/issues';
import { editBody, input, outline as parsedOutline } from './fixture';

const entry = (id: string, aliases: string[]): GlossaryEntry => ({ id, term: id.toUpperCase(), aliases, definition: 'A definition long enough.' });

describe('glossary', () => {
  it('glossaryProblems(article, glossary) finds every entry marked once, at its first appearance', () => {
    const outline = parsedOutline();
    const { glossary } = buildEdition(input());
    expect(glossaryProblems(outline, glossary)).toEqual([]);
    expect(outline.terms.map((t) => t.id).sort()).toEqual(glossary.map((g) => g.id).sort());
    for (const id of ['cpec', 'boot', 'lng', 'mou', 'nwa', 'is', 'radd-ul-fasaad', 'g2g']) expect(outline.terms.map((t) => t.id)).toContain(id);
  });

  it('parseOutline(article) keeps the author\'s wrapped word in the paragraph text', () => {
    const outline = parsedOutline();
    expect(outline.terms.find((t) => t.id === 'radd-ul-fasaad')).toMatchObject({ text: 'Radul Fasad', paragraphId: 'is-presence-in-pakistan' });
    expect(outline.paragraphs.find((p) => p.id === 'is-presence-in-pakistan')!.text).toContain('Under Radul Fasad, armed forces');
  });

  it('glossaryProblems(outline, entries) rejects a term marked after its first appearance', () => {
    const o = parseOutline('<Section id="s" title="S">\n\n<P id="a">We build on CPEC first.</P>\n\n<P id="b">Then <Term id="cpec">CPEC</Term> again.</P>\n\n</Section>\n', 'x.mdx');
    expect(glossaryProblems(o, [entry('cpec', ['CPEC'])])).toEqual([expect.stringMatching(/term "cpec" first appears as "CPEC" in paragraph "a"; mark it there, not in "b"/)]);
  });

  it('glossaryProblems(outline, entries) names two entries that give the same form, as a term or an alias, once', () => {
    const o = parseOutline('<Section id="s" title="S">\n\n<P id="a"><Term id="cpec">CPEC</Term> again.</P>\n\n</Section>\n', 'x.mdx');
    const twice = { ...entry('corridor', ['CPEC', 'the corridor']), term: 'CPEC' };
    const problems = glossaryProblems(o, [entry('cpec', ['CPEC']), twice]);
    expect(problems.filter((p) => /both give/.test(p))).toEqual(['glossary entries "cpec" and "corridor" both give "CPEC" (as a term or an alias): define a term once, and take the second entry out']);
    // One entry giving a form as its term and as an alias is no clash.
    expect(glossaryProblems(o, [{ ...entry('cpec', ['CPEC']), term: 'CPEC' }])).toEqual([]);
  });

  it('glossaryProblems(outline, entries) rejects a term marked twice, an unknown term and an unmarked entry', () => {
    const o = parseOutline('<Section id="s" title="S">\n\n<P id="a"><Term id="lng">LNG</Term> and <Term id="lng">LNG</Term> and <Term id="xyz">XYZ</Term>.</P>\n\n</Section>\n', 'x.mdx');
    const problems = glossaryProblems(o, [entry('lng', ['LNG']), entry('boot', ['BOOT'])]);
    expect(problems).toEqual([
      expect.stringMatching(/term "lng" is already marked in paragraph "a"/),
      expect.stringMatching(/<Term id="xyz"> in paragraph "a" is not in the glossary/),
      expect.stringMatching(/glossary entry "boot" is not marked in the article/),
    ]);
  });

  it('glossaryProblems(outline, entries) rejects a <Term> around words that are neither the term nor an alias, and nothing more for it', () => {
    const o = parseOutline('<Section id="s" title="S">\n\n<P id="a">The <Term id="lng">gas</Term> and LNG.</P>\n\n</Section>\n', 'x.mdx');
    expect(glossaryProblems(o, [entry('lng', ['LNG'])])).toEqual([`line ${o.terms[0]!.line}: <Term id="lng"> wraps "gas", which is neither "LNG" nor one of its aliases`]);
  });

  it('glossaryProblems(outline, entries) rejects a term marked in the paragraph where it first appears, but not where it does', () => {
    const o = parseOutline('<Section id="s" title="S">\n\n<P id="a">LNG, that is <Term id="lng">liquefied natural gas</Term>.</P>\n\n</Section>\n', 'x.mdx');
    expect(glossaryProblems(o, [entry('lng', ['LNG', 'liquefied natural gas'])])).toEqual([
      `line ${o.terms[0]!.line}: term "lng" first appears in paragraph "a" as "LNG"; mark "LNG" there, not "liquefied natural gas"`,
    ]);
  });

  it('termPattern(entry) prefers the longest form the text holds, whatever the order of the aliases', () => {
    for (const aliases of [['North Waziristan', 'North Waziristan Agency', 'NWA'], ['NWA', 'North Waziristan Agency', 'North Waziristan']]) {
      expect('the North Waziristan Agency, in the north'.match(termPattern(entry('nwa', aliases)))?.[0]).toBe('North Waziristan Agency');
    }
  });

  it('termPattern(entry) reads the forms literally: dots, brackets and the like are letters of the term', () => {
    const p = termPattern(entry('us', ['U.S.', 'G2G (gov)']));
    expect('aid from the U.S. army'.match(p)?.[0]).toBe('U.S.');
    expect('aid from the UxSx army'.match(p)).toBeNull();
    expect('a G2G (gov) deal'.match(p)?.[0]).toBe('G2G (gov)');
  });

  it('termPattern(entry) matches the term itself when the entry has no aliases', () => {
    const p = termPattern({ ...entry('boot', []), term: 'BOOT' });
    expect('a BOOT deal'.match(p)?.[0]).toBe('BOOT');
    expect('a REBOOT'.match(p)).toBeNull();
    const o = parseOutline('<Section id="s" title="S">\n\n<P id="a">A <Term id="boot">BOOT</Term> deal.</P>\n\n</Section>\n', 'x.mdx');
    expect(glossaryProblems(o, [entry('boot', [])])).toEqual([]);
  });

  it('termPattern(entry) matches whole words, case-sensitively, so "IS" is not found in "ISIS" or "is"', () => {
    const p = termPattern(entry('is', ['ISIS', 'IS']));
    expect('this is it'.match(p)).toBeNull();
    expect('fear ISIS or IS'.match(p)?.[0]).toBe('ISIS');
    expect('only IS here'.match(p)?.[0]).toBe('IS');
  });

  it('buildEdition(input) names the file and line of a term marked in the wrong place', () => {
    const i = editBody(input(), '<Term id="lng">liquefied natural gas</Term>', 'liquefied natural gas');
    expect(() => buildEdition(i)).toThrow(/pakistan-russia-asian-bloc\.mdx: glossary entry "lng" is not marked in the article/);
  });

  it('parseOutline(mdx) refuses markup inside a <Term>, naming the line', () => {
    expect(() => parseOutline('<Section id="s" title="S">\n\n<P id="a"><Term id="lng">LNG *x*</Term>.</P>\n\n</Section>\n', 'x.mdx')).toThrow(/x\.mdx:3: emphasis \(\*…\*\) inside <P> is not allowed: the author's words stay as he wrote them/);
  });

  it('readRows(text, file, schema) refuses a file that is not groups of rows, naming the groups it expects', () => {
    expect(() => readRows('- id: cpec\n  term: CPEC\n', 'glossary.yaml', glossaryFileSchema)).toThrow(/^glossary\.yaml: expected groups of rows \(terms\)$/);
    expect(() => readRows('just words\n', 'glossary.yaml', glossaryFileSchema)).toThrow('glossary.yaml: expected groups of rows (terms)');
    // A content error, so named in the build's log.
    let error: unknown;
    try { readRows('just words\n', 'glossary.yaml', glossaryFileSchema); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ContentError);
    expect(String(error)).toBe('ContentError: glossary.yaml: expected groups of rows (terms)');
    expect(() => readRows('- 1\n', 'trade.yaml', tradeFileSchema)).toThrow(/^trade\.yaml: expected groups of rows \(article, claims, context\)$/);
  });

  it('readRows(text, file, schema) gives every problem of every row, one a line, and names the group of a problem with the whole group', () => {
    expect(() => readRows('terms:\n  - id: cpec\n    term: CPEC\n  - id: lng\n    term: LNG\n', 'glossary.yaml', glossaryFileSchema))
      .toThrow(/^glossary\.yaml: invalid data\n {2}- row "cpec", field "definition": is missing[^\n]*\n {2}- row "lng", field "definition": is missing[^\n]*$/);
    expect(() => readRows('terms: []\n', 'glossary.yaml', glossaryFileSchema)).toThrow(/^glossary\.yaml: invalid data\n {2}- group "terms", field "terms": /);
    const twice = 'terms:\n  - { id: cpec, term: CPEC, aliases: [], definition: A corridor of roads and pipelines. }\n  - { id: cpec, term: CPEC, aliases: [], definition: A corridor of roads and pipelines. }\n  - { id: lng, term: LNG, aliases: [], definition: Gas cooled until it is a liquid. }\n  - { id: lng, term: LNG, aliases: [], definition: Gas cooled until it is a liquid. }\n';
    expect(() => readRows(twice, 'glossary.yaml', glossaryFileSchema))
      .toThrow(/^glossary\.yaml: invalid data\n {2}- row "cpec" \(terms, row 2\), field "id": duplicate id, already used by terms, row 1\n {2}- row "lng" \(terms, row 4\), field "id": duplicate id, already used by terms, row 3$/);
  });

  it('readRows(text, file, schema) names a group it does not expect, listing those it does', () => {
    expect(() => readRows('article: []\nclaims: []\ncontext: []\nrumours: []\n', 'trade.yaml', tradeFileSchema))
      .toThrow(/^trade\.yaml: invalid data\n {2}- group "rumours": not expected here; the groups are article, claims, context$/);
  });

  it('readRows(text, file, schema) names the line of YAML it cannot read, with the parser\'s first line of explanation', () => {
    expect(() => readRows('terms:\n  - id: cpec\n    id: lng\n', 'glossary.yaml', glossaryFileSchema))
      .toThrow(/^glossary\.yaml:3: the YAML could not be read: Map keys must be unique at line 3, column 5:$/);
  });

  it('readRows(glossary.yaml) rejects an entry without a definition, naming the row and the field', () => {
    expect(() => readRows('terms:\n  - id: cpec\n    term: CPEC\n', 'glossary.yaml', glossaryFileSchema)).toThrow(/glossary\.yaml: invalid data\n.*row "cpec", field "definition": is missing/);
  });
});
