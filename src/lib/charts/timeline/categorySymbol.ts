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

