// The symbol each category of event is drawn with, in the timeline and in its key.
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, type SymbolType } from 'd3-shape';
import type { TimelineCategory } from '../../../schemas/timeline';

export const SYMBOL_SIZE = 64;
const SYMBOLS: Record<TimelineCategory, SymbolType> = {
  diplomacy: symbolCircle,
  defence: symbolSquare,
  security: symbolTriangle,
  energy: symbolDiamond,
  trade: symbolStar,
};

/** The outline of a category's symbol at the origin, as the chart and its key draw it. */
export function categorySymbol(category: TimelineCategory, size = SYMBOL_SIZE): string {
  return symbol(SYMBOLS[category], size).digits(2)()!;
}

/** How far a category's symbol reaches left or right of its centre, in the units of its outline: drawn by D3 into a context that keeps only the extremes. */
export function symbolHalfWidth(category: TimelineCategory, size = SYMBOL_SIZE): number {
  let reach = 0;
  const at = (x: number) => { reach = Math.max(reach, Math.abs(x)); };
  const context = {
    moveTo: (x: number) => at(x), lineTo: (x: number) => at(x), closePath: () => {},
    arc: (x: number, _y: number, r: number) => at(Math.abs(x) + r),
    rect: (x: number, _y: number, w: number) => { at(x); at(x + w); },
  };
  symbol(SYMBOLS[category], size).context(context as unknown as CanvasRenderingContext2D)();
  return reach;
}
