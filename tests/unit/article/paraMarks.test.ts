// The timeline markers at the end of a paragraph, on plain events: one per year, named by every event of that year.
import { describe, expect, it } from 'vitest';
import { yearMarks } from '../../../src/lib/article/paraMarks';
import type { TimelineEvent } from '../../../src/schemas/timeline';

const event = (id: string, title: string, when: { date?: string; start?: string; end?: string }, precision = 'day') =>
  ({ id, title, precision, ...when }) as unknown as TimelineEvent;

describe('yearMarks', () => {
  it('yearMarks(events) gives one marker per year in the order given, leading to that year\'s first event and naming them all', () => {
    const marks = yearMarks([
      event('sochi', 'Summit in Sochi', { date: '2010-08-18' }),
      event('drill', 'Joint exercise', { start: '2016-09-24', end: '2016-10-10' }),
      event('deal', 'Helicopter deal', { date: '2016-11' }, 'month'),
      event('visit', 'A visit', { date: '2011-05-12' }),
    ]);
    expect(marks.map((m) => [m.year, m.eventId])).toEqual([['2010', 'sochi'], ['2016', 'drill'], ['2011', 'visit']]);
    expect(marks[0]!.label).toBe('On the timeline: Summit in Sochi, 18 August 2010');
    expect(marks[1]!.label).toBe('On the timeline: Joint exercise, 24 September – 10 October 2016; Helicopter deal, November 2016');
  });

  it('yearMarks(events) is empty for a paragraph that mentions no event', () => {
    expect(yearMarks([])).toEqual([]);
  });
});
