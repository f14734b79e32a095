// Geometry of the trade chart: one column per figure from a zero baseline, the increase marked, the growth computed.
// Drawn once for every width: across in per cent, down in ems of the chart's text, labels fitted at its narrowest.
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { round2, type FluidChart, type FluidLine, type FluidRect, type FluidText } from './dimensions';
import { CHART_WIDTHS_EM, fitLabel, fluidClashes, fluidTextBox, MIN_WIDTH_EM } from './fitFluid';
import { formatPercent, formatUsd, formatUsdChange } from './formatUsd';
import { growth, type Growth } from './growth';

export interface TradeBarInput { id: string; valueUsdMillions: number }

export interface TradeBar { id: string; valueUsdMillions: number; x: number; y: number; width: number; height: number }

export interface TradeLayout extends FluidChart {
  bars: TradeBar[];
  baselineEm: number;
  /** From the first figure to the last. */
  growth: Growth;
  growthLabel: string;
}

/** How tall the tallest column is, in ems. */
export const TRADE_PLOT_EM = 9;
const LINE_EM = 1.25;
/** Room between a column's top and the baseline of the label on it. */
const LABEL_GAP_EM = 0.4;

export function tradeLayout(rows: readonly TradeBarInput[], { plotEm = TRADE_PLOT_EM, minWidthEm = MIN_WIDTH_EM } = {}): TradeLayout {
  if (rows.length < 2) throw new RangeError(`tradeLayout needs at least two figures, got ${rows.length}`);
  const g = growth(rows[0]!.valueUsdMillions, rows.at(-1)!.valueUsdMillions);
  const top = max(rows, (r) => r.valueUsdMillions)!;
  const h = scaleLinear().domain([0, top]).range([0, plotEm]);
  // Columns centred in equal shares of the width, so the labels under them (an HTML row of equal columns) line up.
  const x = scaleBand().domain(rows.map((r) => r.id)).range([0, 100]).paddingInner(0.4).paddingOuter(0.2);
  const growthLabel = `${formatUsdChange(g.deltaUsdMillions)} (${formatPercent(g.percent, 1, true)})`;

  const heights = rows.map((r) => h(r.valueUsdMillions));
  const columns = rows.map((r, i) => ({ id: r.id, value: r.valueUsdMillions, x: round2(x(r.id)!), width: round2(x.bandwidth()), height: heights[i]! }));

  // The labels: each column's value, then on the last the change from the first (its percentage left out when
  // even alone it is wider than the chart at its narrowest). Each is fitted across first, then set just above
  // every column and every label already placed that it would cover, at the narrowest chart or where it
  // stands on a wider one: `lift` is the height of its baseline above the chart's baseline.
  const last = columns.at(-1)!;
  const centre = (c: (typeof columns)[number]) => round2(c.x + c.width / 2);
  const change = [formatPercent(g.percent, 1, true), formatUsdChange(g.deltaUsdMillions)].filter((text, k) => k === 1 || fits(text, minWidthEm));
  const wanted = [
    ...columns.map((c) => ({ key: `value-${c.id}`, x: centre(c), text: formatUsd(c.value), className: 'chart-value' })),
    ...change.map((text, k) => ({ key: k === change.length - 1 ? 'growth' : 'growth-percent', x: centre(last), text, className: 'chart-annotation' })),
  ];
  const spans = (t: FluidText) => [minWidthEm, ...CHART_WIDTHS_EM].map((w) => { const b = fluidTextBox(t, w); return [(b.x0 / w) * 100, (b.x1 / w) * 100] as const; });
  const meets = (a: readonly (readonly [number, number])[], x0: number, x1: number) => a.some(([p, q]) => p < x1 && x0 < q);
  const placed: { t: FluidText; lift: number; spans: ReturnType<typeof spans> }[] = [];
  for (const w of wanted) {
    const t = fitLabel({ ...w, y: 0, anchor: 'middle', bold: true }, minWidthEm, 'trade');
    const sp = spans(t);
    let lift = 0;
    for (const c of columns) if (meets(sp, c.x, c.x + c.width)) lift = Math.max(lift, c.height + LABEL_GAP_EM);
    for (const p of placed) if (p.spans.some(([a, b]) => meets(sp, a, b))) lift = Math.max(lift, p.lift + LINE_EM);
    placed.push({ t, lift, spans: sp });
  }
  const baselineEm = round2(Math.max(plotEm + 0.2, ...placed.map((p) => p.lift + 1)));

  const bars: TradeBar[] = columns.map((c) => ({ id: c.id, valueUsdMillions: c.value, x: c.x, y: round2(baselineEm - c.height), width: c.width, height: round2(c.height) }));
  const rects: FluidRect[] = bars.map((b) => ({ key: b.id, x: b.x, y: b.y, width: b.width, height: b.height, className: 'chart-bar chart-bar--trade' }));
  const lines: FluidLine[] = [{ key: 'baseline', x1: 0, x2: 100, y1: baselineEm, y2: baselineEm, className: 'chart-baseline' }];
  // The increase is the part of the last column above the first column's height, hatched and labelled.
  if (g.deltaUsdMillions > 0) {
    const [a, b] = [bars[0]!, bars.at(-1)!];
    rects.push({ key: 'increase', x: b.x, y: b.y, width: b.width, height: round2(a.y - b.y), className: 'chart-bar chart-bar--increase' });
    lines.push({ key: 'reference', x1: a.x, x2: round2(b.x + b.width), y1: a.y, y2: a.y, className: 'chart-reference' });
  }
  const texts: FluidText[] = placed.map((p) => ({ ...p.t, y: round2(baselineEm - p.lift) }));

  const chart = { heightEm: round2(baselineEm + 0.4), minWidthEm, rects, lines, texts };
  const clashes = fluidClashes(chart);
  if (clashes.length) throw new RangeError(`tradeLayout: labels too close at ${minWidthEm} em: ${clashes.join(', ')}`);
  return { ...chart, bars, baselineEm, growth: g, growthLabel };
}

function fits(text: string, width: number): boolean {
  try { fitLabel({ key: '', x: 50, y: 0, text, anchor: 'middle', bold: true, className: '' }, width, 'trade'); return true; } catch { return false; }
}
