import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { csvParse } from 'd3-dsv';
import { distPath, loadPage } from '../support/dist';

const $ = loadPage();
const ROOT = resolve(import.meta.dirname, '../..');
const trade = parse(readFileSync(resolve(ROOT, 'content/data/trade.yaml'), 'utf8'));
const deals = parse(readFileSync(resolve(ROOT, 'content/data/deals.yaml'), 'utf8'));
type Figure = { id: string; period: string; valueUsdMillions: number };
const [first, last] = trade.article as [Figure, Figure];
const text = (sel: Parameters<typeof $>[0]) => $(sel).text().replace(/\s+/g, ' ').trim();

describe('charts in the built page', () => {
  it('index.html draws the trade figure once for every width: one SVG without a viewBox, with a title and a written description', () => {
    const svgs = $('#trade-chart svg[role="img"]');
    expect(svgs).toHaveLength(1);
    const svg = svgs.first();
    expect(svg.attr('viewBox')).toBeUndefined();
    expect(svg.attr('width')).toBe('100%');
    expect(svg.attr('height')).toMatch(/^\d+(\.\d+)?em$/);
    const title = $(`#${svg.attr('aria-labelledby')}`);
    const desc = $(`#${svg.attr('aria-describedby')}`);
    expect(title.is('title')).toBe(true);
    expect(desc.is('desc')).toBe(true);
    expect(desc.text()).toMatch(/\$\d/);
    expect(desc.text()).not.toMatch(/bar chart/i);
  });

  it('index.html draws the trade columns in proportion to the data, from the same baseline, across in per cent and down in ems', () => {
    const svg = $('#trade-chart svg.chart-svg');
    const bars = svg.find('.chart-mark rect').toArray();
    expect(bars).toHaveLength(2);
    const em = (v: string | undefined) => { expect(v).toMatch(/em$/); return parseFloat(v!); };
    const [a, b] = bars.map((r) => ({ y: em($(r).attr('y')), h: em($(r).attr('height')), x: $(r).attr('x') }));
    expect(a!.x).toMatch(/%$/);
    expect(b!.h / a!.h).toBeCloseTo(last.valueUsdMillions / first.valueUsdMillions, 2);
    expect(a!.y + a!.h).toBeCloseTo(b!.y + b!.h, 2);
    expect(em(svg.find('line.chart-baseline').attr('y1'))).toBeCloseTo(a!.y + a!.h, 2);
    // The increase is hatched, and only the increase.
    expect(svg.find('rect.chart-pattern')).toHaveLength(1);
    expect(svg.find('rect.chart-pattern').prev('rect').hasClass('chart-bar--increase')).toBe(true);
  });

  it('index.html labels the trade chart with the figures and the growth the data implies, and names its columns underneath', () => {
    const delta = last.valueUsdMillions - first.valueUsdMillions;
    const percent = (delta / first.valueUsdMillions) * 100;
    const labels = $('#trade-chart svg text').toArray().map((t) => $(t).text().replace(/\u00a0/g, ' '));
    expect(labels).toEqual(expect.arrayContaining([`$${first.valueUsdMillions}M`, `$${last.valueUsdMillions}M`, `+$${delta}M`, `+${percent.toFixed(1)} %`]));
    expect(text('#trade-chart .figure-title').replace(/\u00a0/g, ' ')).toContain(`${percent.toFixed(1)} %`);
    expect($('#trade-chart .chart-columns [data-column]').toArray().map((p) => $(p).find('.chart-column-label').text())).toEqual([`“${first.period}”`, `“${last.period}”`]);
  });

  it('index.html keys the charts’ marks with one shared key: solid for trade, hatched for the increase, a dashed outline for headline values', () => {
    expect($('#trade-chart .chart-key li').toArray().map((li) => $(li).attr('data-key'))).toEqual(['trade', 'increase']);
    expect($('#deal-size-chart .chart-key li').toArray().map((li) => $(li).attr('data-key'))).toEqual(['headline', 'trade']);
    // The same words for the same mark in both figures.
    expect(text('#trade-chart .chart-key li[data-key="trade"]')).toBe(text('#deal-size-chart .chart-key li[data-key="trade"]'));
    // Each kind of mark is drawn with its own class and no other: trade bars solid, headline bars never hatched.
    expect($('#deal-size-chart .chart-bar--headline').length).toBe(deals.deals.length + 1);
    expect($('#deal-size-chart .chart-pattern, #deal-size-chart .chart-bar--increase')).toHaveLength(0);
    expect($('#trade-chart .chart-bar--headline')).toHaveLength(0);
  });

  it('index.html says in the deal-size figure’s title and drawing that the pipeline sums are headline values, not money spent, with no multiple of trade', () => {
    expect(text('#deal-size-chart .figure-title')).toMatch(/headline values .*not money spent/);
    expect(text('#deal-size-chart')).not.toMatch(/\d+(\.\d+)?\s*(×|times)/);
    for (const d of deals.deals) {
      const row = $(`#deal-size-chart .deal-row[data-row="${d.id}"]`);
      expect(row.attr('data-kind')).toBe('headline');
      expect(row.find('.deal-what').text()).toMatch(/^Headline value: /);
      expect(row.find('.deal-value').text()).toBe(`$${d.valueUsdMillions / 1000}bn`);
    }
    expect($('#deal-size-chart .deal-row[data-kind="trade"] .deal-value').text()).toBe(`$${last.valueUsdMillions}M`);
    expect(text('#deal-size-chart [data-chart-note="deals"]')).toMatch(/^Why set side by side\./);
  });

  it('index.html draws the deals and a year of trade on one scale from zero: each bar a share of its row', () => {
    const widths = $('#deal-size-chart svg.deal-bar rect').toArray().map((r) => {
      expect($(r).attr('x')).toBe('0');
      expect($(r).attr('width')).toMatch(/%$/);
      return parseFloat($(r).attr('width')!);
    });
    const values = [...deals.deals.map((d: { valueUsdMillions: number }) => d.valueUsdMillions), last.valueUsdMillions];
    expect(widths).toHaveLength(values.length);
    const top = Math.max(...values);
    widths.forEach((w, i) => expect(w).toBeCloseTo((values[i]! / top) * 100, 1));
    expect($('#deal-size-chart svg.deal-bar').toArray().every((s) => $(s).attr('aria-hidden') === 'true')).toBe(true);
  });

  it('index.html makes every figure\'s title a heading one level below its section\'s, so heading navigation reaches the figures', () => {
    const figures = $('figure[data-figure]').toArray();
    expect(figures).toHaveLength(6);
    for (const f of figures) {
      const section = $(f).closest('section');
      const sectionLevel = Number(section.find('h1, h2, h3, h4').first().prop('tagName')!.slice(1));
      const title = $(f).find('figcaption .figure-title');
      expect(title.prop('tagName'), $(f).attr('id')).toBe(`H${sectionLevel + 1}`);
      expect($(f).attr('aria-labelledby')).toBe(title.attr('id'));
    }
  });

  it('index.html frames each chart with a title, subtitle, notes, source and data links that exist', () => {
    for (const id of ['trade-chart', 'deal-size-chart']) {
      const fig = $(`#${id}`);
      expect(fig.find('.figure-title').text().trim().length).toBeGreaterThan(20);
      expect(fig.find('.figure-subtitle').text()).toMatch(/scale from zero/);
      expect(fig.find('.figure-source').text()).toMatch(/^Source: The article \(“/);
      const links = fig.find('.figure-data a, .chart-json a').toArray().map((a) => $(a).attr('href')!);
      expect(links).toHaveLength(2);
      for (const href of links) expect(existsSync(distPath(href))).toBe(true);
      expect(fig.find('details.chart-table table th[scope="col"]').length).toBeGreaterThan(2);
    }
  });

  it('index.html gives each figure\'s data links together, after its source line, not one before it and one after', () => {
    $('figure[data-figure]').each((_, f) => {
      const footer = $(f).children('.figure-footer').children().toArray();
      const kinds = footer.map((e) => ($(e).is('.figure-data, .chart-json') ? 'data' : $(e).is('.figure-source') ? 'source' : 'other'));
      const firstData = kinds.indexOf('data');
      if (firstData < 0) return;
      // The source, then the data links and nothing else.
      expect(kinds.slice(kinds.indexOf('source')), $(f).attr('id')).toEqual(['source', ...kinds.filter((k) => k === 'data')]);
      expect($(f).find('.chart-json, .figure-data').toArray().every((e) => $(e).parent().is('.figure-footer')), $(f).attr('id')).toBe(true);
    });
  });

  it('data/trade.csv and data/trade.json carry the same numbers as the chart, groups kept apart', () => {
    const csv = csvParse(readFileSync(distPath('data/trade.csv'), 'utf8'));
    expect(csv.filter((r) => r.series === 'article').map((r) => Number(r.valueUsdMillions))).toEqual([first.valueUsdMillions, last.valueUsdMillions]);
    expect(csv.filter((r) => r.series === 'other-source').map((r) => r.id)).toEqual(trade.context.map((c: { id: string }) => c.id));
    expect(csv.find((r) => r.id === 'trade-2018-jan-oct')?.partial).toBe('true');
    const json = JSON.parse(readFileSync(distPath('data/trade.json'), 'utf8'));
    expect(json.article.map((r: { id: string }) => r.id)).toEqual([first.id, last.id]);
    expect(json.otherSources.rows).toHaveLength(trade.context.length);
    const dcsv = csvParse(readFileSync(distPath('data/deals.csv'), 'utf8'));
    // Every bar the deal-size figure draws: the pipelines, then the year of trade beside them.
    expect(dcsv.map((r) => [r.kind, Number(r.valueUsdMillions)])).toEqual([
      ...deals.deals.map((d: { valueUsdMillions: number }) => ['headline value', d.valueUsdMillions]), ['trade', last.valueUsdMillions],
    ]);
    expect(dcsv.length).toBe($('#deal-size-chart .deal-row').length);
    expect(JSON.parse(readFileSync(distPath('data/deals.json'), 'utf8')).comparedWith.valueUsdMillions).toBe(last.valueUsdMillions);
  });

  it('index.html places each chart right after the paragraph it illustrates, inside its section', () => {
    const order = $('[data-para], figure[data-figure]').toArray().map((e) => $(e).attr('data-figure') ?? $(e).attr('id'));
    const before = (fig: string) => order.slice(0, order.indexOf(fig)).reverse().find((id) => $(`[id="${id}"]`).is('[data-para]'));
    expect(before('trade-chart')).toBe('trade-figures');
    expect(before('deal-size-chart')).toBe('north-south-extension');
    expect($('#trade-chart').closest('section').attr('data-section')).toBe($('#trade-figures').closest('section').attr('data-section'));
    expect($('#deal-size-chart').closest('section').attr('data-section')).toBe($('#north-south-extension').closest('section').attr('data-section'));
    expect($('[data-para] figure, [data-para] svg.chart-svg, [data-para] svg.deal-bar')).toHaveLength(0);
  });

  it('the article MDX names its charts without importing from ../src', () => {
    const mdx = readFileSync(resolve(ROOT, 'content/article/pakistan-russia-asian-bloc.mdx'), 'utf8');
    expect(mdx).toMatch(/^<TradeChart id="trade-chart" \/>$/m);
    expect(mdx).toMatch(/^<DealSizeChart id="deal-size-chart" \/>$/m);
    expect(mdx).not.toMatch(/^\s*import\s/m);
    expect(mdx).not.toContain('../src');
  });

  it('index.html leaves the bars out of the tab order until the script makes them reachable', () => {
    expect($('.chart-mark[tabindex]')).toHaveLength(0);
    $('.chart-mark').each((_, g) => {
      expect($(g).attr('data-tip-value')).toMatch(/^(more than )?\$\d/);
      expect($(g).attr('data-tip-source')).toMatch(/^Source: /);
    });
  });
});

describe('the figures\' controls in the built page', () => {
  it('index.html names each data link and each "Show the numbers" by its words and its figure: no two alike in a list of links or controls', () => {
    const controls = $('a[download], .chart-table > summary').toArray().map((el) => ({ text: $(el).text().trim(), name: $(el).attr('aria-label') ?? $(el).text().trim(), figure: $(el).closest('figure').find('[data-figure-label]').first().text() }));
    expect(controls.length).toBeGreaterThan(6);
    for (const c of controls) {
      expect(c.name.startsWith(c.text), c.name).toBe(true);
      expect(c.name, c.name).toContain(c.figure);
    }
    expect(new Set(controls.map((c) => c.name)).size).toBe(controls.length);
  });
});

