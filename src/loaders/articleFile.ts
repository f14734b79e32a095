// The content loader for the article: one MDX file, read once per sync, its frontmatter validated, its body kept
// with the file's line numbers (so the edition's messages point at the right line) and rendered by @astrojs/mdx.
import { basename, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { loadAndWatch, missingFile } from './whenWritten';
import type { z } from 'zod';
import { checkFrontmatter, splitFrontmatter } from '../lib/article/frontmatter';
import type { EditionGate } from './editionGate';

export function articleFile({ file, holds, schema, gate }: { file: string; holds: string; schema: z.ZodType; gate?: EditionGate }): Loader {
  const path = resolve(file);
  const name = relative(process.cwd(), path);
  const id = basename(path).replace(/\.mdx$/, '');
  return {
    name: 'bloc-article-file',
    schema,
    load: async ({ collection, config, store, parseData, generateDigest, watcher, logger }) => {
      const sync = async (text: string) => {
        const { data, body } = splitFrontmatter(text, name);
        // Checked here first, so that a mistake reads as in every other content file (Astro's own message garbles it).
        checkFrontmatter(data, schema, name);
        const parsed = await parseData({ id, data, filePath: path });
        store.clear();
        // As Astro's glob loader stores an MDX entry: rendered on demand by render(entry).
        const digest = generateDigest(text);
        store.set({ id, data: parsed, body, filePath: name, digest, deferredRender: true });
        logger.info(`read ${name}`);
        await gate?.loaded(collection, [{ id, data: parsed, body, filePath: name, digest }], config);
      };
      await loadAndWatch(path, sync, { watcher, logger }, missingFile(name, holds, collection));
    },
  };
}
