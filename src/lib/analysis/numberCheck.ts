// Checks every figure that appears both in a paragraph and in the data: where they disagree, an editorial note must explain it.
import { group as groupBy } from 'd3-array';
export type FigureKind = 'usd' | 'percent';

/** A figure the data gives for a paragraph: a value from a data file, or one computed from it. */
export interface DataFigure {
  /** Where the value comes from, for the error message: "content/data/trade.yaml, row "trade-current-year"". */
  origin: string;
  paragraphId: string;
  kind: FigureKind;
  value: number;
  /** Figures of one series (the article's two trade figures) come in the order the paragraph states them. */
  series?: string;
  /** A row that records the article's own figure must be that figure, not one that merely rounds to it. */
  exact?: boolean;
}

/** A figure as the paragraph writes it. */
export interface TextFigure { phrase: string; kind: FigureKind; value: number; digits: number }

export interface CheckedParagraph { id: string; text: string }
export interface CheckedNote { id: string; for: string; explains: string[] }

// "$400 million", "$1.2bn", "$74M", "$5 mn", "$1.8-billion", "$3 trillion", a bare "$2,400,000,000", and "2.4 billion
// dollars". A bare amount that opens a range ("$1.5-2 billion", "$2.25 to $3.5 billion") is not read: its unit is the
// range's, written once at its end.
const UNIT = 'trillion|billion|million|thousand|tn|bn|mn|m|b|k';
const MONEY = new RegExp(`\\$\\s?(\\d+(?:[.,]\\d+)*)(?![.,]?\\d)(?:(?:\\s*|-)(${UNIT})\\b|(?!\\s*(?:[-–]|to|and)\\s*\\$?\\d))|\\b(\\d+(?:[.,]\\d+)*)\\s*(${UNIT})\\s+(?:US\\s)?dollars\\b`, 'gi');
const SCALE: Record<string, number> = { trillion: 1e6, tn: 1e6, billion: 1e3, bn: 1e3, b: 1e3, million: 1, mn: 1, m: 1, thousand: 1e-3, k: 1e-3 };
const PERCENT = /(\d+(?:\.\d+)?)\s*(?:per\s?cent|percent|%)/gi;

function decimals(n: string): number {
  const dot = n.indexOf('.');
  return dot < 0 ? 0 : n.length - dot - 1;
}

/** The money figures (in US$ millions) and percentages a text states, as written. */
export function figuresInText(text: string): TextFigure[] {
  const found: TextFigure[] = [];
  for (const m of text.matchAll(MONEY)) {
    const raw = (m[1] ?? m[3]!).replace(/,/g, '');
    const unit = m[2] ?? m[4];
    // In US$ millions: a figure without a unit word is in dollars, written to its last digit that is not a trailing zero.
    const scale = unit === undefined ? 1e-6 : SCALE[unit.toLowerCase()]!;
    const zeros = unit === undefined && !raw.includes('.') ? /0*$/.exec(raw)![0].length : 0;
    found.push({ phrase: m[0].trim(), kind: 'usd', value: Number(raw) * scale, digits: decimals(raw) - zeros - Math.round(Math.log10(scale)) });
  }
  for (const m of text.matchAll(PERCENT)) found.push({ phrase: m[0], kind: 'percent', value: Number(m[1]), digits: decimals(m[1]!) });
  return found;
}

/** True when the data value, rounded as the text rounds (half up), is the text's figure. */
export function agrees(text: TextFigure, value: number): boolean {
  const step = 10 ** -Math.max(text.digits, -6);
  return value >= text.value - step / 2 - 1e-9 && value < text.value + step / 2 - 1e-9;
}

/** True when a data figure is the text's: the same value for the article's own figures, the value rounded for others. */
const matches = (text: TextFigure, f: DataFigure) => (f.exact ? Math.abs(text.value - f.value) < 1e-9 : agrees(text, f.value));

const show = (f: { kind: FigureKind; value: number }) => (f.kind === 'usd' ? `$${+f.value.toFixed(2)}M` : `${+f.value.toFixed(2)} %`);

/**
 * Lists the disagreements nobody has explained. A data figure passes when the paragraph states
 * the same figure; otherwise a note on that paragraph must name the text's figure in `explains`.
 * A note's `explains` must quote a figure of its paragraph that really does disagree with the data.
 */
export function numberProblems(paragraphs: CheckedParagraph[], notes: CheckedNote[], figures: DataFigure[]): string[] {
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  // Each paragraph's figures, read once; those of one kind, in the order the paragraph states them.
  const statedIn = new Map(paragraphs.map((p) => [p.id, figuresInText(p.text)]));
  const statedOf = (paraId: string, kind: FigureKind) => statedIn.get(paraId)!.filter((t) => t.kind === kind);
  const explains = (paraId: string, phrase: string) => notes.some((n) => n.for === paraId && n.explains.includes(phrase));
  const problems: string[] = [];
  const explainedUsed = new Set<string>();
  // Paragraphs (and kinds of figure) already reported, so that one slip gives one message.
  const reported = new Set<string>();
  const key = (f: DataFigure) => `${f.paragraphId}\u0000${f.kind}`;
  for (const f of figures) {
    const para = byId.get(f.paragraphId);
    if (!para) {
      problems.push(`${f.origin}: cites paragraph "${f.paragraphId}", which is not in the article`);
      continue;
    }
    const stated = statedOf(para.id, f.kind);
    if (stated.some((t) => matches(t, f))) continue;
    if (stated.length === 0) {
      reported.add(key(f));
      problems.push(`paragraph "${para.id}": ${f.origin} gives ${show(f)}, but the paragraph states no ${f.kind === 'usd' ? 'dollar figure' : 'percentage'}`);
      continue;
    }
    const explained = stated.filter((t) => explains(para.id, t.phrase));
    if (explained.length) {
      explained.forEach((t) => explainedUsed.add(`${para.id}\u0000${t.phrase}`));
      continue;
    }
    reported.add(key(f));
    // The figure to explain is one the text states and no row of the data gives (the one changed), nearest this row's.
    const unmatched = stated.filter((t) => !figures.some((g) => g.paragraphId === para.id && g.kind === f.kind && matches(t, g)));
    const nearest = (unmatched.length ? unmatched : stated).reduce((a, b) => (Math.abs(b.value - f.value) < Math.abs(a.value - f.value) ? b : a));
    problems.push(
      `paragraph "${para.id}": the text says ${stated.map((t) => `"${t.phrase}"`).join(' and ')} but ${f.origin} gives ${show(f)}; ` +
        `correct the data, or explain the difference in a <Note for="${para.id}" explains="${nearest.phrase}">`,
    );
  }
  const known = figures.filter((f) => byId.has(f.paragraphId));
  // Each figure a paragraph states, of a kind the data gives for it, is one the data gives or a note explains: a row
  // copied over another would otherwise still find its twin in the text, and the other figure would go unchecked.
  for (const [k, group] of groupBy(known, key)) {
    if (reported.has(k)) continue;
    const { paragraphId: paraId, kind } = group[0]!;
    for (const t of statedOf(paraId, kind)) {
      if (group.some((f) => matches(t, f))) continue;
      // A figure the data does not give, which a note explains, is the note's to explain: the note check accepts it.
      if (explains(paraId, t.phrase)) { explainedUsed.add(`${paraId}\u0000${t.phrase}`); continue; }
      problems.push(`paragraph "${paraId}": the text says "${t.phrase}", which no row of the data gives (${group.map((f) => `${f.origin}: ${show(f)}`).join('; ')}); correct the data, or explain the difference in a <Note for="${paraId}" explains="${t.phrase}">`);
    }
  }
  // A series' figures are in the data in the order the paragraph states them (this article states its two trade figures
  // earlier first, and its text is fixed; a paragraph that named the later year first would need the periods instead).
  for (const rows of groupBy(known.filter((f) => f.series), (f) => `${f.series}\u0000${f.paragraphId}`).values()) {
    const stated = statedOf(rows[0]!.paragraphId, rows[0]!.kind);
    const at = rows.map((f) => stated.findIndex((t) => matches(t, f)));
    for (let i = 1; i < rows.length; i++) {
      if (at[i - 1]! >= 0 && at[i]! >= 0 && at[i]! < at[i - 1]!) {
        problems.push(`paragraph "${rows[0]!.paragraphId}": ${rows[i - 1]!.origin} (${show(rows[i - 1]!)}) comes before ${rows[i]!.origin} (${show(rows[i]!)}), but the paragraph states "${stated[at[i]!]!.phrase}" first; keep the rows in the paragraph's order, earlier first, or, if each row's period is right, put each row's value back (the values were swapped)`);
      }
    }
  }
  for (const n of notes) {
    const para = byId.get(n.for);
    for (const phrase of n.explains) {
      if (!para || !para.text.includes(phrase)) {
        problems.push(`note "${n.id}": explains "${phrase}", which paragraph "${n.for}" does not say`);
      } else if (!explainedUsed.has(`${n.for}\u0000${phrase}`)) {
        problems.push(`note "${n.id}": explains "${phrase}", but no figure in the data disagrees with it; remove explains or check the data`);
      }
    }
  }
  return problems;
}
