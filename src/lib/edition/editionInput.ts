// Turns the content collections' entries (from Astro, or read by the tests) into the edition's input.
import type { ArticleData } from '../../schemas/article';
import { ContentError } from '../../schemas/issues';
import type { DataEntries } from './contentFiles';
import type { EditionInput } from './edition';
import { latestDayOnEarth } from '../analysis/dateChecks';

/** Every collection's entries: the article and each data file of contentFiles.ts. */
export type ContentEntries = DataEntries & { article: { id: string; filePath?: string; body?: string; data: ArticleData }[] };

const fileOf = (entries: readonly { filePath?: string }[], fallback: string) => entries[0]?.filePath ?? fallback;

function only<T>(entries: readonly T[], file: string): T {
  if (entries.length !== 1) throw new ContentError(`${file}: expected exactly one entry, found ${entries.length}`);
  return entries[0]!;
}

export function editionInput(c: ContentEntries, site: EditionInput['site'], today = latestDayOnEarth(Date.now())): EditionInput {
  const article = only(c.article, 'content/article/');
  const source = only(c.sourceText, 'content/source/article.txt');
  const epilogue = only(c.epilogue, 'content/data/epilogue.yaml');
  const sheet = only(c.factSheet, 'content/facts/sources.yaml');
  return {
    article: { file: article.filePath ?? `content/article/${article.id}.mdx`, body: article.body ?? '', data: article.data },
    trade: { file: fileOf(c.trade, 'content/data/trade.yaml'), rows: c.trade.map((e) => e.data) },
    deals: { file: fileOf(c.deals, 'content/data/deals.yaml'), rows: c.deals.map((e) => e.data) },
    glossary: { file: fileOf(c.glossary, 'content/data/glossary.yaml'), rows: c.glossary.map((e) => e.data) },
    places: { file: fileOf(c.places, 'content/data/places.yaml'), rows: c.places.map((e) => e.data) },
    timeline: { file: fileOf(c.timeline, 'content/data/timeline.yaml'), events: c.timeline.map((e) => e.data) },
    epilogue: {
      file: epilogue.filePath ?? 'content/data/epilogue.yaml',
      data: epilogue.data,
      claims: { file: fileOf(c.claims, 'content/data/claims.yaml'), rows: c.claims.map((e) => e.data) },
      trade: { file: fileOf(c.tradeLater, 'content/data/trade-later.yaml'), rows: c.tradeLater.map((e) => e.data) },
      events: { file: fileOf(c.laterEvents, 'content/data/later-events.yaml'), events: c.laterEvents.map((e) => e.data) },
      factSheet: { file: sheet.filePath ?? 'content/facts/sources.yaml', data: sheet.data },
    },
    ids: {
      publishedFile: fileOf(c.publishedIds, 'content/ids/published.json'),
      redirectsFile: fileOf(c.redirects, 'content/ids/redirects.yaml'),
      published: only(c.publishedIds, 'content/ids/published.json').data,
      redirects: only(c.redirects, 'content/ids/redirects.yaml').data.retired,
    },
    source: { file: source.filePath ?? 'content/source/article.txt', text: source.data },
    site,
    today,
  };
}
