// Real builds from poisoned and broken copies of content/ (SITE_CONTENT_DIR): quotes typed into the frontmatter and
// the data cut no attribute open, markup typed into the frontmatter stops the build (as the data files' does:
// tests/unit/hostile/data.test.ts), and a bad data file stops the build with the file, row and field named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { csvParse } from 'd3-dsv';
import { buildContent as build, copyContent, editArticle, editYaml, PAYLOADS } from '../support/hostileContent';

const ROOT = resolve(import.meta.dirname, '../..');
const FORMULA = '=HYPERLINK("//x.example","c")';
const COMMENT = 'Check the growth rate against the fact sheet';

describe('a build from content with quotes and handlers typed into its text fields', () => {
  let copy: ReturnType<typeof copyContent>;
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    copy = copyContent();
    // A text edit, so the rest of the frontmatter keeps its quoting.
    editArticle(copy.dir, (mdx) => mdx.replace(/^standfirst: .*$/m, `standfirst: ${JSON.stringify(`In 2018 a journalist argued for an Asian bloc. ${PAYLOADS.attribute}`)}`)
      .replace(/^standfirst: (".*")\n(?:  .*\n)*/m, 'standfirst: $1\n')
      .replace(/^description: >-\n(?:  .*\n)*/m, `description: ${JSON.stringify(`Yasir Habib Khan’s 2018 analysis, annotated. ${PAYLOADS.attribute}`)}\n`));
    // Notes to editors, written as MDX writes a comment: between blocks and inside the author's paragraph.
    editArticle(copy.dir, (mdx) => mdx
      .replace('<P id="trade-figures">On economic front,', `{/* ${COMMENT} */}\n\n<P id="trade-figures">On economic front, {/* ${COMMENT} */}`));
    editYaml(copy.dir, 'data/deals.yaml', (d) => { d.deals[0].label = PAYLOADS.attribute; });
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => {
      rows[0].title = PAYLOADS.attribute;
      rows[0].summary = `${rows[0].summary} ${PAYLOADS.attribute}`;
    });
    editYaml(copy.dir, 'data/glossary.yaml', (d) => { d.terms[0].definition = `${d.terms[0].definition} ${PAYLOADS.attribute}`; });
    // A spreadsheet formula where the downloads carry text.
    editYaml(copy.dir, 'data/deals.yaml', (d) => { d.deals[1].label = FORMULA; });
    editYaml(copy.dir, 'data/trade.yaml', (d) => { d.context[0].source.title = FORMULA; });
    result = build(copy.dir, 'hostile');
  }, 240_000);
  afterAll(() => {
    copy?.remove();
    if (result) rmSync(result.outDir, { recursive: true, force: true });
  });

  it('astro build (SITE_CONTENT_DIR) succeeds and the page shows the quotes as text, in the page and its metadata', () => {
    expect(result.status, result.output.slice(-3000)).toBe(0);
    const $ = cheerio.load(readFileSync(join(result.outDir, 'index.html'), 'utf8'));
    const text = $('body').text();
    expect(text).toContain(PAYLOADS.attribute);
    expect($('meta[name="description"]').attr('content')).toContain(PAYLOADS.attribute);
    // The injected deal label names its bar in the deal-size figure, as text too.
    expect($('#deal-size-chart .deal-name').toArray().some((t) => $(t).text() === PAYLOADS.attribute)).toBe(true);
  });

  it('astro build (SITE_CONTENT_DIR) leaves the editors\' comments off the page and the author\'s paragraph as he wrote it', () => {
    const html = readFileSync(join(result.outDir, 'index.html'), 'utf8');
    expect(html).not.toContain(COMMENT);
    const $ = cheerio.load(html);
    const source = readFileSync(join(ROOT, 'content/source/article.txt'), 'utf8');
    const words = $('#trade-figures').clone().find('[data-editorial]').remove().end().text().replace(/\s+/g, ' ').trim();
    expect(words.startsWith('On economic front, Pak-Russia bilateral trade')).toBe(true);
    expect(source.replace(/\s+/g, ' ')).toContain(words);
  });

  it('astro build (SITE_CONTENT_DIR) puts no injected element or handler into any page', () => {
    const pages = readdirSync(result.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const $ = cheerio.load(readFileSync(join(result.outDir, page), 'utf8'));
      expect($('img[src="x"]'), page).toHaveLength(0);
      expect($('[onerror]'), page).toHaveLength(0);
      expect($('[onmouseover]'), page).toHaveLength(0);
      const scripts = $('script:not([type="application/ld+json"])').toArray().map((s) => $(s).text());
      expect(scripts.filter((s) => /alert\(/.test(s)), page).toEqual([]);
      // The page's data for search engines holds the words as data, whole, and still parses.
      for (const ld of $('script[type="application/ld+json"]').toArray()) {
        const data = JSON.parse($(ld).text());
        if (data.description) expect(data.description, page).toContain(PAYLOADS.attribute);
      }
      // Attribute values (titles, descriptions, aria labels) are escaped, not cut open.
      expect($('[src="x"], [onerror], script[src="x"]').length, page).toBe(0);
    }
  });


  it('data/deals.csv and data/trade.csv hold the formula as inert text; the JSON downloads hold it exactly', () => {
    const deals = csvParse(readFileSync(join(result.outDir, 'data/deals.csv'), 'utf8'));
    expect(deals[1]!.label).toBe(`'${FORMULA}`);
    const trade = csvParse(readFileSync(join(result.outDir, 'data/trade.csv'), 'utf8'));
    expect(trade.filter((r) => r.sourceTitle?.includes('HYPERLINK')).map((r) => r.sourceTitle)).toEqual([`'${FORMULA}`]);
    // Numbers are still numbers.
    expect(deals.every((r) => /^\d+(\.\d+)?$/.test(r.valueUsdMillions!))).toBe(true);
    const json = JSON.parse(readFileSync(join(result.outDir, 'data/deals.json'), 'utf8'));
    expect(json.deals[1].label).toBe(FORMULA);
    const tradeJson = JSON.parse(readFileSync(join(result.outDir, 'data/trade.json'), 'utf8'));
    expect(tradeJson.otherSources.rows[0].source.title).toBe(FORMULA);
  });
});

describe('a build from content with markup typed into the frontmatter', () => {
  it('astro build (SITE_CONTENT_DIR) stops and names the file and the field, and writes no page', () => {
    const copy = copyContent();
    try {
      editArticle(copy.dir, (mdx) => mdx.replace(/^standfirst: .*$/m, `standfirst: ${JSON.stringify(`In 2018 a journalist argued for an Asian bloc. ${PAYLOADS.img} ${PAYLOADS.script}`)}`)
        .replace(/^standfirst: (".*")\n(?:  .*\n)*/m, 'standfirst: $1\n'));
      const result = build(copy.dir, 'markup');
      expect(result.status).not.toBe(0);
      expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
      expect(result.output).toMatch(/article\/pakistan-russia-asian-bloc\.mdx: invalid frontmatter\n\s+- field "standfirst": is plain text, and the page would show “<img src=x onerror=alert\(1\)>” as typed/);
    } finally {
      copy.remove();
      rmSync(resolve(ROOT, '.cache/markup-dist'), { recursive: true, force: true });
    }
  }, 240_000);
});

describe('a build from content with a broken data file', () => {
  it('astro build (SITE_CONTENT_DIR) stops and names the file, the event and the field', () => {
    const copy = copyContent();
    try {
      let id = '';
      editYaml(copy.dir, 'data/timeline.yaml', (rows) => {
        const e = rows.find((r: { precision?: string }) => r.precision === 'day');
        id = e.id;
        e.date = '2031-06-01';
      });
      const result = build(copy.dir, 'broken');
      expect(result.status).not.toBe(0);
      expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
      expect(result.output).toContain('data/timeline.yaml');
      expect(result.output).toContain(id);
      expect(result.output).toMatch(/field "date"[^\n]*outside the timeline/);
    } finally {
      copy.remove();
      rmSync(resolve(ROOT, '.cache/broken-dist'), { recursive: true, force: true });
    }
  }, 240_000);
});
