// Absurd input for the chart and timeline layouts: zero, 10^12, very long and hostile labels, many rows.
// Each layout either refuses with a clear error or returns a drawing that stays inside its own box.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tradeLayout, TRADE_NARROW, TRADE_WIDE, type TradeBarInput } from '../../../src/lib/charts/tradeLayout';
import { dealLayout, DEAL_NARROW, DEAL_WIDE, type DealBarInput } from '../../../src/lib/charts/dealLayout';
import { timelineLayout, type TimelineLayout } from '../../../src/lib/charts/timelineLayout';
import type { ChartLayout } from '../../../src/lib/charts/dimensions';
import { textBox } from '../../../src/lib/charts/textBox';
import type { TimelineEvent } from '../../../src/schemas/timeline';

const RUNS = { numRuns: 150, seed: 20181001 };

/** Everything drawn must be a finite number inside the chart's own width and height. */
function outsideChart(layout: ChartLayout): string[] {
  const out: string[] = [];
  const inside = (key: string, x0: number, y0: number, x1: number, y1: number) => {
    if (![x0, y0, x1, y1].every(Number.isFinite)) out.push(`${key}: not a finite number`);
    else if (Math.min(x0, x1) < -0.01 || Math.min(y0, y1) < -0.01 || Math.max(x0, x1) > layout.width + 0.01 || Math.max(y0, y1) > layout.height + 0.01) out.push(`${key}: outside ${layout.width}×${layout.height}`);
  };
  for (const r of layout.rects) inside(`rect ${r.key}`, r.x, r.y, r.x + r.width, r.y + r.height);
  for (const l of layout.lines) inside(`line ${l.key}`, l.x1, l.y1, l.x2, l.y2);
  for (const t of layout.texts) { const b = textBox(t); inside(`text ${t.key} "${t.text.slice(0, 20)}"`, b.x0, b.y0, b.x1, b.y1); }
  for (const r of layout.rects) if (r.width < 0 || r.height < 0) out.push(`rect ${r.key}: negative size`);
  return out;
}

/** Every position on the strip must be a finite fraction of the span, and every event must be in a band. */
function outsideTimeline(layout: TimelineLayout, ids: string[]): string[] {
  const out: string[] = [];
  for (const m of layout.strip.marks) {
    for (const v of [m.at, m.from ?? 0, m.to ?? 1]) if (!(Number.isFinite(v) && v >= 0 && v <= 1)) out.push(`${m.id}: ${v} is not inside the span`);
  }
  const banded = layout.bands.flatMap((b) => (b.kind === 'year' ? b.marks.map((m) => m.id) : []));
  if ([...banded].sort().join() !== [...ids].sort().join()) out.push('the bands do not hold every event once');
  return out;
}

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '&amp;&lt;', '\u202Eevil', 'ＷＷＷＷＷＷ', '💥💥💥'];
/** Labels up to the longest the schemas let through (longer ones stop the build, as tests/unit/hostile/data.test.ts shows). */
const label = (max: number) => fc.oneof(
  fc.string({ minLength: 1, maxLength: max }),
  fc.constantFrom(...HOSTILE.filter((h) => h.length <= max)),
  fc.integer({ min: 1, max }).map((n) => 'W'.repeat(n)),
);
// US$ millions from zero to 10^12 (a trillion times a million), in whole cents of a million.
const money = fc.oneof(fc.constantFrom(0, 0.01, 1, 1e12), fc.integer({ min: 0, max: 1e14 }).map((c) => c / 100));

/** A clear refusal: an error of the layout's own, saying what is wrong, not a crash on undefined or a hang. */
function refusal(error: unknown): boolean {
  return error instanceof Error && !(error instanceof TypeError) && /\b(needs?|must|too|got|above|at least|exactly)\b/.test(error.message);
}

describe('chart layouts under absurd values', () => {
  it('tradeLayout(rows, dims) with zero, 10^12 and long labels refuses clearly or stays inside the chart', () => {
    // The chart's label is the period in quotes (at most 24 characters), its sublabel the likely period (at most 40).
    const row = fc.record({ label: label(24).map((p) => `“${p}”`), valueUsdMillions: money, sublabel: fc.option(label(40), { nil: undefined }) });
    fc.assert(fc.property(fc.array(row, { minLength: 2, maxLength: 6 }), fc.constantFrom(TRADE_NARROW, TRADE_WIDE), (rows, dims) => {
      const inputs: TradeBarInput[] = rows.map((r, i) => ({ id: `r${i}`, ...r }));
      let layout;
      try { layout = tradeLayout(inputs, dims); } catch (e) { expect(refusal(e), String(e)).toBe(true); return; }
      expect(outsideChart(layout)).toEqual([]);
    }), RUNS);
  });

  it('tradeLayout(rows, dims) keeps bars in proportion at 10^12 and refuses to measure growth from zero', () => {
    const layout = tradeLayout([{ id: 'a', label: 'a', valueUsdMillions: 2.5e11 }, { id: 'b', label: 'b', valueUsdMillions: 1e12 }], TRADE_WIDE);
    expect(outsideChart(layout)).toEqual([]);
    const [a, b] = layout.bars;
    expect(a!.height / b!.height).toBeCloseTo(0.25, 2);
    expect(() => tradeLayout([{ id: 'a', label: 'a', valueUsdMillions: 0 }, { id: 'b', label: 'b', valueUsdMillions: 1 }], TRADE_WIDE)).toThrow(/positive/);
  });

  it('dealLayout(rows, dims) with zero, 10^12 and long labels refuses clearly or stays inside the chart', () => {
    const row = fc.record({ label: label(32), valueUsdMillions: money, sublabel: fc.option(label(40), { nil: undefined }) });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), money, fc.constantFrom(DEAL_NARROW, DEAL_WIDE), (rows, benchmark, dims) => {
      const inputs: DealBarInput[] = [...rows.map((r, i) => ({ id: `d${i}`, ...r })), { id: 'bm', label: 'A year’s trade', valueUsdMillions: benchmark, benchmark: true }];
      let layout;
      try { layout = dealLayout(inputs, dims); } catch (e) { expect(refusal(e), String(e)).toBe(true); return; }
      expect(outsideChart(layout)).toEqual([]);
      // Markers of the benchmark's length stay few enough to draw and count.
      expect(layout.lines.length).toBeLessThan(2000);
    }), RUNS);
  });
});

describe('timeline layout under absurd values', () => {
  const DAY = 86_400_000;
  const day = fc.integer({ min: 0, max: 3270 }).map((n) => new Date(Date.UTC(2010, 0, 1) + n * DAY).toISOString().slice(0, 10));
  // The schema allows titles of 3 to 60 characters; these are the worst of them.
  const title = fc.oneof(
    fc.integer({ min: 3, max: 60 }).map((n) => 'W'.repeat(n)),
    fc.constantFrom(...HOSTILE),
    fc.string({ minLength: 3, maxLength: 60 }).filter((s) => s.trim().length >= 3),
  );
  const event = fc.record({ title, day, category: fc.constantFrom('diplomacy', 'defence', 'security', 'energy', 'trade') as fc.Arbitrary<TimelineEvent['category']> });

  it('timelineLayout(events) keeps unbroken 60-character titles, hostile text and piles of same-day events, each once, inside the span', () => {
    fc.assert(fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, sameDay) => {
      const evs = rows.map((r, i) => ({ id: `e${i}`, title: r.title, category: r.category, date: sameDay ? '2015-06-01' : r.day, precision: 'day' as const }));
      let layout;
      try { layout = timelineLayout(evs); } catch (e) { expect(refusal(e), String(e)).toBe(true); return; }
      expect(layout.strip.marks).toHaveLength(evs.length);
      expect(outsideTimeline(layout, evs.map((e) => e.id))).toEqual([]);
    }), { numRuns: 60, seed: 20181001 });
  });
});
