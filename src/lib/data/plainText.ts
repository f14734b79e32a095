// The words of the data files are plain text: the page escapes them, so markup would be shown as typed.
import { ContentError } from '../../schemas/issues';

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
export function markupIn(text: string): string | undefined {
  for (const pattern of MARKUP) {
    const found = pattern.exec(text);
    if (found) return found[0].trim();
  }
  return undefined;
}

function walk(value: unknown, path: string[], found: (path: string[], markup: string) => void): void {
  if (typeof value === 'string') {
    const markup = markupIn(value);
    if (markup) found(path, markup);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, String(i)], found));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!isAddress(k)) walk(v, [...path, k], found);
  }
}

/**
 * Throws a ContentError naming the file, the entry (`label` of its id; none for a file of one entry) and the field of
 * every string that holds markup.
 */
export function markupProblems(file: string, entries: readonly { id: string; data: Record<string, unknown> }[], label?: (id: string) => string): void {
  const problems: string[] = [];
  for (const e of entries) {
    walk(e.data, [], (path, markup) => {
      const where = [label?.(e.id), `field "${path.join('.')}"`].filter(Boolean).join(', ');
      problems.push(`  - ${where}: is plain text, and the page would show “${markup}” as typed; write the words alone, with the characters themselves (’ “ ” – …) for entities`);
    });
  }
  if (problems.length) throw new ContentError(`${file}: invalid data\n${problems.join('\n')}`);
}
