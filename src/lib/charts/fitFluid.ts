// Fits the labels of a fluid chart: each held inside the chart at its narrowest, none overlapping another or a bar.
import type { FluidChart, FluidText } from './dimensions';
import { textWidth, type TextStyle } from './textBox';

/** The narrowest a chart is drawn, in ems of its text: a 320 px screen with the text at 200 % (256 px, the page keeping 1 rem each side). */
export const MIN_WIDTH_EM = 8;
/** The chart widths, in ems, from which a nudged label may stand where it wishes (charts.css has one rule for each). */
export const CHART_WIDTHS_EM = [14, 20, 28] as const;

const BOLD: TextStyle = { weight: 'bold' };

/** A label's extent in ems on a chart `width` ems wide, as drawn there: across, and down from ascender to descender. */
export function fluidTextBox(t: FluidText, width: number): { x0: number; x1: number; y0: number; y1: number } {
  const w = textWidth(t.text, 100, t.bold ? BOLD : {}) / 100;
  const nudged = t.unnudgedFromEm === undefined || width < t.unnudgedFromEm;
  const x = (t.x / 100) * width + (nudged ? t.dx : 0);
  const x0 = t.anchor === 'start' ? x : t.anchor === 'middle' ? x - w / 2 : x - w;
  return { x0, x1: x0 + w, y0: t.y - 0.8, y1: t.y + 0.25 };
}

/**
 * Nudges a label sideways (dx, in ems) just enough to stay inside a chart `minWidth` ems wide;
 * on any wider chart it stays inside too, as its distance from the edge only grows. Refuses, naming it, a
 * label wider than the chart.
 */
export function fitLabel(t: Omit<FluidText, 'dx'>, minWidth: number, chart: string): FluidText {
  const placed = { ...t, dx: 0 };
  const box = fluidTextBox(placed, minWidth);
  if (box.x1 - box.x0 > minWidth) throw new RangeError(`the label "${t.text}" is too wide for the ${chart} chart: it needs ${(box.x1 - box.x0).toFixed(1)} em and the chart may be ${minWidth} em wide`);
  if (box.x0 < 0) placed.dx = Math.ceil(-box.x0 * 100) / 100;
  else if (box.x1 > minWidth) placed.dx = -Math.ceil((box.x1 - minWidth) * 100) / 100;
  if (placed.dx === 0) return placed;
  // From the first width at which it fits where it wishes, the label stands there.
  const from = CHART_WIDTHS_EM.find((w) => { const b = fluidTextBox({ ...placed, dx: 0 }, w); return b.x0 >= 0 && b.x1 <= w; });
  return from === undefined ? placed : { ...placed, unnudgedFromEm: from };
}

/** Every pair of labels that overlap each other, and every label over a bar, at the chart's narrowest and at `wider`. */
export function fluidClashes(chart: FluidChart, wider = [...CHART_WIDTHS_EM, chart.minWidthEm * 4]): string[] {
  const out: string[] = [];
  // Below and at each width where a label moves.
  const widths = [chart.minWidthEm, ...wider.flatMap((w) => [w - 0.01, w])].filter((w) => w >= chart.minWidthEm);
  for (const width of widths) {
    const boxes = chart.texts.map((t) => ({ key: t.key, b: fluidTextBox(t, width) }));
    const hit = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    boxes.forEach((p, i) => boxes.slice(i + 1).forEach((q) => { if (hit(p.b, q.b)) out.push(`${p.key} × ${q.key} at ${width} em`); }));
    for (const p of boxes) {
      if (p.b.x0 < -1e-6 || p.b.x1 > width + 1e-6 || p.b.y0 < -1e-6 || p.b.y1 > chart.heightEm + 1e-6) out.push(`${p.key} outside at ${width} em`);
      for (const r of chart.rects) {
        const rb = { x0: (r.x / 100) * width, x1: ((r.x + r.width) / 100) * width, y0: r.y, y1: r.y + r.height };
        if (hit(p.b, rb)) out.push(`${p.key} × bar ${r.key} at ${width} em`);
      }
    }
  }
  return out;
}
