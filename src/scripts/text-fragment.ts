// Text fragments (`#:~:text=`) for quote links: encoding, and choosing a start, end and prefix that find the quote. Pure; runs in the browser and in unit tests.

/**
 * Encodes one term of a text directive. The directive's own syntax characters must be escaped: "," (start/end
 * separator) and "&" (directive separator), which encodeURIComponent escapes, and "-" (prefix/suffix marker), which
 * it leaves.
 */
export function encodeTextTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

export interface TextDirective {
  start: string;
  end?: string;
  prefix?: string;
  suffix?: string;
}

/** Serialises a directive as `text=[prefix-,]start[,end][,-suffix]`. */
export function textDirective({ start, end, prefix, suffix }: TextDirective): string {
  if (!start.trim()) throw new Error('textDirective: the start text is empty');
  const parts = [
    ...(prefix ? [`${encodeTextTerm(prefix)}-`] : []),
    encodeTextTerm(start),
    ...(end ? [encodeTextTerm(end)] : []),
    ...(suffix ? [`-${encodeTextTerm(suffix)}`] : []),
  ];
  return `text=${parts.join(',')}`;
}

/** A page URL with a text fragment: `<base>#:~:text=…` (any existing fragment on base is dropped). */
export function textFragmentUrl(base: string, directive: TextDirective): string {
  const url = new URL(base);
  url.hash = '';
  return `${url.toString()}#:~:${textDirective(directive)}`;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string) => squash(s).split(' ').filter(Boolean);

/** Quotes up to this many words are linked whole; longer ones by their first and last words. */
export const WHOLE_QUOTE_WORDS = 8;
const EDGE_WORDS = 4;

let segmenter: Intl.Segmenter | undefined;

/**
 * Widens [from, to) to whole words: text fragments only match at word boundaries, found as the browser finds them
 * (Unicode word segmentation, which keeps "Pakistan’s" one word). A cut word is taken whole, and no more: not the
 * punctuation after it, which the reader did not select. A browser without Intl.Segmenter (which also has no text
 * fragments) widens to the white space either side.
 */
export function wholeWords(text: string, from: number, to: number): [number, number] {
  if (from >= to) return [from, to];
  if (typeof Intl.Segmenter !== 'function') {
    while (from > 0 && /\S/.test(text[from - 1]!)) from--;
    while (to < text.length && /\S/.test(text[to]!)) to++;
    return [from, to];
  }
  const segments = (segmenter ??= new Intl.Segmenter('en', { granularity: 'word' })).segment(text);
  const first = segments.containing(from), last = segments.containing(to - 1);
  return [first?.isWordLike ? first.index : from, last?.isWordLike ? last.index + last.segment.length : to];
}

/** Text as a text fragment matches it: runs of white space as one space, none at the start. */
const flatten = (s: string) => s.replace(/\s+/g, ' ').replace(/^ /, '');

/**
 * Chooses the directive for the quote `text.slice(from, to)` within `text`, the text of the whole page: a
 * browser highlights the first match of a directive anywhere on the page (the headline, a note, the timeline),
 * so when the quote's opening words occur earlier it adds the words before the quote as a prefix until the first
 * match is the reader's selection. White space at either end of the selection is not part of the quote.
 *
 * `breaks` are offsets in `text` where what a reader sees is not `text` as it runs (a paragraph's edge, a note
 * number, the editors' words between paragraphs): one matched term cannot span them, so a quote across a break
 * is linked by the words before its first break and after its last, and a prefix never reaches back past one,
 * nor past `floor` (the start of the paragraph the quote begins in). Returns undefined when no such directive
 * finds the quote first: the caller links the paragraph instead.
 */
export function quoteDirective(text: string, from: number, to: number, breaks: number[] = [], floor = 0): TextDirective | undefined {
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  // Whole words, but never past a break: the words either side of one are not one word on screen. The start's
  // paragraph, or the last break in it, is also as far back as a prefix may reach.
  const reach = Math.max(floor, ...breaks.filter((b) => b <= from));
  const [wideFrom, wideTo] = wholeWords(text, from, to);
  from = Math.max(wideFrom, reach);
  to = Math.min(wideTo, ...breaks.filter((b) => b >= to));
  const quote = squash(text.slice(from, to));
  const w = words(quote);
  if (w.length === 0) throw new Error('quoteDirective: the selection holds no words');
  const inner = breaks.filter((b) => words(text.slice(from, b)).length > 0 && words(text.slice(b, to)).length > 0).sort((a, b) => a - b);
  const directive: TextDirective =
    inner.length > 0
      ? { start: words(text.slice(from, inner[0])).slice(0, EDGE_WORDS).join(' '), end: words(text.slice(inner.at(-1), to)).slice(-EDGE_WORDS).join(' ') }
      : w.length <= WHOLE_QUOTE_WORDS
        ? { start: quote }
        : { start: w.slice(0, EDGE_WORDS).join(' '), end: w.slice(-EDGE_WORDS).join(' ') };

  // Where the quote begins in the flattened, lowercased text, which is what firstMatch searches (lowercasing can
  // change a text's length: "İ" becomes two characters).
  const target = flatten(text.slice(0, from)).toLowerCase().length;
  const flat = flatten(text).toLowerCase();
  const before = words(text.slice(reach, from));
  for (let n = 0; n <= Math.min(before.length, 6); n++) {
    const candidate = n === 0 ? directive : { ...directive, prefix: before.slice(-n).join(' ') };
    if (firstMatch(flat, candidate) === target) return candidate;
  }
  return undefined;
}

/**
 * Where the directive's start first matches in the lowercased, flattened text (−1 if nowhere). It matches anywhere,
 * inside a word too, where the browser matches whole words only: the text holds no block boundaries (a heading's
 * last word runs on into the next paragraph's first), so it cannot tell them, and a match found too early costs only
 * a prefix or the paragraph's link, never a link that opens elsewhere.
 */
export function firstMatch(flat: string, d: TextDirective): number {
  const start = squash(d.start).toLowerCase();
  const prefix = d.prefix ? squash(d.prefix).toLowerCase() : undefined;
  for (let at = flat.indexOf(start); at >= 0; at = flat.indexOf(start, at + 1)) {
    if (prefix === undefined || flat.slice(0, at).trimEnd().endsWith(prefix)) return at;
  }
  return -1;
}
