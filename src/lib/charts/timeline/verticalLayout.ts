// The timeline down a phone screen or a printed page: symbols on the axis or in columns beside it, labels stacked to the right with leaders.
import { utcYear } from 'd3-time';
import { eventSpan } from '../../timeline/dates';
import { round2 as r2 } from '../dimensions';
import { textWidth, wrapText } from '../textBox';
import { categorySymbol, SYMBOL_RADIUS } from './categorySymbol';
import { packLabels } from './packLabels';
import { leaderPath, routeLeader, type Point } from './routeLeader';
import { firstFreeColumns, orderCrowdedRuns, symbolColumns } from './symbolColumns';
import { anchorTime, ARTICLE_TIME_SPAN, lastTime, timelineScale, yearsIn } from './timelineScale';
import type { TimeSpan, TimelineDims, TimelineLayout, TimelineMark, TimelineRow, TimelineTick } from './timelineTypes';

/** Lays out events already in date order, on a scale over `span`. */
export function verticalLayout(rows: TimelineRow[], dims: TimelineDims, span: TimeSpan = ARTICLE_TIME_SPAN): TimelineLayout {
  const { width, marginTop, marginRight, marginBottom, marginLeft, fontSize, yearSize = 64 } = dims;
  const axisLength = yearsIn(span) * yearSize;
  const y = timelineScale([marginTop, marginTop + axisLength], span);
  const axisX = marginLeft;
  const r = SYMBOL_RADIUS;
  const lineHeight = Math.ceil(fontSize * 1.25);
  const gap = Math.ceil(fontSize * 0.5);

  const timed = rows.map((e) => {
    const s = eventSpan(e);
    const cy = y(new Date(anchorTime(s.kind, s.start, s.end)));
    const sy1 = y(new Date(s.start));
    const sy2 = Math.max(y(new Date(lastTime(s.end, span))), sy1 + 2);
    const hasSpan = s.kind !== 'day';
    return { e, s, cy, sy1, sy2, hasSpan };
  }).sort((a, b) => a.cy - b.cy); // labels keep the order of their symbols
  const ys = timed.map((t) => t.cy);

  // Events weeks apart are closer on the axis than a symbol is tall. Their symbols stay at their time
  // and step sideways into the first column beside the axis where they clear the symbol above; the
  // labels move right to make room. (Spans are thin lines a symbol may sit on, as every symbol sits on
  // the axis.) Past as many columns as leave the labels their room, a symbol takes the column that
  // frees up first.
  const step = 2 * r + 2;
  const limit = symbolColumns(dims);
  const { columns: firstFree, used } = firstFreeColumns(ys, r, limit);

  // Everything from here depends on how many columns the symbols may use: the labels move right to make
  // room for them. The fewest columns that leave no leader crossing a symbol are used (up to two more
  // than the crowding itself needs); failing that, the count whose leaders cross fewest.
  const placeWith = (count: number) => {
    const outer = axisX + (count - 1) * step;
    const labelX = outer + r + Math.ceil(fontSize * 1.5);
    const maxWidth = Math.max(width - marginRight - labelX, fontSize * 4);
    const items = timed.map((t) => {
      const lines = wrapText(t.e.title, maxWidth, fontSize);
      return { ...t, lines, height: lines.length * lineHeight };
    });
    const tops = packLabels(items.map((it) => ({ wish: it.cy, height: it.height })), marginTop - lineHeight / 2, gap);
    const labelY = (i: number) => tops[i]! + items[i]!.height / 2;

    const frame = { axisX, r, labelX, elbow: outer + r + Math.ceil(fontSize * 0.5) };
    const routeFor = (i: number, cols: number[]) => {
      const symbols = ys.map((cy, k) => [axisX + cols[k]! * step, cy] as Point);
      return routeLeader(symbols[i]!, labelY(i), symbols.filter((_, k) => k !== i), frame);
    };
    // A crowded run's order costs the symbols its leaders cross.
    const columns = orderCrowdedRuns(firstFree, ys, r, count, (cols) => items.reduce((sum, _, i) => sum + routeFor(i, cols).crossings, 0));

    const routes = items.map((_, i) => routeFor(i, columns));
    const crossings = routes.reduce((sum, route) => sum + route.crossings, 0);
    const marks: TimelineMark[] = items.map(({ e, s, cy, sy1, sy2, hasSpan, lines, height }, i) => {
      const top = tops[i]!;
      const approximate = s.kind === 'month' || s.kind === 'year';
      const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
      const x = axisX + columns[i]! * step;
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
        leader: leaderPath(routes[i]!.route),
      };
    });
    return { marks, crossings };
  };
  let placed = placeWith(used);
  for (let count = used + 1; placed.crossings > 0 && count <= Math.min(limit, used + 2); count++) {
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
