// Geometry of the trade chart: one column per figure from a zero baseline, the increase marked, the growth computed.
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { round2, type ChartLayout, type Dimensions, type LineMark, type RectMark, type TextMark } from './dimensions';
import { formatPercent, formatUsd, formatUsdChange } from './formatUsd';
import { growth, type Growth } from './growth';
import { fitX, textWidth, type TextStyle } from './textBox';

export interface TradeBarInput {
  id: string;
  /** The period as the article names it, e.g. "“last year”". */
  label: string;
  /** What outside reports say it covers, e.g. "most likely 2017". */
  sublabel?: string;
  valueUsdMillions: number;
}

export interface TradeBar { id: string; valueUsdMillions: number; x: number; y: number; width: number; height: number }

export interface TradeLayout extends ChartLayout {
  bars: TradeBar[];
  ticks: { value: number; y: number; label: string }[];
  baselineY: number;
  /** From the first figure to the last. */
  growth: Growth;
  growthLabel: string;
}

export const TRADE_NARROW: Dimensions = { width: 320, height: 288, marginTop: 44, marginRight: 8, marginBottom: 48, marginLeft: 52 };
export const TRADE_WIDE: Dimensions = { width: 600, height: 328, marginTop: 44, marginRight: 24, marginBottom: 50, marginLeft: 60 };

export const TRADE_FONT = { tick: 12, value: 15, growth: 13, label: 13, sublabel: 12 } as const;
const TICKS = 4;
const MAX_BAR_WIDTH = 132;
const BOLD: TextStyle = { weight: 'bold' };

export const TRADE_LABEL_STYLE: TextStyle = { weight: 'bold' };

/** The columns: one band per figure across the plot. */
const columns = (ids: string[], { width, marginLeft, marginRight }: Dimensions) =>
  scaleBand().domain(ids).range([marginLeft, width - marginRight]).paddingInner(0.4).paddingOuter(0.25);

/** The width a column's label may take: the distance between columns, so that two labels side by side never meet. */
export function tradeColumnRoom(count: number, dims: Dimensions): number {
  return columns(Array.from({ length: count }, (_, i) => String(i)), dims).step();
}

export function tradeLayout(rows: readonly TradeBarInput[], dims: Dimensions): TradeLayout {
  if (rows.length < 2) throw new RangeError(`tradeLayout needs at least two figures, got ${rows.length}`);
  const { width, height, marginTop, marginRight, marginBottom, marginLeft } = dims;
  const plotRight = width - marginRight;
  const baselineY = height - marginBottom;

  const y = scaleLinear().domain([0, max(rows, (r) => r.valueUsdMillions)!]).range([baselineY, marginTop]).nice(TICKS);
  const x = columns(rows.map((r) => r.id), dims);
  const barWidth = Math.min(x.bandwidth(), MAX_BAR_WIDTH);

  const bars: TradeBar[] = rows.map((r) => {
    const top = y(r.valueUsdMillions);
    return {
      id: r.id,
      valueUsdMillions: r.valueUsdMillions,
      x: round2(x(r.id)! + (x.bandwidth() - barWidth) / 2),
      y: round2(top),
      width: round2(barWidth),
      height: round2(baselineY - top),
    };
  });

  const ticks = y.ticks(TICKS).map((value) => ({ value, y: round2(y(value)), label: formatUsd(value) }));
  const lines: LineMark[] = ticks.map((t) => ({
    key: `grid-${t.value}`,
    x1: marginLeft, x2: plotRight, y1: t.y, y2: t.y,
    className: t.value === 0 ? 'chart-baseline' : 'chart-grid',
  }));
  const texts: TextMark[] = ticks.map((t) => {
    const fit = fitX(t.label, marginLeft - 8, 'end', TRADE_FONT.tick, 0, width);
    return { key: `tick-${t.value}`, x: round2(fit.x), y: round2(t.y + TRADE_FONT.tick * 0.35), text: t.label, anchor: fit.anchor, fontSize: TRADE_FONT.tick, className: 'chart-tick' };
  });

  const rects: RectMark[] = bars.map((b) => ({ key: b.id, x: b.x, y: b.y, width: b.width, height: b.height, className: 'chart-bar' }));

  bars.forEach((b, i) => {
    const r = rows[i]!;
    const cx = round2(b.x + b.width / 2);
    const valueText = formatUsd(b.valueUsdMillions);
    const vf = fitX(valueText, cx, 'middle', TRADE_FONT.value, 0, width, BOLD);
    texts.push({ key: `value-${b.id}`, x: round2(vf.x), y: round2(b.y - 8), text: valueText, anchor: vf.anchor, fontSize: TRADE_FONT.value, bold: true, className: 'chart-value' });
    const lf = fitX(r.label, cx, 'middle', TRADE_FONT.label, 0, width, TRADE_LABEL_STYLE);
    texts.push({ key: `label-${b.id}`, x: round2(lf.x), y: round2(baselineY + 19), text: r.label, anchor: lf.anchor, fontSize: TRADE_FONT.label, bold: true, className: 'chart-label' });
    if (r.sublabel) {
      const sf = fitX(r.sublabel, cx, 'middle', TRADE_FONT.sublabel, 0, width);
      texts.push({ key: `sublabel-${b.id}`, x: round2(sf.x), y: round2(baselineY + 36), text: r.sublabel, anchor: sf.anchor, fontSize: TRADE_FONT.sublabel, className: 'chart-sublabel' });
    }
  });

  // The increase is the part of the last column above the first column's height, hatched and labelled.
  const first = bars[0]!;
  const last = bars[bars.length - 1]!;
  const g = growth(first.valueUsdMillions, last.valueUsdMillions);
  const growthLabel = `${formatUsdChange(g.deltaUsdMillions)} (${formatPercent(g.percent, 1, true)})`;
  if (g.deltaUsdMillions > 0) {
    rects.push({ key: 'increase', x: last.x, y: last.y, width: last.width, height: round2(first.y - last.y), className: 'chart-bar chart-bar--emphasis' });
    lines.push({ key: 'reference', x1: first.x, x2: round2(last.x + last.width), y1: first.y, y2: first.y, className: 'chart-reference' });
  }
  const gy = round2(last.y - 8 - TRADE_FONT.value - 6);
  // An extreme rise has a percentage too long to draw; the chart then shows the change in dollars alone.
  const drawn = textWidth(growthLabel, TRADE_FONT.growth, BOLD) <= width - 2 - marginLeft ? growthLabel : formatUsdChange(g.deltaUsdMillions);
  const fit = fitX(drawn, last.x + last.width / 2, 'middle', TRADE_FONT.growth, marginLeft, width - 2, BOLD);
  texts.push({ key: 'growth', x: round2(fit.x), y: gy, text: drawn, anchor: fit.anchor, fontSize: TRADE_FONT.growth, bold: true, className: 'chart-annotation' });

  return { width, height, rects, lines, texts, bars, ticks, baselineY: round2(baselineY), growth: g, growthLabel };
}
