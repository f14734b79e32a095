// Loads the timeline events in date order with where each sits in the article; every component that shows events goes through here.
import type { getCollection as GetCollection, getEntry as GetEntry } from 'astro:content';
import { loadArticle } from '../article/loadArticle';
import { checkTimelineAgainstArticle, type TimelineEvent } from '../../schemas/timeline';
import { byDate } from './dates';

export const TIMELINE_FILE = 'content/data/timeline.yaml';

/** Where an event is mentioned: its paragraph, the section's title and the paragraph's place in the section. */
export interface EventPlace { paragraph: string; sectionId: string; sectionTitle: string; number: number }

export interface Timeline {
  events: TimelineEvent[];
  place: Map<string, EventPlace>;
  byParagraph: Map<string, TimelineEvent[]>;
}

let cached: Promise<Timeline> | undefined;

export function loadTimeline(getCollection: typeof GetCollection, getEntry: typeof GetEntry): Promise<Timeline> {
  // One build reads the timeline once; the dev server re-reads it so that edits show.
  if (import.meta.env.PROD) return (cached ??= read(getCollection, getEntry));
  return read(getCollection, getEntry);
}

async function read(getCollection: typeof GetCollection, getEntry: typeof GetEntry): Promise<Timeline> {
  const [entries, { outline }] = await Promise.all([getCollection('timeline'), loadArticle(getEntry)]);
  const events = entries.map((e) => e.data as TimelineEvent).sort(byDate);
  // The loader checked this against the MDX file; checking the rendered article's outline guards the page itself.
  checkTimelineAgainstArticle(events, { paragraphIds: outline.paragraphs.map((p) => p.id), otherIds: outline.sections.map((s) => s.id) }, TIMELINE_FILE);

  const place = new Map<string, EventPlace>();
  const byParagraph = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    const section = outline.sections.find((s) => s.paragraphs.some((p) => p.id === e.paragraph))!;
    place.set(e.id, {
      paragraph: e.paragraph,
      sectionId: section.id,
      sectionTitle: section.title,
      number: section.paragraphs.findIndex((p) => p.id === e.paragraph) + 1,
    });
    byParagraph.set(e.paragraph, [...(byParagraph.get(e.paragraph) ?? []), e]);
  }
  return { events, place, byParagraph };
}
