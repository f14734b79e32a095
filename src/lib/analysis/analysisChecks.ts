// Checks on the notes and the map's places that need the whole article: sources cited, links that resolve.
import type { Outline } from '../article/outline';
import type { Place } from '../../schemas/places';

/**
 * A correction rests on outside facts, so it must link to at least one source. And every note must have
 * its rule in the stylesheet that sets notes beside their references (`marginNoteCapacity`), or it would
 * land at the top of the margin on wide screens.
 */
export function noteProblems(outline: Pick<Outline, 'notes'>, capacity = { notes: Infinity, file: '' }): string[] {
  const problems = outline.notes
    .filter((n) => n.kind === 'correction' && !n.links.some((l) => /^https?:\/\//.test(l.url)))
    .map((n) => `line ${n.line}: ${n.kind} note "${n.id}" cites no source: link to the report it relies on`);
  const last = Math.max(0, ...outline.notes.map((n) => n.number));
  if (last > capacity.notes) {
    problems.push(`the article has ${last} notes, but ${capacity.file} sets only ${capacity.notes} beside their references: add the rules for notes ${capacity.notes + 1} to ${last}`);
  }
  return problems;
}

/**
 * How many notes the margin stylesheet anchors to their references: the largest N for which every note
 * from 1 to N has both rules, the reference's `anchor-name` and the note's `position-anchor`.
 */
export function marginNoteCapacity(css: string): number {
  const numbers = (re: RegExp) => new Set([...css.matchAll(re)].map((m) => Number(m[1])));
  const refs = numbers(/\.note-ref-link\[data-note-n="(\d+)"\]\s*\{\s*anchor-name/g);
  const notes = numbers(/\.note\[data-note-n="(\d+)"\]\s*\{\s*position-anchor/g);
  let n = 0;
  while (refs.has(n + 1) && notes.has(n + 1)) n++;
  return n;
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
