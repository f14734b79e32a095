// Checks every figure that appears both in a paragraph and in the data: where they disagree, an editorial note must explain it.
export type FigureKind = 'usd' | 'percent';

/** A figure the data gives for a paragraph: a value from a data file, or one computed from it. */
export interface DataFigure {
  /** Where the value comes from, for the error message: "content/data/trade.yaml, row "trade-current-year"". */
  origin: string;
  paragraphId: string;
  kind: FigureKind;
  value: number;
}

/** A figure as the paragraph writes it. */
export interface TextFigure { phrase: string; kind: FigureKind; value: number; digits: number }

export interface CheckedParagraph { id: string; text: string }
export interface CheckedNote { id: string; for: string; explains: string[] }

const MONEY = /\$\s?(\d+(?:[.,]\d+)*)\s*(million|billion|bn|m)\b/gi;
const PERCENT = /(\d+(?:\.\d+)?)\s*(?:per\s?cent|percent|%)/gi;

function decimals(n: string): number {
  const dot = n.indexOf('.');
  return dot < 0 ? 0 : n.length - dot - 1;
}

/** The money figures (in US$ millions) and percentages a text states, as written. */
export function figuresInText(text: string): TextFigure[] {
  const found: TextFigure[] = [];
  for (const m of text.matchAll(MONEY)) {
    const raw = m[1]!.replace(/,/g, '');
    const scale = /^b/i.test(m[2]!) ? 1000 : 1;
    found.push({ phrase: m[0], kind: 'usd', value: Number(raw) * scale, digits: decimals(raw) - Math.log10(scale) });
  }
  for (const m of text.matchAll(PERCENT)) found.push({ phrase: m[0], kind: 'percent', value: Number(m[1]), digits: decimals(m[1]!) });
  return found;
}

/** True when the data value, rounded as the text rounds, is the text's figure. */
export function agrees(text: TextFigure, value: number): boolean {
  const step = 10 ** -Math.max(text.digits, -6);
  return Math.abs(text.value - value) <= step / 2 + 1e-9;
}

const show = (f: { kind: FigureKind; value: number }) => (f.kind === 'usd' ? `$${+f.value.toFixed(2)}M` : `${+f.value.toFixed(2)} %`);

/**
 * Lists the disagreements nobody has explained. A data figure passes when the paragraph states
 * the same figure; otherwise a note on that paragraph must name the text's figure in `explains`.
 * A note's `explains` must quote a figure of its paragraph that really does disagree with the data.
 */
export function numberProblems(paragraphs: CheckedParagraph[], notes: CheckedNote[], figures: DataFigure[]): string[] {
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const problems: string[] = [];
  const explainedUsed = new Set<string>();
  for (const f of figures) {
    const para = byId.get(f.paragraphId);
    if (!para) {
      problems.push(`${f.origin}: cites paragraph "${f.paragraphId}", which is not in the article`);
      continue;
    }
    const stated = figuresInText(para.text).filter((t) => t.kind === f.kind);
    if (stated.some((t) => agrees(t, f.value))) continue;
    if (stated.length === 0) {
      problems.push(`paragraph "${para.id}": ${f.origin} gives ${show(f)}, but the paragraph states no ${f.kind === 'usd' ? 'dollar figure' : 'percentage'}`);
      continue;
    }
    const explaining = notes.filter((n) => n.for === para.id).flatMap((n) => n.explains.map((e) => ({ note: n.id, phrase: e })));
    const explained = stated.filter((t) => explaining.some((e) => e.phrase === t.phrase));
    if (explained.length) {
      explained.forEach((t) => explainedUsed.add(`${para.id}\u0000${t.phrase}`));
      continue;
    }
    const nearest = stated.reduce((a, b) => (Math.abs(b.value - f.value) < Math.abs(a.value - f.value) ? b : a));
    problems.push(
      `paragraph "${para.id}": the text says ${stated.map((t) => `"${t.phrase}"`).join(' and ')} but ${f.origin} gives ${show(f)}; ` +
        `correct the data, or explain the difference in a <Note for="${para.id}" explains="${nearest.phrase}">`,
    );
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
