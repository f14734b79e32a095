// Geometry of "Trade since the article": one horizontal bar per period from a shared zero, in two panels that are
// never joined (calendar years, then Pakistan's July–June fiscal years), on one scale so that every bar is in proportion.
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { round2, type ChartLayout, type LineMark, type RectMark, type TextMark } from './dimensions';
import { formatUsd } from './formatUsd';
import { fitX, textWidth, wrapText, type TextStyle } from './textBox';

export type RecordKind = 'calendar' | 'fiscal';

export interface RecordBarInput {
  type: 'figure';
  id: string;
  /** The period as a reader should read it, with what it needs said: "Jan–Oct 2018 · 10 months". */
  label: string;
  valueUsdMillions?: number;
  /** The value is only a floor: drawn to it, with an arrow past its end. */
  atLeast?: boolean;
  /** Pakistan's exports to Russia, drawn inside the total from the same zero. */
  exportsUsdMillions?: number;
  /** Part of a year: hatched. */
  partial?: boolean;
  /** One of the article's own figures. */
  article?: boolean;
  /** Its figure does not fit with another row's: marked †, and the note says why. */
  conflict?: boolean;
}
/** Years with no figure: a line of text where the bar would be, so that no gap is hidden. */
export interface RecordGapInput { type: 'gap'; id: string; label: string }
export interface RecordPanelInput { kind: RecordKind; heading: string; rows: (RecordBarInput | RecordGapInput)[] }

export interface RecordDims { width: number; marginTop: number; marginRight: number; marginBottom: number; marginLeft: number; fontSize: number; barHeight: number }
/** Phones and narrow columns: each label above its bar, the bars the full width. */
export const RECORD_NARROW: RecordDims = { width: 320, marginTop: 4, marginRight: 4, marginBottom: 6, marginLeft: 4, fontSize: 13, barHeight: 14 };
/** Wide figures and print: labels in a column left of the bars. */
export const RECORD_WIDE: RecordDims = { width: 600, marginTop: 4, marginRight: 8, marginBottom: 6, marginLeft: 4, fontSize: 13, barHeight: 14 };

export interface RecordBar {
  id: string;
  kind: RecordKind;
  value: number;
  x: number; y: number; width: number; height: number;
  partial: boolean; atLeast: boolean; article: boolean;
  /** Pakistan's exports only (no total known). */
  exportsOnly: boolean;
}
export interface RecordPanel { kind: RecordKind; top: number; bottom: number; rowsTop: number }

export interface RecordLayout extends ChartLayout {
  bars: RecordBar[];
  panels: RecordPanel[];
  /** Where every bar starts: the value 0. */
  zeroX: number;
  /** Pixels per US$ million, the same for every bar of both panels. */
  pxPerMillion: number;
  ticks: { value: number; x: number; label: string }[];
}

const BOLD: TextStyle = { weight: 'bold' };
const GAP = 6;
const ARROW = 14;
const TICKS = 4;

/** The most ticks (up to four) whose labels stay apart and read differently; at the least, zero. */
function scaleTicks(x: ReturnType<typeof scaleLinear<number, number>>, fontSize: number, width: number) {
  for (let n = TICKS; n >= 1; n--) {
    const ticks = x.ticks(n).map((value) => ({ value, x: round2(x(value)), label: formatUsd(value) }));
    const boxes = ticks.map((t) => {
      const w = textWidth(t.label, fontSize);
      const at = fitX(t.label, t.x, 'middle', fontSize, 0, width);
      const x0 = at.anchor === 'start' ? at.x : at.anchor === 'end' ? at.x - w : at.x - w / 2;
      return [x0, x0 + w];
    });
    const apart = boxes.every((b, i) => i === 0 || b[0]! >= boxes[i - 1]![1]! + 8);
    if (apart && new Set(ticks.map((t) => t.label)).size === ticks.length) return ticks;
  }
  return [{ value: 0, x: round2(x(0)), label: formatUsd(0) }];
}

/** What the end of a bar says: "$946M", "more than $1bn", "$45M: Pakistan’s exports only", with † where the figure is disputed. */
export function valueText(r: RecordBarInput): string {
  const mark = r.conflict ? ' †' : '';
  if (r.valueUsdMillions === undefined) return `${formatUsd(r.exportsUsdMillions ?? 0)}: Pakistan’s exports only${mark}`;
  return `${r.atLeast ? 'more than ' : ''}${formatUsd(r.valueUsdMillions)}${mark}`;
}

export function tradeRecordLayout(panels: readonly RecordPanelInput[], dims: RecordDims): RecordLayout {
  const { width, marginTop, marginRight, marginBottom, marginLeft, fontSize, barHeight } = dims;
  const figures = panels.flatMap((p) => p.rows.filter((r): r is RecordBarInput => r.type === 'figure'));
  if (figures.length === 0) throw new RangeError('tradeRecordLayout needs at least one figure');
  const small = Math.round(fontSize * 0.92);
  const line = Math.ceil(fontSize * 1.3);
  const right = width - marginRight;

  // Phones: the label above its bar. Wide: a label column as wide as the longest label needs, up to 40 % of the chart.
  const above = width < 480;
  const labelColumn = above ? 0 : Math.min(Math.ceil(Math.max(...panels.flatMap((p) => p.rows.map((r) => textWidth(r.label, fontSize))))) + 12, Math.floor(width * 0.4));
  const zeroX = marginLeft + labelColumn;
  const labelWidth = above ? right - marginLeft : labelColumn - 12;

  // The longest bar ends where its value label still fits; every bar then shares that scale.
  const top = max(figures, (r) => Math.max(r.valueUsdMillions ?? 0, r.exportsUsdMillions ?? 0))!;
  let end = right;
  for (const r of figures) {
    const v = r.valueUsdMillions ?? r.exportsUsdMillions ?? 0;
    if (v <= 0) continue;
    const need = GAP + textWidth(valueText(r), fontSize, BOLD) + (r.atLeast ? ARROW : 0);
    end = Math.min(end, zeroX + ((right - need - zeroX) * top) / v);
  }
  if (end - zeroX < 40) throw new RangeError(`tradeRecordLayout: ${width}px leaves no room for the bars`);
  const x = scaleLinear().domain([0, top]).range([zeroX, end]);

  const ticks = scaleTicks(x, small, width);
  const rects: RectMark[] = [];
  const lines: LineMark[] = [];
  const texts: TextMark[] = [];
  const bars: RecordBar[] = [];
  const out: RecordPanel[] = [];
  let y = marginTop;

  for (const panel of panels) {
    const panelTop = y;
    const heading = wrapText(panel.heading, right - marginLeft, fontSize, BOLD);
    heading.forEach((h, i) => texts.push({ key: `heading-${panel.kind}-${i}`, x: marginLeft, y: round2(y + fontSize + i * line), text: h, anchor: 'start', fontSize, bold: true, className: 'chart-heading' }));
    y += heading.length * line + 4;
    lines.push({ key: `rule-${panel.kind}`, x1: marginLeft, x2: right, y1: round2(y), y2: round2(y), className: 'chart-rule' });
    y += 8;
    const rowsTop = y;

    for (const r of panel.rows) {
      if (r.type === 'gap') {
        const gapLines = wrapText(r.label, above ? right - marginLeft : right - zeroX - 4, small);
        const gx = above ? marginLeft : zeroX + 4;
        gapLines.forEach((t, i) => texts.push({ key: `gap-${r.id}-${i}`, x: gx, y: round2(y + small + i * line), text: t, anchor: 'start', fontSize: small, className: 'chart-gap' }));
        y += gapLines.length * line + (above ? 8 : 5);
        continue;
      }
      const labelLines = wrapText(r.label, labelWidth, fontSize);
      const labelBlock = labelLines.length * line;
      const barY = above ? y + labelBlock + 2 : y + Math.max(0, (labelBlock - barHeight) / 2);
      const labelTop = above ? y : barY + barHeight / 2 - labelBlock / 2;
      labelLines.forEach((t, i) => texts.push({
        key: `label-${r.id}-${i}`, x: marginLeft, y: round2(labelTop + fontSize + i * line - 2),
        text: t, anchor: 'start', fontSize, className: r.article ? 'chart-label chart-label--article' : 'chart-label',
      }));
      const exportsOnly = r.valueUsdMillions === undefined;
      const value = r.valueUsdMillions ?? r.exportsUsdMillions ?? 0;
      const bar: RecordBar = {
        id: r.id, kind: panel.kind, value, x: round2(zeroX), y: round2(barY), width: round2(x(value) - zeroX), height: barHeight,
        partial: !!r.partial, atLeast: !!r.atLeast, article: !!r.article, exportsOnly,
      };
      bars.push(bar);
      const cls = ['chart-bar', exportsOnly ? 'chart-bar--exports' : r.article ? 'chart-bar--article' : '', r.partial ? 'chart-bar--partial' : ''].filter(Boolean).join(' ');
      rects.push({ key: r.id, x: bar.x, y: bar.y, width: bar.width, height: bar.height, className: cls });
      if (!exportsOnly && r.exportsUsdMillions !== undefined) {
        rects.push({ key: `${r.id}-exports`, x: bar.x, y: bar.y, width: round2(x(r.exportsUsdMillions) - zeroX), height: bar.height, className: 'chart-bar chart-bar--exports' });
      }
      let valueX = bar.x + bar.width + GAP;
      if (r.atLeast) {
        // A floor: a dashed run past the end of the bar, and an arrowhead that says "more".
        const ay = round2(bar.y + barHeight / 2);
        const ax = round2(bar.x + bar.width + ARROW - 2);
        lines.push({ key: `floor-${r.id}`, x1: round2(bar.x + bar.width), x2: ax, y1: ay, y2: ay, className: 'chart-floor' });
        lines.push({ key: `floor-${r.id}-a`, x1: round2(ax - 5), x2: ax, y1: round2(ay - 5), y2: ay, className: 'chart-floor' });
        lines.push({ key: `floor-${r.id}-b`, x1: round2(ax - 5), x2: ax, y1: round2(ay + 5), y2: ay, className: 'chart-floor' });
        valueX += ARROW;
      }
      const vt = valueText(r);
      const vf = fitX(vt, valueX, 'start', fontSize, 0, width, BOLD);
      texts.push({ key: `value-${r.id}`, x: round2(vf.x), y: round2(bar.y + barHeight / 2 + fontSize * 0.35), text: vt, anchor: vf.anchor, fontSize, bold: true, className: 'chart-value' });
      // Grid lines run beside the bar only, and stop short of its value, so that none crosses a label.
      const labelLeft = vf.anchor === 'start' ? vf.x : vf.x - textWidth(vt, fontSize, BOLD);
      const labelRight = labelLeft + textWidth(vt, fontSize, BOLD);
      for (const t of ticks) {
        if (t.value > 0 && t.x >= labelLeft - 3 && t.x <= labelRight + 3) continue;
        lines.push({ key: `grid-${r.id}-${t.value}`, x1: t.x, x2: t.x, y1: round2(barY - 3), y2: round2(barY + barHeight + 3), className: t.value === 0 ? 'chart-baseline' : 'chart-grid' });
      }
      y = Math.max(barY + barHeight, labelTop + labelBlock) + (above ? 10 : 5);
    }
    out.push({ kind: panel.kind, top: round2(panelTop), bottom: round2(y), rowsTop: round2(rowsTop) });
    y += 14;
  }

  // One scale for both panels, under the last.
  const axisY = y - 10;
  for (const t of ticks) {
    const fit = fitX(t.label, t.x, 'middle', small, 0, width);
    texts.push({ key: `tick-${t.value}`, x: round2(fit.x), y: round2(axisY + small), text: t.label, anchor: fit.anchor, fontSize: small, className: 'chart-tick' });
  }
  const height = Math.ceil(axisY + small + marginBottom);
  return { width, height, rects, lines, texts, bars, panels: out, zeroX: round2(zeroX), pxPerMillion: (end - zeroX) / top, ticks };
}
