// The timeline markers at the end of an author's paragraph: one per year of the events it mentions.
import type { TimelineEvent } from '../../schemas/timeline';
import { formatEventDate } from '../timeline/dates';

export interface YearMark {
  year: string;
  /** The first event of that year: the marker leads there (the others follow it on the timeline). */
  eventId: string;
  /** The marker's accessible name: every event of that year the paragraph mentions. */
  label: string;
}

const yearOf = (e: TimelineEvent) => (e.start ?? e.date)!.slice(0, 4);

/** One marker per year, in date order, so a paragraph that mentions two events of 2011 shows “2011” once. */
export function yearMarks(events: readonly TimelineEvent[]): YearMark[] {
  const years = new Map<string, TimelineEvent[]>();
  for (const e of events) years.set(yearOf(e), [...(years.get(yearOf(e)) ?? []), e]);
  return [...years].map(([year, list]) => ({
    year,
    eventId: list[0]!.id,
    label: `On the timeline: ${list.map((e) => `${e.title}, ${formatEventDate(e)}`).join('; ')}`,
  }));
}
