// The margin-note rules that depend on the article: one anchor per note, so each note sits level with its number.

/**
 * On wide screens (see notes.css) each note is placed in the margin against its reference in the text.
 * CSS needs one anchor name per note; these rules are written for the notes the article has, so a new
 * note never lands at the top of the margin for want of a rule.
 */
export function noteAnchorsCss(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const rules = numbers.map((n) => `.note-ref-link[data-note-n="${n}"]{anchor-name:--note-ref-${n}}.note[data-note-n="${n}"]{position-anchor:--note-ref-${n}}`);
  // The layer order first, as every stylesheet states it (tokens.css): this style comes before the linked sheets, and
  // a layer first named here would otherwise rank below all the others.
  return `@layer reset,tokens,base,layout,article,components,charts,print;@layer components{@media (min-width:80rem){@supports (anchor-name:--a) and (top:anchor(--a top)){${rules.join('')}}}}`;
}
