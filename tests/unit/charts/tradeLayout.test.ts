import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tradeLayout, TRADE_PLOT_EM, type TradeBarInput } from '../../../src/lib/charts/tradeLayout';
import { fluidClashes, fluidTextBox, MIN_WIDTH_EM, CHART_WIDTHS_EM } from '../../../src/lib/charts/fitFluid';
import { trade } from './data';

const rows: TradeBarInput[] = trade.figures.map((f) => ({ id: f.id, valueUsdMillions: f.valueUsdMillions }));
const [first, last] = [trade.figures[0]!, trade.figures[1]!];
const layoutOf = () => tradeLayout(rows);

describe('tradeLayout', () => {
  it('tradeLayout(rows) keeps columns in exact proportion to value, the tallest TRADE_PLOT_EM ems', () => {
    const layout = layoutOf();
    const [a, b] = layout.bars;
    // Heights are rounded to hundredths of an em (a fifth of a pixel at most).
    expect(b!.height / a!.height).toBeCloseTo(last.valueUsdMillions / first.valueUsdMillions, 2);
    expect(Math.max(a!.height, b!.height)).toBe(TRADE_PLOT_EM);
    // Both on one scale: value per em is the same for each column.
    expect(Math.abs((a!.valueUsdMillions / a!.height) / (b!.valueUsdMillions / b!.height) - 1)).toBeLessThan(0.002);
  });

  it('tradeLayout(rows) starts every column at a zero baseline drawn across the chart', () => {
    const layout = layoutOf();
    for (const bar of layout.bars) expect(bar.y + bar.height).toBeCloseTo(layout.baselineEm, 2);
    expect(layout.lines.find((l) => l.key === 'baseline')).toMatchObject({ x1: 0, x2: 100, y1: layout.baselineEm, y2: layout.baselineEm });
    expect(layout.heightEm).toBeGreaterThan(layout.baselineEm);
  });

  it('tradeLayout(rows) centres the columns in equal shares of the width, so labels in equal columns under them line up', () => {
    const layout = layoutOf();
    layout.bars.forEach((b, i) => expect(b.x + b.width / 2).toBeCloseTo(((i + 0.5) / layout.bars.length) * 100, 1));
  });

  it('tradeLayout(rows) labels each column with its value and the last with the change the data implies', () => {
    const layout = layoutOf();
    const values = layout.texts.filter((t) => t.className === 'chart-value').map((t) => t.text);
    expect(values).toEqual(trade.figures.map((f) => `$${f.valueUsdMillions}M`));
    const delta = last.valueUsdMillions - first.valueUsdMillions;
    const percent = (delta / first.valueUsdMillions) * 100;
    expect(layout.growth.deltaUsdMillions).toBe(delta);
    expect(layout.growth.percent).toBe(percent);
    expect(layout.growthLabel).toBe(`+$${delta}M (+${percent.toFixed(1)}\u00a0%)`);
    // The change in dollars above its percentage, above the column's value.
    const stacked = layout.texts.filter((t) => t.className !== 'chart-value' || t.key.endsWith(last.id)).sort((p, q) => p.y - q.y).map((t) => t.text);
    expect(stacked).toEqual([`+$${delta}M`, `+${percent.toFixed(1)}\u00a0%`, `$${last.valueUsdMillions}M`]);
    const increase = layout.rects.find((r) => r.key === 'increase')!;
    expect(increase.height / layout.bars[1]!.height).toBeCloseTo(delta / last.valueUsdMillions, 3);
    expect(increase.className).toContain('chart-bar--increase');
  });

  it('tradeLayout(rows) keeps every label inside the chart and clear of the others and of the columns, from its narrowest to any width', () => {
    const layout = layoutOf();
    expect(layout.minWidthEm).toBe(MIN_WIDTH_EM);
    expect(fluidClashes(layout, [...CHART_WIDTHS_EM, 12, 17, 24, 40, 80])).toEqual([]);
  });

  it('tradeLayout(rows) nudges a label only as far as the narrowest chart needs, and lets it stand centred on its column once the chart is wide enough', () => {
    const layout = layoutOf();
    for (const t of layout.texts) {
      const box = fluidTextBox(t, MIN_WIDTH_EM);
      if (t.dx > 0) expect(box.x0).toBeCloseTo(0, 1);
      if (t.dx < 0) expect(box.x1).toBeCloseTo(MIN_WIDTH_EM, 1);
      if (t.dx !== 0) {
        expect(t.unnudgedFromEm).toBeDefined();
        const wide = fluidTextBox(t, t.unnudgedFromEm!);
        expect((wide.x0 + wide.x1) / 2).toBeCloseTo((t.x / 100) * t.unnudgedFromEm!, 5);
      }
    }
    expect(layout.texts.some((t) => t.dx !== 0)).toBe(true);
  });

  it('tradeLayout(rows) rounds coordinates to two decimals', () => {
    const layout = layoutOf();
    const numbers = [...layout.rects.flatMap((r) => [r.x, r.y, r.width, r.height]), ...layout.texts.flatMap((t) => [t.x, t.y, t.dx]), layout.heightEm];
    for (const n of numbers) expect(Math.round(n * 100) / 100).toBe(n);
  });

  it('tradeLayout(rows) stays in proportion, in bounds and clear for any two positive values', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (a, b) => {
      const l = tradeLayout(rows.map((r, i) => ({ ...r, valueUsdMillions: i === 0 ? a : b })));
      const [x, y] = l.bars;
      // Two-decimal rounding limits the precision of very short columns.
      expect(Math.abs(y!.height * a - x!.height * b)).toBeLessThanOrEqual(0.005 * (a + b));
      expect(fluidClashes(l)).toEqual([]);
    }), { numRuns: 200 });
  });

  it('tradeLayout(rows) refuses fewer than two figures, and growth from nothing', () => {
    expect(() => tradeLayout(rows.slice(0, 1))).toThrow(/two figures/);
    expect(() => tradeLayout([{ id: 'a', valueUsdMillions: 0 }, { id: 'b', valueUsdMillions: 1 }])).toThrow(/positive/);
  });
});

describe('tradeLayout, rule by rule', () => {
  const texts = (l: ReturnType<typeof tradeLayout>) => Object.fromEntries(l.texts.map((t) => [t.key, t]));

  it('tradeLayout(rows) of three years labels each column with its value and the last with the change since the first', () => {
    const three: TradeBarInput[] = [{ id: 'a', valueUsdMillions: 400 }, { id: 'b', valueUsdMillions: 800 }, { id: 'c', valueUsdMillions: 500 }];
    const l = tradeLayout(three);
    const [from, to] = [three[0]!.valueUsdMillions, three.at(-1)!.valueUsdMillions];
    expect(l.growth.deltaUsdMillions).toBe(to - from);
    const t = texts(l);
    expect(Object.keys(t).sort()).toEqual(['growth', 'growth-percent', 'value-a', 'value-b', 'value-c']);
    // The change stands over the last column, not the middle one.
    const last = l.bars.at(-1)!;
    for (const key of ['growth', 'growth-percent']) expect(t[key]!.x).toBe(Math.round((last.x + last.width / 2) * 100) / 100);
    expect(t.growth!.text).toBe(`+$${to - from}M`);
    expect(t['growth-percent']!.text).toBe(`+${(((to - from) / from) * 100).toFixed(1)}\u00a0%`);
    // The increase is hatched on the last column, from the first column's height up.
    const increase = l.rects.find((r) => r.key === 'increase')!;
    expect(increase.x).toBe(last.x);
    expect(increase.y + increase.height).toBeCloseTo(l.bars[0]!.y, 2);
  });

  it('tradeLayout(rows) sets each value just above its own column, not above a taller neighbour', () => {
    const l = tradeLayout(rows);
    const t = texts(l);
    for (const bar of l.bars) {
      const label = t[`value-${bar.id}`]!;
      // The baseline sits above the column's top by less than half an em: the text's descenders clear it.
      expect(bar.y - label.y, bar.id).toBeGreaterThan(0.25);
      expect(bar.y - label.y, bar.id).toBeLessThan(0.5);
    }
    // The change's labels stack above the last column's value, a line apart.
    expect(t['growth-percent']!.y).toBeLessThan(t[`value-${rows.at(-1)!.id}`]!.y - 1);
    expect(t.growth!.y).toBeLessThan(t['growth-percent']!.y - 1);
  });

  it('tradeLayout(rows) gives every mark a distinct key and its class: columns, increase, baseline and reference', () => {
    const l = tradeLayout(rows);
    const keys = [...l.rects, ...l.lines, ...l.texts].map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of l.rects.filter((x) => x.key !== 'increase')) expect(r.className).toBe('chart-bar chart-bar--trade');
    expect(l.rects.find((r) => r.key === 'increase')!.className).toBe('chart-bar chart-bar--increase');
    expect(l.lines.find((x) => x.key === 'baseline')!.className).toBe('chart-baseline');
    const [a, b] = [l.bars[0]!, l.bars.at(-1)!];
    // The reference line runs at the first column's height from its left edge to the last column's right edge.
    expect(l.lines.find((x) => x.key === 'reference')).toEqual({ key: 'reference', x1: a.x, x2: Math.round((b.x + b.width) * 100) / 100, y1: a.y, y2: a.y, className: 'chart-reference' });
    expect(l.texts.every((x) => x.className === (x.key.startsWith('value-') ? 'chart-value' : 'chart-annotation'))).toBe(true);
  });

  it('tradeLayout(rows) draws no increase and no reference line where trade did not grow', () => {
    for (const [from, to] of [[500, 500], [541, 400]] as const) {
      const l = tradeLayout([{ id: 'a', valueUsdMillions: from }, { id: 'b', valueUsdMillions: to }]);
      expect(l.rects.map((r) => r.key), `${from} → ${to}`).toEqual(['a', 'b']);
      expect(l.lines.map((r) => r.key), `${from} → ${to}`).toEqual(['baseline']);
    }
  });

  it('tradeLayout(rows) leaves out a percentage too wide for the narrowest chart, keeping it in the growth label', () => {
    const l = tradeLayout([{ id: 'a', valueUsdMillions: 1 }, { id: 'b', valueUsdMillions: 99_999 }]);
    expect(l.texts.map((t) => t.key)).not.toContain('growth-percent');
    expect(l.texts.find((t) => t.key === 'growth')!.text).toBe(l.growthLabel.split(' (')[0]);
    expect(l.growthLabel).toMatch(/\(\+[\d,.]+\u00a0%\)$/);
  });

  it('tradeLayout(rows) refuses a chart too narrow for the change in dollars, naming the label and the widths', () => {
    const delta = fluidTextBox({ key: 'g', x: 50, dx: 0, y: 0, text: '+$141M', anchor: 'middle', bold: true, className: '' }, 10);
    const needs = delta.x1 - delta.x0;
    expect(() => tradeLayout(rows, { minWidthEm: needs - 0.1 })).toThrow(new RangeError(`the label "+$141M" is too wide for the trade chart: it needs ${needs.toFixed(1)} em and the chart may be ${needs - 0.1} em wide`));
  });
});
