import { describe, expect, it } from 'vitest';
import { timelineLayout, symbolColumns, categorySymbol, SYMBOL_RADIUS, TIMELINE_START, TIMELINE_END, type TimelineDims, type TimelineLayout } from '../../../src/lib/charts/timelineLayout';
import type { TimelineRow } from '../../../src/lib/charts/timeline/timelineTypes';
import { textWidth, wrapText } from '../../../src/lib/charts/textBox';
import { HORIZONTAL_DIMS } from '../../../src/lib/charts/timelineLayout';
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

  it('timelineLayout(events, dims, "horizontal") shortens year labels where a year has less room than "2010" and 4 px, and only there', () => {
    const yearRoom = (width: number) => (width - HORIZONTAL_DIMS.marginLeft - HORIZONTAL_DIMS.marginRight) * (Date.UTC(2011, 0, 1) - Date.UTC(2010, 0, 1)) / (TIMELINE_END - TIMELINE_START);
    const need = textWidth('2010', HORIZONTAL_DIMS.fontSize) + 4;
    for (const width of [300, 320, 360, 400, 600]) {
      const labels = timelineLayout(events, dimsAt('horizontal', width), 'horizontal').ticks.map((t) => t.label);
      expect(labels, `width ${width}`).toEqual(labels.map((_, i) => (need > yearRoom(width) ? `’${10 + i}` : String(2010 + i))));
    }
    expect(need > yearRoom(320) && need < yearRoom(400)).toBe(true);
  });

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

  it('timelineLayout(events, dims, orientation) lays events out in date order whatever their order in the file, and leaves the list as it was', () => {
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const dims = dimsAt(orientation, 600);
      const reversed = [...events].reverse();
      const copy = [...reversed];
      expect(timelineLayout(reversed, dims, orientation)).toEqual(timelineLayout(events, dims, orientation));
      expect(reversed).toEqual(copy);
    }
  });

  it('timelineLayout(events, dims, orientation) rounds every coordinate to two decimals', () => {
    const layout = timelineLayout(events, dimsAt('horizontal', 777), 'horizontal');
    const numbers = JSON.stringify(layout).match(/-?\d+\.\d+/g) ?? [];
    expect(numbers.filter((n) => n.split('.')[1]!.length > 2)).toEqual([]);
  });
});

/**
 * The horizontal layout's rules, checked on its output: each label 0.4 em beside its symbol (or the end of its span),
 * on the right unless only the left has room for it on one line, wrapped only where neither side has; lanes 1.75 em
 * apart starting 1.25 em below the axis; each event in the lowest lanes where it keeps 0.6 em clear of what is there.
 */
function horizontalRules(layout: TimelineLayout, dims: TimelineDims, rows: TimelineRow[]): string[] {
  const fs = dims.fontSize, r = SYMBOL_RADIUS, eps = 0.05;
  const gap = Math.ceil(fs * 0.4), pad = Math.ceil(fs * 0.6), laneHeight = Math.ceil(fs * 1.75), textHeight = Math.ceil(fs * 1.2);
  const lane0 = dims.marginTop + Math.ceil(fs * 1.25);
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => { if (!ok) problems.push(what); };
  const near = (a: number, b: number) => Math.abs(a - b) <= eps;
  const lanes: [number, number][][] = [];
  const free = (lane: number, [a, b]: [number, number]) => (lanes[lane] ?? []).every(([c, d]) => a >= d + pad - eps || b + pad - eps <= c);
  for (const m of layout.marks) {
    const e = rows.find((x) => x.id === m.id)!;
    const { label } = m;
    const left = Math.min(m.span?.x1 ?? m.x, m.x - r), right = Math.max(m.span?.x2 ?? m.x, m.x + r);
    const roomRight = dims.width - 1 - (right + gap), roomLeft = left - gap - 1;
    const oneLine = textWidth(e.title, fs);
    const onRight = oneLine <= roomRight || (oneLine > roomLeft && roomRight >= roomLeft);
    check(label.anchor === (onRight ? 'start' : 'end'), `${m.id}: label on the ${label.anchor} side`);
    const room = Math.max(roomRight, roomLeft);
    check(JSON.stringify(label.lines) === JSON.stringify(oneLine <= room ? [e.title] : wrapText(e.title, room, fs)), `${m.id}: lines ${JSON.stringify(label.lines)}`);
    const w = Math.max(...label.lines.map((l) => textWidth(l, fs)));
    check(near(label.box.width, w), `${m.id}: box width ${label.box.width}, not ${w}`);
    check(near(label.x, onRight ? right + gap : left - gap), `${m.id}: label x ${label.x}`);
    check(near(label.box.x, onRight ? right + gap : left - gap - w), `${m.id}: box x ${label.box.x}`);
    const lane = (m.y - lane0) / laneHeight;
    check(Number.isInteger(Math.round(lane * 100) / 100) && lane >= 0, `${m.id}: y ${m.y} is not on a lane`);
    check(label.y === m.y && label.lineHeight === laneHeight, `${m.id}: label y ${label.y}, line height ${label.lineHeight}`);
    check(near(label.box.y, m.y - textHeight / 2) && near(label.box.height, textHeight + (label.lines.length - 1) * laneHeight), `${m.id}: box y ${label.box.y}, height ${label.box.height}`);
    check((m.kind === 'day') === (m.span === undefined), `${m.id}: a ${m.kind} ${m.span ? 'with' : 'without'} a span`);
    if (m.span) check(m.span.y1 === m.y && m.span.y2 === m.y && m.span.x2 >= m.span.x1 + 2 - eps, `${m.id}: span ${JSON.stringify(m.span)}`);
    check(m.symbol === categorySymbol(e.category) && m.category === e.category, `${m.id}: symbol`);
    const occupied: [number, number] = onRight ? [left, label.box.x + label.box.width] : [label.box.x, right];
    const fits = (l: number) => label.lines.every((_, k) => free(l + k, occupied));
    const at = Math.round(lane);
    check(fits(at), `${m.id}: lane ${at} is taken`);
    for (let l = 0; l < at; l++) check(!fits(l), `${m.id}: lane ${l} had room, but it went to lane ${at}`);
    label.lines.forEach((_, k) => (lanes[at + k] ??= []).push(occupied));
  }
  const bottom = lane0 + Math.max(lanes.length - 1, 0) * laneHeight + laneHeight / 2;
  check(layout.height === Math.ceil(bottom + dims.marginBottom), `height ${layout.height}, not ${Math.ceil(bottom + dims.marginBottom)}`);
  for (const t of layout.ticks) {
    check(t.y1 === dims.marginTop && near(t.y2, bottom) && t.x1 === t.x2, `tick ${t.year}: ${JSON.stringify(t)}`);
    check(t.labelY === dims.marginTop - Math.ceil(fs * 0.5) && t.anchor === 'middle', `tick ${t.year}: label at ${t.labelY}`);
    const mid = at_(Math.min(Date.UTC(t.year, 6, 2), TIMELINE_END), dims);
    check(near(t.labelX, mid), `tick ${t.year}: label x ${t.labelX}, not ${mid}`);
  }
  check(JSON.stringify(layout.axis) === JSON.stringify({ x1: dims.marginLeft, y1: dims.marginTop, x2: dims.width - dims.marginRight, y2: dims.marginTop }), `axis ${JSON.stringify(layout.axis)}`);
  return problems;
}
const at_ = (t: number, dims: TimelineDims) => at(t, dims.marginLeft, dims.width - dims.marginRight);

describe('timelineLayout horizontal rules', () => {
  it('timelineLayout(events, dims, "horizontal") follows its rules for the real events at every width the site draws', () => {
    for (const width of [320, 600, 1280]) {
      const dims = dimsAt('horizontal', width);
      expect(horizontalRules(timelineLayout(events, dims, 'horizontal'), dims, events), `width ${width}`).toEqual([]);
    }
  });

  it('timelineLayout(events, dims, "horizontal") puts a label left near the right edge, wraps one that fits neither side, and stacks a crowd in lanes', () => {
    const dims = dimsAt('horizontal', 600);
    const row = (id: string, date: string, title: string): TimelineRow => ({ id, title, category: 'trade', date, precision: 'day' });
    const rows: TimelineRow[] = [
      row('late', '2018-12-20', 'Pipeline talks in Moscow'),
      row('early-long', '2010-01-05', 'A summit of four presidents on Afghanistan, trade, energy and security that went on and on'),
      row('middle-long', '2014-06-15', 'Talks on the pipeline, the exercises, the consulate, the trade figures, the helicopters and much more'),
      ...Array.from({ length: 6 }, (_, i) => row(`crowd-${i}`, '2016-03-01', `Crowded event ${i}`)),
      { id: 'month', title: 'A month', category: 'energy', date: '2012-07', precision: 'month' },
      { id: 'range', title: 'A range', category: 'defence', start: '2015-02-01', end: '2015-02-01' },
    ];
    const layout = timelineLayout(rows, dims, 'horizontal');
    expect(horizontalRules(layout, dims, rows)).toEqual([]);
    const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
    expect(mark('late').label.anchor).toBe('end');
    expect(mark('early-long').label.anchor).toBe('start');
    expect(mark('early-long').label.lines.length).toBeGreaterThan(1);
    expect(mark('middle-long').label.lines.length).toBeGreaterThan(1);
    expect(new Set(rows.filter((r) => r.id.startsWith('crowd')).map((r) => mark(r.id).y)).size).toBe(6);
    // A range of one day still has a visible span.
    expect(mark('range').span!.x2 - mark('range').span!.x1).toBeCloseTo(2, 1);
  });

  it('categorySymbol(category, size) draws each category with its own d3 shape, of the size asked for', () => {
    const all = (['diplomacy', 'defence', 'security', 'energy', 'trade'] as const).map((c) => categorySymbol(c));
    expect(new Set(all).size).toBe(5);
    // d3's circle of area 64 has radius √(64/π).
    expect(all[0]).toContain(`M${(Math.sqrt(64 / Math.PI)).toFixed(2)},0`);
    expect(categorySymbol('defence', 16)).toBe('M-2,-2h4v4h-4Z');
  });
});
