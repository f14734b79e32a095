// Text measured one way for every figure: estimated widths, wrapped lines and the boxes labels cover.
import type { Anchor, TextMark } from './dimensions';

/** Semi-bold is measured as bold: faces without a semi-bold (DejaVu Sans, Arial) set it in their bold. */
export type FontWeight = 'regular' | 'semibold' | 'bold';

/** How a label is set, beyond its size: its weight and its CSS letter-spacing in ems. */
export interface TextStyle { weight?: FontWeight; letterSpacing?: number }

// Advance widths in ems by class of character, rounded up from DejaVu Sans, the widest face the charts'
// system-ui stack falls back to (Segoe UI, Roboto, Helvetica and Arial all set narrower). Estimating
// high keeps labels apart and inside their chart whichever of those faces the reader has.
const NARROW = new Set([...'iljIJ.,:;\'’‘| \u00a0\u202f']);
const SLIM = new Set([...'frt()[]/\\-!']);
const WIDE = new Set([...'mwMW%@—…#+<=>^~×']);
function advance(ch: string): number {
  if (NARROW.has(ch)) return 0.36;
  if (SLIM.has(ch)) return 0.44;
  if (WIDE.has(ch)) return 1;
  // CJK, full-width forms and emoji.
  if (ch.codePointAt(0)! >= 0x2e80) return 1.25;
  if ((ch >= 'A' && ch <= 'Z') || ch === '&') return 0.8;
  return 0.65;
}
/** The bold face is at most 12 % wider than the regular, character for character. */
const WEIGHT_FACTOR: Record<FontWeight, number> = { regular: 1, semibold: 1.12, bold: 1.12 };

/** The width of one line of text in pixels, rounded up: never less than the widest face in the stack sets it. */
export function textWidth(text: string, fontSize: number, { weight = 'regular', letterSpacing = 0 }: TextStyle = {}): number {
  let em = 0;
  for (const ch of text) em += advance(ch) * WEIGHT_FACTOR[weight] + letterSpacing;
  return Math.ceil(em * fontSize);
}

/** A word wider than maxWidth, cut into pieces that fit, so that no label runs out of its chart. */
function breakWord(word: string, maxWidth: number, fontSize: number, style: TextStyle): string[] {
  if (textWidth(word, fontSize, style) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && textWidth(piece + ch, fontSize, style) > maxWidth) { pieces.push(piece); piece = ch; } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Breaks text into lines no wider than maxWidth; a single word wider than that is cut across lines. */
export function wrapText(text: string, maxWidth: number, fontSize: number, style: TextStyle = {}): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean).flatMap((w) => breakWord(w, maxWidth, fontSize, style))) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, style) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface Box { x0: number; y0: number; x1: number; y1: number }

type PlacedText = Pick<TextMark, 'x' | 'y' | 'text' | 'anchor' | 'fontSize' | 'bold'>;

/** The box a line of text covers, from ascender to descender, given its anchor; a chart's text mark is bold or regular. */
export function textBox(t: PlacedText, style: TextStyle = { weight: t.bold ? 'bold' : 'regular' }): Box {
  const w = textWidth(t.text, t.fontSize, style);
  const x0 = t.anchor === 'start' ? t.x : t.anchor === 'middle' ? t.x - w / 2 : t.x - w;
  return { x0, x1: x0 + w, y0: t.y - t.fontSize * 0.8, y1: t.y + t.fontSize * 0.25 };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Keeps a label inside [min, max] horizontally by moving it, not by shrinking it; a label wider than that is refused. */
export function fitX(text: string, x: number, anchor: Anchor, fontSize: number, min: number, max: number, style: TextStyle = {}): { x: number; anchor: Anchor } {
  const w = textWidth(text, fontSize, style);
  if (w > max - min) throw new RangeError(`the label "${text}" is too wide for its chart: it needs ${w} px and has ${Math.floor(max - min)} px`);
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  if (left < min) return { x: min, anchor: 'start' };
  if (left + w > max) return { x: max, anchor: 'end' };
  return { x, anchor };
}
