// The strip drawn to a true time scale: a tick at the start of each year, and which year labels fit at which widths.
import { textWidth } from '../textBox';
import type { StripTick } from './timelineTypes';
import type { spanScale, TimelineSpan } from './timelineScale';

/** The strip widths, in ems of the reader's text, at which more year labels appear (timeline.css has one rule for each). */
export const STRIP_WIDTHS_EM = [0, 14, 28] as const;
/** Year labels are set at most this size, in ems (timeline.css), and kept this far apart. */
export const STRIP_LABEL_EM = 0.9;
const GAP_EM = 0.6;

/** A label's width in ems: the one text estimate, taken at 100 px so that fractions of an em survive its rounding up. */
const widthEm = (label: string) => textWidth(label, STRIP_LABEL_EM * 100) / 100;

/**
 * One tick per year. The first and last years are always labelled, held inside the strip by their anchor;
 * the others are labelled in the middle of their year, every k-th year for the smallest k whose labels
 * keep apart at each width, so the labels never overlap however wide the strip is.
 */
export function stripTicks(span: TimelineSpan, x: ReturnType<typeof spanScale>): StripTick[] {
  const years = Array.from({ length: span.lastYear - span.firstYear + 1 }, (_, i) => span.firstYear + i);
  const at = (year: number) => x(new Date(Date.UTC(year, 0, 1)));
  const ticks: StripTick[] = years.map((year, i) => {
    const edge = years.length > 1 && (i === 0 || i === years.length - 1);
    const anchor = !edge ? 'middle' : i === 0 ? 'start' : 'end';
    const labelAt = anchor === 'start' ? 0 : anchor === 'end' ? 1 : (at(year) + at(year + 1)) / 2;
    return { year, at: at(year), label: String(year), labelAt, anchor, minWidthEm: edge || years.length === 1 ? 0 : Infinity };
  });
  // Where a label lies along a strip `width` ems wide.
  const extent = (t: StripTick, width: number): [number, number] => {
    const x = t.labelAt * width, w = widthEm(t.label);
    return t.anchor === 'start' ? [x, x + w] : t.anchor === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
  };
  const clear = (a: StripTick, b: StripTick, width: number) => {
    const [a0, a1] = extent(a, width), [b0, b1] = extent(b, width);
    return a1 + GAP_EM <= b0 || b1 + GAP_EM <= a0;
  };
  for (const width of STRIP_WIDTHS_EM.slice(1)) {
    const shown = ticks.filter((t) => t.minWidthEm <= width);
    for (let k = 1; k < years.length; k++) {
      const extra = ticks.filter((t, i) => t.minWidthEm > width && i % k === 0);
      const ok = extra.filter((t) => shown.every((s) => clear(s, t, width)));
      if (ok.every((t, i) => i === 0 || clear(ok[i - 1]!, t, width)) && ok.length) {
        for (const t of ok) t.minWidthEm = width;
        break;
      }
    }
  }
  return ticks;
}
