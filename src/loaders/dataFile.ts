// The content loader for every data file under content/: reads the file once per sync, validates it and stores its entries.
// (Astro's file() loader would silently keep the last of two rows sharing an id; the parsers here refuse it, naming both.)
import { relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { loadAndWatch, missingFile } from './whenWritten';
import type { z } from 'zod';
import type { DataEntry } from '../lib/edition/contentFiles';
import type { EditionGate } from './editionGate';

export interface DataFileOptions {
  /** The file, relative to the project root. */
  file: string;
  /** What the file holds, for the message that says it is missing. */
  holds: string;
  /** Parses and validates the whole file; throws a ContentError naming the file, the row and the field. */
  parse: (text: string, file: string) => DataEntry[];
  /** The type of one entry, for getCollection(); the rows are already validated by `parse`. */
  schema: z.ZodType;
  /** Where the entries go for the edition's cross-file checks once every collection is loaded. */
  gate?: EditionGate;
}

export function dataFile<S extends z.ZodType>({ file, holds, parse, schema, gate }: DataFileOptions & { schema: S }): Loader & { schema: S } {
  const path = resolve(file);
  const name = relative(process.cwd(), path);
  return {
    name: 'bloc-data-file',
    schema,
    load: async ({ collection, config, store, generateDigest, watcher, logger }) => {
      const sync = async (text: string) => {
        const entries = parse(text, name);
        store.clear();
        const stored = entries.map(({ id, data }) => ({ id, data, digest: generateDigest(data), filePath: name }));
        for (const entry of stored) store.set(entry);
        logger.info(`read ${name}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`);
        await gate?.loaded(collection, stored, config);
      };
      // In dev, an edit shows on the next page load. A file that cannot be read is reported and its last good data
      // kept; one that reads but does not hold together with the rest is stored, and the page shows the edition's error.
      await loadAndWatch(path, sync, { watcher, logger }, missingFile(name, holds, collection));
    },
  };
}
