// The timeline across a wide figure: symbols on one time axis, labels packed into lanes below it.
import { utcYear } from 'd3-time';
import { eventSpan } from '../../timeline/dates';
import { round2 as r2 } from '../dimensions';
import { textWidth, wrapText } from '../textBox';
import { categorySymbol, SYMBOL_RADIUS } from './categorySymbol';
import { anchorTime, ARTICLE_TIME_SPAN, lastTime, timelineScale } from './timelineScale';
import type { Box, TimeSpan, TimelineDims, TimelineLayout, TimelineMark, TimelineRow, TimelineTick } from './timelineTypes';

/** Lays out events already in date order, on a scale over `span`. */
export function horizontalLayout(rows: TimelineRow[], dims: TimelineDims, span: TimeSpan = ARTICLE_TIME_SPAN): TimelineLayout {
  const { width, marginTop, marginRight, marginBottom, marginLeft, fontSize } = dims;
  const x = timelineScale([marginLeft, width - marginRight], span);
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
    const sx2 = hasSpan ? Math.max(x(new Date(lastTime(s.end, span))), sx1 + 2) : cx;
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
    const mid = x(new Date(Math.min(Date.UTC(year, 6, 2), span.end)));
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
