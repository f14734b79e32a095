// Geometry of the deal-size chart: pipelines and a year's trade as bars on one zero-based axis,
// the big bars divided into lengths of a year's trade so the multiple can be counted.
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { round2, type ChartLayout, type Dimensions, type LineMark, type RectMark, type TextMark } from './dimensions';
import { formatUsd } from './formatUsd';
import { fitX, type TextStyle } from './textBox';

export interface DealBarInput {
  id: string;
  label: string;
  sublabel?: string;
  valueUsdMillions: number;
  /** The bar the others are measured against (a year's trade). */
  benchmark?: boolean;
}

export interface DealBar { id: string; valueUsdMillions: number; x: number; y: number; width: number; height: number; benchmark: boolean }

export interface DealLayout extends ChartLayout {
  bars: DealBar[];
  ticks: { value: number; x: number; label: string }[];
  zeroX: number;
  /** Each bar's value divided by the benchmark's, unrounded. */
  multiples: Record<string, number>;
}

export const DEAL_NARROW: Dimensions = { width: 320, height: 264, marginTop: 4, marginRight: 56, marginBottom: 26, marginLeft: 8 };
export const DEAL_WIDE: Dimensions = { width: 600, height: 264, marginTop: 4, marginRight: 60, marginBottom: 28, marginLeft: 8 };

export const DEAL_FONT = { tick: 12, value: 14, label: 13, sublabel: 12 } as const;
export const DEAL_LABEL_STYLE: TextStyle = { weight: 'bold' };

/** The width a row's label has above its bar: from the left margin to the chart's right edge. */
export const dealLabelRoom = (dims: Dimensions): number => dims.width - dims.marginLeft;
const TICKS = 5;
const LABEL_BLOCK = 36;
const MAX_BAR_HEIGHT = 24;
const MIN_UNIT_PX = 4;
const BOLD: TextStyle = { weight: 'bold' };

export function dealLayout(rows: readonly DealBarInput[], dims: Dimensions): DealLayout {
  const benchmarks = rows.filter((r) => r.benchmark);
  if (benchmarks.length !== 1) throw new RangeError(`dealLayout needs exactly one benchmark row, got ${benchmarks.length}`);
  const unit = benchmarks[0]!.valueUsdMillions;
  if (!(unit > 0)) throw new RangeError('dealLayout needs a benchmark above zero');
  const { width, height, marginTop, marginRight, marginBottom, marginLeft } = dims;
  const plotBottom = height - marginBottom;

  const x = scaleLinear().domain([0, max(rows, (r) => r.valueUsdMillions)!]).range([marginLeft, width - marginRight]).nice(TICKS);
  const band = scaleBand().domain(rows.map((r) => r.id)).range([marginTop, plotBottom]).paddingInner(0.2);
  const barHeight = Math.min(band.bandwidth() - LABEL_BLOCK, MAX_BAR_HEIGHT);
  if (barHeight < 8) throw new RangeError(`dealLayout: ${height}px is too short for ${rows.length} rows`);
  const zeroX = round2(x(0));

  const ticks = x.ticks(TICKS).map((value) => ({ value, x: round2(x(value)), label: formatUsd(value) }));
  // Grid lines run beside each bar only, so that none crosses a label.
  const lines: LineMark[] = rows.flatMap((r) => {
    const y1 = round2(band(r.id)! + LABEL_BLOCK - 4);
    const y2 = round2(r === rows.at(-1) ? plotBottom : band(r.id)! + LABEL_BLOCK + barHeight + 4);
    return ticks.map((t) => ({ key: `grid-${r.id}-${t.value}`, x1: t.x, x2: t.x, y1, y2, className: t.value === 0 ? 'chart-baseline' : 'chart-grid' }));
  });
  const texts: TextMark[] = ticks.map((t) => {
    const fit = fitX(t.label, t.x, 'middle', DEAL_FONT.tick, 0, width);
    return { key: `tick-${t.value}`, x: round2(fit.x), y: round2(plotBottom + 17), text: t.label, anchor: fit.anchor, fontSize: DEAL_FONT.tick, className: 'chart-tick' };
  });
  const rects: RectMark[] = [];
  const multiples: Record<string, number> = {};

  const bars: DealBar[] = rows.map((r) => {
    const top = band(r.id)!;
    const barY = top + LABEL_BLOCK;
    const bar: DealBar = {
      id: r.id, valueUsdMillions: r.valueUsdMillions, benchmark: !!r.benchmark,
      x: zeroX, y: round2(barY), width: round2(x(r.valueUsdMillions) - zeroX), height: round2(barHeight),
    };
    multiples[r.id] = r.valueUsdMillions / unit;
    rects.push({ key: r.id, x: bar.x, y: bar.y, width: bar.width, height: bar.height, className: r.benchmark ? 'chart-bar chart-bar--emphasis' : 'chart-bar' });
    // Labels start at the margin; fitting them refuses one wider than the chart.
    const lf = fitX(r.label, marginLeft, 'start', DEAL_FONT.label, width - dealLabelRoom(dims), width, DEAL_LABEL_STYLE);
    texts.push({ key: `label-${r.id}`, x: lf.x, y: round2(top + 13), text: r.label, anchor: lf.anchor, fontSize: DEAL_FONT.label, bold: true, className: 'chart-label' });
    if (r.sublabel) {
      const sf = fitX(r.sublabel, marginLeft, 'start', DEAL_FONT.sublabel, marginLeft, width);
      texts.push({ key: `sublabel-${r.id}`, x: sf.x, y: round2(top + 29), text: r.sublabel, anchor: sf.anchor, fontSize: DEAL_FONT.sublabel, className: 'chart-sublabel' });
    }
    const valueText = formatUsd(r.valueUsdMillions);
    const vf = fitX(valueText, bar.x + bar.width + 6, 'start', DEAL_FONT.value, 0, width, BOLD);
    texts.push({
      key: `value-${r.id}`, x: round2(vf.x), y: round2(barY + barHeight / 2 + DEAL_FONT.value * 0.35),
      text: valueText, anchor: vf.anchor, fontSize: DEAL_FONT.value, bold: true, className: 'chart-value',
    });
    // Lengths of a year's trade, marked inside the bars that are longer than one; past a few pixels apart
    // they could no longer be counted (and a huge value would mean millions of lines).
    if (!r.benchmark && x(unit) - zeroX >= MIN_UNIT_PX) {
      for (let k = 1; k * unit < r.valueUsdMillions; k++) {
        const ux = round2(x(k * unit));
        lines.push({ key: `unit-${r.id}-${k}`, x1: ux, x2: ux, y1: bar.y, y2: round2(bar.y + bar.height), className: 'chart-unit' });
      }
    }
    return bar;
  });

  return { width, height, rects, lines, texts, bars, ticks, zeroX, multiples };
}
