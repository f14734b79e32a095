// The characters the share cards can draw: those of the subsets of Source Serif 4 (and Source Sans 3, which has them
// all) that renderCard.ts loads. Text the cards carry is checked against them before anything is drawn.
import serif from '@fontsource/source-serif-4/unicode.json';

/** The subsets the cards load, by name: latin, latin-ext, cyrillic, cyrillic-ext, greek, vietnamese. */
export const CARD_SUBSETS = Object.keys(serif) as (keyof typeof serif)[];

/** The font-family list for a face of the cards: one family per subset (satori falls back family by family, glyph by glyph). */
export const cardFamily = (face: 'Serif' | 'Sans'): string => CARD_SUBSETS.map((subset) => `${face} ${subset}`).join(', ');

/** "U+0000-00FF,U+0131" → [[0x0, 0xff], [0x131, 0x131]] */
function ranges(list: string): [number, number][] {
  return list.split(',').map((r) => {
    const [from, to = from] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to!, 16)];
  });
}
const COVERED = Object.values(serif).flatMap(ranges);

/** Every character of `text` the cards' fonts cannot draw, once each, in order. */
export function undrawable(text: string): string[] {
  const missing = [...text].filter((ch) => !COVERED.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b));
  return [...new Set(missing)];
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** One message per text that holds characters the cards cannot draw, naming the field. */
export function cardTextProblems(texts: readonly { field: string; text: string }[]): string[] {
  return texts.flatMap(({ field, text }) => {
    const missing = undrawable(text);
    return missing.length
      ? [`${field}: the share card cannot draw ${missing.map((ch) => `"${ch}" (${codePoint(ch)})`).join(', ')}: its fonts (Source Serif 4, Source Sans 3) cover the Latin, Cyrillic, Greek and Vietnamese alphabets`]
      : [];
  });
}
