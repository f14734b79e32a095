import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parseTimeline, type TimelineEvent } from '../../../src/schemas/timeline';
import { categorySymbol, percent, timelineLayout, STRIP_WIDTHS_EM, type StripTick, type TimelineLayout } from '../../../src/lib/charts/timelineLayout';
import { textWidth } from '../../../src/lib/charts/textBox';

const FILE = resolve(import.meta.dirname, '../../../content/data/timeline.yaml');
const events = parseTimeline(readFileSync(FILE, 'utf8'), 'content/data/timeline.yaml');
const DAY = 86_400_000;

const utcOf = (iso: string) => {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y!, m - 1, d);
};
/** Independent of the layout: where a moment lies across whole years from `first` to `last`. */
const fractionOf = (t: number, first: number, last: number) => (t - Date.UTC(first, 0, 1)) / (Date.UTC(last + 1, 0, 1) - Date.UTC(first, 0, 1));

/** The event ids in the order the bands list them. */
const bandOrder = (layout: TimelineLayout) => layout.bands.flatMap((b) => (b.kind === 'year' ? b.marks.map((m) => m.id) : []));

/** Every pair of year labels on the strip that would overlap at `width` ems, measured as the strip sets them (0.9 em, 0.6 em apart). */
function stripClashes(ticks: StripTick[], width: number): string[] {
  const shown = ticks.filter((t) => t.minWidthEm <= width).map((t) => {
    const w = textWidth(t.label, 90) / 100, x = t.labelAt * width;
    const [a, b] = t.anchor === 'start' ? [x, x + w] : t.anchor === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
    return { year: t.year, a, b };
  }).sort((p, q) => p.a - q.a);
  const out: string[] = [];
  shown.forEach((p, i) => { if (i && shown[i - 1]!.b + 0.6 > p.a + 1e-9) out.push(`${shown[i - 1]!.year} × ${p.year} at ${width} em`); });
  for (const p of shown) if (p.a < -1e-9 || p.b > width + 1e-9) out.push(`${p.year} outside the strip at ${width} em`);
  return out;
}

const category = fc.constantFrom('diplomacy', 'defence', 'security', 'energy', 'trade') as fc.Arbitrary<TimelineEvent['category']>;
/** Any event from 1990 to 2040, at any precision or as a run of days. */
const anyEvent = fc.record({ n: fc.integer({ min: 0, max: 18_000 }), kind: fc.constantFrom('day', 'month', 'year', 'range'), length: fc.integer({ min: 1, max: 40 }), category });
function toRow(r: { n: number; kind: string; length: number; category: TimelineEvent['category'] }, i: number) {
  const day = new Date(Date.UTC(1990, 0, 1) + r.n * DAY).toISOString().slice(0, 10);
  const base = { id: `e${i}`, title: `Event ${i}`, category: r.category };
  if (r.kind === 'range') return { ...base, start: day, end: new Date(utcOf(day) + r.length * DAY).toISOString().slice(0, 10) };
  if (r.kind === 'day') return { ...base, date: day, precision: 'day' as const };
  if (r.kind === 'month') return { ...base, date: day.slice(0, 7), precision: 'month' as const };
  return { ...base, date: day.slice(0, 4), precision: 'year' as const };
}

describe('timelineLayout', () => {
  it('timelineLayout(events) spans the years of the first and the last event by default', () => {
    const layout = timelineLayout(events);
    expect([layout.firstYear, layout.lastYear]).toEqual([2010, 2018]);
    const later = [{ id: 'a', title: 'A', category: 'trade' as const, date: '2019-03', precision: 'month' as const }, { id: 'b', title: 'B', category: 'trade' as const, start: '2025-12-30', end: '2026-01-02' }];
    const after = timelineLayout(later);
    expect([after.firstYear, after.lastYear]).toEqual([2019, 2026]);
    expect(after.strip.ticks.map((t) => t.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('timelineLayout(events, { span }) draws an explicit range of years and refuses an event outside it, naming it', () => {
    const layout = timelineLayout(events, { span: { from: 2008, to: 2020 } });
    expect([layout.firstYear, layout.lastYear]).toEqual([2008, 2020]);
    expect(layout.bands[0]).toEqual({ kind: 'gap', from: 2008, to: 2009 });
    expect(layout.bands.at(-1)).toEqual({ kind: 'gap', from: 2019, to: 2020 });
    expect(() => timelineLayout(events, { span: { from: 2011, to: 2018 } })).toThrow(/2011–2018 leaves out sochi-summit-2010/);
    expect(() => timelineLayout(events, { span: { from: 2018, to: 2010 } })).toThrow(/not a range/);
    expect(() => timelineLayout([])).toThrow(/needs an explicit span/);
    expect(timelineLayout([], { span: { from: 2019, to: 2026 } }).bands).toEqual([{ kind: 'gap', from: 2019, to: 2026 }]);
  });

  it('timelineLayout(events) puts every event in the band of its year, in date order, and runs empty years together as one break', () => {
    const layout = timelineLayout(events);
    const sorted = [...events].sort((a, b) => utcOf(a.start ?? a.date!) - utcOf(b.start ?? b.date!) || a.id.localeCompare(b.id));
    expect(bandOrder(layout)).toEqual(sorted.map((e) => e.id));
    for (const band of layout.bands) {
      if (band.kind === 'year') for (const m of band.marks) expect((events.find((e) => e.id === m.id)!.start ?? events.find((e) => e.id === m.id)!.date)!.slice(0, 4), m.id).toBe(String(band.year));
    }
    // The real events leave 2013 and 2014 empty: one break, between 2012 and 2015.
    expect(layout.bands.map((b) => (b.kind === 'year' ? b.year : `${b.from}–${b.to}`))).toEqual([2010, 2011, 2012, '2013–2014', 2015, 2016, 2017, 2018]);
  });

  it('timelineLayout(events) places each event on the strip at its time: the day itself, a range from its first to its last day, a month or year across all of it', () => {
    const { strip } = timelineLayout(events);
    for (const e of events) {
      const m = strip.marks.find((x) => x.id === e.id)!;
      if (e.start) {
        expect(m.kind).toBe('range');
        expect(m.from!).toBeCloseTo(fractionOf(utcOf(e.start), 2010, 2018), 4);
        expect(m.to!).toBeCloseTo(fractionOf(utcOf(e.end!) + DAY, 2010, 2018), 4);
      } else if (e.precision === 'day') {
        expect(m.at).toBeCloseTo(fractionOf(utcOf(e.date!) + DAY / 2, 2010, 2018), 4);
        expect(m.from).toBeUndefined();
      } else {
        const [y, mo] = e.date!.split('-').map(Number);
        const end = e.precision === 'year' ? Date.UTC(y! + 1, 0, 1) : Date.UTC(y!, mo!, 1);
        expect(m.approximate).toBe(true);
        expect(m.from!).toBeCloseTo(fractionOf(utcOf(e.date!), 2010, 2018), 4);
        expect(m.to!).toBeCloseTo(fractionOf(end, 2010, 2018), 4);
        expect(m.at).toBeCloseTo((m.from! + m.to!) / 2, 4);
      }
    }
    expect(new Set(strip.marks.filter((m) => m.approximate).map((m) => m.kind))).toEqual(new Set(['month', 'year']));
  });

  it('timelineLayout(events) ticks the strip on 1 January of every year and always labels the first and last', () => {
    const { strip } = timelineLayout(events);
    expect(strip.ticks.map((t) => t.year)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]);
    for (const t of strip.ticks) expect(t.at, String(t.year)).toBeCloseTo(fractionOf(Date.UTC(t.year, 0, 1), 2010, 2018), 5);
    expect(strip.ticks.filter((t) => t.minWidthEm === 0).map((t) => t.year)).toEqual([2010, 2018]);
    // On a wide strip every year is named.
    expect(strip.ticks.every((t) => t.minWidthEm <= STRIP_WIDTHS_EM.at(-1)!)).toBe(true);
  });

  it('timelineLayout(events, { span, until }) marks where the facts stop: the stretch after their last day, when the span runs on past it', () => {
    const later = [{ id: 'a', title: 'A', category: 'trade' as const, date: '2019-03', precision: 'month' as const }, { id: 'b', title: 'B', category: 'energy' as const, date: '2026-02-10', precision: 'day' as const }];
    const span = { from: 2019, to: 2026 };
    for (const until of ['2026-02-27', '2026-02-10', '2026-11-30']) {
      expect(timelineLayout(later, { span, until }).strip.until, until).toBeCloseTo(fractionOf(utcOf(until) + DAY, 2019, 2026), 5);
    }
    // Nothing to mark: no last day given, or the facts reach the span's end.
    expect(timelineLayout(later, { span }).strip.until).toBeUndefined();
    expect(timelineLayout(later, { span, until: '2026-12-31' }).strip.until).toBeUndefined();
    // An event after the facts' last day, or a last day outside the span, is a mistake to name.
    expect(() => timelineLayout(later, { span, until: '2026-02-09' })).toThrow(/"b" .*after 2026-02-09/);
    // A date of the facts' own month, or a run of days that ends after them, counts by its last date's first day.
    const month = [...later, { id: 'c', title: 'C', category: 'trade' as const, date: '2026-02', precision: 'month' as const }];
    expect(timelineLayout(month, { span, until: '2026-02-27' }).strip.until).toBeCloseTo(fractionOf(utcOf('2026-02-28'), 2019, 2026), 5);
    const run = [...later, { id: 'd', title: 'D', category: 'trade' as const, start: '2026-02-25', end: '2026-03-02' }];
    expect(() => timelineLayout(run, { span, until: '2026-02-27' })).toThrow(/"d" .*after 2026-02-27/);
    expect(() => timelineLayout(later, { span, until: '2027-01-04' })).toThrow(/2027-01-04 .*outside .*2019–2026/);
    expect(() => timelineLayout(later, { span, until: '2026-02-30' })).toThrow(/2026-02-30 .*not a day/);
  });

  it('timelineLayout(events, { span }) never lets two year labels on the strip overlap or leave it, for any span and at any width', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 60, max: 600 }), (from, years, tenths) => {
      const { strip } = timelineLayout([], { span: { from, to: from + years } });
      expect(strip.ticks).toHaveLength(years + 1);
      const width = Math.max(tenths / 10, 6);
      expect(stripClashes(strip.ticks, width)).toEqual([]);
      for (const w of STRIP_WIDTHS_EM) expect(stripClashes(strip.ticks, Math.max(w, 6))).toEqual([]);
    }), { numRuns: 400 });
  });

  it('timelineLayout(rows) keeps every event, once, in date order, in the band of its year, for any set of events', () => {
    fc.assert(fc.property(fc.array(anyEvent, { minLength: 1, maxLength: 60 }), (raw) => {
      const rows = raw.map(toRow);
      const layout = timelineLayout(rows);
      const ids = bandOrder(layout);
      expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
      expect(layout.strip.marks.map((m) => m.id)).toEqual(ids);
      const years = layout.bands.map((b) => (b.kind === 'year' ? [b.year, b.year] : [b.from, b.to]));
      years.forEach(([a], i) => { if (i) expect(a).toBe(years[i - 1]![1]! + 1); });
      expect(years[0]![0]).toBe(layout.firstYear);
      expect(years.at(-1)![1]).toBe(layout.lastYear);
      // No two breaks in a row, and none where a year has events.
      layout.bands.forEach((b, i) => { if (i && b.kind === 'gap') expect(layout.bands[i - 1]!.kind).toBe('year'); });
      for (const m of layout.strip.marks) {
        for (const v of [m.at, m.from ?? 0, m.to ?? 1]) expect(v >= 0 && v <= 1, m.id).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('timelineLayout(rows) orders events that begin together by when they end, then by id', () => {
    const rows = [
      { id: 'long', title: 'Long', category: 'trade' as const, start: '2015-03-01', end: '2015-03-20' },
      { id: 'b-day', title: 'Day', category: 'energy' as const, date: '2015-03-01', precision: 'day' as const },
      { id: 'a-day', title: 'Day', category: 'energy' as const, date: '2015-03-01', precision: 'day' as const },
      { id: 'short', title: 'Short', category: 'trade' as const, start: '2015-03-01', end: '2015-03-05' },
    ];
    expect(bandOrder(timelineLayout(rows))).toEqual(['a-day', 'b-day', 'short', 'long']);
  });

  it('timelineLayout(events) gives every mark its category\'s symbol', () => {
    const layout = timelineLayout(events);
    for (const m of layout.strip.marks) expect(m.symbol, m.id).toBe(categorySymbol(m.category));
    expect(new Set(layout.strip.marks.map((m) => m.category)).size).toBeGreaterThan(1);
  });

  it('percent(fraction) writes a fraction as a percentage to two decimals, for SVG attributes', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(0.5)).toBe('50%');
    expect(percent(1)).toBe('100%');
    expect(percent(1 / 3)).toBe('33.33%');
  });

  it('timelineLayout(events) keeps fractions of the span to five decimals', () => {
    const numbers = JSON.stringify(timelineLayout(events).strip).match(/-?\d+\.\d+/g) ?? [];
    expect(numbers.filter((n) => n.split('.')[1]!.length > 5)).toEqual([]);
  });
});
