// Content collections: every file under content/ enters the build here, once, read and validated by its loader.
// The files and their parsers are listed in src/lib/edition/contentFiles.ts; this makes a collection of each.
// Checks that need more than one file (a row citing a paragraph, a note explaining a figure) run in the edition:
// once every collection is loaded (editionGate), so that content which does not hold together stops the build
// before any file of dist/ is written; the pages then take that same edition (src/lib/edition/editionOnce.ts).
import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { articleFile } from './loaders/articleFile';
import { dataFile } from './loaders/dataFile';
import { editionGate } from './loaders/editionGate';
import { ARTICLE_FILE, DATA_FILES, type ContentFile, type DataFiles } from './lib/edition/contentFiles';

/** Builds for tests may read a copy of content/ (a path relative to the project). */
export const CONTENT_DIR = process.env.SITE_CONTENT_DIR ?? './content';

const gate = editionGate(['article', ...(Object.keys(DATA_FILES) as (keyof DataFiles)[])]);

const dataCollection = <F extends ContentFile>({ path, holds, parse, schema }: F) =>
  defineCollection({ loader: dataFile({ file: join(CONTENT_DIR, path), holds, parse, schema: schema as F['schema'], gate }) });
type DataCollections = { [K in keyof DataFiles]: ReturnType<typeof dataCollection<DataFiles[K]>> };

export const collections = {
  article: defineCollection({ loader: articleFile({ file: join(CONTENT_DIR, ARTICLE_FILE.path), holds: ARTICLE_FILE.holds, schema: ARTICLE_FILE.schema, gate }) }),
  ...(Object.fromEntries(Object.entries(DATA_FILES).map(([name, file]) => [name, dataCollection(file)])) as DataCollections),
};
