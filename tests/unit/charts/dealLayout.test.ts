import { describe, expect, it } from 'vitest';
import { dealLayout, DEAL_NARROW, DEAL_WIDE, type DealBarInput } from '../../../src/lib/charts/dealLayout';
import { deals, trade } from './data';
import { labelProblems } from './bounds';

const year = trade.figures.at(-1)!;
const rows: DealBarInput[] = [
  ...deals.map((d) => ({ id: d.id, label: d.label, sublabel: 'about 18× a year’s trade', valueUsdMillions: d.valueUsdMillions })),
  { id: 'trade', label: 'A year’s trade', sublabel: `the article’s “${year.period}”`, valueUsdMillions: year.valueUsdMillions, benchmark: true },
];
const SIZES = { narrow: DEAL_NARROW, wide: DEAL_WIDE };

describe('dealLayout', () => {
  for (const [name, dims] of Object.entries(SIZES)) {
    const layout = dealLayout(rows, dims);
    const bar = (id: string) => layout.bars.find((b) => b.id === id)!;

    it(`dealLayout(rows, ${name}) draws every bar in proportion on one zero-based axis`, () => {
      for (const r of rows) {
        expect(bar(r.id).x).toBe(layout.zeroX);
        expect(bar(r.id).width / bar('trade').width).toBeCloseTo(r.valueUsdMillions / year.valueUsdMillions, 1);
      }
      expect(layout.ticks[0]).toMatchObject({ value: 0, label: '$0', x: layout.zeroX });
    });

    it(`dealLayout(rows, ${name}) gives each deal its multiple of a year's trade and marks each whole year`, () => {
      for (const d of deals) {
        expect(layout.multiples[d.id]).toBe(d.valueUsdMillions / year.valueUsdMillions);
        const units = layout.lines.filter((l) => l.key.startsWith(`unit-${d.id}-`));
        expect(units).toHaveLength(Math.ceil(d.valueUsdMillions / year.valueUsdMillions) - 1);
        // Consecutive marks are one year's trade apart.
        const step = units[1]!.x1 - units[0]!.x1;
        expect(step / bar(d.id).width).toBeCloseTo(year.valueUsdMillions / d.valueUsdMillions, 3);
      }
      expect(Math.round(layout.multiples['offshore-gas-pipeline']!)).toBe(18);
    });

    it(`dealLayout(rows, ${name}) labels ticks and values as $…M and $…bn`, () => {
      for (const t of layout.ticks) expect(t.label).toMatch(/^\$(0|\d+(\.\d+)?bn|\d+M)$/);
      const values = Object.fromEntries(layout.texts.filter((t) => t.className === 'chart-value').map((t) => [t.key.replace('value-', ''), t.text]));
      for (const d of deals) expect(values[d.id]).toBe(`$${d.valueUsdMillions / 1000}bn`);
      expect(values.trade).toBe(`$${year.valueUsdMillions}M`);
      expect(layout.ticks.at(-1)!.value).toBeGreaterThanOrEqual(Math.max(...rows.map((r) => r.valueUsdMillions)));
    });

    it(`dealLayout(rows, ${name}) keeps every label inside the chart and clear of the others`, () => {
      expect(labelProblems(layout)).toEqual([]);
    });
  }

  it('dealLayout(rows, dims) needs exactly one benchmark and room for its rows', () => {
    expect(() => dealLayout(rows.map((r) => ({ ...r, benchmark: false })), DEAL_NARROW)).toThrow(/exactly one benchmark/);
    expect(() => dealLayout(rows, { ...DEAL_NARROW, height: 80 })).toThrow(/too short/);
  });
});
