// Checks on the notes and the map's places that need the whole article: sources cited, links that resolve.
import type { Outline } from '../article/outline';
import type { Place } from '../../schemas/places';

/** A correction rests on outside facts, so it must link to at least one source. */
export function noteProblems(outline: Pick<Outline, 'notes'>): string[] {
  return outline.notes
    .filter((n) => n.kind === 'correction' && !n.links.some((l) => /^https?:\/\//.test(l.url)))
    .map((n) => `line ${n.line}: ${n.kind} note "${n.id}" cites no source: link to the report it relies on`);
}

/** Every place names paragraphs of the article and events of the timeline that exist. */
export function placeProblems(places: Place[], paragraphIds: ReadonlySet<string>, eventIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const p of places) {
    p.paragraphs.filter((id) => !paragraphIds.has(id)).forEach((id) => problems.push(`place "${p.id}", field "paragraphs": "${id}" is not a paragraph of the article`));
    p.events.filter((id) => !eventIds.has(id)).forEach((id) => problems.push(`place "${p.id}", field "events": "${id}" is not an event of the timeline`));
  }
  return problems;
}
