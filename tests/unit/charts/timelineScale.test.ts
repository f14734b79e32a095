// The span of whole years a timeline draws, and where in time each kind of date puts its symbol, on plain events.
import { describe, expect, it } from 'vitest';
import { anchorTime, timelineSpan } from '../../../src/lib/charts/timeline/timelineScale';
import type { TimelineRow } from '../../../src/lib/charts/timeline/timelineTypes';

const row = (id: string, when: Partial<TimelineRow>) => ({ id, title: id, category: 'diplomacy', ...when }) as TimelineRow;
const DAY = 24 * 3600_000;

describe('timelineSpan', () => {
  it('timelineSpan(rows) runs from 1 January of the earliest event\'s year to the end of the latest\'s, a range counted to its last day', () => {
    const span = timelineSpan([row('a', { date: '2011-05-12', precision: 'day' }), row('b', { start: '2016-12-20', end: '2016-12-31' })]);
    expect(span).toEqual({ firstYear: 2011, lastYear: 2016, start: Date.UTC(2011, 0, 1), end: Date.UTC(2017, 0, 1) });
    // An event that ends on 31 December stays in its year: the span does not run on into the next.
    expect(timelineSpan([row('c', { date: '2018', precision: 'year' })])).toMatchObject({ firstYear: 2018, lastYear: 2018 });
  });

  it('timelineSpan(rows, range) takes whole years, given in order, and names every event the range leaves out', () => {
    const rows = [row('early', { date: '2009-12-31', precision: 'day' }), row('mid', { date: '2012-06', precision: 'month' }), row('late', { start: '2018-12-30', end: '2019-01-02' })];
    expect(() => timelineSpan(rows, { from: 2010, to: 2018 })).toThrow(new RangeError('timeline span 2010–2018 leaves out early, late'));
    expect(timelineSpan([rows[1]!], { from: 2010, to: 2018 })).toEqual({ firstYear: 2010, lastYear: 2018, start: Date.UTC(2010, 0, 1), end: Date.UTC(2019, 0, 1) });
    expect(timelineSpan([], { from: 2019, to: 2019 })).toMatchObject({ firstYear: 2019, lastYear: 2019 });
    for (const bad of [{ from: 2018, to: 2010 }, { from: 2010.5, to: 2018 }, { from: 2010, to: 2018.5 }]) {
      expect(() => timelineSpan([], bad), JSON.stringify(bad)).toThrow(new RangeError(`timeline span ${bad.from}–${bad.to} is not a range of whole years`));
    }
    expect(() => timelineSpan([])).toThrow(new RangeError('a timeline with no events needs an explicit span of years'));
  });
});

describe('anchorTime', () => {
  it('anchorTime(kind, start, end) puts a day at its noon, a month or a year at its middle, and a range at its first day', () => {
    const start = Date.UTC(2016, 0, 1);
    expect(anchorTime('day', start, start + DAY)).toBe(start + DAY / 2);
    expect(anchorTime('month', start, Date.UTC(2016, 1, 1))).toBe((start + Date.UTC(2016, 1, 1)) / 2);
    expect(anchorTime('year', start, Date.UTC(2017, 0, 1))).toBe((start + Date.UTC(2017, 0, 1)) / 2);
    expect(anchorTime('range', start, start + 10 * DAY)).toBe(start);
  });
});
