import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dealLayout, type DealBarInput } from '../../../src/lib/charts/dealLayout';
import { deals, trade } from './data';

const year = trade.figures.at(-1)!;
const rows: DealBarInput[] = [
  ...deals.map((d) => ({ id: d.id, kind: 'headline' as const, valueUsdMillions: d.valueUsdMillions })),
  { id: 'trade', kind: 'trade', valueUsdMillions: year.valueUsdMillions },
];

describe('dealLayout', () => {
  it('dealLayout(rows) draws every bar in proportion on one scale from zero, the largest across the whole row', () => {
    const bars = dealLayout(rows);
    const t = bars.find((b) => b.id === 'trade')!;
    for (const r of rows) expect(bars.find((b) => b.id === r.id)!.width / t.width, r.id).toBeCloseTo(r.valueUsdMillions / year.valueUsdMillions, 1);
    expect(Math.max(...bars.map((b) => b.width))).toBe(100);
    expect(bars.map((b) => b.kind)).toEqual([...deals.map(() => 'headline'), 'trade']);
  });

  it('dealLayout(rows) keeps widths to two decimals, between 0 and 100 %, for any values', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1e9 }), (values, tradeValue) => {
      const bars = dealLayout([...values.map((v, i) => ({ id: `d${i}`, kind: 'headline' as const, valueUsdMillions: v })), { id: 't', kind: 'trade', valueUsdMillions: tradeValue }]);
      for (const b of bars) {
        expect(b.width).toBeGreaterThanOrEqual(0);
        expect(b.width).toBeLessThanOrEqual(100);
        expect(Math.round(b.width * 100) / 100).toBe(b.width);
      }
    }));
  });

  it('dealLayout(rows) needs one year of trade to set the headlines against, and values it can draw', () => {
    expect(() => dealLayout(rows.filter((r) => r.kind !== 'trade'))).toThrow(/exactly one year of trade to set the headlines against, got 0$/);
    expect(() => dealLayout([...rows, { id: 'again', kind: 'trade', valueUsdMillions: 1 }])).toThrow(/exactly one year of trade to set the headlines against, got 2$/);
    expect(() => dealLayout(rows.map((r) => ({ ...r, valueUsdMillions: 0 })))).toThrow(/above zero/);
    expect(() => dealLayout([...rows, { id: 'bad', kind: 'headline', valueUsdMillions: -5 }])).toThrow(/"bad" must be a number at least 0/);
  });
});
