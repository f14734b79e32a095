import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tradeLayout, TRADE_NARROW, TRADE_WIDE, type TradeBarInput } from '../../../src/lib/charts/tradeLayout';
import { trade } from './data';
import { labelProblems } from './bounds';

const rows: TradeBarInput[] = trade.figures.map((f) => ({ id: f.id, label: `“${f.period}”`, sublabel: f.likelyPeriod, valueUsdMillions: f.valueUsdMillions }));
const [first, last] = [trade.figures[0]!, trade.figures[1]!];
const SIZES = { narrow: TRADE_NARROW, wide: TRADE_WIDE };

describe('tradeLayout', () => {
  for (const [name, dims] of Object.entries(SIZES)) {
    const layout = tradeLayout(rows, dims);

    it(`tradeLayout(rows, ${name}) keeps bars in exact proportion to value`, () => {
      const [a, b] = layout.bars;
      expect(b!.height / a!.height).toBeCloseTo(last.valueUsdMillions / first.valueUsdMillions, 3);
      // Both heights on one scale: value per pixel is the same for each bar.
      expect(a!.valueUsdMillions / a!.height).toBeCloseTo(b!.valueUsdMillions / b!.height, 2);
    });

    it(`tradeLayout(rows, ${name}) starts every bar at a zero baseline`, () => {
      expect(layout.ticks[0]).toMatchObject({ value: 0, label: '$0', y: layout.baselineY });
      for (const bar of layout.bars) expect(bar.y + bar.height).toBeCloseTo(layout.baselineY, 2);
      expect(layout.baselineY).toBe(dims.height - dims.marginBottom);
    });

    it(`tradeLayout(rows, ${name}) labels ticks and bars as a reader expects`, () => {
      for (const t of layout.ticks) expect(t.label).toMatch(/^\$(0|\d+M)$/);
      const values = layout.texts.filter((t) => t.className === 'chart-value').map((t) => t.text);
      expect(values).toEqual(trade.figures.map((f) => `$${f.valueUsdMillions}M`));
      expect(layout.ticks.at(-1)!.value).toBeGreaterThanOrEqual(last.valueUsdMillions);
    });

    it(`tradeLayout(rows, ${name}) computes the growth from the data`, () => {
      const delta = last.valueUsdMillions - first.valueUsdMillions;
      const percent = (delta / first.valueUsdMillions) * 100;
      expect(layout.growth.deltaUsdMillions).toBe(delta);
      expect(layout.growth.percent).toBe(percent);
      expect(layout.growthLabel).toBe(`+$${delta}M (+${percent.toFixed(1)}\u00a0%)`);
      const increase = layout.rects.find((r) => r.key === 'increase')!;
      expect(increase.height / layout.bars[1]!.height).toBeCloseTo(delta / last.valueUsdMillions, 3);
    });

    it(`tradeLayout(rows, ${name}) keeps every label inside the chart and clear of the others`, () => {
      expect(labelProblems(layout)).toEqual([]);
    });

    it(`tradeLayout(rows, ${name}) rounds coordinates to two decimals`, () => {
      const numbers = [...layout.rects.flatMap((r) => [r.x, r.y, r.width, r.height]), ...layout.texts.flatMap((t) => [t.x, t.y])];
      for (const n of numbers) expect(Math.round(n * 100) / 100).toBe(n);
    });
  }

  it('tradeLayout(rows, dims) stays in proportion and in bounds for any two positive values', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (a, b) => {
      const input = rows.map((r, i) => ({ ...r, valueUsdMillions: i === 0 ? a : b }));
      for (const dims of Object.values(SIZES)) {
        const l = tradeLayout(input, dims);
        const [x, y] = l.bars;
        // Two-decimal rounding limits the precision of very short bars: each height is within half a hundredth,
        // so the cross products differ by at most 0.005 (a + b), give or take the float arithmetic of the check.
        expect(Math.abs(y!.height * a - x!.height * b)).toBeLessThanOrEqual(0.005 * (a + b) + 1e-9);
        expect(labelProblems(l).filter((p) => p.includes('leaves'))).toEqual([]);
      }
    }), { numRuns: 200 });
  });

  it('tradeLayout(rows, dims) refuses fewer than two figures', () => {
    expect(() => tradeLayout(rows.slice(0, 1), TRADE_NARROW)).toThrow(/two figures/);
  });
});
