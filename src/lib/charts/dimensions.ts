// Chart dimensions and the plain marks every chart layout returns.

/** Plot's names: the outer size of the chart and the margins around the plotting area. */
export interface Dimensions {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

export type Anchor = 'start' | 'middle' | 'end';

export interface RectMark { key: string; x: number; y: number; width: number; height: number; className: string }
export interface LineMark { key: string; x1: number; y1: number; x2: number; y2: number; className: string }
export interface TextMark {
  key: string;
  x: number;
  /** Alphabetic baseline. */
  y: number;
  text: string;
  anchor: Anchor;
  fontSize: number;
  bold?: boolean;
  className: string;
}

/** What a renderer needs: sizes and marks, numbers and strings only. */
export interface ChartLayout {
  width: number;
  height: number;
  rects: RectMark[];
  lines: LineMark[];
  texts: TextMark[];
}

/** Coordinates are rounded to two decimals at the boundary so the SVG stays small and stable. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;
