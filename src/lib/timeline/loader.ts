// Content loader for the timeline: parses the YAML, validates every event and checks it against the article.
// (Astro's file() loader would silently keep the last of two events sharing an id.)
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { readOutlineFile } from '../article/outlineFile';
import { checkTimelineAgainstArticle, parseTimeline, timelineEventSchema, type TimelineEvent } from '../../schemas/timeline';

export interface TimelineLoaderOptions {
  /** The timeline YAML, relative to the project root. */
  file: string;
  /** The article MDX whose paragraphs the events point at. */
  article: string;
}

/** Reads, validates and cross-checks the timeline; throws a ContentError naming the file, the event and the field. */
export async function readTimeline({ file, article }: TimelineLoaderOptions): Promise<TimelineEvent[]> {
  const name = relative(process.cwd(), resolve(file));
  const events = parseTimeline(await readFile(file, 'utf8'), name);
  const outline = await readOutlineFile(article);
  checkTimelineAgainstArticle(events, {
    paragraphIds: outline.paragraphs.map((p) => p.id),
    otherIds: outline.sections.map((s) => s.id),
  }, name);
  return events;
}

export function timelineLoader(options: TimelineLoaderOptions): Loader {
  return {
    name: 'bloc-timeline',
    schema: timelineEventSchema,
    load: async ({ store, generateDigest, watcher, logger }) => {
      const sync = async () => {
        const events = await readTimeline(options);
        store.clear();
        for (const data of events) store.set({ id: data.id, data, digest: generateDigest(data), filePath: options.file });
      };
      await sync();
      const watched = [resolve(options.file), resolve(options.article)];
      watcher?.add(watched);
      watcher?.on('change', (path) => {
        if (watched.includes(resolve(path))) sync().catch((e) => logger.error((e as Error).message));
      });
    },
  };
}
