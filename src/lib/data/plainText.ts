// The words of the data files are plain text: the page escapes them, so markup would be shown as typed; and every
// editorial text reads as it is typed, so nothing invisible may stand for it or reorder it.
import { ContentError } from '../../schemas/issues';
import { codePointOf } from '../../schemas/text';

/** HTML, Markdown and HTML entities, each as the page would show it: an editor's habit from other tools. */
const MARKUP: readonly RegExp[] = [
  /<\/?[a-z][^<>]*>/i, // an HTML tag, with or without attributes (<img/src=…> too)
  /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i, // an HTML entity
  /\[[^\]\n]+\]\([^)\s]+\)/, // a Markdown link
  /`[^`\n]+`/, // Markdown code
  /\*\*|__(?=\S)/, // Markdown strong emphasis
  /(?:^|\s)[*_](?=\S)[^*_\n]*\S[*_](?=\s|[.,;:!?)]|$)/, // Markdown emphasis
];

/** Fields that hold addresses, not words. */
const isAddress = (key: string) => /(^|[a-z])(url|href)$/i.test(key);

/** The first piece of markup in `text`, as typed. */
function markupIn(text: string): string | undefined {
  for (const pattern of MARKUP) {
    const found = pattern.exec(text);
    if (found) return found[0].trim();
  }
  return undefined;
}

/** Bidirectional embeddings, overrides and isolates: the text around one is shown in another order than it is typed. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Format characters (zero-width spaces and joiners, word joiners, soft hyphens…) and spaces: nothing a reader sees. */
const UNSEEN = /[\p{Cf}\s]/gu;

/** Whether `text` holds only format characters and spaces: nothing a reader sees. */
export const nothingVisible = (text: string) => text.replace(UNSEEN, '') === '';

/** Why `text` would be shown in another order than it is typed (a bidirectional control in it), or undefined. */
export function bidiProblem(text: string): string | undefined {
  const bidi = BIDI_CONTROL.exec(text);
  return bidi ? `holds ${codePointOf(bidi[0])}, a bidirectional control: the page would show the words around it in another order than they are typed; take it out` : undefined;
}

/**
 * Why `text` would not read as it is typed, or undefined: a bidirectional control in it, or nothing visible at all
 * (only format characters and spaces), which the page would show as a blank heading or label. Said as what the text does.
 */
export function unseenProblem(text: string): string | undefined {
  const bidi = bidiProblem(text);
  if (bidi) return bidi;
  if (nothingVisible(text)) {
    const hidden = [...text].filter((ch) => /\p{Cf}/u.test(ch));
    return `has nothing visible in it${hidden.length ? ` (only ${hidden.map(codePointOf).join(', ')}${/\s/u.test(text) ? ' and spaces' : ''})` : ''}: the page would show a blank`;
  }
  return undefined;
}

/** Every string of `value` that `check` finds a problem with, by its path; addresses (url, href) are not words and are passed over. */
export function textFieldProblems(value: unknown, check: (text: string) => string | undefined, path: string[] = []): { path: string[]; problem: string }[] {
  if (typeof value === 'string') {
    const problem = check(value);
    return problem ? [{ path, problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => textFieldProblems(v, check, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (isAddress(k) ? [] : textFieldProblems(v, check, [...path, k])));
  return [];
}

/** Markup in words the page escapes, which it would show as typed, said as what to do; or undefined. */
export function markupProblem(text: string): string | undefined {
  const markup = markupIn(text);
  return markup ? `is plain text, and the page would show “${markup}” as typed; write the words alone, with the characters themselves (’ “ ” – …) for entities` : undefined;
}

/** What is wrong with a data file's words: markup the page would show as typed, or text that would not read as typed. */
export const plainTextProblem = (text: string) => markupProblem(text) ?? unseenProblem(text);

/**
 * Throws a ContentError naming the file, the entry (`label` of its id; none for a file of one entry) and the field of
 * every string that holds markup, a bidirectional control, or nothing visible.
 */
export function plainTextProblems(file: string, entries: readonly { id: string; data: Record<string, unknown> }[], label?: (id: string) => string): void {
  const problems = entries.flatMap((e) => textFieldProblems(e.data, plainTextProblem).map(({ path, problem }) =>
    `  - ${[label?.(e.id), `field "${path.join('.')}"`].filter(Boolean).join(', ')}: ${problem}`));
  if (problems.length) throw new ContentError(`${file}: invalid data\n${problems.join('\n')}`);
}
