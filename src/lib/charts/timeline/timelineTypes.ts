// The shapes a timeline layout takes in and gives out: plain numbers and strings for TimelineChart.astro.
import type { TimelineCategory, TimelineEvent } from '../../../schemas/timeline';
import type { EventKind } from '../../timeline/dates';

export type Orientation = 'horizontal' | 'vertical';

export interface TimelineDims {
  width: number;
  /** Vertical layout: pixels given to each year along the axis; the chart grows if its labels need more room. */
  yearSize?: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  fontSize: number;
}

/** The stretch of time a timeline draws: its first and last day, in UTC milliseconds. */
export interface TimeSpan { start: number; end: number }

export interface Box { x: number; y: number; width: number; height: number }

export interface TimelineTick { year: number; label: string; x1: number; y1: number; x2: number; y2: number; labelX: number; labelY: number; anchor: 'start' | 'middle' | 'end' }

export interface TimelineMark {
  id: string;
  category: TimelineCategory;
  kind: EventKind;
  /** Month- or year-only dates: drawn hollow, with a dashed line over the whole month or year. */
  approximate: boolean;
  /** Where the symbol sits. */
  x: number;
  y: number;
  /** The symbol's outline, centred on 0,0 (translate it to x,y). */
  symbol: string;
  /** The stretch of time covered: a range of days, or the month or year of an approximate date. */
  span?: { x1: number; y1: number; x2: number; y2: number };
  label: { x: number; y: number; anchor: 'start' | 'end'; lines: string[]; lineHeight: number; box: Box };
  /** Vertical layout: the line from the symbol to its label. */
  leader?: string;
}

export interface TimelineLayout {
  orientation: Orientation;
  width: number;
  height: number;
  fontSize: number;
  axis: { x1: number; y1: number; x2: number; y2: number };
  ticks: TimelineTick[];
  marks: TimelineMark[];
}

/** What the layout reads of an event. */
export type TimelineRow = Pick<TimelineEvent, 'id' | 'title' | 'category' | 'date' | 'precision' | 'start' | 'end'>;
