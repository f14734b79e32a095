import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { eventDateIssues, parseTimeline, timelineProblems, timelineEventSchema, MAX_TIMELINE_EVENTS, TIMELINE_FIRST_DAY, TIMELINE_LAST_DAY } from '../../../src/schemas/timeline';
import { byDate, eventSpan, eventTimes, formatEventDate, precisionNote } from '../../../src/lib/timeline/dates';
import { ROOT } from '../../support/content';
import { outline as parsedOutline } from '../analysis/fixture';

const FILE = 'content/data/timeline.yaml';
const text = readFileSync(join(ROOT, FILE), 'utf8');
const rows: Record<string, unknown>[] = parse(text);

/** The YAML with one event changed (or replaced by the result of `change`). */
function withEvent(id: string, change: (e: Record<string, unknown>) => Record<string, unknown>): string {
  return stringify(rows.map((r) => (r.id === id ? change({ ...r }) : r)));
}

/** What eventDateIssues says of an event held to the span 2019–2026, as "field: message". */
function issues(e: Parameters<typeof eventDateIssues>[0]): string[] {
  const found: string[] = [];
  eventDateIssues(e, { firstDay: '2019-01-01', lastDay: '2026-12-31' }, (path, message) => found.push(`${path}: ${message}`));
  return found;
}

/** The error message parseTimeline throws for this YAML. */
function errorOf(yaml: string): string {
  try {
    parseTimeline(yaml, FILE);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('parseTimeline accepted bad data');
}

describe('timeline data', () => {
  it('parseTimeline(content/data/timeline.yaml) accepts the timeline as written, every event inside 2010–2018', () => {
    const events = parseTimeline(text, FILE);
    expect(events).toHaveLength(rows.length);
    for (const e of events) {
      const span = eventSpan(e);
      expect(span.start, e.id).toBeGreaterThanOrEqual(Date.parse(TIMELINE_FIRST_DAY));
      expect(span.end - 86_400_000, e.id).toBeLessThanOrEqual(Date.parse(TIMELINE_LAST_DAY));
    }
  });

  it('parseTimeline(yaml) rejects a date outside 2010–2018, naming the file, the event and the field', () => {
    const msg = errorOf(withEvent('kayani-visit-2012', (e) => ({ ...e, date: '2009-10-03' })));
    expect(msg).toContain(FILE);
    expect(msg).toMatch(/event "kayani-visit-2012", field "date": 2009-10-03 is outside the timeline/);
    expect(errorOf(withEvent('trade-growth-2017', (e) => ({ ...e, date: '2019' })))).toMatch(/event "trade-growth-2017", field "date"/);
    expect(errorOf(withEvent('druzhba-2018', (e) => ({ ...e, end: '2019-01-04' })))).toMatch(/event "druzhba-2018", field "end": 2019-01-04 is outside/);
  });

  it('eventDateIssues(event, span, issue) holds an event to the span it is given, naming the span', () => {
    expect(issues({ date: '2025-09', precision: 'month' })).toEqual([]);
    expect(issues({ start: '2025-09-15', end: '2025-09-27' })).toEqual([]);
    expect(issues({ date: '2018-10', precision: 'month' })).toEqual(['date: 2018-10 is outside the timeline (2019–2026)']);
    expect(issues({ start: '2026-12-30', end: '2027-01-02' })).toEqual(['end: 2027-01-02 is outside the timeline (2019–2026)']);
    expect(issues({ date: '2020-11', precision: 'day' })).toEqual(['date: "2020-11" does not match precision "day"']);
  });

  it('eventDateIssues(event, span, issue) takes a range on the span\'s first and last days, refuses one a day past either, and holds a range with one end missing to that alone', () => {
    expect(issues({ start: '2019-01-01', end: '2019-01-01' })).toEqual([]);
    expect(issues({ start: '2026-12-31', end: '2026-12-31' })).toEqual([]);
    expect(issues({ start: '2027-01-01', end: '2027-01-01' })).toEqual(['start: 2027-01-01 is outside the timeline (2019–2026)', 'end: 2027-01-01 is outside the timeline (2019–2026)']);
    expect(issues({ start: '2018-12-31', end: '2018-12-31' })).toEqual(['start: 2018-12-31 is outside the timeline (2019–2026)', 'end: 2018-12-31 is outside the timeline (2019–2026)']);
    expect(issues({ start: '2030-01-01' })).toEqual(['end: a range needs an end day']);
    expect(issues({ end: '2010-01-01' })).toEqual(['start: a range needs a start day']);
  });

  it('parseTimeline(yaml) names a row whose id is missing or not text by its place in the file, and never calls two such rows duplicates', () => {
    const msg = errorOf(stringify([{ ...rows[0], id: 5 }, null, { ...rows[0], id: undefined }, { ...rows[0], id: undefined }]));
    expect(msg).toMatch(/event #1, field "id"/);
    expect(msg).toMatch(/event #2/);
    expect(msg).toMatch(/event #3, field "id"/);
    expect(msg).toMatch(/event #4, field "id"/);
    expect(msg).not.toMatch(/duplicate/);
    expect(msg).not.toMatch(/event "5"/);
  });

  it('parseTimeline(yaml) rejects an inferred or outside date without a source, naming the event and the field', () => {
    const msg = errorOf(withEvent('sochi-summit-2010', ({ source: _, ...e }) => e));
    expect(msg).toContain(FILE);
    expect(msg).toMatch(/event "sochi-summit-2010", field "source": a date that is inferred needs a source/);
    expect(errorOf(withEvent('salala-attack-2011', ({ source: _, ...e }) => e))).toMatch(/event "salala-attack-2011", field "source"/);
  });

  it('parseTimeline(yaml) refuses more events than one figure can show readably, naming the file and the count, before reading a row', () => {
    const many = Array.from({ length: MAX_TIMELINE_EVENTS + 1 }, (_, i) => ({ ...rows[0], id: `event-${i}` }));
    const msg = errorOf(stringify(many));
    expect(msg).toContain(`${FILE}: invalid data`);
    expect(msg).toContain(`the file (${MAX_TIMELINE_EVENTS + 1} events): a timeline figure stays readable with at most ${MAX_TIMELINE_EVENTS} events`);
    expect(msg.split('\n')).toHaveLength(2);
    // Exactly the limit is accepted.
    expect(parseTimeline(stringify(many.slice(0, MAX_TIMELINE_EVENTS)), FILE)).toHaveLength(MAX_TIMELINE_EVENTS);
    // A hundred thousand events are refused at once, not laid out.
    expect(errorOf(stringify(Array.from({ length: 100_000 }, () => ({}))))).toContain('100000 events');
  });

  it('parseTimeline(yaml) rejects duplicate ids, naming the id and both events', () => {
    const dup = stringify([...rows, { ...rows.find((r) => r.id === 'druzhba-2017'), title: 'Another exercise' }]);
    const msg = errorOf(dup);
    expect(msg).toContain(FILE);
    expect(msg).toMatch(new RegExp(`event "druzhba-2017", field "id": duplicate id, already used by event #${rows.findIndex((r) => r.id === 'druzhba-2017') + 1}`));
  });

  it('parseTimeline(yaml) rejects a range that ends before it starts, and a date that does not match its precision', () => {
    expect(errorOf(withEvent('druzhba-2016', (e) => ({ ...e, end: '2016-09-01' })))).toMatch(/event "druzhba-2016", field "end": the range ends \(2016-09-01\) before it starts \(2016-09-24\)/);
    expect(errorOf(withEvent('pipeline-proposal-2016', (e) => ({ ...e, date: '2016-11-05' })))).toMatch(/event "pipeline-proposal-2016", field "date": "2016-11-05" does not match precision "month"/);
    expect(errorOf(withEvent('salala-attack-2011', (e) => ({ ...e, date: '2011-02-30' })))).toMatch(/event "salala-attack-2011", field "date"/);
  });

  it('parseTimeline(yaml) names an event by position when its id is missing, and names unknown fields', () => {
    const msg = errorOf(withEvent('salala-attack-2011', ({ id: _, ...e }) => ({ ...e, colour: 'red' })));
    const n = rows.findIndex((r) => r.id === 'salala-attack-2011') + 1;
    expect(msg).toContain(`event #${n}, field "id"`);
    expect(msg).toMatch(new RegExp(`event #${n}, field "\\(root\\)": Unrecognized key: "colour"`));
  });

  it('parseTimeline(yaml) names every problem of every event, one a line', () => {
    const yaml = stringify(rows.map((r) => (r.id === 'druzhba-2017' ? { ...r, articleSays: undefined } : r.id === 'druzhba-2016' ? { ...r, colour: 'red' } : r)));
    expect(errorOf(yaml).split('\n')).toEqual([
      `${FILE}: invalid data`,
      expect.stringMatching(/^ {2}- event "druzhba-2016", field "\(root\)": Unrecognized key: "colour"$/),
      expect.stringMatching(/^ {2}- event "druzhba-2017", field "articleSays": /),
    ]);
  });

  it('parseTimeline(yaml) requires the article’s words for an inferred date', () => {
    expect(errorOf(withEvent('druzhba-2017', ({ articleSays: _, ...e }) => e))).toMatch(/event "druzhba-2017", field "articleSays"/);
  });

  it('timelineProblems(events, article) names the event and the field of a paragraph id that does not exist', () => {
    const outline = parsedOutline();
    const events = parseTimeline(withEvent('north-waziristan-visit-2017', (e) => ({ ...e, paragraph: 'south-waziristan-visit' })), FILE);
    const article = { paragraphIds: outline.paragraphs.map((p) => p.id), otherIds: outline.sections.map((s) => s.id) };
    expect(timelineProblems(events, article)).toEqual(['event "north-waziristan-visit-2017", field "paragraph": no paragraph "south-waziristan-visit" in the article']);
    expect(timelineProblems(parseTimeline(text, FILE), article)).toEqual([]);
  });

  it('timelineProblems(events, article) rejects an event id the article already uses', () => {
    const outline = parsedOutline();
    const events = parseTimeline(withEvent('druzhba-2018', (e) => ({ ...e, id: 'druzhba-exercises' })), FILE);
    const article = { paragraphIds: outline.paragraphs.map((p) => p.id), otherIds: outline.sections.map((s) => s.id) };
    expect(timelineProblems(events, article)).toEqual([expect.stringMatching(/event "druzhba-exercises", field "id": the article already uses/)]);
  });

  it('timelineEventSchema accepts each kind of date: a day, a month, a year and a range', () => {
    const base = { id: 'x', title: 'An event', summary: 'Something happened that the article mentions.', category: 'trade', dateFrom: 'article', articleSays: '2–9 May 2017', paragraph: 'trade-figures' };
    for (const date of [{ date: '2017-05-02', precision: 'day' }, { date: '2017-05', precision: 'month' }, { date: '2017', precision: 'year' }, { start: '2017-05-02', end: '2017-05-09' }]) {
      expect(timelineEventSchema.safeParse({ ...base, ...date }).success, JSON.stringify(date)).toBe(true);
    }
    expect(timelineEventSchema.safeParse({ ...base, date: '2017', precision: 'year', start: '2017-05-02', end: '2017-05-09' }).success).toBe(false);
  });
});

describe('timeline dates', () => {
  // Made afresh before each test: under mutation testing, the mutant is switched on only then.
  let events: ReturnType<typeof parseTimeline>;
  beforeEach(() => { events = parseTimeline(text, FILE); });
  const event = (id: string) => events.find((e) => e.id === id)!;

  it('formatEventDate(e) writes a day, a month, a year and a range of the real timeline as a reader reads them', () => {
    expect(formatEventDate(event('pipeline-proposal-2016'))).toBe('November 2016');
    expect(formatEventDate(event('abbottabad-raid-2011'))).toBe('2 May 2011');
    expect(formatEventDate(event('trade-growth-2017'))).toBe('2017');
    expect(formatEventDate(event('parliamentary-review-2012'))).toBe('20 March – 12 April 2012');
    expect(formatEventDate(event('druzhba-2018'))).toBe('21 October – 4 November 2018');
    expect(formatEventDate(event('sochi-summit-2010'))).toBe('18 August 2010');
  });

  it('formatEventDate(e) names the month once for a range inside one month, and both years for a range across a new year', () => {
    expect(formatEventDate({ start: '2017-05-02', end: '2017-05-09' })).toBe('2–9 May 2017');
    expect(formatEventDate({ start: '2016-12-28', end: '2017-01-03' })).toBe('28 December 2016 – 3 January 2017');
  });

  it('formatEventDate(e), eventTimes(e), precisionNote(e) and eventSpan(e) take a range only where it has both ends', () => {
    const half = { date: '2017-05', precision: 'month' as const, start: '2017-05-02' };
    expect(formatEventDate(half)).toBe('May 2017');
    expect(eventTimes(half)).toEqual([{ datetime: '2017-05', text: 'May 2017' }]);
    expect(precisionNote(half)).toBe('month only');
    expect(eventSpan(half).kind).toBe('month');
    const otherHalf = { date: '2017', precision: 'year' as const, end: '2017-05-09' };
    expect([formatEventDate(otherHalf), precisionNote(otherHalf), eventSpan(otherHalf).kind]).toEqual(['2017', 'year only', 'year']);
  });

  it('eventTimes(e) gives one <time> for a dated event and two for a range, each with its ISO date', () => {
    expect(eventTimes(event('pipeline-proposal-2016'))).toEqual([{ datetime: '2016-11', text: 'November 2016' }]);
    expect(eventTimes(event('parliamentary-review-2012'))).toEqual([
      { datetime: '2012-03-20', text: '20 March' },
      { datetime: '2012-04-12', text: '12 April 2012' },
    ]);
    expect(eventTimes({ start: '2017-05-02', end: '2017-05-09' })).toEqual([
      { datetime: '2017-05-02', text: '2' },
      { datetime: '2017-05-09', text: '9 May 2017' },
    ]);
    expect(eventTimes({ start: '2016-12-28', end: '2017-01-03' })).toEqual([
      { datetime: '2016-12-28', text: '28 December 2016' },
      { datetime: '2017-01-03', text: '3 January 2017' },
    ]);
  });

  it('precisionNote(e) says "month only" or "year only", and nothing for a day or a range', () => {
    expect(precisionNote(event('pipeline-proposal-2016'))).toBe('month only');
    expect(precisionNote(event('abbottabad-raid-2011'))).toBeUndefined();
    expect(precisionNote(event('trade-growth-2017'))).toBe('year only');
    expect(precisionNote(event('parliamentary-review-2012'))).toBeUndefined();
    expect(precisionNote(event('sochi-summit-2010'))).toBeUndefined();
    // A range says nothing even where a precision is also given.
    expect(precisionNote({ start: '2017-05-02', end: '2017-05-09', precision: 'month' })).toBeUndefined();
  });

  it('eventSpan(e) covers the whole day, month or year, and a range to the end of its last day', () => {
    expect(eventSpan({ date: '2011-05', precision: 'month' })).toEqual({ kind: 'month', start: Date.UTC(2011, 4, 1), end: Date.UTC(2011, 5, 1) });
    expect(eventSpan({ date: '2017', precision: 'year' })).toEqual({ kind: 'year', start: Date.UTC(2017, 0, 1), end: Date.UTC(2018, 0, 1) });
    expect(eventSpan({ date: '2011-05-02', precision: 'day' })).toEqual({ kind: 'day', start: Date.UTC(2011, 4, 2), end: Date.UTC(2011, 4, 3) });
    expect(eventSpan({ start: '2012-03-20', end: '2012-04-12' })).toEqual({ kind: 'range', start: Date.UTC(2012, 2, 20), end: Date.UTC(2012, 3, 13) });
  });

  it('byDate(a, b) orders by start, then by end, then by id', () => {
    const a = { id: 'a', date: '2017-05', precision: 'month' as const };
    const b = { id: 'b', date: '2017-05-01', precision: 'day' as const };
    const c = { id: 'c', date: '2017-05-01', precision: 'day' as const };
    const d = { id: 'd', date: '2017-04-30', precision: 'day' as const };
    expect([a, c, b, d].sort(byDate).map((e) => e.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(byDate(b, b)).toBe(0);
  });
});
