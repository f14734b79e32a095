// Geometry of "Trade since the article": one horizontal bar per period from a shared zero, in two panels that are
// never joined (calendar years, then Pakistan's July–June fiscal years), on one scale so that every bar is in proportion.
// As in the deal-size figure, each bar is its own row under its HTML label: its length, a share of the row, is all
// the layout gives, so the drawing serves every width and follows the reader's text size.
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { round2 } from './dimensions';
import { formatUsd } from './formatUsd';

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

export interface RecordBar {
  type: 'figure';
  id: string;
  kind: RecordKind;
  label: string;
  /** What the end of the bar says (valueText). */
  valueText: string;
  value: number;
  /** Per cent of the row, from the shared zero. */
  width: number;
  /** Pakistan's exports inside the total, per cent of the row. */
  exportsWidth?: number;
  partial: boolean;
  atLeast: boolean;
  article: boolean;
  /** Pakistan's exports only (no total known). */
  exportsOnly: boolean;
}
export interface RecordPanel { kind: RecordKind; heading: string; rows: (RecordBar | RecordGapInput)[] }

export interface RecordLayout {
  panels: RecordPanel[];
  /** Per cent of the row per US$ million, the same for every bar of both panels. */
  percentPerMillion: number;
}

/** The share of the row kept past the longest bar for the arrow of a floor ("more than"), when the record has one. */
export const FLOOR_ROOM = 8;

/**
 * What the end of a bar says: "$946M", "more than $1bn", "$45M: Pakistan’s exports only", with † where the figure is
 * disputed, and Pakistan's exports where the total holds them ("$946M; Pakistan’s exports $172M"): the inner bar is
 * drawn only, and a reader who does not see it reads its value here.
 */
export function valueText(r: RecordBarInput): string {
  const mark = r.conflict ? ' †' : '';
  if (r.valueUsdMillions === undefined) return `${formatUsd(r.exportsUsdMillions ?? 0)}: Pakistan’s exports only${mark}`;
  const exports = r.exportsUsdMillions === undefined ? '' : `; Pakistan’s exports ${formatUsd(r.exportsUsdMillions)}`;
  return `${r.atLeast ? 'more than ' : ''}${formatUsd(r.valueUsdMillions)}${mark}${exports}`;
}

export function tradeRecordLayout(panels: readonly RecordPanelInput[]): RecordLayout {
  const figures = panels.flatMap((p) => p.rows.filter((r): r is RecordBarInput => r.type === 'figure'));
  if (figures.length === 0) throw new RangeError('tradeRecordLayout needs at least one figure');
  for (const r of figures) {
    for (const v of [r.valueUsdMillions, r.exportsUsdMillions]) {
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new RangeError(`tradeRecordLayout: the value of "${r.id}" must be a number at least 0, got ${v}`);
    }
    if (r.valueUsdMillions === undefined && r.exportsUsdMillions === undefined) throw new RangeError(`tradeRecordLayout: "${r.id}" has neither a total nor Pakistan's exports`);
  }
  const top = max(figures, (r) => Math.max(r.valueUsdMillions ?? 0, r.exportsUsdMillions ?? 0))!;
  if (!(top > 0)) throw new RangeError('tradeRecordLayout needs at least one value above zero');
  const end = figures.some((r) => r.atLeast) ? 100 - FLOOR_ROOM : 100;
  const x = scaleLinear().domain([0, top]).range([0, end]);
  return {
    percentPerMillion: end / top,
    panels: panels.map((p) => ({
      kind: p.kind,
      heading: p.heading,
      rows: p.rows.map((r) => {
        if (r.type === 'gap') return r;
        const exportsOnly = r.valueUsdMillions === undefined;
        const value = r.valueUsdMillions ?? r.exportsUsdMillions!;
        return {
          type: 'figure', id: r.id, kind: p.kind, label: r.label, valueText: valueText(r), value,
          width: round2(x(value)),
          ...(!exportsOnly && r.exportsUsdMillions !== undefined ? { exportsWidth: round2(x(r.exportsUsdMillions)) } : {}),
          partial: !!r.partial, atLeast: !!r.atLeast, article: !!r.article, exportsOnly,
        } satisfies RecordBar;
      }),
    })),
  };
}
