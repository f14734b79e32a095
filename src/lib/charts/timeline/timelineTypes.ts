// The shapes a timeline layout takes in and gives out: plain numbers and strings for the timeline components.
import type { TimelineCategory, TimelineEvent } from '../../../schemas/timeline';
import type { EventKind } from '../../timeline/dates';

/** What the layout reads of an event. */
export type TimelineRow = Pick<TimelineEvent, 'id' | 'title' | 'category' | 'date' | 'precision' | 'start' | 'end'>;

export interface TimelineMark {
  id: string;
  category: TimelineCategory;
  kind: EventKind;
  /** Month- or year-only dates: drawn hollow, with a dashed line over the whole month or year. */
  approximate: boolean;
  /** The symbol's outline, centred on 0,0 in a 16-unit box. */
  symbol: string;
  /** Where the symbol sits across the span, 0 to 1. */
  at: number;
  /** The stretch of time covered (a range of days, or the month or year of an approximate date), 0 to 1. */
  from?: number;
  to?: number;
}

/** A mark on the strip, with its lane at each of STRIP_LANE_WIDTHS_PX (0: on the axis; each next one a stem lower). */
export interface StripMark extends TimelineMark { lanes: number[] }

/**
 * The drawing down the page: one band per year that has events, holding them in date order, and one
 * band for each run of years without any, drawn as a break in the axis.
 */
export type TimelineBand =
  | { kind: 'year'; year: number; marks: TimelineMark[] }
  | { kind: 'gap'; from: number; to: number };

/**
 * A year on the strip drawn to a true time scale. `at` is where the year starts; its label sits at
 * `labelAt` with `anchor`, shown once the strip is at least `minWidthEm` ems wide (0: always).
 */
export interface StripTick { year: number; at: number; label: string; labelAt: number; anchor: 'start' | 'middle' | 'end'; minWidthEm: number }

export interface TimelineLayout {
  firstYear: number;
  lastYear: number;
  bands: TimelineBand[];
  /**
   * Every event on one true time scale across the span, and the years' ticks. `until`, where the facts stop before
   * the span ends: the start of the day after their last day, 0 to 1; the strip marks the stretch after it.
   */
  strip: { ticks: StripTick[]; marks: StripMark[]; until?: number };
}
