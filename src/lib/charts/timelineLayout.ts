// Timeline geometry: places dated events on a UTC time scale over the span drawn (2010–2018 unless told), across or down, with labels that never overlap (the parts are in timeline/).
import { byDate } from '../timeline/dates';
import { horizontalLayout } from './timeline/horizontalLayout';
import { verticalLayout } from './timeline/verticalLayout';
import type { Orientation, TimeSpan, TimelineDims, TimelineLayout, TimelineRow } from './timeline/timelineTypes';

export { categorySymbol, SYMBOL_RADIUS } from './timeline/categorySymbol';
export { symbolColumns } from './timeline/symbolColumns';
export { TIMELINE_START, TIMELINE_END, yearSpan } from './timeline/timelineScale';
export type { Box, Orientation, TimeSpan, TimelineDims, TimelineLayout } from './timeline/timelineTypes';

export function timelineLayout(events: TimelineRow[], dims: TimelineDims, orientation: Orientation, span?: TimeSpan): TimelineLayout {
  const rows = [...events].sort(byDate);
  return orientation === 'horizontal' ? horizontalLayout(rows, dims, span) : verticalLayout(rows, dims, span);
}

/** The two layouts the site draws: horizontal for wide screens, vertical for phones and print. */
export const HORIZONTAL_DIMS: TimelineDims = { width: 600, marginTop: 24, marginRight: 8, marginBottom: 8, marginLeft: 8, fontSize: 12 };
export const VERTICAL_DIMS: TimelineDims = { width: 300, yearSize: 68, marginTop: 12, marginRight: 4, marginBottom: 12, marginLeft: 44, fontSize: 13 };
