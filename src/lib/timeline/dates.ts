// Dates of timeline events: the stretch of time each one covers and how to write it for a reader.
import type { TimelineEvent } from '../../schemas/timeline';
import { formatPartialDate, MONTHS } from '../format';

export type EventKind = 'day' | 'month' | 'year' | 'range';

/** A point or stretch of time in UTC milliseconds; `end` is exclusive (the day after the last day). */
export interface EventSpan { kind: EventKind; start: number; end: number }

type Dated = Pick<TimelineEvent, 'date' | 'precision' | 'start' | 'end'>;

/** The last day a date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) may stand for, as a string that compares with ISO days. */
export const lastDayOf = (iso: string) => (iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-31` : iso);
/** The first day a date of any precision stands for. */
export const firstDayOf = (iso: string) => (iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso);

function utc(iso: string): [number, number, number] {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return [y!, m - 1, d];
}

/** The time an event covers: its day, the whole month or year when that is all we know, or its range of days. */
export function eventSpan(e: Dated): EventSpan {
  if (e.start && e.end) {
    const [y, m, d] = utc(e.end);
    return { kind: 'range', start: Date.UTC(...utc(e.start)), end: Date.UTC(y, m, d + 1) };
  }
  const [y, m, d] = utc(e.date!);
  const precision = e.precision!;
  const end = precision === 'year' ? Date.UTC(y + 1, 0, 1) : precision === 'month' ? Date.UTC(y, m + 1, 1) : Date.UTC(y, m, d + 1);
  return { kind: precision, start: Date.UTC(y, m, d), end };
}

/** Sorts by the start of the event, then by its end, then by id, so the order never depends on the file. */
export function byDate<T extends Dated & { id: string }>(a: T, b: T): number {
  const sa = eventSpan(a), sb = eventSpan(b);
  return sa.start - sb.start || sa.end - sb.end || a.id.localeCompare(b.id);
}


/** "18 August 2010", "November 2016", "2017", "6–7 April 2021" or "21 October – 4 November 2018". */
export function formatEventDate(e: Dated): string {
  const [first, last] = eventTimes(e);
  return last ? `${first!.text}${rangeDash(first!.text)}${last.text}` : first!.text;
}

/** The dash between a range's two dates: closed up after a day alone ("6–7 April"), spaced after a day and month. */
export const rangeDash = (first: string) => (first.includes(' ') ? ' – ' : '–');

/** The parts of an event's date as `<time>` elements need them: one for a point, two for a range. */
export function eventTimes(e: Dated): { datetime: string; text: string }[] {
  if (e.start && e.end) {
    const [ys, ms, ds] = utc(e.start);
    const [ye, me, de] = utc(e.end);
    const first = ys !== ye ? `${ds} ${MONTHS[ms]} ${ys}` : ms !== me ? `${ds} ${MONTHS[ms]}` : `${ds}`;
    return [{ datetime: e.start, text: first }, { datetime: e.end, text: `${de} ${MONTHS[me]} ${ye}` }];
  }
  return [{ datetime: e.date!, text: formatPartialDate(e.date!, e.precision!) }];
}

/** How exact the date is, in words, for the cases where it is not a single day. */
export function precisionNote(e: Dated): string | undefined {
  if (e.start && e.end) return undefined;
  if (e.precision === 'month') return 'month only';
  if (e.precision === 'year') return 'year only';
  return undefined;
}
