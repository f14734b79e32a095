// The exact message for each rule of the timeline and source schemas, and the way issues are named.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timelineEventSchema, parseTimeline, timelineProblems } from '../../../src/schemas/timeline';
import { period as periodSchema, rowId, sourceSchema } from '../../../src/schemas/source';
import { describeIssues, issueLines } from '../../../src/schemas/issues';
import { publishedIdsSchema, redirectsSchema } from '../../../src/schemas/ids';
import { SLUG, SLUG_MAX } from '../../../src/schemas/text';

const base = { id: 'e', title: 'A summit', summary: 'Leaders met and agreed on the next steps.', category: 'diplomacy', dateFrom: 'article', articleSays: 'on 1 May 2012', paragraph: 'p' };
const source = { title: 'Report', url: 'https://example.org/' };
/** Field → message of every issue the schema raises for `event`. */
const issues = (event: Record<string, unknown>) => {
  const r = timelineEventSchema.safeParse({ ...base, ...event });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('timelineEventSchema messages', () => {
  it.each([
    [{ date: '2012-05-01', precision: 'day', start: '2012-05-01', end: '2012-05-02' }, { date: 'give either date (with precision) or start and end, not both', precision: 'a range of days needs no precision' }],
    [{ start: '2012-05-01' }, { end: 'a range needs an end day' }],
    [{ end: '2012-05-01' }, { start: 'a range needs a start day' }],
    [{ start: '2012-05-03', end: '2012-05-01' }, { end: 'the range ends (2012-05-01) before it starts (2012-05-03)' }],
    [{ start: '2009-12-31', end: '2019-01-01' }, { start: '2009-12-31 is outside the timeline (2010–2018)', end: '2019-01-01 is outside the timeline (2010–2018)' }],
    [{}, { date: 'an event needs a date (with precision) or a start and end', precision: 'say how exact the date is: day, month or year' }],
    [{ date: '2012' }, { precision: 'say how exact the date is: day, month or year' }],
    [{ precision: 'day' }, { date: 'an event needs a date (with precision) or a start and end' }],
    [{ date: '2012-05', precision: 'day' }, { date: '"2012-05" does not match precision "day"' }],
    [{ date: '2012-02-30', precision: 'day' }, { date: '"2012-02-30" is not a calendar day' }],
    [{ date: '2012-13', precision: 'month' }, { date: '"2012-13" has no such month' }],
    [{ date: '2012-00', precision: 'month' }, { date: '"2012-00" has no such month' }],
    [{ date: '2009', precision: 'year' }, { date: '2009 is outside the timeline (2010–2018)' }],
    [{ date: '2019-01', precision: 'month' }, { date: '2019-01 is outside the timeline (2010–2018)' }],
    [{ date: '2012', precision: 'year', dateFrom: 'inferred', articleSays: undefined }, { source: 'a date that is inferred needs a source (title and url)', articleSays: 'an inferred date must quote what the article says (e.g. "2010")' }],
    [{ date: '2012', precision: 'year', dateFrom: 'outside', articleSays: '2012', source }, { articleSays: 'the article gives no date for this event, so there is nothing to quote; use dateFrom: inferred' }],
    [{ date: '2012', precision: 'year', dateFrom: 'outside', articleSays: undefined }, { source: 'a date that is from outside the article needs a source (title and url)' }],
    [{ start: '2012-05-01', end: '2012-07-02' }, { end: 'a run of days lasts at most 62 days (this one, 63); date a longer one by its month or year' }],
    [{ date: '2012-05-01', precision: 'day', articleSays: undefined }, { articleSays: 'is missing: a date the article gives is quoted in its words (e.g. "November, 2016")' }],
    [{ date: '2012-05-01', precision: 'day', articleSays: 'in May 2012' }, { dateFrom: 'the article\'s words (“in May 2012”) name no day, so the day is not the article\'s; use dateFrom: inferred, with a source for the rest' }],
    [{ date: '2012-05', precision: 'month', articleSays: 'in 2012' }, { dateFrom: 'the article\'s words (“in 2012”) name no month, so the month is not the article\'s; use dateFrom: inferred, with a source for the rest' }],
  ])('timelineEventSchema refuses %j with exactly these messages', (event, expected) => {
    expect(issues(event)).toEqual(expected);
  });

  it('timelineEventSchema accepts the first and last days and years of the timeline, and December', () => {
    for (const event of [{ date: '2010-01-01', precision: 'day' }, { date: '2018-12-31', precision: 'day' }, { date: '2010', precision: 'year' }, { date: '2018-12', precision: 'month' }, { start: '2010-01-01', end: '2010-03-03' }, { start: '2018-12-30', end: '2018-12-31' }, { start: '2012-05-01', end: '2012-05-01' }]) {
      expect(issues(event), JSON.stringify(event)).toEqual({});
    }
    expect(issues({ date: '2012', precision: 'year', dateFrom: 'inferred', articleSays: 'in 2012', source })).toEqual({});
  });

  it('parseTimeline(text, file) refuses a file that is not a list of events, and YAML it cannot read, naming the file', () => {
    expect(() => parseTimeline('', 't.yaml')).toThrow(/^t\.yaml: invalid data\n {2}- the file \(not a list\): /);
    expect(() => parseTimeline('[]', 't.yaml')).toThrow(/^t\.yaml: invalid data\n {2}- the file \(0 events\): the timeline has no events$/);
    expect(() => parseTimeline('- [unclosed', 't.yaml')).toThrow(/^t\.yaml: the YAML could not be parsed: /);
  });

  it('timelineProblems(events, article) is empty for events whose paragraphs exist and whose ids are free', () => {
    expect(timelineProblems([{ ...base, date: '2012', precision: 'year' } as never], { paragraphIds: ['p'], otherIds: ['s'] })).toEqual([]);
  });
});

describe('sourceSchema messages', () => {
  const issuesOf = (value: unknown) => {
    const r = sourceSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  };
  it('sourceSchema takes a paragraph alone or a title with its url, and says which half of an outside source is missing', () => {
    expect(issuesOf({ paragraph: 'trade-figures' })).toEqual([]);
    expect(issuesOf(source)).toEqual([]);
    expect(issuesOf({})).toEqual(['(root): is empty: give an article paragraph id, or the title and url of an outside report']);
    expect(issuesOf({ title: 'Report' })).toEqual(['url: an outside source needs both a title and a url']);
    expect(issuesOf({ url: 'https://example.org/' })).toEqual(['title: an outside source needs both a title and a url']);
    expect(issuesOf(undefined)).toEqual(['(root): is missing: a source: an article paragraph id, or the title and url of an outside report']);
    expect(issuesOf('Dawn')).toEqual(['(root): must be a source: an article paragraph id, or the title and url of an outside report']);
    expect(issuesOf({ paragraph: 'Not A Slug' })).toEqual(['paragraph: must be the id of an article paragraph, such as "trade-figures"']);
  });
});

describe('describeIssues and ids', () => {
  it('describeIssues(file, error, rowLabel) lists each issue with its row and field, and "(root)" for the whole file', () => {
    const error = z.object({ a: z.number(), b: z.object({ c: z.string() }) }).safeParse({ a: 'x', b: {} }).error!;
    expect(describeIssues('f.yaml', error, (path) => (path[0] === 'b' ? 'row "b"' : undefined)))
      .toBe('f.yaml: invalid data\n  - field "a": Invalid input: expected number, received string\n  - row "b", field "b.c": Invalid input: expected string, received undefined');
    expect(describeIssues('f.yaml', z.number().safeParse('x').error!)).toBe('f.yaml: invalid data\n  - field "(root)": Invalid input: expected number, received string');
    expect(issueLines('f.yaml', error, 'row 3')).toEqual(['  - row 3, field "a": Invalid input: expected number, received string', '  - row 3, field "b.c": Invalid input: expected string, received undefined']);
  });

  it('describeIssues says what to do where zod speaks of types and bounds, from the value given: quote a number read for text, at most and at least', () => {
    const date = z.object({ date: z.string() }).safeParse({ date: 2015 }).error!;
    expect(describeIssues('f.yaml', date, undefined, { date: 2015 })).toBe('f.yaml: invalid data\n  - field "date": must be text, and YAML read 2015 as a number: write it in quotes, "2015"');
    expect(describeIssues('f.json', date, undefined, { date: 2015 })).toBe('f.json: invalid data\n  - field "date": must be text, not the number 2015: write it in quotes, "2015"');
    const big = z.object({ percent: z.number().max(100) }).safeParse({ percent: 174 }).error!;
    expect(describeIssues('f.yaml', big, undefined, { percent: 174 })).toBe('f.yaml: invalid data\n  - field "percent": must be at most 100 (it is 174)');
    const small = z.object({ n: z.number().min(1) }).safeParse({ n: 0 }).error!;
    expect(issueLines('f.yaml', small, 'row "a"', { n: 0 })).toEqual(['  - row "a", field "n": must be at least 1 (it is 0)']);
    // A field whose schema words its own message says what it needs, as text, where YAML read a number.
    const period = z.object({ period: periodSchema }).safeParse({ period: 2015 }).error!;
    expect(describeIssues('f.yaml', period, undefined, { period: 2015 })).toBe('f.yaml: invalid data\n  - field "period": must be the period as the source names it, as text: YAML read 2015 as a number, so write it in quotes, "2015"');
    // Nothing is set for zod as a whole: other code keeps zod's own words.
    expect(z.object({ port: z.string() }).safeParse({ port: 4321 }).error!.issues[0]!.message).toBe('Invalid input: expected string, received number');
  });

  it('a slug\'s message names a look-alike character that breaks it, by code point', () => {
    const error = z.object({ id: rowId }).safeParse({ id: 'tr\u0430de-2014' }).error!;
    expect(describeIssues('f.yaml', error)).toContain('field "id": must be a lowercase slug (letters, digits and hyphens) of at most 80 characters; “\u0430” (U+0430) is not one of them');
    // An upper-case letter or a space needs no code point: the rule says it.
    expect(describeIssues('f.yaml', z.object({ id: rowId }).safeParse({ id: 'Trade' }).error!)).toMatch(/characters$/);
    // A look-alike after an upper-case letter is still named.
    expect(describeIssues('f.yaml', z.object({ id: rowId }).safeParse({ id: 'Tr\u0430de' }).error!)).toContain('“\u0430” (U+0430) is not one of them');
  });

  it('SLUG takes lowercase words joined by single hyphens, up to SLUG_MAX characters, and nothing else', () => {
    for (const ok of ['a', 'trade-on-the-rise', 'druzhba-2018', 'a'.repeat(SLUG_MAX)]) expect(SLUG.test(ok), ok).toBe(true);
    for (const bad of ['', 'A', 'a--b', '-a', 'a-', 'a b', 'a_b', 'a'.repeat(SLUG_MAX + 1), 'a\nb']) expect(SLUG.test(bad), bad).toBe(false);
  });

  it('publishedIdsSchema and redirectsSchema take slugs, an empty redirects file as none, and nothing unknown', () => {
    expect(redirectsSchema.parse(null)).toEqual({});
    expect(redirectsSchema.parse({ 'old-id': 'new-id' })).toEqual({ 'old-id': 'new-id' });
    expect(redirectsSchema.safeParse({ 'Old Id': 'new-id' }).success).toBe(false);
    expect(publishedIdsSchema.safeParse({ section: [], paragraph: [], chart: [] }).success).toBe(false);
    expect(publishedIdsSchema.safeParse({ section: ['a'], paragraph: ['b'], event: ['c'], figure: ['d'] }).success).toBe(true);
  });
});
