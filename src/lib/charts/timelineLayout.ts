// Timeline geometry: places dated events on a 2010–2018 UTC time scale, horizontally or vertically, with labels that never overlap.
import { scaleUtc } from 'd3-scale';
import { utcYear } from 'd3-time';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, type SymbolType } from 'd3-shape';
import type { TimelineCategory, TimelineEvent } from '../../schemas/timeline';
import { eventSpan, byDate, type EventKind } from '../timeline/dates';
import { textWidth, wrapText } from './textBox';

export const TIMELINE_START = Date.UTC(2010, 0, 1);
export const TIMELINE_END = Date.UTC(2018, 11, 31);

export type Orientation = 'horizontal' | 'vertical';

export interface TimelineDims {
  width: number;
  /** Vertical layout: pixels given to each year along the axis; the chart grows if its labels need more room. */
  yearSize?: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  fontSize: number;
}

export interface Box { x: number; y: number; width: number; height: number }

export interface TimelineTick { year: number; label: string; x1: number; y1: number; x2: number; y2: number; labelX: number; labelY: number; anchor: 'start' | 'middle' | 'end' }

export interface TimelineMark {
  id: string;
  category: TimelineCategory;
  kind: EventKind;
  /** Month- or year-only dates: drawn hollow, with a dashed line over the whole month or year. */
  approximate: boolean;
  /** Where the symbol sits. */
  x: number;
  y: number;
  /** The symbol's outline, centred on 0,0 (translate it to x,y). */
  symbol: string;
  /** The stretch of time covered: a range of days, or the month or year of an approximate date. */
  span?: { x1: number; y1: number; x2: number; y2: number };
  label: { x: number; y: number; anchor: 'start' | 'end'; lines: string[]; lineHeight: number; box: Box };
  /** Vertical layout: the line from the symbol to its label. */
  leader?: string;
}

export interface TimelineLayout {
  orientation: Orientation;
  width: number;
  height: number;
  fontSize: number;
  axis: { x1: number; y1: number; x2: number; y2: number };
  ticks: TimelineTick[];
  marks: TimelineMark[];
}

type Row = Pick<TimelineEvent, 'id' | 'title' | 'category' | 'date' | 'precision' | 'start' | 'end'>;

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

/** How far a category symbol reaches from its centre: d3's star, the furthest-reaching, has radius √(0.89 × area). */
export const SYMBOL_RADIUS = Math.ceil(Math.sqrt(SYMBOL_SIZE * 0.8908130915292852));

const r2 = (n: number) => Math.round(n * 100) / 100;

function timeScale(range: [number, number]) {
  return scaleUtc().domain([new Date(TIMELINE_START), new Date(TIMELINE_END)]).range(range);
}

/** Where the symbol sits in time: the day itself, the first day of a range, the middle of a month or year. */
function anchorTime(kind: EventKind, start: number, end: number): number {
  if (kind === 'month' || kind === 'year') return (start + end) / 2;
  if (kind === 'day') return start + 12 * 3600_000;
  return start;
}

/** The last moment drawn: the exclusive end of a span, pulled back inside the scale's domain. */
const lastTime = (end: number) => Math.min(end, TIMELINE_END + 86_400_000);

export function timelineLayout(events: Row[], dims: TimelineDims, orientation: Orientation): TimelineLayout {
  const rows = [...events].sort(byDate);
  return orientation === 'horizontal' ? horizontal(rows, dims) : vertical(rows, dims);
}

function horizontal(rows: Row[], dims: TimelineDims): TimelineLayout {
  const { width, marginTop, marginRight, marginBottom, marginLeft, fontSize } = dims;
  const x = timeScale([marginLeft, width - marginRight]);
  const axisY = marginTop;
  const laneHeight = Math.ceil(fontSize * 1.75);
  const lane0 = axisY + Math.ceil(fontSize * 1.25);
  const r = SYMBOL_RADIUS;
  const gap = Math.ceil(fontSize * 0.4);
  const pad = Math.ceil(fontSize * 0.6);
  const textHeight = Math.ceil(fontSize * 1.2);

  // Lanes hold labels left to right; an event takes the first lanes where its symbol, span and label fit.
  // A label goes right of its symbol, or left of it near the right edge; where neither side has room
  // for one line it wraps onto as many lanes as it needs.
  const lanes: [number, number][][] = [];
  const free = (lane: number, [a, b]: [number, number]) => (lanes[lane] ?? []).every(([c, d]) => a >= d + pad || b + pad <= c);
  const placed = rows.map((e) => {
    const s = eventSpan(e);
    const cx = x(new Date(anchorTime(s.kind, s.start, s.end)));
    const approximate = s.kind === 'month' || s.kind === 'year';
    const hasSpan = s.kind !== 'day';
    const sx1 = hasSpan ? x(new Date(s.start)) : cx;
    const sx2 = hasSpan ? Math.max(x(new Date(lastTime(s.end))), sx1 + 2) : cx;
    const left = Math.min(sx1, cx - r);
    const right = Math.max(sx2, cx + r);
    const roomRight = width - 1 - (right + gap);
    const roomLeft = left - gap - 1;
    const oneLine = textWidth(e.title, fontSize);
    const onRight = oneLine <= roomRight || (oneLine > roomLeft && roomRight >= roomLeft);
    const lines = oneLine <= Math.max(roomRight, roomLeft) ? [e.title] : wrapText(e.title, Math.max(roomRight, roomLeft), fontSize);
    const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
    const labelX1 = onRight ? right + gap : left - gap - w;
    const occupied: [number, number] = onRight ? [left, labelX1 + w] : [labelX1, right];
    let lane = 0;
    while (!lines.every((_, k) => free(lane + k, occupied))) lane++;
    lines.forEach((_, k) => (lanes[lane + k] ??= []).push(occupied));
    return { e, s, cx, approximate, hasSpan, sx1, sx2, w, lines, onRight, labelX1, lane };
  });

  const bottom = lane0 + Math.max(lanes.length - 1, 0) * laneHeight + laneHeight / 2;
  const height = Math.ceil(bottom + marginBottom);

  const marks: TimelineMark[] = placed.map(({ e, s, cx, approximate, hasSpan, sx1, sx2, w, lines, onRight, labelX1, lane }) => {
    const y = lane0 + lane * laneHeight;
    const box: Box = { x: r2(labelX1), y: r2(y - textHeight / 2), width: w, height: r2(textHeight + (lines.length - 1) * laneHeight) };
    return {
      id: e.id,
      category: e.category,
      kind: s.kind,
      approximate,
      x: r2(cx),
      y: r2(y),
      symbol: categorySymbol(e.category),
      ...(hasSpan ? { span: { x1: r2(sx1), y1: r2(y), x2: r2(sx2), y2: r2(y) } } : {}),
      label: { x: r2(onRight ? labelX1 : labelX1 + w), y: r2(y), anchor: onRight ? 'start' : 'end', lines, lineHeight: laneHeight, box },
    };
  });

  // Year labels sit in the middle of their year; where a year is too narrow for "2010" they shorten to "’10".
  const years = x.ticks(utcYear.every(1)!);
  const yearWidth = x(years[1]!) - x(years[0]!);
  const short = textWidth('2010', fontSize) + 4 > yearWidth;
  const ticks: TimelineTick[] = years.map((d) => {
    const year = d.getUTCFullYear();
    const tx = x(d);
    const mid = x(new Date(Math.min(Date.UTC(year, 6, 2), TIMELINE_END)));
    return {
      year,
      label: short ? `’${String(year).slice(2)}` : String(year),
      x1: r2(tx), y1: r2(axisY), x2: r2(tx), y2: r2(bottom),
      labelX: r2(mid), labelY: r2(axisY - Math.ceil(fontSize * 0.5)), anchor: 'middle',
    };
  });

  return {
    orientation: 'horizontal', width, height, fontSize,
    axis: { x1: r2(x.range()[0]!), y1: r2(axisY), x2: r2(x.range()[1]!), y2: r2(axisY) },
    ticks, marks,
  };
}

type Point = [number, number];

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

/** Vertical layout: labels keep at least this many ems of width however many columns symbols step into. */
const MIN_LABEL_EMS = 10;

/** Vertical layout: how many columns of symbols (the axis and those beside it) the width allows. */
export function symbolColumns(dims: TimelineDims): number {
  const r = SYMBOL_RADIUS;
  const room = dims.width - dims.marginRight - dims.marginLeft - r - Math.ceil(dims.fontSize * 1.5) - MIN_LABEL_EMS * dims.fontSize;
  return Math.max(1, Math.floor(room / (2 * r + 2)) + 1);
}

function vertical(rows: Row[], dims: TimelineDims): TimelineLayout {
  const { width, marginTop, marginRight, marginBottom, marginLeft, fontSize, yearSize = 64 } = dims;
  const axisLength = 9 * yearSize;
  const y = timeScale([marginTop, marginTop + axisLength]);
  const axisX = marginLeft;
  const r = SYMBOL_RADIUS;
  const lineHeight = Math.ceil(fontSize * 1.25);
  const gap = Math.ceil(fontSize * 0.5);

  const timed = rows.map((e) => {
    const s = eventSpan(e);
    const cy = y(new Date(anchorTime(s.kind, s.start, s.end)));
    const sy1 = y(new Date(s.start));
    const sy2 = Math.max(y(new Date(lastTime(s.end))), sy1 + 2);
    const hasSpan = s.kind !== 'day';
    return { e, s, cy, sy1, sy2, hasSpan };
  }).sort((a, b) => a.cy - b.cy); // labels keep the order of their symbols

  // Events weeks apart are closer on the axis than a symbol is tall. Their symbols stay at their time
  // and step sideways into the first column beside the axis where they clear the symbol above; the
  // labels move right to make room. (Spans are thin lines a symbol may sit on, as every symbol sits on
  // the axis.) Past as many columns as leave the labels their room, a symbol takes the column that
  // frees up first.
  const step = 2 * r + 2;
  const limit = symbolColumns(dims);
  const columnEnds: number[] = [];
  const greedy = timed.map(({ cy }) => {
    let col = 0;
    while (col < limit && columnEnds[col] !== undefined && columnEnds[col]! + 1 > cy - r) col++;
    if (col === limit) col = columnEnds.indexOf(Math.min(...columnEnds));
    columnEnds[col] = cy + r;
    return col;
  });
  // Everything from here depends on how many columns the symbols may use: the labels move right to make
  // room for them. The fewest columns that leave no leader crossing a symbol are used (up to two more
  // than the crowding itself needs); failing that, the count whose leaders cross fewest.
  const placeWith = (count: number) => {
    const columns = greedy.slice();
    const outer = axisX + (count - 1) * step;
    const labelX = outer + r + Math.ceil(fontSize * 1.5);
    const maxWidth = Math.max(width - marginRight - labelX, fontSize * 4);

    const items = timed.map((t) => {
      const lines = wrapText(t.e.title, maxWidth, fontSize);
      const height = lines.length * lineHeight;
      return { ...t, lines, height, top: t.cy - height / 2 };
    });

    // Labels keep the order of their events. Overlapping neighbours merge into a block centred on
    // the mean of their wished-for centres, until no two blocks touch (the labeller of d3's line-end labels).
    type Block = { first: number; last: number; top: number; height: number; wish: number };
    let blocks: Block[] = items.map((it, i) => ({ first: i, last: i, top: it.top, height: it.height, wish: it.cy }));
    for (let changed = true; changed;) {
      changed = false;
      // Nothing may rise above the top margin; a block held down there may now meet the next one.
      for (const b of blocks) b.top = Math.max(b.top, marginTop - lineHeight / 2);
      const next: Block[] = [];
      for (const b of blocks) {
        const prev = next.at(-1);
        if (prev && prev.top + prev.height + gap > b.top) {
          const count = b.last - prev.first + 1;
          const wish = (prev.wish * (prev.last - prev.first + 1) + b.wish * (b.last - b.first + 1)) / count;
          const height = prev.height + gap + b.height;
          next[next.length - 1] = { first: prev.first, last: b.last, top: wish - height / 2, height, wish };
          changed = true;
        } else next.push({ ...b });
      }
      blocks = next;
    }

    const tops: number[] = [];
    for (const b of blocks) {
      let t = b.top;
      for (let i = b.first; i <= b.last; i++) {
        tops[i] = t;
        t += items[i]!.height + gap;
      }
    }

    const elbow = outer + r + Math.ceil(fontSize * 0.5);
    const labelY = (i: number) => tops[i]! + items[i]!.height / 2;

    // The leader of event i, given every symbol's column: level with the symbol out past the columns, then
    // to the label, as long as that passes clear of every other symbol and its stroke. Otherwise, first
    // off at 45° (or, beside the axis, straight up or down) past the neighbour and then across; then
    // straight towards the label. (Never along the axis: a leader there would seem to mark another date.)
    // Failing all, the route that crosses fewest symbols.
    const routeFor = (i: number, cols: number[]): { route: Point[]; crossings: number } => {
      const cy = items[i]!.cy, ly = labelY(i), x = axisX + cols[i]! * step;
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
      const others = items.map((it, k) => [axisX + cols[k]! * step, it.cy] as Point).filter((_, k) => k !== i);
      const crossings = (pts: Point[]) => others.filter((o) => !clearOfSymbol(pts, o, r + 1)).length;
      let best = { route: routes[1]!, crossings: Infinity };
      for (const route of routes) {
        const n = crossings(route);
        if (n < best.crossings) best = { route, crossings: n };
        if (n === 0) break;
      }
      return best;
    };

    // A crowded run's symbols may take their columns in several orders: as placed above (the first free
    // column), mirrored (the earliest event furthest from the axis), or a staircase stepping away from the
    // axis or towards it. Each run keeps the first, unless another where no two symbols overlap has
    // leaders that cross fewer symbols (on a tie, the earlier in that list).
    for (let a = 0; a < items.length;) {
      let b = a;
      while (b + 1 < items.length && items[b + 1]!.cy - items[b]!.cy < 2 * r + 1) b++;
      if (b > a) {
        const n = b - a + 1;
        const most = Math.max(...columns.slice(a, b + 1));
        // Only as many columns as the labels make room for.
        const orders = [
          (i: number) => most - columns[i]!,
          (i: number) => (i - a) % count,
          (i: number) => Math.min(n, count) - 1 - ((i - a) % count),
        ];
        const candidates = orders.map((order) => columns.map((c, i) => (i >= a && i <= b ? order(i) : c)))
          .filter((cols) => cols.every((c, i) => c >= 0 && c < count && items.every((o, k) => k === i || cols[k] !== c || Math.abs(o.cy - items[i]!.cy) >= 2 * r + 1)));
        const cost = (cols: number[]) => items.reduce((sum, _, i) => sum + routeFor(i, cols).crossings, 0);
        let best = columns.slice(), bestCost = cost(best);
        for (const cols of candidates) {
          const c = cost(cols);
          if (c < bestCost) { best = cols; bestCost = c; }
        }
        columns.splice(0, columns.length, ...best);
      }
      a = b + 1;
    }

    const routes = items.map((_, i) => routeFor(i, columns));
    const crossings = routes.reduce((sum, route) => sum + route.crossings, 0);
    const marks: TimelineMark[] = items.map(({ e, s, cy, sy1, sy2, hasSpan, lines, height }, i) => {
      const top = tops[i]!;
      const approximate = s.kind === 'month' || s.kind === 'year';
      const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
      const x = axisX + columns[i]! * step;
      const leader = routes[i]!.route.map(([px, py], k) => `${k ? 'L' : 'M'}${r2(px)},${r2(py)}`).join('');
      return {
        id: e.id,
        category: e.category,
        kind: s.kind,
        approximate,
        x: r2(x),
        y: r2(cy),
        symbol: categorySymbol(e.category),
        ...(hasSpan ? { span: { x1: r2(x), y1: r2(sy1), x2: r2(x), y2: r2(sy2) } } : {}),
        label: { x: r2(labelX), y: r2(top + lineHeight / 2), anchor: 'start', lines, lineHeight, box: { x: r2(labelX), y: r2(top), width: w, height } },
        leader,
      };
    });
    return { marks, crossings };
  };
  let placed = placeWith(columnEnds.length);
  for (let count = columnEnds.length + 1; placed.crossings > 0 && count <= Math.min(limit, columnEnds.length + 2); count++) {
    const next = placeWith(count);
    if (next.crossings < placed.crossings) placed = next;
  }
  const marks = placed.marks;

  const axisBottom = marginTop + axisLength;
  const labelsBottom = Math.max(0, ...marks.map((m) => m.label.box.y + m.label.box.height));
  const height = Math.ceil(Math.max(axisBottom, labelsBottom) + marginBottom);

  const ticks: TimelineTick[] = y.ticks(utcYear.every(1)!).map((d) => {
    const ty = y(d);
    return {
      year: d.getUTCFullYear(),
      label: String(d.getUTCFullYear()),
      x1: r2(axisX - Math.ceil(fontSize * 0.4)), y1: r2(ty), x2: r2(axisX), y2: r2(ty),
      labelX: r2(axisX - Math.ceil(fontSize * 0.6)), labelY: r2(ty), anchor: 'end',
    };
  });

  return {
    orientation: 'vertical', width, height, fontSize,
    axis: { x1: r2(axisX), y1: r2(marginTop), x2: r2(axisX), y2: r2(axisBottom) },
    ticks, marks,
  };
}

/** The two layouts the site draws: horizontal for wide screens, vertical for phones and print. */
export const HORIZONTAL_DIMS: TimelineDims = { width: 600, marginTop: 24, marginRight: 8, marginBottom: 8, marginLeft: 8, fontSize: 12 };
export const VERTICAL_DIMS: TimelineDims = { width: 300, yearSize: 68, marginTop: 12, marginRight: 4, marginBottom: 12, marginLeft: 44, fontSize: 13 };
