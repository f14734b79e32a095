// Timeline geometry: events grouped into year bands for the drawing down the page, and placed on a strip drawn to a true time scale.
import { eventSpan, firstDayOf } from '../timeline/dates';
import { round2 } from './dimensions';
import { categorySymbol } from './timeline/categorySymbol';
import { stripLanes, STRIP_LANE_WIDTHS_PX } from './timeline/stripLanes';
import { stripTicks } from './timeline/stripTicks';
import { anchorTime, spanScale, timelineSpan, type TimelineSpan, type YearRange } from './timeline/timelineScale';
import type { TimelineLayout, TimelineMark, TimelineRow } from './timeline/timelineTypes';
import { yearBands } from './timeline/yearBands';

export { categorySymbol } from './timeline/categorySymbol';
export { STRIP_WIDTHS_EM } from './timeline/stripTicks';
export { STRIP_LANE_WIDTHS_PX, STRIP_MAX_LANE, STRIP_SYMBOL_PX, markExtent } from './timeline/stripLanes';
export type { YearRange } from './timeline/timelineScale';
export type { StripMark, StripTick, TimelineLayout } from './timeline/timelineTypes';

/** Fractions of the span, kept to five decimals: a thousandth of a per cent is far below a pixel. */
const r5 = (v: number) => Math.round(v * 1e5) / 1e5;

export interface TimelineOptions {
  /** The years to draw; by default those of the earliest and the latest event. */
  span?: YearRange;
  /** The last day the facts behind the events reach (ISO), when the span runs on past it. */
  until?: string;
}

const DAY_MS = 86_400_000;

/** Where the facts stop, as a fraction of the span: the start of the day after `until`; none when that is the span's end. */
function untilFraction(until: string, span: TimelineSpan, x: ReturnType<typeof spanScale>, dated: readonly { e: TimelineRow }[]): number | undefined {
  const day = Date.parse(`${until}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== until) throw new RangeError(`timeline: the facts' last day ${until} is not a day (YYYY-MM-DD)`);
  const end = day + DAY_MS;
  if (day < span.start || end > span.end) throw new RangeError(`timeline: the facts' last day ${until} lies outside the span ${span.firstYear}–${span.lastYear}`);
  // An event is after the facts when its last date begins after their last day (a month's or a year's date counts
  // from its first day, as the edition's date checks count it).
  const late = dated.filter(({ e }) => firstDayOf((e.end ?? e.date)!) > until).map(({ e }) => `"${e.id}"`);
  if (late.length) throw new RangeError(`timeline: event ${late.join(', ')} ends after ${until}, the facts' last day`);
  return end < span.end ? r5(x(new Date(end))) : undefined;
}

/**
 * Lays out a timeline in one sort and one pass over the events. Down the page the browser sets each event's
 * row beside its symbol, so the layout only groups them; on the strip each event sits at its time.
 */
export function timelineLayout(events: readonly TimelineRow[], { span: range, until }: TimelineOptions = {}): TimelineLayout {
  const span = timelineSpan(events, range);
  const x = spanScale(span);
  // Each date is read once; the order is byDate's (start, then end, then id).
  const dated = events.map((e) => ({ e, s: eventSpan(e) }))
    .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.e.id.localeCompare(b.e.id));
  const symbols = new Map<TimelineRow['category'], string>();
  const placed = dated.map(({ e, s }) => {
    const approximate = s.kind === 'month' || s.kind === 'year';
    const mark: TimelineMark = {
      id: e.id,
      category: e.category,
      kind: s.kind,
      approximate,
      symbol: symbols.get(e.category) ?? symbols.set(e.category, categorySymbol(e.category)).get(e.category)!,
      at: r5(x(new Date(anchorTime(s.kind, s.start, s.end)))),
      ...(s.kind !== 'day' ? { from: r5(x(new Date(s.start))), to: r5(x(new Date(s.end))) } : {}),
    };
    return { year: new Date(s.start).getUTCFullYear(), mark };
  });
  const stop = until === undefined ? undefined : untilFraction(until, span, x, dated);
  const ticks = stripTicks(span, x).map((t) => ({ ...t, at: r5(t.at), labelAt: r5(t.labelAt) }));
  const marks = placed.map((p) => p.mark);
  const lanes = STRIP_LANE_WIDTHS_PX.map((w) => stripLanes(marks, w));
  return {
    firstYear: span.firstYear,
    lastYear: span.lastYear,
    bands: yearBands(placed, span),
    strip: { ticks, marks: marks.map((m, i) => ({ ...m, lanes: lanes.map((l) => l[i]!) })), ...(stop !== undefined ? { until: stop } : {}) },
  };
}

/** Percentages for SVG attributes, which take them at any width without a viewBox. */
export const percent = (fraction: number) => `${round2(fraction * 100)}%`;
