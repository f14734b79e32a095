// Content collections: every file under content/ enters the build here, once, read and validated by its loader.
// Checks that need more than one file (a row citing a paragraph, a note explaining a figure) run in the edition.
import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { articleFile } from './loaders/articleFile';
import { dataFile } from './loaders/dataFile';
import { ARTICLE_FILE, DATA_FILES, type ContentFile } from './loaders/contentFiles';

/** Builds for tests may read a copy of content/ (a path relative to the project). */
export const CONTENT_DIR = process.env.SITE_CONTENT_DIR ?? './content';

const data = <F extends ContentFile>({ path, parse, schema }: F) =>
  defineCollection({ loader: dataFile({ file: join(CONTENT_DIR, path), parse, schema: schema as F['schema'] }) });

export const collections = {
  article: defineCollection({ loader: articleFile({ file: join(CONTENT_DIR, ARTICLE_FILE.path), schema: ARTICLE_FILE.schema }) }),
  trade: data(DATA_FILES.trade),
  deals: data(DATA_FILES.deals),
  glossary: data(DATA_FILES.glossary),
  places: data(DATA_FILES.places),
  timeline: data(DATA_FILES.timeline),
  publishedIds: data(DATA_FILES.publishedIds),
  redirects: data(DATA_FILES.redirects),
  sourceText: data(DATA_FILES.sourceText),
};
