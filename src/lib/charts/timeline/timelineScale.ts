// Where events fall in time: the 2010–2018 UTC scale both orientations share, and the moment each kind of date is drawn at.
import { scaleUtc } from 'd3-scale';
import type { EventKind } from '../../timeline/dates';

export const TIMELINE_START = Date.UTC(2010, 0, 1);
export const TIMELINE_END = Date.UTC(2018, 11, 31);

export function timelineScale(range: [number, number]) {
  return scaleUtc().domain([new Date(TIMELINE_START), new Date(TIMELINE_END)]).range(range);
}

/** Where the symbol sits in time: the day itself, the first day of a range, the middle of a month or year. */
export function anchorTime(kind: EventKind, start: number, end: number): number {
  if (kind === 'month' || kind === 'year') return (start + end) / 2;
  if (kind === 'day') return start + 12 * 3600_000;
  return start;
}

/** The last moment drawn: the exclusive end of a span, pulled back inside the scale's domain. */
export const lastTime = (end: number) => Math.min(end, TIMELINE_END + 86_400_000);
