// Marks that would cover one another on the strip go to lanes below the first, so that every event on it can be seen
// and counted; each keeps its place in time, only its height changes.
import { symbolHalfWidth } from './categorySymbol';
import type { TimelineMark } from './timelineTypes';

/**
 * The strip widths, in CSS pixels, that lanes are worked out for, each taking over from that width up (timeline.css
 * has one container rule for each): a 320 px phone's strip at twice the text size, and at the usual size; a larger
 * phone's; a tablet's, a desktop's and paper.
 */
export const STRIP_LANE_WIDTHS_PX = [256, 288, 320, 400, 600] as const;
/** The lowest lane (0 is the axis'); marks that find no room above it share it. timeline.css draws this many. */
export const STRIP_MAX_LANE = 4;
/** The box a symbol's 16-unit outline is drawn in on the strip, in pixels, whatever the text size (TimelineStrip). */
export const STRIP_SYMBOL_PX = 9;
/** The background-coloured outline around each symbol (timeline.css, 1.5 of its units, half outside), and a pixel of air between two marks. */
const HALO_PX = (0.75 * STRIP_SYMBOL_PX) / 16;
const AIR_PX = 0.5;
/** How far a bar's rounded end reaches past its last day: half its stroke (0.4 em of the strip's text, up to 200 %) and air. */
const CAP_PX = 6;

type Placed = Pick<TimelineMark, 'at' | 'from' | 'to' | 'category'>;

const reaches = new Map<Placed['category'], number>();
/** How far a category's symbol reaches either side of its mark's time, in pixels. */
const symbolReach = (category: Placed['category']) =>
  reaches.get(category) ?? reaches.set(category, (symbolHalfWidth(category) * STRIP_SYMBOL_PX) / 16 + HALO_PX + AIR_PX).get(category)!;

/** Where a mark's ink lies along a strip `width` px wide: its symbol at its stretch's start or at its time, and a stretch's bar to its end. */
export function markExtent(m: Placed, width: number): [number, number] {
  const reach = symbolReach(m.category);
  const start = (m.from ?? m.at) * width;
  return [start - reach, m.to === undefined || m.to <= m.from! ? start + reach : Math.max(m.to * width + CAP_PX, start + reach)];
}

/**
 * Each mark's lane on a strip `width` px wide, in the marks' order: from left to right, each takes the highest lane
 * where it clears the marks already there, or else the last lane.
 */
export function stripLanes(marks: readonly Placed[], width: number): number[] {
  const ends: number[] = [];
  const lanes = new Array<number>(marks.length);
  const order = marks.map((m, i) => ({ i, e: markExtent(m, width) })).sort((a, b) => a.e[0] - b.e[0] || a.i - b.i);
  for (const { i, e: [from, to] } of order) {
    let lane = ends.findIndex((end) => end <= from);
    if (lane < 0) lane = Math.min(ends.length, STRIP_MAX_LANE);
    ends[lane] = Math.max(ends[lane] ?? -Infinity, to);
    lanes[i] = lane;
  }
  return lanes;
}
