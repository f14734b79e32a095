// The plain marks chart layouts return: fluid marks for charts that fit any width, and text marks for the map.

export type Anchor = 'start' | 'middle' | 'end';

/** A line of text placed in pixels (the map's labels); `y` is the alphabetic baseline. */
export interface TextMark {
  key: string;
  x: number;
  y: number;
  text: string;
  anchor: Anchor;
  fontSize: number;
  bold?: boolean;
  className: string;
}

/**
 * Marks of a chart drawn once for every width: across, in per cent of the chart's width; down, in ems of
 * its text, so that the drawing grows with the reader's text size and labels keep their size at any width.
 */
export interface FluidRect { key: string; x: number; y: number; width: number; height: number; className: string }
export interface FluidLine { key: string; x1: number; x2: number; y1: number; y2: number; className: string }
/**
 * `x` in per cent, nudged by `dx` ems so that the label stays inside the narrowest chart; `y` the baseline, in ems.
 * A nudged label is drawn where it wishes (dx 0) once the chart is `unnudgedFromEm` ems wide (one of CHART_WIDTHS_EM).
 */
export interface FluidText { key: string; x: number; dx: number; unnudgedFromEm?: number; y: number; text: string; anchor: Anchor; bold?: boolean; className: string }

export interface FluidChart {
  /** Height in ems of the chart's text. */
  heightEm: number;
  /** The narrowest the chart is drawn, in ems: every label has been fitted at this width, so it fits at any wider. */
  minWidthEm: number;
  rects: FluidRect[];
  lines: FluidLine[];
  texts: FluidText[];
}

/** Coordinates are rounded to two decimals at the boundary so the SVG stays small and stable. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;
