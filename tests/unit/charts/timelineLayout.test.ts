import { describe, expect, it } from 'vitest';
import {
  timelineLayout, symbolColumns, SYMBOL_RADIUS, HORIZONTAL_DIMS, VERTICAL_DIMS, TIMELINE_START, TIMELINE_END, yearSpan,
} from '../../../src/lib/charts/timelineLayout';
import { textWidth } from '../../../src/lib/charts/textBox';
import { at, collisions, DAY, dimsAt, events, leaderClashes, outside, overlaps, symbolClashes, utcOf } from './timelineChecks';

describe('timelineLayout', () => {
  it('timelineLayout(events, dims, "horizontal") places each symbol at the time of its event', () => {
    const dims = dimsAt('horizontal', 1280);
    const layout = timelineLayout(events, dims, 'horizontal');
    const x0 = dims.marginLeft, x1 = dims.width - dims.marginRight;
    for (const e of events) {
      const mark = layout.marks.find((m) => m.id === e.id)!;
      let t: number;
      if (e.start) t = utcOf(e.start);
      else if (e.precision === 'day') t = utcOf(e.date!) + DAY / 2;
      else {
        const s = utcOf(e.date!);
        const [y, m] = e.date!.split('-').map(Number);
        const end = e.precision === 'year' ? Date.UTC(y! + 1, 0, 1) : Date.UTC(y!, m!, 1);
        t = (s + end) / 2;
      }
      expect(mark.x, e.id).toBeCloseTo(at(t, x0, x1), 1);
    }
  });

  it('timelineLayout(events, dims, "vertical") places each symbol down the axis at the time of its event, in date order', () => {
    const dims = dimsAt('vertical', 320);
    const layout = timelineLayout(events, dims, 'vertical');
    const y0 = dims.marginTop, y1 = dims.marginTop + 9 * dims.yearSize!;
    for (const m of layout.marks) {
      const e = events.find((x) => x.id === m.id)!;
      if (e.precision === 'day') expect(m.y, e.id).toBeCloseTo(at(utcOf(e.date!) + DAY / 2, y0, y1), 1);
      // On the axis, or stepped aside into a column beside it.
      expect(m.x, e.id).toBeGreaterThanOrEqual(dims.marginLeft);
      expect((m.x - dims.marginLeft) % (2 * SYMBOL_RADIUS + 2), e.id).toBe(0);
    }
    // The real events of autumn 2018 are weeks apart: their symbols step aside rather than overlap,
    // and no leader runs through another event's symbol.
    expect(symbolClashes(layout)).toEqual([]);
    expect(leaderClashes(layout)).toEqual([]);
    expect(new Set(layout.marks.map((m) => m.x)).size).toBeGreaterThan(1);
    const ys = layout.marks.map((m) => m.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    // Labels keep the order of their events, so leaders never cross.
    const tops = layout.marks.map((m) => m.label.box.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  for (const orientation of ['horizontal', 'vertical'] as const) {
    it(`timelineLayout(events, dims, "${orientation}") draws one tick per year, 2010 to 2018, on 1 January`, () => {
      const dims = dimsAt(orientation, 1280);
      const layout = timelineLayout(events, dims, orientation);
      expect(layout.ticks.map((t) => t.year)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]);
      const [from, to] = orientation === 'horizontal' ? [dims.marginLeft, dims.width - dims.marginRight] : [dims.marginTop, dims.marginTop + 9 * dims.yearSize!];
      for (const t of layout.ticks) {
        const pos = orientation === 'horizontal' ? t.x1 : t.y1;
        expect(pos, String(t.year)).toBeCloseTo(at(Date.UTC(t.year, 0, 1), from, to), 1);
      }
      expect(layout.ticks.map((t) => t.label)).toEqual(layout.ticks.map((t) => String(t.year)));
    });
  }

  it('timelineLayout(events, dims, "horizontal") shortens year labels only where a year is too narrow for them', () => {
    const narrow = timelineLayout(events, dimsAt('horizontal', 240), 'horizontal');
    expect(narrow.ticks.map((t) => t.label)).toEqual(narrow.ticks.map((t) => `’${String(t.year).slice(2)}`));
    const labels = narrow.ticks.map((t) => ({ x: t.labelX - textWidth(t.label, 12) / 2, y: 0, width: textWidth(t.label, 12), height: 1 }));
    labels.forEach((b, i) => { if (i) expect(overlaps(labels[i - 1]!, b)).toBe(false); });
  });

  it('timelineLayout(events, dims, "horizontal") draws a range of days as a span from its first to its last day', () => {
    const dims = dimsAt('horizontal', 1280);
    const layout = timelineLayout(events, dims, 'horizontal');
    const ranges = events.filter((e) => e.start && e.end);
    expect(ranges.map((e) => e.id)).toEqual(expect.arrayContaining(['druzhba-2016', 'druzhba-2017', 'druzhba-2018']));
    for (const e of ranges) {
      const m = layout.marks.find((x) => x.id === e.id)!;
      expect(m.kind).toBe('range');
      expect(m.approximate).toBe(false);
      expect(m.span!.x1).toBeCloseTo(at(utcOf(e.start!), dims.marginLeft, dims.width - dims.marginRight), 1);
      expect(m.span!.x2).toBeCloseTo(at(utcOf(e.end!) + DAY, dims.marginLeft, dims.width - dims.marginRight), 1);
      const days = (utcOf(e.end!) - utcOf(e.start!)) / DAY + 1;
      expect(m.span!.x2 - m.span!.x1).toBeCloseTo((days * DAY / (TIMELINE_END - TIMELINE_START)) * (dims.width - dims.marginLeft - dims.marginRight), 1);
    }
  });

  it('timelineLayout(events, dims, orientation) marks month- and year-only dates as approximate, spanning the whole month or year', () => {
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const dims = dimsAt(orientation, 1280);
      const layout = timelineLayout(events, dims, orientation);
      const [from, to] = orientation === 'horizontal' ? [dims.marginLeft, dims.width - dims.marginRight] : [dims.marginTop, dims.marginTop + 9 * dims.yearSize!];
      const vague = events.filter((e) => e.precision === 'month' || e.precision === 'year');
      expect(new Set(vague.map((e) => e.precision))).toEqual(new Set(['month', 'year']));
      for (const e of vague) {
        const m = layout.marks.find((x) => x.id === e.id)!;
        expect(m.approximate, e.id).toBe(true);
        const [y, mo] = e.date!.split('-').map(Number);
        const end = e.precision === 'year' ? Date.UTC(y! + 1, 0, 1) : Date.UTC(y!, mo!, 1);
        const [a, b] = orientation === 'horizontal' ? [m.span!.x1, m.span!.x2] : [m.span!.y1, m.span!.y2];
        expect(a).toBeCloseTo(at(utcOf(e.date!), from, to), 1);
        expect(b).toBeCloseTo(at(end, from, to), 1);
        expect(orientation === 'horizontal' ? m.x : m.y).toBeCloseTo((a + b) / 2, 1);
      }
      for (const m of layout.marks.filter((x) => !vague.some((e) => e.id === x.id))) expect(m.approximate, m.id).toBe(false);
    }
  });

  for (const width of [320, 1280]) {
    for (const orientation of ['horizontal', 'vertical'] as const) {
      it(`timelineLayout(events, { width: ${width} }, "${orientation}") keeps every label apart, off other symbols and inside the chart`, () => {
        const layout = timelineLayout(events, dimsAt(orientation, width), orientation);
        expect(layout.marks).toHaveLength(events.length);
        expect(collisions(layout)).toEqual([]);
        expect(outside(layout)).toEqual([]);
      });
    }
  }

  it('timelineLayout(events, dims, "vertical") steps crowded symbols aside only as far as leaves the labels their room', () => {
    const dims = dimsAt('vertical', 320);
    const crowd = Array.from({ length: 20 }, (_, i) => ({ id: `e${i}`, title: 'Talks in Moscow', category: 'diplomacy' as const, date: '2018-10-16', precision: 'day' as const }));
    const layout = timelineLayout(crowd, dims, 'vertical');
    const xs = [...new Set(layout.marks.map((m) => m.x))].sort((a, b) => a - b);
    expect(xs).toHaveLength(symbolColumns(dims));
    expect(xs[0]).toBe(dims.marginLeft);
    const labelWidth = dims.width - dims.marginRight - layout.marks[0]!.label.x;
    expect(labelWidth).toBeGreaterThanOrEqual(10 * dims.fontSize);
    expect(outside(layout)).toEqual([]);
    expect(collisions(layout)).toEqual([]);
  });

  it('timelineLayout(events, dims, "vertical") keeps a label held at the top margin clear of the next one', () => {
    const first = [
      { id: 'e0', title: 'Summit Summit Summit Summit', category: 'diplomacy' as const, date: '2010-01-01', precision: 'day' as const },
      { id: 'e1', title: 'Summit', category: 'diplomacy' as const, date: '2010', precision: 'year' as const },
    ];
    const layout = timelineLayout(first, dimsAt('vertical', 280), 'vertical');
    expect(layout.marks[0]!.label.lines.length).toBeGreaterThan(1);
    expect(collisions(layout)).toEqual([]);
  });

  it('timelineLayout(events, dims, orientation) rounds every coordinate to two decimals', () => {
    const layout = timelineLayout(events, dimsAt('horizontal', 777), 'horizontal');
    const numbers = JSON.stringify(layout).match(/-?\d+\.\d+/g) ?? [];
    expect(numbers.filter((n) => n.split('.')[1]!.length > 2)).toEqual([]);
  });

  it('timelineLayout(events, dims, orientation, span) draws another span of years: its ticks, its axis and its events in place', () => {
    const span = yearSpan(2019, 2026);
    const later = [
      { id: 'first-day', title: 'First day', category: 'diplomacy' as const, date: '2019-01-01', precision: 'day' as const },
      { id: 'mid', title: 'A month in 2022', category: 'energy' as const, date: '2022-07', precision: 'month' as const },
      { id: 'last', title: 'Last days', category: 'security' as const, start: '2026-12-20', end: '2026-12-31' },
    ];
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const dims = orientation === 'horizontal' ? HORIZONTAL_DIMS : VERTICAL_DIMS;
      const layout = timelineLayout(later, dims, orientation, span);
      expect(layout.ticks.map((t) => t.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
      const along = (p: { x: number; y: number }) => (orientation === 'horizontal' ? p.x : p.y);
      const [from, to] = orientation === 'horizontal' ? [layout.axis.x1, layout.axis.x2] : [layout.axis.y1, layout.axis.y2];
      const atSpan = (t: number) => from + ((t - span.start) / (span.end - span.start)) * (to - from);
      const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
      expect(along(mark('first-day'))).toBeCloseTo(atSpan(Date.UTC(2019, 0, 1, 12)), 1);
      expect(along(mark('mid'))).toBeCloseTo(atSpan((Date.UTC(2022, 6, 1) + Date.UTC(2022, 7, 1)) / 2), 1);
      expect(along(mark('last'))).toBeCloseTo(atSpan(Date.UTC(2026, 11, 20)), 1);
      expect(collisions(layout)).toEqual([]);
    }
    // Down the page, each year of the span gets its share of the axis.
    const vertical = timelineLayout(later, VERTICAL_DIMS, 'vertical', span);
    expect(vertical.axis.y2 - vertical.axis.y1).toBe(8 * VERTICAL_DIMS.yearSize!);
    // Without a span, the article's 2010–2018.
    expect(timelineLayout(events, VERTICAL_DIMS, 'vertical').ticks.map((t) => t.year)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]);
  });
});
