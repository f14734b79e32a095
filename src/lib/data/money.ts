// The trade and deal rows as the figures and downloads use them: grouped, ordered, with readable sources.
import type { DealRow } from '../../schemas/deals';
import type { Source } from '../../schemas/source';
import type { TradeClaim, TradeContext, TradeFigure, TradeRow } from '../../schemas/trade';
import type { Outline } from '../article/outline';

type Ordered = { series: string; position: number };
const byPosition = (a: Ordered, b: Ordered) => a.position - b.position;
const strip = <T extends Ordered>({ series: _s, position: _p, ...rest }: T) => rest;

export interface TradeData { figures: TradeFigure[]; claims: TradeClaim[]; context: TradeContext[] }

/** Splits the trade collection into its three groups, each in file order. */
export function splitTrade(rows: readonly TradeRow[]): TradeData {
  const of = <S extends TradeRow['series']>(s: S) => rows.filter((r): r is Extract<TradeRow, { series: S }> => r.series === s).sort(byPosition).map(strip);
  return { figures: of('article') as TradeFigure[], claims: of('claims') as TradeClaim[], context: of('context') as TradeContext[] };
}

export function orderDeals(rows: readonly DealRow[]) {
  return [...rows].sort(byPosition).map(strip);
}

/** Paragraph id → the title of the editorial section that holds it. */
export function sectionTitles(outline: Outline): Record<string, string> {
  return Object.fromEntries(outline.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, s.title])));
}

/** A source in words: "the article (“Trade on the rise”)" or the outside report's title. */
export function sourceText(source: Source, sections: Record<string, string>): string {
  if (source.paragraph) return `the article (“${sections[source.paragraph] ?? source.paragraph}”)`;
  return source.title ?? '';
}

/** Several sources in words, the article's paragraphs named together: "the article (“A”, “B”); Dawn". */
export function sourcesText(sources: readonly Source[], sections: Record<string, string>): string {
  const titles = [...new Set(sources.filter((s) => s.paragraph).map((s) => `“${sections[s.paragraph!] ?? s.paragraph}”`))];
  const outside = [...new Set(sources.filter((s) => !s.paragraph).map((s) => s.title ?? ''))];
  return [titles.length ? `the article (${titles.join(', ')})` : '', ...outside].filter(Boolean).join('; ');
}

/** Where a source can be read: the paragraph on this page, or the outside report. */
export function sourceHref(source: Source): string | undefined {
  return source.paragraph ? `#${source.paragraph}` : source.url;
}

/** A source as three flat CSV fields. */
const src = (s: Source) => ({ sourceParagraph: s.paragraph ?? '', sourceTitle: s.title ?? '', sourceUrl: s.url ?? '' });

/** Flat records for the CSV download; the JSON keeps the groups. */
export function tradeRecords(data: TradeData) {
  return [
    ...data.figures.map((r) => ({ series: 'article', id: r.id, period: r.period, valueUsdMillions: r.valueUsdMillions, partial: '', likelyPeriod: r.likelyPeriod ?? '', growthPercent: '', ...src(r.source) })),
    ...data.claims.map((r) => ({ series: 'article-claim', id: r.id, period: r.period, valueUsdMillions: '', partial: '', likelyPeriod: '', growthPercent: r.growthPercent, ...src(r.source) })),
    ...data.context.map((r) => ({ series: 'other-source', id: r.id, period: r.period, valueUsdMillions: r.valueUsdMillions, partial: r.partial, likelyPeriod: '', growthPercent: '', ...src(r.source) })),
  ];
}

/** The year of trade the deal-size figure sets beside the pipelines: the article's latest. */
export const tradeYear = (trade: TradeData): TradeFigure => trade.figures.at(-1)!;

/** How the deal-size figure labels the year of trade it sets beside the pipelines. */
export const TRADE_YEAR_LABEL = 'Pakistan–Russia trade in a year';

/** Flat records for the deal-size figure's CSV: every bar it draws, the pipelines' headline values and the year of trade. */
export function dealRecords(deals: ReturnType<typeof orderDeals>, year: TradeFigure) {
  return [
    ...deals.map((d) => ({
      kind: 'headline value', id: d.id, label: d.label, stage: d.stage, period: d.period, valueUsdMillions: d.valueUsdMillions, ...src(d.source),
      confirmedDate: d.confirmedBy?.date ?? '', confirmedTitle: d.confirmedBy?.title ?? '', confirmedUrl: d.confirmedBy?.url ?? '',
    })),
    {
      kind: 'trade', id: year.id, label: TRADE_YEAR_LABEL, stage: '', period: year.period, valueUsdMillions: year.valueUsdMillions, ...src(year.source),
      confirmedDate: '', confirmedTitle: '', confirmedUrl: '',
    },
  ];
}
