// Vertical timeline: the columns beside the axis that the symbols of crowded events step into, and the order a crowded run takes them in.
import { SYMBOL_RADIUS } from './categorySymbol';
import type { TimelineDims } from './timelineTypes';

/** Labels keep at least this many ems of width however many columns symbols step into. */
const MIN_LABEL_EMS = 10;

/** How many columns of symbols (the axis and those beside it) the width allows. */
export function symbolColumns(dims: TimelineDims): number {
  const r = SYMBOL_RADIUS;
  const room = dims.width - dims.marginRight - dims.marginLeft - r - Math.ceil(dims.fontSize * 1.5) - MIN_LABEL_EMS * dims.fontSize;
  return Math.max(1, Math.floor(room / (2 * r + 2)) + 1);
}

/**
 * Symbols down the axis (at `ys`, in order), each in the first column where it clears the symbol above;
 * past `limit` columns, in the column that frees up first. Also says how many columns that uses.
 */
export function firstFreeColumns(ys: number[], r: number, limit: number): { columns: number[]; used: number } {
  const columnEnds: number[] = [];
  const columns = ys.map((cy) => {
    let col = 0;
    while (col < limit && columnEnds[col] !== undefined && columnEnds[col]! + 1 > cy - r) col++;
    if (col === limit) col = columnEnds.indexOf(Math.min(...columnEnds));
    columnEnds[col] = cy + r;
    return col;
  });
  return { columns, used: columnEnds.length };
}

/**
 * A crowded run's symbols may take their columns in several orders: as placed by firstFreeColumns,
 * mirrored (the earliest event furthest from the axis), or a staircase stepping away from the axis or
 * towards it, within `count` columns. Each run keeps the first, unless another where no two symbols
 * overlap costs less (on a tie, the earlier in that list).
 */
export function orderCrowdedRuns(start: number[], ys: number[], r: number, count: number, cost: (columns: number[]) => number): number[] {
  const columns = start.slice();
  for (let a = 0; a < ys.length;) {
    let b = a;
    while (b + 1 < ys.length && ys[b + 1]! - ys[b]! < 2 * r + 1) b++;
    if (b > a) {
      const n = b - a + 1;
      const most = Math.max(...columns.slice(a, b + 1));
      const orders = [
        (i: number) => most - columns[i]!,
        (i: number) => (i - a) % count,
        (i: number) => Math.min(n, count) - 1 - ((i - a) % count),
      ];
      const candidates = orders.map((order) => columns.map((c, i) => (i >= a && i <= b ? order(i) : c)))
        .filter((cols) => cols.every((c, i) => c >= 0 && c < count && ys.every((y, k) => k === i || cols[k] !== c || Math.abs(y - ys[i]!) >= 2 * r + 1)));
      let best = columns.slice(), bestCost = cost(best);
      for (const cols of candidates) {
        const c = cost(cols);
        if (c < bestCost) { best = cols; bestCost = c; }
      }
      columns.splice(0, columns.length, ...best);
    }
    a = b + 1;
  }
  return columns;
}
