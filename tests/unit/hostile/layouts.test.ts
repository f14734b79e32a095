// Absurd input for the chart and timeline layouts: zero, 10^12, very long and hostile labels, many rows.
// Each layout either refuses with a clear error or returns a drawing that stays inside its own box.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { USD_MILLIONS_MAX } from '../../../src/schemas/source';
import { tradeLayout, type TradeBarInput } from '../../../src/lib/charts/tradeLayout';
import { dealLayout, type DealBarInput } from '../../../src/lib/charts/dealLayout';
import { fluidClashes } from '../../../src/lib/charts/fitFluid';
import { timelineLayout, type TimelineLayout } from '../../../src/lib/charts/timelineLayout';
import type { TimelineEvent } from '../../../src/schemas/timeline';

const RUNS = { numRuns: 150, seed: 20181001 };

/** Every mark a finite number inside the chart: across within 0–100 %, down within its height. */
function outsideChart(layout: ReturnType<typeof tradeLayout>): string[] {
  const out: string[] = [];
  const inside = (key: string, x0: number, y0: number, x1: number, y1: number) => {
    if (![x0, y0, x1, y1].every(Number.isFinite)) out.push(`${key}: not a finite number`);
    else if (Math.min(x0, x1) < -0.01 || Math.min(y0, y1) < -0.01 || Math.max(x0, x1) > 100.01 || Math.max(y0, y1) > layout.heightEm + 0.01) out.push(`${key}: outside the chart`);
  };
  for (const r of layout.rects) inside(`rect ${r.key}`, r.x, r.y, r.x + r.width, r.y + r.height);
  for (const l of layout.lines) inside(`line ${l.key}`, l.x1, l.y1, l.x2, l.y2);
  for (const r of layout.rects) if (r.width < 0 || r.height < 0) out.push(`rect ${r.key}: negative size`);
  return [...out, ...fluidClashes(layout)];
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
// US$ millions from zero to 10^12 (a trillion times a million), in whole cents of a million.
const money = fc.oneof(fc.constantFrom(0, 0.01, 1, 1e12), fc.integer({ min: 0, max: 1e14 }).map((c) => c / 100));

/** A clear refusal: an error of the layout's own, saying what is wrong, not a crash on undefined or a hang. */
function refusal(error: unknown): boolean {
  return error instanceof Error && !(error instanceof TypeError) && /\b(needs?|must|too|got|above|at least|exactly)\b/.test(error.message);
}

describe('chart layouts under absurd values', () => {
  it('tradeLayout(rows) with zero, 10^12 and many figures refuses clearly or stays inside the chart, labels apart', () => {
    fc.assert(fc.property(fc.array(money, { minLength: 2, maxLength: 6 }), (values) => {
      const inputs: TradeBarInput[] = values.map((v, i) => ({ id: `r${i}`, valueUsdMillions: v }));
      let layout;
      try { layout = tradeLayout(inputs); } catch (e) { expect(refusal(e), String(e)).toBe(true); return; }
      expect(outsideChart(layout)).toEqual([]);
    }), RUNS);
  });

  it("tradeLayout(rows) keeps columns in proportion at the schema's largest sum and refuses to measure growth from zero", () => {
    const layout = tradeLayout([{ id: 'a', valueUsdMillions: USD_MILLIONS_MAX / 4 }, { id: 'b', valueUsdMillions: USD_MILLIONS_MAX }]);
    expect(outsideChart(layout)).toEqual([]);
    const [a, b] = layout.bars;
    expect(a!.height / b!.height).toBeCloseTo(0.25, 2);
    expect(() => tradeLayout([{ id: 'a', valueUsdMillions: 0 }, { id: 'b', valueUsdMillions: 1 }])).toThrow(/positive/);
  });

  it('dealLayout(rows) with zero and 10^12 refuses clearly or keeps every bar within its row', () => {
    fc.assert(fc.property(fc.array(money, { minLength: 1, maxLength: 5 }), money, (values, benchmark) => {
      const inputs: DealBarInput[] = [...values.map((v, i) => ({ id: `d${i}`, kind: 'headline' as const, valueUsdMillions: v })), { id: 'bm', kind: 'trade', valueUsdMillions: benchmark }];
      let bars;
      try { bars = dealLayout(inputs); } catch (e) { expect(refusal(e), String(e)).toBe(true); return; }
      for (const b of bars) expect(Number.isFinite(b.width) && b.width >= 0 && b.width <= 100, b.id).toBe(true);
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
