// Real builds from copies of content/ that must be refused: the build stops during the content sync, names the
// file and the line or field of every problem, and writes no file of dist/ (the folder is never made).
import { appendFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, copyContent, editArticle } from '../support/hostileContent';

const ARTICLE = 'article/pakistan-russia-asian-bloc.mdx';

/** Builds a changed copy of content/, then removes the copy and whatever the build left. */
function refusedBuild(name: string, change: (dir: string) => void) {
  const copy = copyContent();
  try {
    change(copy.dir);
    const result = buildContent(copy.dir, name);
    return { ...result, article: `${copy.dir.slice(copy.dir.indexOf('.cache'))}/${ARTICLE}`, ids: `${copy.dir.slice(copy.dir.indexOf('.cache'))}/ids` };
  } finally {
    copy.remove();
  }
}

const lineOf = (mdx: string, text: string) => mdx.slice(0, mdx.indexOf(text)).split('\n').length;

describe('astro build refuses an article that steps outside the allow-list', () => {
  let mdx = '';
  const result = refusedBuild('refused-mdx', (dir) => {
    editArticle(dir, (text) => {
      mdx = text
        .replace(/^---\n[\s\S]*?\n---\n/, (front) => `${front}\nimport { readFileSync } from 'node:fs';\n`)
        .replace('<Section id="new-world-map" title="A new world map">', '<div>Text before every section</div>\n\n<Section id="new-world-map" title="A new world map" style="color: red">')
        .replace('<LocatorMap id="where-it-happened" />', '<LocatorMap id="where-it-happened" />\n\n{"ENV:" + process.env.HOME}\n\n<script>alert(1)</script>')
        .replace('<P id="common-interests">', '<P id="common-interests" onmouseover="alert(2)">')
        .replace('([TASS, “Friendship 2018” exercise](http://tass.com/defense/1026117))', '([TASS](javascript:alert(3)))');
      return mdx;
    });
  });

  it('astro build stops, naming the file and the line of each thing refused', () => {
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    const expected: [string, RegExp][] = [
      ["import { readFileSync }", /import and export are not allowed/],
      ['<div>Text before', /raw HTML \(<div>\) is not allowed/],
      ['<Section id="new-world-map"', /<Section> has a style attribute, which is not allowed/],
      ['{"ENV:"', /JavaScript expressions \(\{…\}\) are not allowed/],
      ['<script>alert(1)', /raw HTML \(<script>\) is not allowed/],
      ['<P id="common-interests"', /<P> has the event-handler attribute "onmouseover"/],
      ['[TASS](javascript:', /link "javascript:alert\(3\)" uses javascript:/],
    ];
    for (const [text, message] of expected) {
      expect(result.output, text).toMatch(new RegExp(`${result.article.replaceAll('.', '\\.')}:${lineOf(mdx, text)}: ${message.source}`));
    }
  });

  it('astro build writes nothing to dist/ and never runs the expression', () => {
    expect(existsSync(result.outDir)).toBe(false);
    expect(result.output).not.toContain(`ENV:${process.env.HOME}`);
  });
});

describe('astro build refuses content whose files do not hold together, before writing any file', () => {
  const result = refusedBuild('refused-edition', (dir) => {
    // A figure reference to nothing, a published section renamed without a redirect, a loop and a chain that ends nowhere.
    editArticle(dir, (text) => text
      .replace('<FigRef to="trade-chart" />', '<FigRef to="trade-chart-gone" />')
      .replace('<Section id="trade-on-the-rise"', '<Section id="trade-grew"'));
    writeFileSync(join(dir, 'ids/redirects.yaml'), 'loop-a: loop-b\nloop-b: loop-a\nold-chain: mid-chain\nmid-chain: nowhere-now\n');
  });

  it('astro build lists every problem with its file, and dist/ is never made', () => {
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toMatch(/<FigRef to="trade-chart-gone"> refers to no figure in the article/);
    expect(result.output).toMatch(/ids\/published\.json: section id "trade-on-the-rise" was published and is gone: restore it or add "trade-on-the-rise: <new id>" to content\/ids\/redirects\.yaml/);
    expect(result.output).toMatch(/ids\/redirects\.yaml: retired id "loop-a" leads round in a loop/);
    expect(result.output).toMatch(/ids\/redirects\.yaml: retired id "old-chain" leads to "nowhere-now", which is not on the page \(was "mid-chain"\)/);
    expect(existsSync(result.outDir)).toBe(false);
  });
});

describe('astro build refuses a page with a link that leads nowhere or an id used twice, once the pages are written', () => {
  const result = refusedBuild('refused-links', (dir) => {
    editArticle(dir, (text) => text.replace(
      '([TASS, “Friendship 2018” exercise](http://tass.com/defense/1026117))',
      '([TASS, “Friendship 2018” exercise](http://tass.com/defense/1026117); see [the energy section](#energy-corridor) and [its card](/s/no-such-section/))',
    ).replace('<P id="common-interests">', '<P id="main">'));
    // Renamed properly, with a redirect: only the page knows that "main" is its own.
    appendFileSync(join(dir, 'ids/redirects.yaml'), '\ncommon-interests: main\n');
  });

  it('astro build stops, naming the page, the id used twice, the link\'s words and where it points', () => {
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toContain('index.html: the id "main" is on 2 elements');
    expect(result.output).toContain('index.html: the link “the energy section” (a href) "#energy-corridor" points to #energy-corridor, which index.html does not have');
    expect(result.output).toContain('index.html: the link “its card” (a href) "/s/no-such-section/" points to /s/no-such-section/, which is not in the build');
  });
});

describe('astro build refuses an id written twice on a <P> or a <Note>, during the content sync', () => {
  let mdx = '';
  const result = refusedBuild('refused-twice', (dir) => {
    editArticle(dir, (text) => {
      mdx = text
        .replace('<P id="trade-figures">', '<P id="trade-figures" id="trade-figures-again">')
        .replace('id="note-growth-rate"', 'id="note-growth-rate" id="note-growth-again"');
      return mdx;
    });
  });

  it('astro build stops, naming the file, the line and both ids, and dist/ is never made', () => {
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    const at = (text: string) => `${result.article}:${lineOf(mdx, text)}: `;
    expect(result.output).toContain(`${at('<P id="trade-figures" id=')}<P> has the attribute "id" twice (id="trade-figures", then id="trade-figures-again")`);
    expect(result.output).toContain(`${at('<Note for="trade-figures" kind="correction" id="note-growth-rate"')}<Note> has the attribute "id" twice (id="note-growth-rate", then id="note-growth-again")`);
    expect(result.output).not.toMatch(/TypeError|reading 'sectionTitle'|reading 'kind'/);
    expect(existsSync(result.outDir)).toBe(false);
  });
});

describe('astro build refuses content with a file missing, naming it and what it holds', () => {
  const result = refusedBuild('refused-missing', (dir) => rmSync(join(dir, 'data/places.yaml')));

  it('astro build names the missing file and its collection, without the system\'s ENOENT, and writes nothing', () => {
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toMatch(/\.cache\/hostile-content-[^/]+\/data\/places\.yaml: the file is missing\. It holds the places on the map/);
    expect(result.output).not.toMatch(/ENOENT/);
    expect(existsSync(result.outDir)).toBe(false);
  });
});

describe('astro build refuses a malformed registry of published ids', () => {
  const result = refusedBuild('refused-registry', (dir) => {
    writeFileSync(join(dir, 'ids/published.json'), '{ "section": ["new-world-map", ], "paragraph": [] }\n');
  });

  it('astro build names ids/published.json and what is wrong with it, and writes nothing', () => {
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`${result.ids.replaceAll('.', '\\.')}/published\\.json: not valid JSON`));
    expect(existsSync(result.outDir)).toBe(false);
  });
});
