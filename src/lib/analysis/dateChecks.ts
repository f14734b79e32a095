// Dates that must agree across files: the article tells of nothing after it was published, the epilogue of nothing
// before the article or after its facts run out, and no date of the edition's own lies in the future.

import { firstDayOf, lastDayOf } from '../timeline/dates';

interface Dated { id: string; date?: string; start?: string; end?: string }
const firstOf = (e: Dated) => (e.start !== undefined ? { field: 'start', when: e.start } : { field: 'date', when: e.date! });
const lastOf = (e: Dated) => (e.end !== undefined ? { field: 'end', when: e.end } : { field: 'date', when: e.date! });

/** The article's events begin by the end of the period it was published in (a run of days may go on after it). */
export function articleEventDateProblems(events: readonly Dated[], published: string): string[] {
  return events.flatMap((e) => {
    const { field, when } = firstOf(e);
    return firstDayOf(when) > lastDayOf(published) ? [`event "${e.id}", field "${field}": ${when} is after the article was published (${published}); the article cannot tell of it`] : [];
  });
}

/** A step of a deal that the article reports is confirmed by a report of its time, not of later. */
export function dealDateProblems(deals: readonly { id: string; confirmedBy?: { date: string } }[], published: string): string[] {
  return deals.flatMap((d) => (d.confirmedBy && firstDayOf(d.confirmedBy.date) > lastDayOf(published)
    ? [`row "${d.id}", field "confirmedBy.date": ${d.confirmedBy.date} is after the article was published (${published}); the step it confirms is one the article reports`]
    : []));
}

/** The epilogue's events come after the article and by the day its facts run to. */
export function laterEventDateProblems(events: readonly Dated[], published: string, factsTo: { day: string; file: string }): string[] {
  return events.flatMap((e) => {
    const first = firstOf(e), last = lastOf(e);
    // A year or month that holds the article's month may fall either side of it.
    const straddles = lastDayOf(first.when) > lastDayOf(published);
    return [
      ...(firstDayOf(first.when) <= lastDayOf(published)
        ? [`event "${e.id}", field "${first.field}": ${first.when} ${straddles ? 'may fall before the article was published' : 'is not after the article was published'} (${published})${straddles ? '; give the month or the day' : ''}`]
        : []),
      ...(firstDayOf(last.when) > factsTo.day ? [`event "${e.id}", field "${last.field}": ${last.when} is after the facts run out (factsTo ${factsTo.day}, ${factsTo.file})`] : []),
    ];
  });
}

/** The calendar day where it is latest on Earth (UTC+14): an editor's "today" anywhere is no later than this. */
export const latestDayOnEarth = (now: number) => new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);

/** A day the edition gives for its own work (updated, added) is not after the day it is built, wherever it is built. */
export function futureDayProblems(days: readonly { where: string; day: string }[], today: string): string[] {
  return days.filter((d) => d.day > today).map((d) => `${d.where}: ${d.day} is after today (${today})`);
}
