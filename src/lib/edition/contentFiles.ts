// Every file under content/: where it is, how its text is parsed and checked, and the type of one entry.
// content.config.ts makes a collection of each (its loader reads the file); the tests read a copy of content/
// through the same table. A new data file is one entry here.
import { z } from 'zod';
import { articleSchema } from '../../schemas/article';
import { tradeFileSchema, tradeRowSchema } from '../../schemas/trade';
import { dealsFileSchema, dealRowSchema } from '../../schemas/deals';
import { glossaryFileSchema, glossaryEntrySchema } from '../../schemas/glossary';
import { placesFileSchema, placeSchema } from '../../schemas/places';
import { parseTimeline, timelineEventSchema } from '../../schemas/timeline';
import { publishedIdsSchema } from '../../schemas/ids';
import { readRows } from '../data/readRows';
import { plainTextProblems } from '../data/plainText';
import { parsePublished, parseRedirects } from '../sharing/idRegistry';
import { parseSourceText } from '../article/sourceText';
import { claimRowSchema, claimsFileSchema } from '../../schemas/claims';
import { epilogueSchema, parseEpilogue } from '../../schemas/epilogue';
import { factSheetSchema, parseFactSheet } from '../../schemas/factSheet';
import { laterEventSchema, parseLaterEvents } from '../../schemas/laterEvents';
import { tradeLaterFileSchema, tradeLaterRowSchema } from '../../schemas/tradeLater';

/** One entry of a collection, as a parser gives it: its id and its (validated) data. */
export interface DataEntry { id: string; data: Record<string, unknown> }

export interface ContentFile {
  /** The path under the content folder. */
  path: string;
  /** What the file holds, for the message that says it is missing. */
  holds: string;
  /** Parses and validates the file's text; throws a ContentError naming the file, the row and the field. */
  parse: (text: string, file: string) => DataEntry[];
  schema: z.ZodType;
}

/** A parser whose entries' words are held to plain text: `label` names an entry in messages (none for a file of one). */
const plain = (label: ((id: string) => string) | undefined, parse: ContentFile['parse']): ContentFile['parse'] => (text, file) => {
  const entries = parse(text, file);
  plainTextProblems(file, entries, label);
  return entries;
};
const rows = (schema: Parameters<typeof readRows>[2]) => plain((id) => `row "${id}"`, (text: string, file: string): DataEntry[] =>
  readRows(text, file, schema).map((row) => ({ id: row.id, data: row })));
const event = (id: string) => `event "${id}"`;
const ordered = { series: z.string(), position: z.number().int() };

/** The article: one MDX file (src/loaders/articleFile.ts reads it), its frontmatter checked by articleSchema. */
export const ARTICLE_FILE = {
  path: 'article/pakistan-russia-asian-bloc.mdx',
  holds: 'the article: its frontmatter, the author’s paragraphs and the edition’s sections, notes and figures',
  schema: articleSchema,
};

export const DATA_FILES = {
  trade: { path: 'data/trade.yaml', holds: 'the article’s trade figures, the growth it states and other sources’ figures for other years', parse: rows(tradeFileSchema), schema: tradeRowSchema },
  deals: { path: 'data/deals.yaml', holds: 'the pipelines the article prices', parse: rows(dealsFileSchema), schema: dealRowSchema },
  glossary: { path: 'data/glossary.yaml', holds: 'the glossary: the terms the article uses and their definitions', parse: rows(glossaryFileSchema), schema: glossaryEntrySchema.extend(ordered) },
  places: { path: 'data/places.yaml', holds: 'the places on the map, with their coordinates and the paragraphs and events that mention them', parse: rows(placesFileSchema), schema: placeSchema.extend(ordered) },
  timeline: {
    path: 'data/timeline.yaml',
    holds: 'the timeline’s dated events, 2010–2018',
    parse: plain(event, (text: string, file: string) => parseTimeline(text, file).map((e) => ({ id: e.id, data: e }))),
    schema: timelineEventSchema,
  },
  epilogue: {
    path: 'data/epilogue.yaml',
    holds: 'the epilogue’s frame: its heading, dates, introduction and figures',
    parse: plain(undefined, (text: string, file: string) => [{ id: 'epilogue', data: parseEpilogue(text, file) }]),
    schema: epilogueSchema,
  },
  claims: { path: 'data/claims.yaml', holds: 'the epilogue’s scorecard: a verdict on each of the article’s claims', parse: rows(claimsFileSchema), schema: claimRowSchema },
  tradeLater: { path: 'data/trade-later.yaml', holds: 'trade over the longer record, calendar and fiscal years apart, for the epilogue’s chart', parse: rows(tradeLaterFileSchema), schema: tradeLaterRowSchema },
  laterEvents: {
    path: 'data/later-events.yaml',
    holds: 'the events after the article, 2019–2026, for the epilogue’s timeline',
    parse: plain(event, (text: string, file: string) => parseLaterEvents(text, file).map((e) => ({ id: e.id, data: e }))),
    schema: laterEventSchema,
  },
  factSheet: {
    path: 'facts/sources.yaml',
    holds: 'the fact sheets’ sources: the addresses the epilogue may cite, with their confidence',
    parse: plain(undefined, (text: string, file: string) => [{ id: 'fact-sheet', data: parseFactSheet(text, file) }]),
    schema: factSheetSchema,
  },
  publishedIds: {
    path: 'ids/published.json',
    holds: 'every id readers may have linked to, by kind',
    parse: (text: string, file: string) => [{ id: 'published', data: parsePublished(text, file) }],
    schema: publishedIdsSchema,
  },
  redirects: {
    path: 'ids/redirects.yaml',
    holds: 'each retired id with the id that took its place',
    parse: (text: string, file: string) => [{ id: 'redirects', data: { retired: parseRedirects(text, file) } }],
    schema: z.object({ retired: z.record(z.string(), z.string()) }),
  },
  sourceText: {
    path: 'source/article.txt',
    holds: 'the article as it reached us: the reference the author’s words are checked against',
    parse: (text: string, file: string) => [{ id: 'article', data: { ...parseSourceText(text, file) } }],
    schema: z.object({ headline: z.string(), author: z.string(), paragraphs: z.array(z.string()), bio: z.string(), credit: z.string() }),
  },
} satisfies Record<string, ContentFile>;

export type DataFiles = typeof DATA_FILES;
/** The entries of each data collection, typed by its schema. */
export type DataEntries = { [K in keyof DataFiles]: { id: string; filePath?: string; data: z.infer<DataFiles[K]['schema']> }[] };
