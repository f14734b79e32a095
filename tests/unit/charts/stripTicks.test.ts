// The strip's year ticks on plain spans: one per year at the year's start, the ends always labelled and held
// inside the strip, and the other labels shown every k-th year, for the smallest k that keeps them apart at each width.
import { describe, expect, it } from 'vitest';
import { stripTicks, STRIP_WIDTHS_EM, STRIP_LABEL_EM } from '../../../src/lib/charts/timeline/stripTicks';
import { spanScale, type TimelineSpan } from '../../../src/lib/charts/timeline/timelineScale';
import { textWidth } from '../../../src/lib/charts/textBox';

const span = (firstYear: number, lastYear: number): TimelineSpan => ({ firstYear, lastYear, start: Date.UTC(firstYear, 0, 1), end: Date.UTC(lastYear + 1, 0, 1) });
const ticksOf = (s: TimelineSpan) => stripTicks(s, spanScale(s));
/** A label's extent along a strip `width` ems wide, measured apart from the layout's own helper. */
const extent = (t: ReturnType<typeof ticksOf>[number], width: number) => {
  const w = textWidth(t.label, STRIP_LABEL_EM * 100) / 100, x = t.labelAt * width;
  return t.anchor === 'start' ? [x, x + w] : t.anchor === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
};

describe('stripTicks', () => {
  it('stripTicks(span) puts a tick at the start of each year, where its share of the span puts it', () => {
    const s = span(2019, 2026);
    const ticks = ticksOf(s);
    expect(ticks.map((t) => t.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const t of ticks) expect(t.at).toBeCloseTo((Date.UTC(t.year, 0, 1) - s.start) / (s.end - s.start), 9);
    expect(ticks.map((t) => t.label)).toEqual(ticks.map((t) => String(t.year)));
  });

  it('stripTicks(span) always labels the first and last years, held inside the strip, and a single year in its middle', () => {
    for (const [a, b] of [[2010, 2011], [2010, 2018], [1990, 2026]] as const) {
      const ticks = ticksOf(span(a, b));
      expect(ticks[0]).toMatchObject({ anchor: 'start', labelAt: 0, minWidthEm: 0 });
      expect(ticks.at(-1)).toMatchObject({ anchor: 'end', labelAt: 1, minWidthEm: 0 });
      for (const t of ticks.slice(1, -1)) expect(t.anchor, String(t.year)).toBe('middle');
    }
    const [one] = ticksOf(span(2018, 2018));
    expect(one).toMatchObject({ year: 2018, anchor: 'middle', labelAt: 0.5, minWidthEm: 0 });
  });

  it('stripTicks(span) labels the middle of each shown year, and only at the strip widths the style sheet has rules for', () => {
    const ticks = ticksOf(span(2010, 2018));
    for (const t of ticks.slice(1, -1)) {
      expect(t.labelAt, String(t.year)).toBeCloseTo((t.at + ticks[ticks.indexOf(t) + 1]!.at) / 2, 9);
      expect([...STRIP_WIDTHS_EM.slice(1), Infinity]).toContain(t.minWidthEm);
    }
  });

  it('stripTicks(span) shows more labels as the strip widens, none overlapping, for spans short and long', () => {
    for (const [a, b] of [[2010, 2018], [2019, 2026], [1990, 2026], [1900, 2026]] as const) {
      const ticks = ticksOf(span(a, b));
      let before = -1;
      for (const width of STRIP_WIDTHS_EM) {
        const shown = ticks.filter((t) => t.minWidthEm <= width);
        expect(shown.length, `${a}–${b} at ${width} em`).toBeGreaterThanOrEqual(before);
        before = shown.length;
        const sorted = shown.map((t) => extent(t, width)).sort((p, q) => p[0]! - q[0]!);
        // (Below the first width the strip shows only its two ends, however narrow it is.)
        if (width > 0) for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]! - sorted[i - 1]![1]!, `${a}–${b} at ${width} em`).toBeGreaterThanOrEqual(0.6 - 1e-9);
      }
    }
    // On the widest strip a short span shows every year, and a century only some.
    const short = ticksOf(span(2010, 2018));
    expect(short.every((t) => t.minWidthEm <= STRIP_WIDTHS_EM.at(-1)!)).toBe(true);
    const century = ticksOf(span(1900, 2026));
    expect(century.filter((t) => t.minWidthEm === Infinity).length).toBeGreaterThan(0);
    expect(century.filter((t) => t.minWidthEm > 0 && t.minWidthEm < Infinity).length).toBeGreaterThan(0);
  });

  it('stripTicks(span) takes the smallest step that fits: one year fewer between labels would overlap', () => {
    const ticks = ticksOf(span(1990, 2026));
    let checked = 0;
    for (const width of STRIP_WIDTHS_EM.slice(1)) {
      const added = ticks.map((t, i) => (t.minWidthEm === width ? i : -1)).filter((i) => i >= 0);
      if (added.length < 2) continue;
      // Every year added at this width is a multiple of the step k: the largest such step.
      const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
      const k = added.reduce(gcd);
      if (k === 1) continue;
      // Labels at every (k-1)-th year, with those already shown, would collide somewhere.
      const denser = ticks.filter((t, i) => t.minWidthEm < width || (t.minWidthEm >= width && i % (k - 1) === 0));
      const sorted = denser.map((t) => extent(t, width)).sort((p, q) => p[0]! - q[0]!);
      expect(sorted.some((e, i) => i > 0 && e[0]! - sorted[i - 1]![1]! < 0.6), `k = ${k} at ${width} em`).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
