// Runs every cross-file check of the edition as soon as the content sync has loaded every collection: content that
// does not hold together stops `astro build` there, before Vite builds a page or writes a file of dist/.
import type { AstroConfig } from 'astro';
import { contentKey, editionOnce } from '../lib/edition/editionOnce';
import { editionInput, type ContentEntries } from '../lib/edition/editionInput';

export interface GateEntry { id: string; data: unknown; filePath?: string; body?: string; digest?: string }

export interface EditionGate {
  /**
   * A collection's loader hands over its entries. Resolves once every collection has been handed over and the
   * edition's checks pass; rejects with the edition's ContentError (every problem, each with its file) if they fail.
   */
  loaded(collection: string, entries: GateEntry[], config: Pick<AstroConfig, 'site' | 'base'>): Promise<void>;
}

export function editionGate(collections: readonly (keyof ContentEntries)[]): EditionGate {
  const latest = new Map<string, GateEntry[]>();
  let waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  return {
    loaded(collection, entries, config) {
      latest.set(collection, entries);
      const done = new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
      if (collections.every((c) => latest.has(c))) {
        const settle = waiting;
        waiting = [];
        try {
          // The pages take this edition (editionOnce) when the content they are given is the same.
          const site = { url: config.site ?? '', base: config.base };
          const entries = Object.fromEntries(latest);
          editionOnce(contentKey(entries, site), () => editionInput(entries as unknown as ContentEntries, site), [...latest.values()].flat().length);
          for (const w of settle) w.resolve();
        } catch (e) {
          for (const w of settle) w.reject(e);
        }
      }
      return done;
    },
  };
}
