// Vertical timeline: the leader from a symbol to its label, routed clear of the other symbols where it can be.
import { round2 as r2 } from '../dimensions';

export type Point = [number, number];

/** Whether a polyline keeps out of the square a symbol of radius r centred on `at` covers. */
function clearOfSymbol(points: Point[], at: Point, r: number): boolean {
  for (let k = 1; k < points.length; k++) {
    const [[x1, y1], [x2, y2]] = [points[k - 1]!, points[k]!];
    const n = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) * 2));
    for (let t = 0; t <= n; t++) {
      if (Math.abs(x1 + ((x2 - x1) * t) / n - at[0]) < r && Math.abs(y1 + ((y2 - y1) * t) / n - at[1]) < r) return false;
    }
  }
  return true;
}

/** Where leaders run: the axis, the symbols' radius, where labels start and where leaders bend towards them. */
export interface LeaderFrame { axisX: number; r: number; labelX: number; elbow: number }

/**
 * The leader from the symbol at [x, cy] to its label's middle at height ly: level with the symbol out past
 * the columns, then to the label, as long as that passes clear of every other symbol and its stroke.
 * Otherwise, first off at 45° (or, beside the axis, straight up or down) past the neighbour and then across;
 * then straight towards the label. (Never along the axis: a leader there would seem to mark another date.)
 * Failing all, the route that crosses fewest symbols.
 */
export function routeLeader([x, cy]: Point, ly: number, others: Point[], { axisX, r, labelX, elbow }: LeaderFrame): { route: Point[]; crossings: number } {
  const angle = Math.atan2(ly - cy, labelX - 3 - x);
  const edge: Point = [x + (r + 1) * Math.cos(angle), cy + (r + 1) * Math.sin(angle)];
  const end: Point = [labelX - 3, ly];
  // Routes that keep to the pattern of the others come first: across to the bend, then to the label.
  const across: Point[][] = [[[x + r + 1, cy], [elbow, cy], end]];
  const direct: Point[][] = [[edge, end], [edge, [elbow, ly], end]];
  for (const k of [1, 2, 3]) {
    for (const dir of ly < cy ? [-1, 1] : [1, -1]) {
      // Off at 45° to clear a neighbour beside it, then across (or on to the label).
      const d = k * (r + 3);
      const corner: Point = [x + (r + 1) * Math.SQRT1_2, cy + dir * (r + 1) * Math.SQRT1_2];
      if (x + d < elbow) across.push([corner, [x + d, cy + dir * d], [elbow, cy + dir * d], end]);
      direct.push([corner, [x + d, cy + dir * d], end]);
      if (x === axisX) continue;
      const leave: Point = [x, cy + dir * (r + 1)];
      across.push([leave, [x, cy + dir * d], [elbow, cy + dir * d], end]);
      direct.push([leave, [x, cy + dir * d], end]);
    }
  }
  const routes = [...across, ...direct];
  const crossings = (pts: Point[]) => others.filter((o) => !clearOfSymbol(pts, o, r + 1)).length;
  let best = { route: routes[1]!, crossings: Infinity };
  for (const route of routes) {
    const n = crossings(route);
    if (n < best.crossings) best = { route, crossings: n };
    if (n === 0) break;
  }
  return best;
}

/** A route as an SVG path, rounded to two decimals. */
export function leaderPath(route: Point[]): string {
  return route.map(([px, py], k) => `${k ? 'L' : 'M'}${r2(px)},${r2(py)}`).join('');
}
