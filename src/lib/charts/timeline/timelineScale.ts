// Where events fall in time: the UTC scale both orientations share over the span a timeline draws, and the moment each kind of date is drawn at.
import { scaleUtc } from 'd3-scale';
import type { EventKind } from '../../timeline/dates';
import type { TimeSpan } from './timelineTypes';

export const TIMELINE_START = Date.UTC(2010, 0, 1);
export const TIMELINE_END = Date.UTC(2018, 11, 31);

/** The article's timeline: 1 January 2010 to 31 December 2018. */
export const ARTICLE_TIME_SPAN: TimeSpan = { start: TIMELINE_START, end: TIMELINE_END };

/** A span from the first day of `firstYear` to the last day of `lastYear`, in UTC milliseconds. */
export const yearSpan = (firstYear: number, lastYear: number): TimeSpan => ({ start: Date.UTC(firstYear, 0, 1), end: Date.UTC(lastYear, 11, 31) });

/** How many calendar years the span touches. */
export const yearsIn = (span: TimeSpan) => new Date(span.end).getUTCFullYear() - new Date(span.start).getUTCFullYear() + 1;

export function timelineScale(range: [number, number], span: TimeSpan = ARTICLE_TIME_SPAN) {
  return scaleUtc().domain([new Date(span.start), new Date(span.end)]).range(range);
}

/** Where the symbol sits in time: the day itself, the first day of a range, the middle of a month or year. */
export function anchorTime(kind: EventKind, start: number, end: number): number {
  if (kind === 'month' || kind === 'year') return (start + end) / 2;
  if (kind === 'day') return start + 12 * 3600_000;
  return start;
}

/** The last moment drawn: the exclusive end of a span, pulled back inside the scale's domain. */
export const lastTime = (end: number, span: TimeSpan = ARTICLE_TIME_SPAN) => Math.min(end, span.end + 86_400_000);
