// The longer trade record as the epilogue's chart, table and downloads use it: each group in time order, the
// rows taken from trade.yaml filled in, partial periods and the years without a figure made explicit.
import { sourceCaveats, type RatedSource } from '../../schemas/factSheet';
import type { TradeContext, TradeFigure } from '../../schemas/trade';
import { monthIndex, monthsOf, type LaterTradeRow, type PeriodKind, type TradeLaterEntry } from '../../schemas/tradeLater';
import type { RecordPanelInput } from '../charts/tradeRecordLayout';
import { shortMonths } from '../format';

/** Where a figure comes from, as the table and the tooltips name it. */
export interface PointSource { title: string; url?: string; paragraph?: string; caveats: string[] }

export interface TradePoint {
  type: 'figure';
  id: string;
  kind: PeriodKind;
  /** The period as the chart labels it: "2014", "“last year”", "Jan–Nov 2020", "FY2022-23". */
  label: string;
  /** What else the label needs: "the article; roughly 2016". */
  note?: string;
  from: string;
  to: string;
  months: number;
  /** Fewer than twelve months: drawn and labelled as part of a year. */
  partial: boolean;
  valueUsdMillions?: number;
  /** The source gives only a floor. */
  atLeast: boolean;
  pakistanExportsUsdMillions?: number;
  /** One of the article's own two figures. */
  article: boolean;
  includesServices: boolean;
  /** The row of the same group this figure does not fit with. */
  conflictsWith?: string;
  sources: PointSource[];
}

/** Years of a group inside its record for which no figure was found: drawn as an empty row so that no gap is hidden. */
export interface TradeGap {
  type: 'gap';
  id: string;
  kind: PeriodKind;
  label: string;
  /** Where the two sides' accounts of those years differ: what they said, and where. */
  account?: { says: string; sources: PointSource[] };
}

export type TradeRecordRow = TradePoint | TradeGap;
export interface TradeRecord { calendar: TradeRecordRow[]; fiscal: TradeRecordRow[] }

const rated = (s: RatedSource): PointSource => ({ title: s.title, url: s.url, caveats: sourceCaveats(s) });

/** The twelve-month year a month falls in: its calendar year, or the fiscal year (July–June) it starts. */
const yearOf = (kind: PeriodKind, iso: string) => Math.floor((monthIndex(iso) - (kind === 'fiscal' ? 6 : 0)) / 12);
const yearLabel = (kind: PeriodKind, first: number, last: number) => {
  const one = (y: number) => (kind === 'fiscal' ? `FY${y}-${String((y + 1) % 100).padStart(2, '0')}` : String(y));
  return first === last ? one(first) : kind === 'fiscal' ? `${one(first)} to ${one(last)}` : `${first}–${last}`;
};

/**
 * Resolves the rows of trade-later.yaml against trade.yaml (a `row` takes that row's value, period and source),
 * in file order within each group, and inserts a gap row for every run of years the group's record has no figure for.
 */
export function tradeRecord(rows: readonly TradeLaterEntry[], trade: { figures: readonly TradeFigure[]; context: readonly TradeContext[] }, sectionTitles: Record<string, string>): TradeRecord {
  const figure = new Map(trade.figures.map((f) => [f.id, f]));
  const context = new Map(trade.context.map((c) => [c.id, c]));
  const point = (r: LaterTradeRow, kind: PeriodKind): TradePoint | undefined => {
    const months = monthsOf(r);
    const base = { type: 'figure' as const, id: r.id, kind, from: r.from, to: r.to, months, partial: months < 12, conflictsWith: r.conflictsWith, includesServices: r.includesServices === true };
    if (r.row) {
      const f = figure.get(r.row);
      if (f) {
        const where = f.source.paragraph ? `the article (“${sectionTitles[f.source.paragraph] ?? f.source.paragraph}”)` : f.source.title ?? '';
        return { ...base, label: `“${f.period}”`, note: ['the article', f.likelyPeriod].filter(Boolean).join(', '), valueUsdMillions: f.valueUsdMillions, atLeast: false, article: true, sources: [{ title: where, paragraph: f.source.paragraph, url: f.source.url, caveats: [] }] };
      }
      const c = context.get(r.row);
      if (!c) return undefined; // reported by tradeRecordProblems
      return { ...base, label: shortMonths(c.period), valueUsdMillions: c.valueUsdMillions, atLeast: false, article: false, sources: [{ title: c.source.title ?? '', url: c.source.url, caveats: [] }] };
    }
    return {
      ...base,
      label: r.period!,
      valueUsdMillions: r.valueUsdMillions,
      atLeast: r.atLeast === true,
      pakistanExportsUsdMillions: r.pakistanExportsUsdMillions,
      article: false,
      sources: (r.sources ?? []).map(rated),
    };
  };
  const accounts = rows.filter((r): r is Extract<TradeLaterEntry, { series: 'accounts' }> => r.series === 'accounts');
  const group = (kind: PeriodKind): TradeRecordRow[] => {
    const points = rows.filter((r): r is Extract<TradeLaterEntry, { series: PeriodKind }> => r.series === kind).sort((a, b) => a.position - b.position).map((r) => point(r, kind)).filter((p): p is TradePoint => !!p);
    const out: TradeRecordRow[] = [];
    let next: number | undefined;
    for (const p of points) {
      const year = yearOf(kind, p.from);
      if (next !== undefined && year > next) {
        const from = next, to = year - 1;
        const a = accounts.find((x) => x.kind === kind && yearOf(kind, x.from) >= from && yearOf(kind, x.to) <= to);
        out.push({ type: 'gap', id: `${kind}-gap-${from}`, kind, label: yearLabel(kind, from, to), ...(a ? { account: { says: a.says, sources: a.sources.map(rated) } } : {}) });
      }
      out.push(p);
      next = Math.max(next ?? year, yearOf(kind, p.to) + 1);
    }
    return out;
  };
  return { calendar: group('calendar'), fiscal: group('fiscal') };
}

/** How the chart labels a row: the period, then what a reader must know of it (the article's, part of a year). */
export function rowLabel(r: TradeRecordRow): string {
  if (r.type === 'gap') return r.account ? `${r.label}: no figure; accounts differ ‡` : `${r.label}: no dated figure found`;
  return [r.label, r.article ? r.note : undefined, r.partial ? `${r.months} months` : undefined].filter(Boolean).join(' · ');
}

/** The record as the chart's two panels, each under its heading, calendar years first. */
export function chartPanels(record: TradeRecord, headings: Record<PeriodKind, string>): RecordPanelInput[] {
  return (['calendar', 'fiscal'] as const).map((kind) => ({
    kind,
    heading: headings[kind],
    rows: record[kind].map((r) => (r.type === 'gap'
      ? { type: 'gap' as const, id: r.id, label: rowLabel(r) }
      : {
        type: 'figure' as const, id: r.id, label: rowLabel(r), valueUsdMillions: r.valueUsdMillions, atLeast: r.atLeast,
        exportsUsdMillions: r.pakistanExportsUsdMillions, partial: r.partial, article: r.article,
        conflict: r.conflictsWith !== undefined || record[kind].some((o) => o.type === 'figure' && o.conflictsWith === r.id),
      })),
  }));
}

/** Every figure of the record, flat, for the CSV download (one row per figure, its sources joined). */
export function tradeRecordRecords(record: TradeRecord) {
  return [...record.calendar, ...record.fiscal].filter((r): r is TradePoint => r.type === 'figure').map((p) => ({
    series: p.kind === 'calendar' ? 'calendar-year' : 'fiscal-year-july-june',
    id: p.id,
    period: p.article ? `${p.label} (${p.note})` : p.label,
    from: p.from,
    to: p.to,
    months: p.months,
    partial: p.partial,
    valueUsdMillions: p.valueUsdMillions ?? '',
    atLeast: p.atLeast,
    pakistanExportsUsdMillions: p.pakistanExportsUsdMillions ?? '',
    includesServices: p.includesServices,
    conflictsWith: p.conflictsWith ?? '',
    sourceTitles: p.sources.map((s) => s.title).join(' | '),
    sourceUrls: p.sources.map((s) => s.url ?? (s.paragraph ? `#${s.paragraph}` : '')).join(' | '),
  }));
}
