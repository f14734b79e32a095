// Timeline schema: one dated event per row, with where its date comes from and the paragraph that mentions it.
import { z } from 'zod';
import { httpUrl } from './source';
import { atMost, LINE_MAX, SLUG, SLUG_ERROR } from './text';
import { parse as parseYaml } from 'yaml';
import { datePrecision } from './article';
import { describeIssues, issueLines, ContentError } from './issues';
import { MONTH_NAME } from '../lib/format';

/** The span of years the timeline draws; every event must fall inside it. */
export const TIMELINE_FIRST_DAY = '2010-01-01';
export const TIMELINE_LAST_DAY = '2018-12-31';

/** The first and last day a timeline draws (ISO): its events must fall inside. */
export interface DaySpan { firstDay: string; lastDay: string }
export const ARTICLE_SPAN: DaySpan = { firstDay: TIMELINE_FIRST_DAY, lastDay: TIMELINE_LAST_DAY };

const isoPartial = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The longest run of days an event may span: past two months, its days no longer say when it happened. */
export const RANGE_MAX_DAYS = 62;

const MONTH_NAMES = new RegExp(MONTH_NAME);
/** How exactly words date something: a month's name with a day's number, a month's name, or a year alone. */
function precisionOfWords(words: string): 'day' | 'month' | 'year' {
  if (!MONTH_NAMES.test(words)) return 'year';
  return /(^|[^\d])\d{1,2}([^\d]|$)/.test(words) ? 'day' : 'month';
}
const RANK = { year: 0, month: 1, day: 2 } as const;

export const timelineCategory = z.enum(['diplomacy', 'defence', 'security', 'energy', 'trade']);
export type TimelineCategory = z.infer<typeof timelineCategory>;

/** Reader-facing names, in the order the filter and the legend show them. */
export const CATEGORY_LABELS: Record<TimelineCategory, string> = {
  diplomacy: 'Diplomacy',
  defence: 'Defence',
  security: 'Security',
  energy: 'Energy',
  trade: 'Trade',
};

/**
 * Where the date comes from:
 * - `article`: the article states it at the precision given;
 * - `inferred`: the article dates it less exactly (a year, "in December") and an outside source gives the rest;
 * - `outside`: the article gives no date at all; the date is the outside source's.
 */
export const dateFrom = z.enum(['article', 'inferred', 'outside']);

const isoDay = z.iso.date({ message: 'must be an ISO date YYYY-MM-DD' });

/** The fields every dated event has, whichever timeline draws it. */
export const datedEventShape = {
  id: z.string().regex(SLUG, SLUG_ERROR),
  title: z.string().trim().min(3).max(60),
  summary: z.string().trim().min(20).max(260),
  category: timelineCategory,
  date: z.string().regex(isoPartial, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  precision: datePrecision.optional(),
  start: isoDay.optional(),
  end: isoDay.optional(),
};

type Dated = { date?: string; precision?: 'day' | 'month' | 'year'; start?: string; end?: string };

/** The date rules of every event: a date at its precision, or a range of days that ends after it starts, inside `span`. */
export function eventDateIssues(e: Dated, span: DaySpan, issue: (path: string, message: string) => void): void {
  const years = `${span.firstDay.slice(0, 4)}–${span.lastDay.slice(0, 4)}`;
  const isRange = e.start !== undefined || e.end !== undefined;
  if (isRange) {
    if (e.date !== undefined) issue('date', 'give either date (with precision) or start and end, not both');
    if (e.precision !== undefined) issue('precision', 'a range of days needs no precision');
    if (e.start === undefined) issue('start', 'a range needs a start day');
    if (e.end === undefined) issue('end', 'a range needs an end day');
    if (e.start && e.end) {
      if (e.end < e.start) issue('end', `the range ends (${e.end}) before it starts (${e.start})`);
      const days = Math.round((Date.parse(e.end) - Date.parse(e.start)) / 86_400_000) + 1;
      if (days > RANGE_MAX_DAYS) issue('end', `a run of days lasts at most ${RANGE_MAX_DAYS} days (this one, ${days}); date a longer one by its month or year`);
      if (e.start < span.firstDay || e.start > span.lastDay) issue('start', `${e.start} is outside the timeline (${years})`);
      if (e.end < span.firstDay || e.end > span.lastDay) issue('end', `${e.end} is outside the timeline (${years})`);
    }
  } else {
    if (e.date === undefined) issue('date', 'an event needs a date (with precision) or a start and end');
    if (e.precision === undefined) issue('precision', 'say how exact the date is: day, month or year');
    if (e.date && e.precision) {
      const parts = e.date.split('-').length;
      if (parts !== { year: 1, month: 2, day: 3 }[e.precision]) issue('date', `"${e.date}" does not match precision "${e.precision}"`);
      else if (e.precision === 'day' && !isoDay.safeParse(e.date).success) issue('date', `"${e.date}" is not a calendar day`);
      else if (!monthOk(e.date)) issue('date', `"${e.date}" has no such month`);
      else {
        // Every day of a year between the first and last year lies inside the timeline.
        const year = e.date.slice(0, 4);
        if (year < span.firstDay.slice(0, 4) || year > span.lastDay.slice(0, 4)) issue('date', `${e.date} is outside the timeline (${years})`);
      }
    }
  }
}

export const timelineEventSchema = z
  .object({
    ...datedEventShape,
    dateFrom,
    /** The article's own words for the date, when it gives one. */
    articleSays: z.string().trim().min(1).max(LINE_MAX, atMost(LINE_MAX)).optional(),
    paragraph: z.string().regex(SLUG, 'must be the id of a paragraph in the article'),
    source: z.object({ title: z.string().trim().min(3).max(LINE_MAX, atMost(LINE_MAX)), url: httpUrl() }).strict().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    eventDateIssues(e, ARTICLE_SPAN, issue);
    if (e.dateFrom !== 'article' && !e.source) issue('source', `a date that is ${e.dateFrom === 'inferred' ? 'inferred' : 'from outside the article'} needs a source (title and url)`);
    if (e.dateFrom === 'inferred' && !e.articleSays) issue('articleSays', "an inferred date must quote what the article says (e.g. \"2010\")");
    if (e.dateFrom === 'outside' && e.articleSays) issue('articleSays', 'the article gives no date for this event, so there is nothing to quote; use dateFrom: inferred');
    if (e.dateFrom === 'article') {
      const needed = e.precision ?? 'day';
      if (!e.articleSays) issue('articleSays', 'is missing: a date the article gives is quoted in its words (e.g. "November, 2016")');
      else if (RANK[precisionOfWords(e.articleSays)] < RANK[needed]) issue('dateFrom', `the article's words (“${e.articleSays}”) name no ${needed}, so the ${needed} is not the article's; use dateFrom: inferred, with a source for the rest`);
    }
  });

function monthOk(date: string): boolean {
  const m = date.split('-')[1];
  return m === undefined || (Number(m) >= 1 && Number(m) <= 12);
}

export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/**
 * The most events one timeline figure holds. Down a phone screen each takes about two lines, so sixty make
 * a figure about five screens long, and on the strip at 320 px their ticks would fall under five pixels
 * apart: past that the drawing stops being readable, and the events belong in two figures.
 */
export const MAX_TIMELINE_EVENTS = 60;

/** Rows are validated one by one so that each message can name its event; the file as a whole is a list. */
const timelineFileSchema = z.array(z.unknown())
  .min(1, 'the timeline has no events')
  .max(MAX_TIMELINE_EVENTS, `a timeline figure stays readable with at most ${MAX_TIMELINE_EVENTS} events (down a phone screen and on its strip); split the events into two figures`);

/**
 * Parses and validates the timeline YAML. Throws a ContentError naming the file,
 * the event (by id, or by position when the id itself is bad) and the field.
 */
export function parseTimeline(text: string, file: string): TimelineEvent[] {
  return parseEvents(text, file, timelineEventSchema);
}

/** Parses a YAML list of events against `schema`, naming the file, the event and the field for every bad row. */
export function parseEvents<T extends { id: string }>(text: string, file: string, schema: z.ZodType<T>): T[] {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ContentError(`${file}: the YAML could not be parsed: ${(e as Error).message}`);
  }
  const list = timelineFileSchema.safeParse(raw);
  if (!list.success) throw new ContentError(describeIssues(file, list.error).replace('field "(root)"', `the file (${Array.isArray(raw) ? `${raw.length} events` : 'not a list'})`));

  const problems: string[] = [];
  const events: T[] = [];
  const seen = new Map<string, number>();
  list.data.forEach((row, i) => {
    const id = typeof (row as { id?: unknown })?.id === 'string' ? (row as { id: string }).id : undefined;
    const label = id ? `event "${id}"` : `event #${i + 1}`;
    const result = schema.safeParse(row);
    if (!result.success) {
      problems.push(...issueLines(file, result.error, label, row));
    } else {
      events.push(result.data);
    }
    if (id !== undefined) {
      if (seen.has(id)) problems.push(`  - ${label}, field "id": duplicate id, already used by event #${seen.get(id)! + 1}`);
      else seen.set(id, i);
    }
  });
  if (problems.length) throw new ContentError(`${file}: invalid data\n${problems.join('\n')}`);
  return events;
}

/**
 * Cross-checks the events against the article: every event must point at a paragraph that exists,
 * and no event id may take an id the article already uses (sections, paragraphs, figures).
 */
export function timelineProblems(events: readonly TimelineEvent[], article: { paragraphIds: readonly string[]; otherIds: readonly string[] }): string[] {
  const paragraphs = new Set(article.paragraphIds);
  const taken = new Set([...article.paragraphIds, ...article.otherIds]);
  const problems: string[] = [];
  for (const e of events) {
    if (!paragraphs.has(e.paragraph)) problems.push(`event "${e.id}", field "paragraph": no paragraph "${e.paragraph}" in the article`);
    if (taken.has(e.id)) problems.push(`event "${e.id}", field "id": the article already uses the id "${e.id}"`);
  }
  return problems;
}
