// The article's allow-list: only the site's components, Markdown text and safe links; everything else refused with file and line.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ARTICLE_COMPONENTS, linkProblem, parseOutline } from '../../../src/lib/article/outline';
import { readInput } from '../../support/content';

/** A one-section article with `inner` after its one paragraph, and the line `inner` starts on (5). */
const article = (inner: string, para = 'Words.') => `<Section id="s" title="S">\n\n<P id="p">${para}</P>\n\n${inner}\n\n</Section>\n`;
const refusal = (mdx: string): string => {
  try { parseOutline(mdx, 'x.mdx'); } catch (e) { return (e as Error).message; }
  throw new Error('parseOutline accepted it');
};

describe('parseOutline allow-list', () => {
  it('parseOutline(mdx) refuses a line at the top that holds a component and words as text outside a section, once', () => {
    expect(refusal(`<FigRef to="x" /> and words\n\n${article('')}`)).toBe('x.mdx: the article uses what it may not\n  - x.mdx:1: text outside a <Section> is not allowed: wrap it in <Section> and <P>');
  });

  it('parseOutline(mdx) names the file and place of MDX it cannot parse, with the parser\'s reason', () => {
    expect(refusal('<Section id="s" title="S">\n\n<P id="p">Words.\n')).toMatch(/^x\.mdx:\d+:\d+: the MDX could not be parsed: .+/);
  });

  it('parseOutline(article) accepts the real article', () => {
    const { body, file } = readInput().article;
    expect(parseOutline(body, file).paragraphs.length).toBeGreaterThan(10);
  });

  it.each([
    ['import', 'import fs from "node:fs"', /x\.mdx:1: import and export are not allowed/],
    ['export', 'export const leak = process.env.HOME', /x\.mdx:1: import and export are not allowed/],
  ])('parseOutline(mdx) refuses an %s, naming the line', (_, esm, message) => {
    expect(refusal(`${esm}\n\n${article('')}`)).toMatch(message);
  });

  it('parseOutline(mdx) refuses JavaScript expressions in a block, in the text and in an attribute, naming each line', () => {
    expect(refusal(article('{"ENV:" + process.env.HOME}'))).toMatch(/x\.mdx:5: JavaScript expressions \(\{…\}\) are not allowed/);
    expect(refusal(article('', 'Home is {process.env.HOME}.'))).toMatch(/x\.mdx:3: JavaScript expressions/);
    expect(refusal(article('<TradeChart id={"t"} />'))).toMatch(/x\.mdx:5: <TradeChart id=\{…\}> is a JavaScript expression, which is not allowed: write id="…"/);
    expect(refusal(article('<TradeChart {...props} />'))).toMatch(/x\.mdx:5: <TradeChart> has a spread of attributes/);
  });

  it.each([
    ['<script>alert(1)</script>', 'script'],
    ['<div>Loose words</div>', 'div'],
    ['<img src="x" />', 'img'],
    ['<iframe src="https://example.org/" />', 'iframe'],
  ])('parseOutline(mdx) refuses the raw HTML %s, naming the line', (html, name) => {
    expect(refusal(article(html))).toMatch(new RegExp(`x\\.mdx:5: raw HTML \\(<${name}>\\) is not allowed`));
    // Inside the author's paragraph too.
    expect(refusal(article('', `Words ${html}.`))).toMatch(new RegExp(`x\\.mdx:3: raw HTML \\(<${name}>\\)`));
  });

  it('parseOutline(mdx) takes a comment ({/* … */}), the form MDX itself advises for one, between blocks and inside the author\'s paragraph, leaving his words as they were', () => {
    const outline = parseOutline(article('{/* Check this figure against the fact sheet. */}', 'Words {/* a note to editors */}here.'), 'x.mdx');
    expect(outline.paragraphs.map((p) => p.text)).toEqual(['Words here.']);
    // A comment beside code is still code, and a comment that closes early leaves code behind it.
    expect(refusal(article('{/* a */ process.env.HOME}'))).toMatch(/x\.mdx:5: JavaScript expressions/);
    expect(refusal(article('{/* a */ 1 /* b */}'))).toMatch(/x\.mdx:5: JavaScript expressions/);
    // An empty expression is no comment either.
    expect(refusal(article('{}'))).toMatch(/x\.mdx:5: JavaScript expressions/);
    // What the MDX parser says of an HTML comment, so that the advice it gives is advice the site takes.
    expect(refusal(article('<!-- a note -->'))).toMatch(/the MDX could not be parsed: .*\{\/\* text \*\/\}/);
  });

  it('parseOutline(mdx) refuses a raw HTML link, whatever its address', () => {
    expect(refusal(article('', 'See <a href="https://example.org/">this</a>.'))).toMatch(/x\.mdx:3: raw HTML \(<a>\)/);
  });

  it('parseOutline(mdx) refuses a component the site does not define, naming the file and line and the ones it does', () => {
    const message = refusal(article('<Chart id="c" />'));
    expect(message).toMatch(/^x\.mdx: the article uses what it may not\n {2}- x\.mdx:5: <Chart> is not a component the article may use \(Section, P, Note/);
    expect(refusal(article('<Foo.Bar />'))).toMatch(/x\.mdx:5: <Foo\.Bar> is not a component/);
    expect(refusal(article('<></>'))).toMatch(/x\.mdx:5: <> is not a component/);
  });

  it('parseOutline(mdx) refuses event-handler and style attributes, and attributes a component does not take', () => {
    expect(refusal(article('', 'x').replace('<P id="p">', '<P id="p" onmouseover="alert(1)">'))).toMatch(/x\.mdx:3: <P> has the event-handler attribute "onmouseover", which is not allowed/);
    expect(refusal(article('<LocatorMap id="m" ONCLICK="x" />'))).toMatch(/x\.mdx:5: <LocatorMap> has the event-handler attribute "ONCLICK"/);
    expect(refusal(article('').replace('<Section id="s"', '<Section style="color:red" id="s"'))).toMatch(/x\.mdx:1: <Section> has a style attribute, which is not allowed/);
    expect(refusal(article('<Timeline id="t" class="wide" />'))).toMatch(/x\.mdx:5: <Timeline> takes no attribute "class" \(it takes id\)/);
    expect(refusal(article('<Note for="p" kind="context" id="n" title="T" colour="red">\nText.\n</Note>'))).toMatch(/x\.mdx:5: <Note> takes no attribute "colour" \(it takes id, for, kind, title, explains\)/);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('parseOutline(mdx) refuses a Markdown link to %s, naming the line', (url) => {
    expect(refusal(article('', `See [this](${url}).`))).toMatch(/x\.mdx:3: link ".*" uses [a-z]+: — links may be https:, http:, mailto: or a path on this site/);
  });

  it('parseOutline(mdx) refuses a link definition with a refused protocol, and an address that does not parse', () => {
    expect(refusal(article('[tass]: javascript:alert(1)', 'See [TASS][tass].'))).toMatch(/x\.mdx:5: link "javascript:alert\(1\)" uses javascript:/);
    expect(refusal(article('', 'See [this](http://exa%20mple.org:99999/).'))).toMatch(/x\.mdx:3: link "http:\/\/exa%20mple\.org:99999\/" is not a valid address/);
  });

  it('parseOutline(mdx) refuses an attribute with nothing visible in it, and a bidirectional control in an attribute or a note, naming the line and character', () => {
    expect(refusal(article('').replace('title="S"', 'title="\u200B\u200B\u200B"'))).toMatch(/x\.mdx:1: <Section title="…"> has nothing visible in it \(only U\+200B, U\+200B, U\+200B\): the page would show a blank/);
    expect(refusal(article('<Note for="p" kind="context" id="n" title="Read \u202Ethis">\nText.\n</Note>'))).toMatch(/x\.mdx:5: <Note title="…"> holds U\+202E, a bidirectional control/);
    expect(refusal(article('<Note for="p" kind="context" id="n" title="T">\nText \u2066reordered\u2069.\n</Note>'))).toMatch(/x\.mdx:6: the note's text holds U\+2066, a bidirectional control/);
  });

  it('parseOutline(mdx) refuses markup in a title the page escapes, naming the line and the markup as typed', () => {
    expect(refusal(article('').replace('title="S"', 'title="<script>alert(1)</script>"'))).toMatch(/x\.mdx:1: <Section title="…"> is plain text, and the page would show “<script>” as typed/);
    expect(refusal(article('').replace('title="S"', 'title="A *new* world"'))).toMatch(/x\.mdx:1: <Section title="…"> is plain text, and the page would show “\*new\*” as typed/);
    expect(refusal(article('<Note for="p" kind="context" id="n" title="We could <em>not</em> verify">\nText.\n</Note>'))).toMatch(/x\.mdx:5: <Note title="…"> is plain text, and the page would show “<em>” as typed/);
    expect(refusal(article('<Note for="p" kind="context" id="n" title="See [TASS](https://tass.com/)">\nText.\n</Note>'))).toMatch(/x\.mdx:5: <Note title="…"> is plain text, and the page would show “\[TASS\]\(https:\/\/tass\.com\/\)” as typed/);
    // MDX reads a character reference in an attribute as its character, which the page shows as such.
    expect(() => parseOutline(article('<Note for="p" kind="context" id="n" title="Rock &amp; roll">\nText.\n</Note>'), 'x.mdx')).not.toThrow();
  });

  it('parseOutline(mdx) refuses a link with no address in any note, naming the line and its words', () => {
    const note = (kind: string, inner: string) => article(`<Note for="p" kind="${kind}" id="n" title="T">\n${inner}\n</Note>`);
    const message = refusal(note('context', 'A report ([see]()) and [again](<>).'));
    expect(message).toMatch(/x\.mdx:6: the link “see” has no address, so it would lead nowhere: write where it leads, \[words\]\(https:\/\/…\)/);
    expect(message).toMatch(/x\.mdx:6: the link “again” has no address/);
    expect(refusal(note('correction', 'See [this](https://example.org/) and [that]( ).'))).toMatch(/x\.mdx:6: the link “that” has no address/);
    expect(refusal(note('spelling', 'See [it][empty].\n\n[empty]: <>'))).toMatch(/x\.mdx:8: the link “empty” has no address/);
  });

  it('linkProblem(url) accepts the web, e-mail and this site, and sees through a tab or a leading space in the scheme', () => {
    for (const url of ['https://tass.com/defense/1026117', 'http://dawn.com/x', 'mailto:desk@example.org', '/data/trade.csv', '#trade-figures', 'data/trade.csv', '?cat=energy']) {
      expect(linkProblem(url), url).toBeUndefined();
    }
    expect(linkProblem('java\tscript:alert(1)')).toMatch(/uses javascript:/);
    expect(linkProblem(' javascript:alert(1)')).toMatch(/uses javascript:/);
  });

  it('linkProblem(url) refuses an address without its scheme, which would pass for a path on this site and leave it', () => {
    for (const url of ['//evil.example/x', ' //evil.example/x', '\\\\evil.example/x', '/\\evil.example/x']) {
      expect(linkProblem(url), url).toMatch(/has no scheme: write https:\/\/ or http:\/\/ before the host/);
    }
  });

  it('parseOutline(mdx) refuses emphasis, links, code and line breaks inside the author\'s paragraph, naming the line', () => {
    expect(refusal(article('', 'Pakistan *cannot afford* it.'))).toMatch(/x\.mdx:3: emphasis \(\*…\*\) inside <P> is not allowed: the author's words stay as he wrote them/);
    expect(refusal(article('', 'A [terror conglomerate](https://example.com/x).'))).toMatch(/x\.mdx:3: a link inside <P> is not allowed/);
    expect(refusal(article('', 'The **bloc** and `code`.'))).toMatch(/strong emphasis \(\*\*…\*\*\) inside <P>[\s\S]*code \(`…`\) inside <P>/);
    expect(refusal(article('', 'A <Term id="t">*word*</Term>.'))).toMatch(/emphasis \(\*…\*\) inside <P> is not allowed/);
    // In a note, the edition's own writing, emphasis and links are the editors' to use.
    expect(() => parseOutline(article('<Note for="p" kind="context" id="n" title="T">\nSee *this* [report](https://example.org/).\n</Note>'), 'x.mdx')).not.toThrow();
  });

  it('parseOutline(mdx) names the line and column of MDX it cannot parse', () => {
    expect(refusal(article('<Note for="p" kind="context" id="n" title="T">\nA <!-- comment -->.\n</Note>'))).toMatch(/^x\.mdx:6:\d+: the MDX could not be parsed/);
  });

  it('parseOutline(mdx) refuses images, inline or by reference', () => {
    expect(refusal(article('', 'Look ![a map](https://example.org/map.png).'))).toMatch(/x\.mdx:3: images are not allowed in the article/);
    expect(refusal(article('[map]: https://example.org/map.png', 'Look ![a map][map].'))).toMatch(/x\.mdx:3: images are not allowed in the article/);
  });

  it('parseOutline(mdx) refuses a <Term> in a note, and takes <FigRef> and <Computed> there', () => {
    const note = (inner: string) => article(`<Note for="p" kind="context" id="n" title="T">\n${inner}\n</Note>\n\n<TradeChart id="t" />`);
    expect(refusal(note('See <Term id="cpec">CPEC</Term>.'))).toMatch(/x\.mdx:6: <Term> may not stand inside a <Note>; it belongs in a <P>/);
    const outline = parseOutline(note('See <FigRef to="t" />, a rise of <Computed of="trade-growth" />.'), 'x.mdx');
    expect(outline.figureRefs).toEqual([{ to: 't', line: 6 }]);
    expect(outline.computed).toEqual([{ of: 'trade-growth', line: 6 }]);
  });

  it('parseOutline(mdx) refuses a <Computed> inside the author\'s paragraph, where its value would read as his words', () => {
    expect(refusal(article('', 'It is now established fact <Computed of="trade-growth" /> that.'))).toMatch(/x\.mdx:3: <Computed> may not stand inside a <P>; it belongs in a <Note>/);
    expect(refusal(article('', 'A <Term id="t">rise <Computed of="trade-growth" /></Term>.'))).toMatch(/x\.mdx:3: <Computed> may not stand inside a <Term>; it belongs in a <Note>/);
  });

  it('parseOutline(mdx) refuses an attribute written twice on any component, naming the line, the attribute and both values', () => {
    // MDX renders the last value and the outline reads the first: the heading would say one thing and the contents another.
    expect(refusal(article('').replace('<Section id="s" title="S">', '<Section id="s" title="S" title="Something else">')))
      .toMatch(/x\.mdx:1: <Section> has the attribute "title" twice \(title="S", then title="Something else"\); write it once/);
    expect(refusal(article('<Note for="p" kind="context" id="n" id="m" title="T">\nText.\n</Note>'))).toMatch(/x\.mdx:5: <Note> has the attribute "id" twice \(id="n", then id="m"\)/);
    expect(refusal(article('<TradeChart id="t" />', 'See <FigRef to="t" to="u" />.'))).toMatch(/x\.mdx:3: <FigRef> has the attribute "to" twice/);
    expect(refusal(article('<TradeChart id="t" id="t" />'))).toMatch(/x\.mdx:5: <TradeChart> has the attribute "id" twice \(id="t", then id="t"\)/);
  });

  it('parseOutline(mdx) lets an attribute without a value through the allow-list, to be refused as a missing value', () => {
    expect(refusal(article('<Timeline id />'))).toMatch(/x\.mdx:5: figure needs an id attribute/);
  });

  it('parseOutline(mdx) refuses text outside every section, as Markdown or in an element', () => {
    expect(refusal(`Loose words.\n\n${article('')}`)).toMatch(/x\.mdx:1: text outside a <Section> is not allowed/);
    expect(refusal(`${article('')}\n## A heading\n`)).toMatch(/x\.mdx:9: text outside a <Section> is not allowed/);
    expect(refusal(`<Term id="druzhba">Druzhba</Term>\n\n${article('')}`)).toMatch(/x\.mdx:1: <Term> is outside a <Section>/);
    expect(refusal(`<TradeChart id="t" />\n\n${article('')}`)).toMatch(/x\.mdx:1: <TradeChart> is outside a <Section>/);
  });

  it('parseOutline(mdx) refuses a component where it may not stand, and content in one that holds none', () => {
    expect(refusal(article('<Term id="druzhba">Druzhba</Term>'))).toMatch(/x\.mdx:5: <Term> may not stand directly in a <Section>; it belongs in a <P>/);
    expect(refusal(article('<FigRef to="t" />'))).toMatch(/x\.mdx:5: <FigRef> may not stand directly in a <Section>; it belongs in a <P> or a <Note>/);
    expect(refusal(article('<Section id="t" title="T">\n\n<P id="q">x</P>\n\n</Section>'))).toMatch(/x\.mdx:5: <Section> may not stand directly in a <Section>; it belongs in the article itself/);
    expect(refusal(article('', 'x <TradeChart id="t" />'))).toMatch(/x\.mdx:3: <TradeChart> may not stand inside a <P>; it belongs in a <Section>/);
    expect(refusal(article('<TradeChart id="t">Words</TradeChart>'))).toMatch(/x\.mdx:5: <TradeChart> holds no content: write it as <TradeChart … \/>/);
  });

  it('parseOutline(mdx) lists every refused thing at once, each with its line', () => {
    const message = refusal(`import x from "y"\n\n${article('<script>1</script>', 'A [link](javascript:x) {1}')}`);
    // The import, the script, the javascript: link, the link itself inside the author's paragraph, the expression.
    expect(message.split('\n').filter((l) => l.startsWith('  - x.mdx:'))).toHaveLength(5);
  });

  it('parseOutline(mdx) refuses Markdown blocks other than <P> in a section (a code block, a rule)', () => {
    expect(refusal(article('```\ncode\n```'))).toMatch(/x\.mdx:5: text in section "s" must be inside <P id="…">/);
    expect(refusal(article('***'))).toMatch(/x\.mdx:5: text in section "s" must be inside <P/);
  });
});

describe('ARTICLE_COMPONENTS', () => {
  it('ARTICLE_COMPONENTS names exactly the components of mdxComponents (src/components/mdx/index.ts), besides the link', () => {
    const file = resolve(import.meta.dirname, '../../../src/components/mdx/index.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    let names: string[] | undefined;
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && node.name.getText(source) === 'mdxComponents' && node.initializer) {
        const init = ts.isSatisfiesExpression(node.initializer) ? node.initializer.expression : node.initializer;
        if (ts.isObjectLiteralExpression(init)) names = init.properties.map((p) => p.name!.getText(source));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(names?.filter((n) => n !== 'a').sort()).toEqual(Object.keys(ARTICLE_COMPONENTS).sort());
  });
});

describe('parseOutline structure', () => {
  it('parseOutline(mdx) refuses an empty paragraph, a section without paragraphs, an article without sections and a term without an id', () => {
    expect(refusal(article('', '   '))).toMatch(/^x\.mdx:3: paragraph "p" is empty$/);
    expect(refusal('<Section id="s" title="S">\n\n<TradeChart id="t" />\n\n</Section>\n')).toMatch(/^x\.mdx:1: section "s" has no paragraphs$/);
    expect(refusal('\n\n')).toMatch(/^x\.mdx: the article has no <Section> elements$/);
    expect(refusal(article('', 'A <Term>word</Term>.'))).toMatch(/^x\.mdx:3: a <Term> in paragraph "p" needs the id of a glossary entry$/);
    expect(refusal(article('', 'A <Term id="Not A Slug">word</Term>.'))).toMatch(/needs the id of a glossary entry/);
  });

  it('parseOutline(mdx) refuses an attribute that holds "on" but is not an event handler as one the component does not take', () => {
    expect(refusal(article('<Timeline id="t" data-icon="x" />'))).toMatch(/x\.mdx:5: <Timeline> takes no attribute "data-icon" \(it takes id\)/);
  });

  it('parseOutline(mdx) reads a paragraph\'s words without the editors\' insertions, the term\'s words with them, and a note\'s links', () => {
    const o = parseOutline(article('<Note for="p" kind="correction" id="n" title="T" explains="33 per cent | $400 million">\nSee [TASS,  “Drills”](https://tass.com/x) and [the data](/data/trade.csv).\n</Note>\n\n<TradeChart id="t" />', 'Trade rose <Term id="growth">33 per cent</Term><FigRef to="t" />, in words.'), 'x.mdx');
    expect(o.paragraphs).toEqual([{ id: 'p', sectionId: 's', text: 'Trade rose 33 per cent, in words.', line: 3 }]);
    expect(o.terms).toEqual([{ id: 'growth', text: '33 per cent', paragraphId: 'p', line: 3 }]);
    expect(o.notes[0]).toMatchObject({ id: 'n', for: 'p', kind: 'correction', number: 1, title: 'T', explains: ['33 per cent', '$400 million'], links: [{ text: 'TASS, “Drills”', url: 'https://tass.com/x' }, { text: 'the data', url: '/data/trade.csv' }], line: 5 });
    expect(o.sections).toEqual([{ id: 's', title: 'S', paragraphs: o.paragraphs }]);
  });
});
