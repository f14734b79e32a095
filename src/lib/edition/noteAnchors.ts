// Where each editorial note goes on a wide screen, and the anchor rules that set the margin notes beside their numbers
// and the glossary's definitions beside their terms.
import type { Outline } from '../article/outline';

/** `margin`: beside the text, level with its number; `inline`: folded in place under its paragraph, as on a phone. */
export type NotePlace = 'margin' | 'inline';

/**
 * A note hangs in the margin only where it can sit level with its number: it is the first note of its
 * paragraph (a later one would hang below the first, drifting away from the text it explains), and no figure
 * follows its paragraph (the note would sit beside a figure it has nothing to do with). Every other note is
 * folded in place under its paragraph.
 */
export function notePlaces(outline: Pick<Outline, 'sections' | 'notes' | 'figures'>): Map<string, NotePlace> {
  const places = new Map<string, NotePlace>();
  for (const note of outline.notes) {
    const section = outline.sections.find((s) => s.id === note.sectionId)!;
    const index = section.paragraphs.findIndex((p) => p.id === note.for);
    const from = section.paragraphs[index]!.line;
    const to = section.paragraphs[index + 1]?.line ?? Infinity;
    const first = outline.notes.find((n) => n.for === note.for) === note;
    const figureFollows = outline.figures.some((f) => f.sectionId === note.sectionId && f.line > from && f.line < to);
    places.set(note.id, first && !figureFollows ? 'margin' : 'inline');
  }
  return places;
}

/**
 * CSS needs one anchor name per margin note (see notes.css for the rest of the margin layout); these rules are
 * written for the margin notes the article has, so none lands at the top of the margin for want of a rule.
 * They are not in a layer: this style comes before the page's stylesheets and would otherwise fix the order
 * of the layers.
 */
export function noteAnchorsCss(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const rules = numbers.map((n) => `.note-ref-link[data-note-n="${n}"]{anchor-name:--note-ref-${n}}.note[data-note-n="${n}"]{position-anchor:--note-ref-${n}}`);
  return `@media (min-width:80rem){@supports (anchor-name:--a) and (top:anchor(--a top)){${rules.join('')}}}`;
}

/**
 * A glossary definition is placed against its term's whole group (the author's words and the button), not the button
 * that opens it: at a large text size the button may take a line of its own, and a definition set above the button
 * would cover the words it defines. One anchor name per term, written for the terms the article marks.
 */
export function termAnchorsCss(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const rules = ids.map((id) => `[data-term-group="${id}"]{anchor-name:--term-${id}}[data-term-definition="${id}"]{position-anchor:--term-${id}}`);
  return `@supports (anchor-name:--a){${rules.join('')}}`;
}
