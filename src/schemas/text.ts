// Limits every text field shares, so that no field of the content is unbounded: ids, a line, a paragraph, an address.
import { z } from 'zod';

export const SLUG_MAX = 80;
/** A lowercase slug (letters, digits and single hyphens) of at most SLUG_MAX characters: how ids are written. */
export const SLUG = new RegExp(`^(?=.{1,${SLUG_MAX}}$)[a-z0-9]+(?:-[a-z0-9]+)*$`);
export const SLUG_RULE = `must be a lowercase slug (letters, digits and hyphens) of at most ${SLUG_MAX} characters`;
/** A character by its code point, as "U+0430". */
export const codePointOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** SLUG_RULE, naming the first character outside ASCII, which may look like a letter it is not (a Cyrillic "а", a dash). */
export function slugRule(input: unknown): string {
  if (typeof input !== 'string') return SLUG_RULE;
  // A character outside ASCII may look like one the rule allows; an upper-case letter, a space or "_" is plain to see.
  const bad = [...input].find((ch) => ch.codePointAt(0)! > 0x7e);
  if (!bad) return SLUG_RULE;
  return `${SLUG_RULE}; “${bad}” (${codePointOf(bad)}) is not one of them`;
}
/** The zod error for a slug: SLUG_RULE, naming a look-alike character. */
export const SLUG_ERROR = { error: (iss: { input?: unknown }) => slugRule(iss.input) };

/**
 * Runs of white space as HTML collapses them (space, tab, line feed, form feed, carriage return) as one space, none at
 * either end: the words as a reader sees them. A no-break or thin space, a zero-width character or a byte-order mark is
 * not white space to HTML, and stays, where JavaScript's \s and trim() would take it for a space.
 */
export const collapseSpace = (s: string) => s.replace(/[ \t\n\f\r]+/g, ' ').replace(/^ | $/g, '');

/** A name or a title: one line. */
export const LINE_MAX = 200;
/** A definition, a summary, a quotation: a paragraph. */
export const PARAGRAPH_MAX = 1500;
/** The longest address a browser, a host and a spreadsheet all keep whole. */
export const URL_MAX = 2000;

export const atMost = (n: number) => `must be at most ${n.toLocaleString('en')} characters`;

/** Trimmed text of `min` to `max` characters. */
export const text = (min: number, max: number, minMessage?: string) => z.string().trim().min(min, minMessage).max(max, atMost(max));
