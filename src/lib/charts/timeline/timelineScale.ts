// Where events fall in time: the span of whole years a timeline draws, its UTC scale, and the moment each kind of date is drawn at.
import { scaleUtc } from 'd3-scale';
import { eventSpan, type EventKind } from '../../timeline/dates';
import type { TimelineRow } from './timelineTypes';

/** Whole years, first to last; `start` is 1 January of the first, `end` 1 January after the last (exclusive), in UTC ms. */
export interface TimelineSpan { firstYear: number; lastYear: number; start: number; end: number }

/** An explicit range of years to draw, e.g. { from: 2010, to: 2018 }. */
export interface YearRange { from: number; to: number }

const yearOf = (t: number) => new Date(t).getUTCFullYear();

/**
 * The years a timeline draws: the explicit range when given (every event must fall inside it), otherwise
 * from the year of the earliest event to the year of the latest.
 */
export function timelineSpan(rows: readonly TimelineRow[], range?: YearRange): TimelineSpan {
  const spans = rows.map((r) => ({ id: r.id, ...eventSpan(r) }));
  let earliest = Infinity, latest = -Infinity;
  for (const s of spans) { earliest = Math.min(earliest, s.start); latest = Math.max(latest, s.end); }
  let firstYear: number, lastYear: number;
  if (range) {
    if (!(Number.isInteger(range.from) && Number.isInteger(range.to) && range.from <= range.to)) throw new RangeError(`timeline span ${range.from}–${range.to} is not a range of whole years`);
    ({ from: firstYear, to: lastYear } = range);
  } else {
    if (!spans.length) throw new RangeError('a timeline with no events needs an explicit span of years');
    firstYear = yearOf(earliest);
    lastYear = yearOf(latest - 1);
  }
  const start = Date.UTC(firstYear, 0, 1), end = Date.UTC(lastYear + 1, 0, 1);
  const outside = spans.filter((s) => s.start < start || s.end > end).map((s) => s.id);
  if (outside.length) throw new RangeError(`timeline span ${firstYear}–${lastYear} leaves out ${outside.join(', ')}`);
  return { firstYear, lastYear, start, end };
}

/** The span as a D3 UTC scale onto 0 (its first instant) to 1 (its end): the strip draws fractions as per cent. */
export const spanScale = (span: TimelineSpan) => scaleUtc().domain([new Date(span.start), new Date(span.end)]).range([0, 1]);

/** Where the symbol sits in time: the day itself, the first day of a range, the middle of a month or year. */
export function anchorTime(kind: EventKind, start: number, end: number): number {
  if (kind === 'month' || kind === 'year') return (start + end) / 2;
  if (kind === 'day') return start + 12 * 3600_000;
  return start;
}
