// Checks that tie the epilogue to the article, the data and the fact sheet: pure functions, one message per problem.
import type { Claim } from '../../schemas/claims';
import type { FactSheet, RatedSource } from '../../schemas/factSheet';
import type { LaterEvent } from '../../schemas/laterEvents';
import type { TradeLaterEntry } from '../../schemas/tradeLater';
import { monthIndex } from '../../schemas/tradeLater';
import { sourceKey } from './sources';
import { yearsIn } from '../format';
import { agrees, figuresInText, type FigureKind } from './numberCheck';

/** Every claim names a paragraph of the article, quotes it exactly, and takes an id nothing else on the page uses. */
export function claimProblems(claims: readonly Claim[], paragraphs: readonly { id: string; text: string }[], takenIds: ReadonlySet<string>): string[] {
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const problems: string[] = [];
  for (const c of claims) {
    const para = byId.get(c.paragraph);
    if (!para) problems.push(`row "${c.id}", field "paragraph": "${c.paragraph}" is not a paragraph of the article`);
    else if (!para.text.includes(c.quote.replace(/\s+/g, ' ').trim())) problems.push(`row "${c.id}", field "quote": paragraph "${c.paragraph}" does not say “${c.quote}”; quote its words exactly`);
    if (takenIds.has(c.id)) problems.push(`row "${c.id}", field "id": the page already uses the id "${c.id}"`);
  }
  return problems;
}

/** A verdict holds to a month between the article and the newest report of the fact sheet. */
export function claimDateProblems(claims: readonly Claim[], published: string, factsTo: string): string[] {
  return claims.flatMap((c) => {
    if (c.asOf < published.slice(0, 7)) return [`row "${c.id}", field "asOf": ${c.asOf} is before the article appeared (${published})`];
    if (c.asOf > factsTo.slice(0, 7)) return [`row "${c.id}", field "asOf": ${c.asOf} is after the newest report the fact sheet holds (${factsTo}); no verdict can hold to a later month`];
    return [];
  });
}

/** A source the epilogue cites, with where it is cited (for the message). */
export interface CitedSource { where: string; source: Pick<RatedSource, 'url'> & Partial<Pick<RatedSource, 'confidence' | 'stateMedia'>> }

/**
 * Every source the epilogue cites is one the fact sheets cite; a rated source keeps the sheet's confidence
 * and state-media mark, so a low-confidence or state-media report can never lose its label.
 */
export function factSheetProblems(cited: readonly CitedSource[], sheet: FactSheet, sheetFile: string): string[] {
  const rated = new Map(sheet.since2018.map((s) => [sourceKey(s.url), s]));
  const earlier = new Set(sheet.earlier.map(sourceKey));
  const problems: string[] = [];
  for (const { where, source } of cited) {
    const key = sourceKey(source.url);
    const entry = rated.get(key);
    if (source.confidence === undefined) {
      if (!entry && !earlier.has(key)) problems.push(`${where}: ${source.url} is not a source of the fact sheets (${sheetFile})`);
      continue;
    }
    if (!entry) {
      problems.push(`${where}: ${source.url} is not a source of the fact sheet for 2019–2026 (${sheetFile}); cite only what it lists`);
      continue;
    }
    if (entry.confidence !== source.confidence) problems.push(`${where}: confidence is ${source.confidence}, but the fact sheet rates ${source.url} ${entry.confidence} (${entry.fact})`);
    if (entry.stateMedia !== source.stateMedia) {
      problems.push(entry.stateMedia
        ? `${where}: ${source.url} is ${entry.stateMedia === 'russia' ? 'Russian' : 'Pakistani'} state media (${entry.fact}); mark it stateMedia: ${entry.stateMedia}`
        : `${where}: stateMedia is ${source.stateMedia}, but the fact sheet does not mark ${source.url} as state media (${entry.fact})`);
    }
  }
  return problems;
}

/** Whether words name a year outside the years of the months `from` to `to` (YYYY-MM). */
const namesYearOutside = (words: string | undefined, r: { from: string; to: string }) =>
  words !== undefined && yearsIn(words).some((y) => y < Number(r.from.slice(0, 4)) || y > Number(r.to.slice(0, 4)));

/** The rows of trade-later.yaml against trade.yaml and each other: rows that exist, time order, conflicts within a group. */
export function tradeRecordProblems(rows: readonly TradeLaterEntry[], tradeIds: { figures: ReadonlySet<string>; context: ReadonlySet<string> }, periods: ReadonlyMap<string, string> = new Map()): string[] {
  const problems: string[] = [];
  // A row of trade.yaml is shown once, in the months its own period names.
  const taken = new Map<string, string>();
  for (const r of rows) {
    if (r.series === 'accounts' || !r.row) continue;
    if (taken.has(r.row)) problems.push(`row "${r.id}", field "row": "${r.row}" is already shown by row "${taken.get(r.row)}"`);
    else taken.set(r.row, r.id);
    if (namesYearOutside(periods.get(r.row), r)) problems.push(`row "${r.id}", fields "from" and "to": ${r.from} to ${r.to} is not the period of trade.yaml's row "${r.row}" (“${periods.get(r.row)}”)`);
  }
  for (const series of ['calendar', 'fiscal'] as const) {
    const group = rows.filter((r): r is Extract<TradeLaterEntry, { series: typeof series }> => r.series === series).sort((a, b) => a.position - b.position);
    const ids = new Set(group.map((r) => r.id));
    group.forEach((r, i) => {
      if (r.row && !tradeIds.figures.has(r.row) && !tradeIds.context.has(r.row)) problems.push(`row "${r.id}", field "row": "${r.row}" is not a figure or context row of trade.yaml`);
      const before = group[i - 1];
      if (before && monthIndex(r.from) < monthIndex(before.from)) problems.push(`row "${r.id}", field "from": ${r.from} comes before the row above it (${before.id}, from ${before.from}); keep each group in time order`);
      if (r.conflictsWith && !ids.has(r.conflictsWith)) {
        problems.push(`row "${r.id}", field "conflictsWith": "${r.conflictsWith}" is not a row of the ${series} group${rows.some((x) => x.id === r.conflictsWith) ? ' (figures of the other group are never compared with this one)' : ''}`);
      }
    });
  }
  // An account of differing statements stands in for a missing figure: it may not cover months a figure covers.
  for (const a of rows.filter((r): r is Extract<TradeLaterEntry, { series: 'accounts' }> => r.series === 'accounts')) {
    const clash = rows.find((r) => r.series === a.kind && monthIndex(r.from) <= monthIndex(a.to) && monthIndex(r.to) >= monthIndex(a.from));
    if (clash) problems.push(`row "${a.id}", field "from": ${a.from} to ${a.to} has a figure already (${clash.id}); an account only fills a gap`);
  }
  return problems;
}

/**
 * A period's words name only years within the months its row covers, and an article figure's likely period only years
 * within the months where the trade record shows it: messages for trade-later.yaml (`later`) and for trade.yaml (`trade`).
 */
export function periodWordsProblems(rows: readonly TradeLaterEntry[], figures: readonly { id: string; likelyPeriod?: string }[], files: { later: string; trade: string }): { later: string[]; trade: string[] } {
  const out = { later: [] as string[], trade: [] as string[] };
  for (const r of rows) {
    if (r.series === 'accounts') continue;
    if (namesYearOutside(r.period, r)) out.later.push(`row "${r.id}", field "period": “${r.period}” names a year outside ${r.from} to ${r.to}`);
    const figure = r.row ? figures.find((f) => f.id === r.row) : undefined;
    if (figure && namesYearOutside(figure.likelyPeriod, r)) {
      out.trade.push(`row "${figure.id}", field "likelyPeriod": “${figure.likelyPeriod}” names a year outside ${r.from} to ${r.to}, where ${files.later} shows it (row "${r.id}")`);
    }
  }
  return out;
}

/** Every later event bears on a claim of the scorecard and takes an id nothing else on the page uses. */
export function laterEventProblems(events: readonly LaterEvent[], claimIds: ReadonlySet<string>, takenIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const e of events) {
    if (!claimIds.has(e.claim)) problems.push(`event "${e.id}", field "claim": "${e.claim}" is not a claim of the scorecard (claims: ${[...claimIds].join(', ')})`);
    if (takenIds.has(e.id)) problems.push(`event "${e.id}", field "id": the page already uses the id "${e.id}"`);
  }
  return problems;
}

/** A text of the epilogue and where it is (for the message). */
export interface EpilogueText { where: string; text: string }
/** A figure the data gives, which the epilogue's text may state. */
export interface KnownFigure { origin: string; kind: FigureKind; value: number }

const show = (kind: FigureKind, value: number) => (kind === 'usd' ? `$${+value.toFixed(2)}M` : `${+value.toFixed(2)} %`);

/**
 * The number check for the epilogue: every dollar figure and percentage its text states must be one the data
 * gives, at the text's rounding, so that no figure is typed without a row and a source behind it.
 */
export function epilogueNumberProblems(texts: readonly EpilogueText[], known: readonly KnownFigure[]): string[] {
  const problems: string[] = [];
  for (const { where, text } of texts) {
    for (const t of figuresInText(text)) {
      const same = known.filter((k) => k.kind === t.kind);
      if (same.some((k) => agrees(t, k.value))) continue;
      const nearest = same.reduce<KnownFigure | undefined>((a, b) => (!a || Math.abs(b.value - t.value) < Math.abs(a.value - t.value) ? b : a), undefined);
      problems.push(`${where}: "${t.phrase}" is not a figure the data gives${nearest ? ` (nearest: ${show(nearest.kind, nearest.value)}, ${nearest.origin})` : ''}; correct the text, or add the figure with its source to the data`);
    }
  }
  return problems;
}

/** A figure a claim declares must be one its evidence states: the data holds no figure the page does not use. */
export function claimFigureProblems(claims: readonly Claim[]): string[] {
  return claims.flatMap((c) => c.figures.flatMap((f) => {
    const kind: FigureKind = f.percent === undefined ? 'usd' : 'percent';
    const value = f.percent ?? f.valueUsdMillions!;
    const problems = figuresInText(c.evidence).some((t) => t.kind === kind && agrees(t, value)) ? [] : [`row "${c.id}", field "figures": "${f.id}" (${show(kind, value)}) is not stated in the evidence; remove it or state it`];
    // The figure's source is listed with the claim's, so that the reader finds it there.
    if (!c.sources.some((s) => sourceKey(s.url) === sourceKey(f.source.url))) problems.push(`row "${c.id}", field "figures": the source of "${f.id}" (${f.source.url}) is not among the claim's sources; add it there`);
    return problems;
  }));
}
