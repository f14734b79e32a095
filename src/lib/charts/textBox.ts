// Estimated text boxes for layout and for the tests that prove labels neither overlap nor leave the chart.
import type { Anchor, TextMark } from './dimensions';

/** Average advance width per character, in em, for the sans-serif UI fonts (wide fonts such as DejaVu Sans included). */
const EM_PER_CHAR = 0.64;
const EM_PER_CHAR_BOLD = 0.7;

export interface Box { x0: number; y0: number; x1: number; y1: number }

export function textWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * (bold ? EM_PER_CHAR_BOLD : EM_PER_CHAR);
}

/** The box a text mark covers, from ascender to descender, given its anchor. */
export function textBox(t: Pick<TextMark, 'x' | 'y' | 'text' | 'anchor' | 'fontSize' | 'bold'>): Box {
  const w = textWidth(t.text, t.fontSize, t.bold);
  const x0 = t.anchor === 'start' ? t.x : t.anchor === 'middle' ? t.x - w / 2 : t.x - w;
  return { x0, x1: x0 + w, y0: t.y - t.fontSize * 0.8, y1: t.y + t.fontSize * 0.25 };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Keeps a label inside [min, max] horizontally by moving it, not by shrinking it. */
export function fitX(text: string, x: number, anchor: Anchor, fontSize: number, min: number, max: number, bold = false): { x: number; anchor: Anchor } {
  const w = textWidth(text, fontSize, bold);
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  if (left < min) return { x: min, anchor: 'start' };
  if (left + w > max) return { x: max, anchor: 'end' };
  return { x, anchor };
}
