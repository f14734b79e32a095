import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parseTimeline, type TimelineEvent } from '../../../src/schemas/timeline';
import { markExtent, timelineLayout, STRIP_LANE_WIDTHS_PX, STRIP_MAX_LANE, STRIP_SYMBOL_PX, type StripMark } from '../../../src/lib/charts/timelineLayout';
import { symbolHalfWidth } from '../../../src/lib/charts/timeline/categorySymbol';

const timelineCss = readFileSync(resolve(import.meta.dirname, '../../../src/styles/timeline.css'), 'utf8');

const FILE = resolve(import.meta.dirname, '../../../content/data/timeline.yaml');
const events = parseTimeline(readFileSync(FILE, 'utf8'), 'content/data/timeline.yaml');
const DAY = 86_400_000;

const overlap = (a: StripMark, b: StripMark, width: number) => {
  const [a0, a1] = markExtent(a, width), [b0, b1] = markExtent(b, width);
  return a0 < b1 && b0 < a1;
};

/** Every way the lanes at each width fail: two marks that overlap in one lane (above the last), or a mark lower than it had to go. */
function laneProblems(marks: StripMark[]): string[] {
  const out: string[] = [];
  STRIP_LANE_WIDTHS_PX.forEach((width, w) => {
    for (const m of marks) {
      const lane = m.lanes[w]!;
      if (lane < 0 || lane > STRIP_MAX_LANE) out.push(`${m.id}: lane ${lane} at ${width} px`);
      for (const o of marks) if (o !== m && o.lanes[w] === lane && lane < STRIP_MAX_LANE && overlap(m, o, width) && m.id < o.id) out.push(`${m.id} × ${o.id} in lane ${lane} at ${width} px`);
      // Each lane above its own holds a mark it would cover: it went no lower than it had to.
      for (let k = 0; k < lane; k++) if (!marks.some((o) => o !== m && o.lanes[w] === k && overlap(m, o, width))) out.push(`${m.id}: lane ${lane} at ${width} px, but lane ${k} had room`);
    }
  });
  return out;
}

const day = (n: number) => new Date(Date.UTC(2010, 0, 1) + n * DAY).toISOString().slice(0, 10);

describe('the strip\'s lanes', () => {
  it('timelineLayout gives each mark a lane at every lane width: none overlaps another in its lane, none goes lower than it must, and the article\'s crowded years use them', () => {
    const { strip } = timelineLayout(events);
    expect(strip.marks.every((m) => m.lanes.length === STRIP_LANE_WIDTHS_PX.length)).toBe(true);
    expect(laneProblems(strip.marks)).toEqual([]);
    // The events of 2016–2018 crowd a phone's strip: some go below the axis there.
    expect(Math.max(...strip.marks.map((m) => m.lanes[0]!))).toBeGreaterThan(0);
  });

  it('keeps a mark on the axis when nothing is near it, and lowers marks on one day one lane each, down to the last lane', () => {
    const alone = timelineLayout([
      { id: 'a', title: 'A', category: 'trade', date: '2010-01-10', precision: 'day' },
      { id: 'b', title: 'B', category: 'trade', date: '2018-12-20', precision: 'day' },
    ]);
    expect(alone.strip.marks.map((m) => m.lanes)).toEqual([STRIP_LANE_WIDTHS_PX.map(() => 0), STRIP_LANE_WIDTHS_PX.map(() => 0)]);
    const crowd = timelineLayout(Array.from({ length: STRIP_MAX_LANE + 4 }, (_, i) => ({ id: `e${i}`, title: `E${i}`, category: 'defence' as const, date: '2014-06-01', precision: 'day' as const })), { span: { from: 2010, to: 2018 } });
    const lanes = crowd.strip.marks.map((m) => m.lanes[0]!).sort((a, b) => a - b);
    expect(lanes.slice(0, STRIP_MAX_LANE + 1)).toEqual(Array.from({ length: STRIP_MAX_LANE + 1 }, (_, i) => i));
    expect(Math.max(...lanes)).toBe(STRIP_MAX_LANE);
  });

  it('for any events: lanes that clear, go no lower than they must, and never more of them on a wider strip', () => {
    const anyEvent = fc.record({ n: fc.integer({ min: 0, max: 3_200 }), length: fc.integer({ min: 0, max: 60 }), category: fc.constantFrom('diplomacy', 'defence', 'security', 'energy', 'trade') as fc.Arbitrary<TimelineEvent['category']> });
    fc.assert(fc.property(fc.array(anyEvent, { minLength: 1, maxLength: 30 }), (rows) => {
      const layout = timelineLayout(rows.map((r, i) => (r.length === 0
        ? { id: `e${String(i).padStart(2, '0')}`, title: 'E', category: r.category, date: day(r.n), precision: 'day' as const }
        : { id: `e${String(i).padStart(2, '0')}`, title: 'E', category: r.category, start: day(r.n), end: day(r.n + r.length) })), { span: { from: 2010, to: 2018 } });
      expect(laneProblems(layout.strip.marks)).toEqual([]);
      const depth = STRIP_LANE_WIDTHS_PX.map((_, w) => Math.max(...layout.strip.marks.map((m) => m.lanes[w]!)));
      depth.forEach((d, w) => { if (w > 0 && d < STRIP_MAX_LANE) expect(d).toBeLessThanOrEqual(depth[w - 1]!); });
    }), { numRuns: 300 });
  });

  it('timeline.css has a rule for every lane at every width the lanes are worked out for, from that width up', () => {
    const missing: string[] = [];
    STRIP_LANE_WIDTHS_PX.forEach((width, w) => {
      // The narrowest width's rules stand outside any container query; the others' inside their own.
      const block = w === 0 ? timelineCss : /@container timeline-strip \(min-width: (\d+)px\) \{([^}]*\}[^@]*)/g[Symbol.matchAll](timelineCss).find((m) => Number(m[1]) === width)?.[2] ?? '';
      for (let lane = 1; lane <= STRIP_MAX_LANE; lane++) {
        if (!new RegExp(`\\.timeline-strip-mark--lane-${lane}-${width} \\{ --lane: ${lane}; \\}`).test(block)) missing.push(`mark, lane ${lane} at ${width} px`);
        if (!new RegExp(`\\.timeline-strip--lane-${lane}-${width} \\{ --lanes: ${lane}; \\}`).test(block)) missing.push(`strip, lane ${lane} at ${width} px`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('symbolHalfWidth measures the outline D3 draws: the square\'s half side, the circle\'s radius, the star wider than the square', () => {
    expect(symbolHalfWidth('defence')).toBeCloseTo(Math.sqrt(64) / 2, 5);
    expect(symbolHalfWidth('diplomacy')).toBeCloseTo(Math.sqrt(64 / Math.PI), 5);
    expect(symbolHalfWidth('trade')).toBeGreaterThan(symbolHalfWidth('defence'));
    // Every symbol fits the box it is drawn in on the strip.
    for (const c of ['diplomacy', 'defence', 'security', 'energy', 'trade'] as const) expect((symbolHalfWidth(c) * STRIP_SYMBOL_PX) / 16).toBeLessThanOrEqual(STRIP_SYMBOL_PX / 2);
  });
});
