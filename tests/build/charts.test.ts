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
const num = (v: string | undefined) => Number(v);

describe('charts in the built page', () => {
  it('index.html holds both figures as SVG with a title and a written description', () => {
    for (const id of ['trade-chart', 'deal-size-chart']) {
      const svgs = $(`#${id} svg[role="img"]`);
      expect(svgs.toArray().map((s) => $(s).attr('data-chart-size'))).toEqual(['narrow', 'wide']);
      svgs.each((_, svg) => {
        const title = $(`#${$(svg).attr('aria-labelledby')}`);
        const desc = $(`#${$(svg).attr('aria-describedby')}`);
        expect(title.is('title')).toBe(true);
        expect(desc.is('desc')).toBe(true);
        expect(desc.text()).toMatch(/\$\d/);
        expect(desc.text()).not.toMatch(/bar chart/i);
      });
    }
  });

  it('index.html draws the trade columns in proportion to the data, from the same baseline', () => {
    $('#trade-chart svg').each((_, svg) => {
      const bars = $(svg).find('.chart-mark rect.chart-bar').toArray();
      expect(bars).toHaveLength(2);
      const [a, b] = bars.map((r) => ({ y: num($(r).attr('y')), h: num($(r).attr('height')) }));
      expect(b!.h / a!.h).toBeCloseTo(last.valueUsdMillions / first.valueUsdMillions, 3);
      expect(a!.y + a!.h).toBeCloseTo(b!.y + b!.h, 2);
      const baseline = $(svg).find('line.chart-baseline');
      expect(num(baseline.attr('y1'))).toBeCloseTo(a!.y + a!.h, 2);
    });
  });

  it('index.html labels the trade chart with the figures and the growth the data implies', () => {
    const delta = last.valueUsdMillions - first.valueUsdMillions;
    const percent = (delta / first.valueUsdMillions) * 100;
    $('#trade-chart svg').each((_, svg) => {
      const labels = $(svg).find('text').toArray().map((t) => $(t).text().replace(/\u00a0/g, ' '));
      expect(labels).toContain(`$${first.valueUsdMillions}M`);
      expect(labels).toContain(`$${last.valueUsdMillions}M`);
      expect(labels).toContain(`+$${delta}M (+${percent.toFixed(1)} %)`);
      expect(labels).toContain('$0');
    });
    expect(text('#trade-chart .figure-title').replace(/\u00a0/g, ' ')).toContain(`${percent.toFixed(1)} %`);
  });

  it('index.html notes the article’s 33 per cent against the growth its figures imply, and the years', () => {
    const claim = trade.claims[0];
    const delta = last.valueUsdMillions - first.valueUsdMillions;
    const note = text('[data-chart-note="trade"]').replace(/\u00a0/g, ' ');
    expect(note).toContain(`“spiked to ${claim.quote}”`);
    expect(note).toContain(`${((delta / first.valueUsdMillions) * 100).toFixed(2)} %`);
    expect(note).toContain(`about $${Math.round(last.valueUsdMillions / (1 + claim.growthPercent / 100))}M`);
    expect(note).toMatch(/most likely 2017/);
    for (const e of trade.article[1].evidence) expect($(`[data-chart-note="trade"] a[href="${e.url}"]`)).toHaveLength(1);
    for (const c of trade.context) {
      const row = text(`[data-chart-note="trade"] [data-row="${c.id}"]`);
      expect(row).toContain(`$${c.valueUsdMillions}M`);
      expect(row.includes('part of the year')).toBe(c.partial);
    }
    // The context series is never drawn among the article's figures.
    expect($('#trade-chart .chart-mark').length).toBe(4);
  });

  it('index.html draws the deals and a year of trade on one zero-based scale, with the multiple computed', () => {
    $('#deal-size-chart svg').each((_, svg) => {
      const bars = $(svg).find('.chart-mark rect.chart-bar').toArray().map((r) => ({ x: num($(r).attr('x')), w: num($(r).attr('width')) }));
      expect(bars).toHaveLength(deals.deals.length + 1);
      const year = bars.at(-1)!;
      deals.deals.forEach((d: { valueUsdMillions: number }, i: number) => {
        expect(bars[i]!.x).toBe(year.x);
        expect(bars[i]!.w / year.w).toBeCloseTo(d.valueUsdMillions / last.valueUsdMillions, 1);
      });
      const zero = $(svg).find('text.chart-tick').filter((_, t) => $(t).text() === '$0');
      expect(zero).toHaveLength(1);
      expect($(svg).find('text').toArray().map((t) => $(t).text())).toEqual(expect.arrayContaining(['$10bn', '$2bn', `$${last.valueUsdMillions}M`]));
    });
    const multiple = Math.round(deals.deals[0].valueUsdMillions / last.valueUsdMillions);
    expect(text('#deal-size-chart .figure-title')).toContain(`about ${multiple} times a year’s trade`);
  });

  it('index.html frames each chart with a title, subtitle, notes, source and data links that exist', () => {
    for (const id of ['trade-chart', 'deal-size-chart']) {
      const fig = $(`#${id}`);
      expect(fig.find('.figure-title').text().trim().length).toBeGreaterThan(20);
      expect(fig.find('.figure-subtitle').text()).toMatch(/zero/);
      expect(fig.find('.figure-source').text()).toMatch(/^Source: The article \(“/);
      const links = fig.find('.figure-data a, .chart-json a').toArray().map((a) => $(a).attr('href')!);
      expect(links).toHaveLength(2);
      for (const href of links) expect(existsSync(distPath(href))).toBe(true);
      expect(fig.find('details.chart-table table th[scope="col"]').length).toBeGreaterThan(2);
    }
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
    expect(dcsv.map((r) => Number(r.valueUsdMillions))).toEqual(deals.deals.map((d: { valueUsdMillions: number }) => d.valueUsdMillions));
    expect(JSON.parse(readFileSync(distPath('data/deals.json'), 'utf8')).comparedWith.valueUsdMillions).toBe(last.valueUsdMillions);
  });

  it('index.html places each chart right after the paragraph it illustrates, inside its section', () => {
    const order = $('[data-para], figure[data-figure]').toArray().map((e) => $(e).attr('data-figure') ?? $(e).attr('id'));
    const before = (fig: string) => order.slice(0, order.indexOf(fig)).reverse().find((id) => $(`[id="${id}"]`).is('[data-para]'));
    expect(before('trade-chart')).toBe('trade-figures');
    expect(before('deal-size-chart')).toBe('north-south-extension');
    expect($('#trade-chart').closest('section').attr('data-section')).toBe($('#trade-figures').closest('section').attr('data-section'));
    expect($('#deal-size-chart').closest('section').attr('data-section')).toBe($('#north-south-extension').closest('section').attr('data-section'));
    expect($('[data-para] figure, [data-para] svg.chart-svg')).toHaveLength(0);
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
