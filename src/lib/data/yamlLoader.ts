// A content loader for YAML data files: validated rows, unique ids, sources checked against the article.
// (Astro's file() loader would silently keep the last of two rows sharing an id.)
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { readOutlineFile } from '../article/outlineFile';
import { checkParagraphSources, readRows } from './readRows';

export interface YamlLoaderOptions {
  /** The data file, relative to the project root. */
  file: string;
  /** An object schema whose keys are the file's groups of rows. */
  schema: z.ZodObject;
  /** The article MDX whose paragraph ids `source.paragraph` may name. */
  article: string;
}

/** Reads and checks one data file: the rows, or a ContentError naming file, row and field. */
export async function loadRows({ file, schema, article }: YamlLoaderOptions) {
  const name = relative(process.cwd(), resolve(file));
  const articleName = relative(process.cwd(), resolve(article));
  const rows = readRows(await readFile(file, 'utf8'), name, schema);
  const outline = await readOutlineFile(article);
  checkParagraphSources(rows, name, new Set(outline.paragraphs.map((p) => p.id)), articleName);
  return rows;
}

export function yamlLoader(options: YamlLoaderOptions): Loader {
  return {
    name: 'bloc-yaml-rows',
    load: async ({ store, parseData, generateDigest, watcher }) => {
      const rows = await loadRows(options);
      store.clear();
      for (const row of rows) {
        const data = await parseData({ id: row.id, data: row });
        store.set({ id: row.id, data, digest: generateDigest(data), filePath: options.file });
      }
      watcher?.add([resolve(options.file), resolve(options.article)]);
    },
  };
}
