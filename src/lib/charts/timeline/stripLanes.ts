// Marks that would cover one another on the strip go to lanes below the first, so that every event on it can be seen
// and counted; each keeps its place in time, only its height changes.
import type { TimelineMark } from './timelineTypes';

/**
 * The strip widths, in CSS pixels, that lanes are worked out for: the first is a 320 px phone's strip; each later one
 * takes over from that width up (timeline.css has one container rule for each).
 */
export const STRIP_LANE_WIDTHS_PX = [288, 400, 600] as const;
/** How far a mark reaches either side of its time or its stretch of time, in pixels: half its symbol (9 px, TimelineStrip) and a pixel of air. */
export const STRIP_MARK_REACH_PX = 5.5;
/** The lowest lane (0 is the axis'); marks that find no room above it share it. timeline.css draws this many. */
export const STRIP_MAX_LANE = 4;

type Placed = Pick<TimelineMark, 'at' | 'from' | 'to'>;

/** Where a mark's ink lies along a strip `width` px wide: its symbol sits at its stretch's start, or at its time. */
export function markExtent(m: Placed, width: number): [number, number] {
  const start = (m.from ?? m.at) * width, end = (m.to ?? m.at) * width;
  return [start - STRIP_MARK_REACH_PX, Math.max(end, start) + STRIP_MARK_REACH_PX];
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
