// The drawing down the page: events grouped by year, each year as tall as its events need, empty years run together as a break.
import type { TimelineBand, TimelineMark } from './timelineTypes';
import type { TimelineSpan } from './timelineScale';

/** Marks in date order, each with the year it starts in; one pass, so the cost grows with the number of events. */
export function yearBands(marks: { year: number; mark: TimelineMark }[], span: TimelineSpan): TimelineBand[] {
  const byYear = new Map<number, TimelineMark[]>();
  for (const { year, mark } of marks) (byYear.get(year) ?? byYear.set(year, []).get(year)!).push(mark);
  const bands: TimelineBand[] = [];
  for (let year = span.firstYear; year <= span.lastYear; year++) {
    const these = byYear.get(year);
    if (these) bands.push({ kind: 'year', year, marks: these });
    else {
      const last = bands.at(-1);
      if (last?.kind === 'gap') last.to = year;
      else bands.push({ kind: 'gap', from: year, to: year });
    }
  }
  return bands;
}
