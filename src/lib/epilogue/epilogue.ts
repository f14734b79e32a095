// The epilogue as the edition gives it to the page: its frame, the scorecard with each claim's place in the article,
// the tally of verdicts, the longer trade record, the later events; and every check that ties it to the rest.
import { VERDICT_LABELS, VERDICTS, type ClaimRow, type Verdict } from '../../schemas/claims';
import type { EpilogueData } from '../../schemas/epilogue';
import type { FactSheet } from '../../schemas/factSheet';
import type { LaterEvent } from '../../schemas/laterEvents';
import { monthsOf, type TradeLaterEntry } from '../../schemas/tradeLater';
import type { DealRow } from '../../schemas/deals';
import { paragraphPlace, type Outline } from '../article/outline';
import type { SourceRef } from '../analysis/sources';
import type { TradeData } from '../data/money';
import { byDate } from '../timeline/dates';
import {
  claimDateProblems, claimFigureProblems, claimProblems, epilogueNumberProblems, factSheetProblems, laterEventProblems, periodWordsProblems, tradeRecordProblems,
  type CitedSource, type EpilogueText, type KnownFigure,
} from '../analysis/epilogueChecks';
import { tradeRecord, type TradeRecord } from './tradeRecord';
import { claimCountProblems, repeatedPeriodProblems, tradeSizeProblems } from '../analysis/analysisChecks';
import { laterEventDateProblems } from '../analysis/dateChecks';

/** The epilogue's files as plain data, each with its path for messages. */
export interface EpilogueInput {
  file: string;
  data: EpilogueData;
  claims: { file: string; rows: readonly ClaimRow[] };
  trade: { file: string; rows: readonly TradeLaterEntry[] };
  events: { file: string; events: readonly LaterEvent[] };
  factSheet: { file: string; data: FactSheet };
}

type Claim = Omit<ClaimRow, 'series' | 'position'>;

/** A claim with where the article makes it: the paragraph's section and its place there. */
export interface EpilogueClaim extends Claim {
  label: string;
  place: { sectionId: string; sectionTitle: string; number: number };
}

export interface EpilogueFigure { id: string; title: string; subtitle: string; source: string; number: number }
export interface EpilogueChart extends EpilogueFigure { calendar: string; fiscal: string }

/** How many claims have each verdict, in the order of the scale (every verdict, none left out). */
export interface VerdictCount { verdict: Verdict; label: string; count: number }

export interface EditionEpilogue {
  id: string;
  title: string;
  added: string;
  factsTo: string;
  intro: string[];
  figures: { trade: EpilogueChart; timeline: EpilogueFigure };
  claims: EpilogueClaim[];
  /** Paragraph id → the claims it makes, for the markers beside the paragraph. */
  byParagraph: ReadonlyMap<string, EpilogueClaim[]>;
  /** The verdicts counted, for the first screen's findings: `tally.find((t) => t.verdict === 'borne-out').count`. */
  tally: VerdictCount[];
  trade: TradeRecord;
  /** In date order. */
  events: LaterEvent[];
  /** Every outside source the epilogue cites, in the order the page shows them: scorecard, chart, timeline. */
  sources: SourceRef[];
  files: { epilogue: string; claims: string; trade: string; events: string };
}

interface Context {
  outline: Outline;
  trade: TradeData;
  deals: readonly Omit<DealRow, 'series' | 'position'>[];
  files: { trade: string; deals: string };
  /** When the article appeared and when the edition was last updated (ISO). */
  published: string;
  updated: string;
  articleFile: string;
  /** Every id the article's part of the page uses. */
  pageIds: ReadonlySet<string>;
  sectionTitles: Record<string, string>;
  /** The number the epilogue's first figure takes: after the article's. */
  firstFigureNumber: number;
}

export function buildEpilogue(input: EpilogueInput, ctx: Context): { epilogue: EditionEpilogue; problems: string[] } {
  const { data } = input;
  const files = { epilogue: input.file, claims: input.claims.file, trade: input.trade.file, events: input.events.file };
  const claims: Claim[] = [...input.claims.rows].sort((a, b) => a.position - b.position).map(({ series: _s, position: _p, ...c }) => c);
  const events = [...input.events.events].sort(byDate);
  const problems: string[] = [];
  const report = (file: string, list: string[]) => problems.push(...list.map((p) => `${file}: ${p}`));

  // Ids: the epilogue's own must be new to the page, and each kind must not take another's.
  const own = [data.id, data.figures.trade.id, data.figures.timeline.id];
  report(input.file, own.filter((id) => ctx.pageIds.has(id)).map((id) => `field "${id === data.id ? 'id' : 'figures'}": the page already uses the id "${id}"`));
  const claimIds = new Set(claims.map((c) => c.id));
  report(input.claims.file, claimProblems(claims, ctx.outline.paragraphs, new Set([...ctx.pageIds, ...own, ...events.map((e) => e.id)])));
  report(input.claims.file, claimDateProblems(claims, ctx.published, data.factsTo));
  report(input.claims.file, claimFigureProblems(claims));
  report(input.events.file, laterEventProblems(events, claimIds, new Set([...ctx.pageIds, ...own])));
  report(input.trade.file, tradeRecordProblems(input.trade.rows, { figures: new Set(ctx.trade.figures.map((f) => f.id)), context: new Set(ctx.trade.context.map((c) => c.id)) },
    new Map([...ctx.trade.figures, ...ctx.trade.context].map((r) => [r.id, r.period]))));
  report(input.events.file, laterEventDateProblems(events, ctx.published, { day: data.factsTo, file: input.file }));
  problems.push(...claimCountProblems(data.intro.map((text, i) => ({ where: `${input.file}: field "intro.${i}"`, text })), claims.length, input.claims.file));
  const periods = periodWordsProblems(input.trade.rows, ctx.trade.figures, { later: input.trade.file, trade: ctx.files.trade });
  report(input.trade.file, periods.later);
  report(ctx.files.trade, periods.trade);
  // One period has one figure in each group, by its months and by the words its label reads.
  const figureRows = input.trade.rows.flatMap((r) => (r.series === 'accounts' ? [] : [r]));
  const advice = 'keep the one its source supports, or mark the pair with conflictsWith';
  for (const series of ['calendar', 'fiscal'] as const) {
    report(input.trade.file, repeatedPeriodProblems(figureRows.filter((r) => r.series === series)
      .map((r) => ({ id: r.id, where: `fields "from" and "to": ${r.from} to ${r.to}`, period: `${r.from}/${r.to}`, conflictsWith: r.conflictsWith })), advice));
  }
  report(input.trade.file, repeatedPeriodProblems(figureRows.flatMap((r) => (r.period === undefined ? [] : [{ id: r.id, where: `field "period": “${r.period}”`, period: r.period, conflictsWith: r.conflictsWith }])), advice));
  report(input.trade.file, tradeSizeProblems(input.trade.rows.flatMap((r) => {
    if (r.series === 'accounts') return [];
    const months = monthsOf(r);
    return [
      ...(r.valueUsdMillions === undefined ? [] : [{ id: r.id, field: 'valueUsdMillions', value: r.valueUsdMillions, months }]),
      ...(r.pakistanExportsUsdMillions === undefined ? [] : [{ id: r.id, field: 'pakistanExportsUsdMillions', value: r.pakistanExportsUsdMillions, months, part: true }]),
    ];
  }), ctx.trade.figures.map((f) => f.valueUsdMillions)));
  if (data.added > ctx.updated) report(ctx.articleFile, [`frontmatter field "updated": ${ctx.updated} is before the epilogue was added (${data.added}, ${input.file}); the edition's last update is at least that day`]);

  const trade = tradeRecord(input.trade.rows, ctx.trade, ctx.sectionTitles);

  // Every source it cites is the fact sheet's, with the sheet's rating.
  const cited: CitedSource[] = [
    ...claims.flatMap((c) => [
      ...c.sources.map((s, i) => ({ where: `${input.claims.file}: row "${c.id}", field "sources.${i}"`, source: s })),
      ...c.figures.map((f) => ({ where: `${input.claims.file}: row "${c.id}", field "figures.${f.id}.source"`, source: f.source })),
    ]),
    ...input.trade.rows.flatMap((r) => (r.sources ?? []).map((s, i) => ({ where: `${input.trade.file}: row "${r.id}", field "sources.${i}"`, source: s }))),
    ...events.map((e) => ({ where: `${input.events.file}: event "${e.id}", field "source"`, source: e.source })),
    // The rows shown again from trade.yaml: their sources must be the fact sheets' too.
    ...input.trade.rows.flatMap((r) => {
      const c = r.series === 'accounts' ? undefined : ctx.trade.context.find((x) => x.id === r.row);
      return c?.source.url ? [{ where: `${input.trade.file}: row "${r.id}", field "row" (${ctx.files.trade}, row "${c.id}")`, source: { url: c.source.url } }] : [];
    }),
  ];
  problems.push(...factSheetProblems(cited, input.factSheet.data, input.factSheet.file));

  // The number check: every figure in the epilogue's own words is one the data gives.
  const known: KnownFigure[] = [
    ...ctx.trade.figures.map((f) => ({ origin: `${ctx.files.trade}, row "${f.id}"`, kind: 'usd' as const, value: f.valueUsdMillions })),
    ...ctx.trade.context.map((c) => ({ origin: `${ctx.files.trade}, row "${c.id}"`, kind: 'usd' as const, value: c.valueUsdMillions })),
    ...ctx.trade.claims.map((c) => ({ origin: `${ctx.files.trade}, row "${c.id}"`, kind: 'percent' as const, value: c.growthPercent })),
    ...ctx.deals.map((d) => ({ origin: `${ctx.files.deals}, row "${d.id}"`, kind: 'usd' as const, value: d.valueUsdMillions })),
    ...input.trade.rows.flatMap((r) => (r.series === 'accounts' ? [] : [r.valueUsdMillions, r.pakistanExportsUsdMillions]).filter((v): v is number => v !== undefined)
      .map((value) => ({ origin: `${input.trade.file}, row "${r.id}"`, kind: 'usd' as const, value }))),
    ...claims.flatMap((c) => c.figures.map((f) => ({ origin: `${input.claims.file}, row "${c.id}", figure "${f.id}"`, kind: f.percent === undefined ? 'usd' as const : 'percent' as const, value: f.percent ?? f.valueUsdMillions! }))),
  ];
  const texts: EpilogueText[] = [
    { where: `${input.file}: field "title"`, text: data.title },
    ...data.intro.map((text, i) => ({ where: `${input.file}: field "intro.${i}"`, text })),
    ...(['trade', 'timeline'] as const).flatMap((k) => (['title', 'subtitle', 'source'] as const).map((f) => ({ where: `${input.file}: field "figures.${k}.${f}"`, text: data.figures[k][f] }))),
    ...(['calendar', 'fiscal'] as const).map((f) => ({ where: `${input.file}: field "figures.trade.${f}"`, text: data.figures.trade[f] })),
    ...input.trade.rows.flatMap((r) => (r.series === 'accounts' ? [{ where: `${input.trade.file}: row "${r.id}", field "says"`, text: r.says }] : [])),
    ...claims.flatMap((c) => [
      { where: `${input.claims.file}: row "${c.id}", field "title"`, text: c.title },
      { where: `${input.claims.file}: row "${c.id}", field "evidence"`, text: c.evidence },
    ]),
    ...events.flatMap((e) => [
      { where: `${input.events.file}: event "${e.id}", field "title"`, text: e.title },
      { where: `${input.events.file}: event "${e.id}", field "summary"`, text: e.summary },
    ]),
  ];
  problems.push(...epilogueNumberProblems(texts, known));

  const placed: EpilogueClaim[] = claims.flatMap((c) => {
    const place = paragraphPlace(ctx.outline, c.paragraph);
    if (!place) return []; // reported by claimProblems
    return [{ ...c, label: VERDICT_LABELS[c.verdict], place }];
  });
  const byParagraph = new Map<string, EpilogueClaim[]>();
  for (const c of placed) byParagraph.set(c.paragraph, [...(byParagraph.get(c.paragraph) ?? []), c]);

  const sources: SourceRef[] = [
    ...claims.flatMap((c) => c.sources),
    // The chart's table lists each row's sources, calendar years then fiscal; its notes then cite the accounts.
    ...[...trade.calendar, ...trade.fiscal].flatMap((r) => (r.type === 'figure' ? r.sources : [])).filter((s) => s.url).map((s) => ({ title: s.title, url: s.url! })),
    ...[...trade.calendar, ...trade.fiscal].flatMap((r) => (r.type === 'gap' ? r.account?.sources ?? [] : [])).map((s) => ({ title: s.title, url: s.url! })),
    ...events.map((e) => e.source),
  ].map((s) => ({ title: s.title, url: s.url }));

  const n = ctx.firstFigureNumber;
  return {
    problems,
    epilogue: {
      id: data.id,
      title: data.title,
      added: data.added,
      factsTo: data.factsTo,
      intro: data.intro,
      figures: { trade: { ...data.figures.trade, number: n }, timeline: { ...data.figures.timeline, number: n + 1 } },
      claims: placed,
      byParagraph,
      tally: VERDICTS.map((v) => ({ verdict: v, label: VERDICT_LABELS[v], count: claims.filter((c) => c.verdict === v).length })),
      trade,
      events,
      sources,
      files,
    },
  };
}
