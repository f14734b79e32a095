// The timeline layout swept across every width and every week: exhaustive property tests that take seconds, kept in
// their own file so that `npm run mutate` (stryker.config.mjs) can leave them out of each mutant's run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TimelineEvent } from '../../../src/schemas/timeline';
import { timelineLayout, symbolColumns, TIMELINE_START, TIMELINE_END, type Orientation } from '../../../src/lib/charts/timelineLayout';
import { collisions, DAY, dimsAt, events, leaderClashes, outside, symbolClashes, utcOf } from './timelineChecks';

describe('timelineLayout sweeps', () => {
  it('timelineLayout(rows, dims, orientation) never overlaps labels or symbols at any width from 280 to 1600 px, for any set of events', () => {
    const day = fc.integer({ min: 0, max: (TIMELINE_END - TIMELINE_START) / DAY - 20 }).map((n) => new Date(TIMELINE_START + n * DAY).toISOString().slice(0, 10));
    const row = fc.record({
      title: fc.array(fc.constantFrom('Summit', 'in', 'Moscow', 'Druzhba', 'pipeline', 'agreement', 'WWW', 'Mi-35', '$541m'), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
      category: fc.constantFrom('diplomacy', 'defence', 'security', 'energy', 'trade') as fc.Arbitrary<TimelineEvent['category']>,
      day,
      kind: fc.constantFrom('day', 'month', 'year', 'range'),
      length: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.integer({ min: 280, max: 1600 }), fc.constantFrom('horizontal', 'vertical') as fc.Arbitrary<Orientation>, (rows, width, orientation) => {
        const evs = rows.map((r, i) => {
          const base = { id: `e${i}`, title: r.title, category: r.category };
          if (r.kind === 'range') return { ...base, start: r.day, end: new Date(utcOf(r.day) + r.length * DAY).toISOString().slice(0, 10) };
          if (r.kind === 'day') return { ...base, date: r.day, precision: 'day' as const };
          if (r.kind === 'month') return { ...base, date: r.day.slice(0, 7), precision: 'month' as const };
          return { ...base, date: r.day.slice(0, 4), precision: 'year' as const };
        });
        const layout = timelineLayout(evs, dimsAt(orientation, width), orientation);
        expect(collisions(layout)).toEqual([]);
        // Symbols only meet once every column the width allows is taken, as by a dozen events in one week.
        const columns = new Set(layout.marks.map((m) => m.x)).size;
        if (orientation === 'horizontal' || columns < symbolColumns(dimsAt(orientation, width))) {
          expect(symbolClashes(layout)).toEqual([]);
          expect(leaderClashes(layout)).toEqual([]);
        }
        expect(outside(layout)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('timelineLayout(events, dims, "vertical") keeps every leader clear of other symbols when one event is added on any week of 2010–2018', () => {
    const dims = dimsAt('vertical', 320);
    const clashes: string[] = [];
    for (let t = TIMELINE_START; t < TIMELINE_END; t += 7 * DAY) {
      const day = new Date(t).toISOString().slice(0, 10);
      const extra = { id: 'added', title: 'An event added later', category: 'trade' as const, date: day, precision: 'day' as const };
      const layout = timelineLayout([...events, extra], dims, 'vertical');
      clashes.push(...leaderClashes(layout).map((c) => `${day}: ${c}`), ...symbolClashes(layout).map((c) => `${day}: ${c}`));
    }
    expect(clashes).toEqual([]);
  }, 60_000);

});
