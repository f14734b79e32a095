// Checks that need more than one file: rows citing paragraphs, notes citing sources, places, figure references, computed values.
import type { Outline } from '../article/outline';
import type { Place } from '../../schemas/places';
import type { PanelSpec } from '../charts/locatorMap';
import { agrees, figuresInText } from './numberCheck';
import { MONTHS, yearsIn } from '../format';
import { monthIndex } from '../../schemas/tradeLater';

/** A correction rests on outside facts, so it must link to at least one source. */
export function noteProblems(outline: Pick<Outline, 'notes'>): string[] {
  return outline.notes
    .filter((n) => n.kind === 'correction' && !n.links.some((l) => /^https?:\/\//.test(l.url)))
    .map((n) => `line ${n.line}: ${n.kind} note "${n.id}" cites no source: link to the report it relies on`);
}

/** Every `source.paragraph` of a data row names a paragraph of the article. */
export function paragraphSourceProblems(rows: readonly { id: string; source?: { paragraph?: string } }[], paragraphIds: ReadonlySet<string>): string[] {
  return rows
    .filter((r) => r.source?.paragraph && !paragraphIds.has(r.source.paragraph))
    .map((r) => `row "${r.id}", field "source.paragraph": "${r.source!.paragraph}" is not a paragraph of the article`);
}

/** Every place names paragraphs of the article and events of the timeline that exist. */
export function placeProblems(places: readonly Place[], paragraphIds: ReadonlySet<string>, eventIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const p of places) {
    p.paragraphs.filter((id) => !paragraphIds.has(id)).forEach((id) => problems.push(`place "${p.id}", field "paragraphs": "${id}" is not a paragraph of the article`));
    p.events.filter((id) => !eventIds.has(id)).forEach((id) => problems.push(`place "${p.id}", field "events": "${id}" is not an event of the timeline`));
  }
  return problems;
}

/** Every <FigRef to="…"> names a figure placed in the article. */
export function figureRefProblems(outline: Pick<Outline, 'figures' | 'figureRefs'>): string[] {
  const ids = new Set(outline.figures.map((f) => f.id));
  const known = outline.figures.map((f) => f.id).join(', ') || 'none';
  return outline.figureRefs
    .filter((r) => !ids.has(r.to))
    .map((r) => `line ${r.line}: <FigRef to="${r.to}"> refers to no figure in the article (figures: ${known})`);
}

/** Every <Computed of="…"> names a value the data can give. */
export function computedProblems(outline: Pick<Outline, 'computed'>, values: Readonly<Record<string, string | undefined>>): string[] {
  return outline.computed
    .filter((c) => values[c.of] === undefined)
    .map((c) => `line ${c.line}: <Computed of="${c.of}"> names no value the data can give; use one of ${Object.keys(values).filter((k) => values[k] !== undefined).join(', ')}`);
}

/**
 * Every place the map's panels show is in the places file and lies inside each panel that shows it, and every
 * place in the file is on a panel: an off-map place would otherwise fail only when the map is laid out.
 */
export function mapProblems(places: readonly Place[], panels: readonly PanelSpec[]): string[] {
  const problems: string[] = [];
  const byId = new Map(places.map((p) => [p.id, p]));
  const deg = (v: number, pos: string, neg: string) => `${Math.abs(v)}° ${v < 0 ? neg : pos}`;
  for (const panel of panels) {
    const [w, s, e, n] = panel.extent;
    for (const id of panel.places) {
      const p = byId.get(id);
      if (!p) { problems.push(`place "${id}": the map panel "${panel.title}" shows it, but the file has no such place`); continue; }
      if (p.lon < w || p.lon > e || p.lat < s || p.lat > n) {
        problems.push(`place "${id}", fields "lat" and "lon": ${deg(p.lat, 'N', 'S')}, ${deg(p.lon, 'E', 'W')} lies outside the map panel "${panel.title}", which shows ${deg(s, 'N', 'S')} to ${deg(n, 'N', 'S')} and ${deg(w, 'E', 'W')} to ${deg(e, 'E', 'W')}`);
      }
    }
  }
  const shown = new Set(panels.flatMap((p) => p.places));
  for (const p of places) {
    if (!shown.has(p.id)) problems.push(`place "${p.id}": no panel of the map shows it (the panels are listed in src/lib/charts/locatorMap.ts)`);
  }
  return problems;
}

/** A field of a data row that quotes the article's own words. */
export interface QuotedWords { row: string; paragraph: string; field: string; words: string }

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * What a row says the article says, the article says: a trade figure's or a deal's period, the growth the article
 * states, an event's date in the article's words. Matched in the paragraph the row cites, ignoring case and spacing,
 * so that a typo in the data is not shown to readers as the author's.
 */
export function quotedWordsProblems(quotes: readonly QuotedWords[], paragraphs: ReadonlyMap<string, string>): string[] {
  return quotes
    .filter((q) => paragraphs.has(q.paragraph) && !squash(paragraphs.get(q.paragraph)!).includes(squash(q.words)))
    .map((q) => `row "${q.row}", field "${q.field}": “${q.words}” is not in paragraph "${q.paragraph}", which the row quotes; copy the article's words exactly`);
}

/**
 * An event dated from the article's words agrees with them: every year they name is within the event's dates, and a
 * month they name (capitalised, as a name: "may" is a verb) falls within them, in a year they allow. One message an event.
 */
export function articleDateProblems(events: readonly { id: string; articleSays?: string; from: string; to: string }[]): string[] {
  const problems: string[] = [];
  // A date known only to its year covers the whole year.
  const month = (d: string, end: boolean) => monthIndex(d.length > 4 ? d : `${d}-${end ? '12' : '01'}`);
  for (const e of events) {
    if (!e.articleSays) continue;
    const [first, last] = [month(e.from, false), month(e.to, true)];
    const years = yearsIn(e.articleSays);
    const named = MONTHS.findIndex((m) => new RegExp(`\\b${m}\\b`).test(e.articleSays!));
    const yearOk = years.every((y) => y * 12 + 11 >= first && y * 12 <= last);
    let monthOk = true;
    if (named >= 0) {
      monthOk = false;
      for (let k = first; k <= last; k++) if (k % 12 === named && (years.length === 0 || years.includes(Math.floor(k / 12)))) monthOk = true;
    }
    if (!yearOk || !monthOk) problems.push(`row "${e.id}", field "articleSays": the article says “${e.articleSays}”, but the event is dated ${e.from === e.to ? e.from : `${e.from} to ${e.to}`}`);
  }
  return problems;
}

/** A growth rate the article states is the one its quote gives: the rate and the quoted words are checked together. */
export function claimQuoteProblems(claims: readonly { id: string; quote: string; growthPercent: number }[]): string[] {
  return claims.flatMap((c) => figuresInText(c.quote)
    .filter((f) => f.kind === 'percent' && !agrees(f, c.growthPercent))
    .map((f) => `row "${c.id}", field "growthPercent": ${c.growthPercent} is not the rate its quote gives (“${f.phrase}”)`));
}

/** How far a trade figure may lie from the article's own before it reads as a slip of units (thousands or billions typed for millions). */
const TRADE_SIZE_FACTOR = 10;

/** A trade figure to hold to the size of the article's: `months` it covers (a whole year when not given), `part` for one direction's share alone. */
export interface SizedTradeFigure { id: string; field: string; value: number; months?: number; part?: boolean }

/**
 * Every trade figure lies within ten times the article's own two (whole-year) figures, a partial period within its share of a
 * year, and a part of the trade (one direction's exports) only below the ceiling: a slip of units is a thousandfold, and bilateral
 * trade that grew or fell tenfold would need the bounds looked at again.
 */
export function tradeSizeProblems(rows: readonly SizedTradeFigure[], article: readonly number[]): string[] {
  if (!article.length) return [];
  const low = Math.min(...article) / TRADE_SIZE_FACTOR;
  const high = Math.max(...article) * TRADE_SIZE_FACTOR;
  const n = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 3 });
  return rows.flatMap((r) => {
    const floor = r.part ? 0 : (low * (r.months ?? 12)) / 12;
    if (r.value >= floor && r.value <= high) return [];
    const span = r.months !== undefined && r.months < 12 ? `; this row covers ${r.months} month${r.months === 1 ? '' : 's'}, so at least ${n(floor)}` : '';
    return [`row "${r.id}", field "${r.field}": ${n(r.value)} is not within ${TRADE_SIZE_FACTOR} times the article's own figures (${n(low)}–${n(high)} US$ millions for a whole year${span}); values are in US$ millions: was it typed in thousands of dollars, or in billions?`];
  });
}

/** A row of trade figures by its period: `where` names the field and shows the period, `period` is what is compared. */
export interface PeriodRow { id: string; where: string; period: string; conflictsWith?: string }

/**
 * One period has one figure in a series: a second row for it (a second "2014" with another value) would ship beside the
 * first, and the record would show one of them. Two rows that name each other in `conflictsWith` are shown side by side.
 */
export function repeatedPeriodProblems(rows: readonly PeriodRow[], advice: string): string[] {
  const first = new Map<string, PeriodRow>();
  const problems: string[] = [];
  for (const r of rows) {
    const key = r.period.replace(/\s+/g, ' ').trim().toLowerCase();
    const earlier = first.get(key);
    if (!earlier) first.set(key, r);
    else if (r.conflictsWith !== earlier.id && earlier.conflictsWith !== r.id) {
      problems.push(`row "${r.id}", ${r.where} is the period of row "${earlier.id}" too; one period has one figure: ${advice}`);
    }
  }
  return problems;
}

/** Every id of the data files is unique across them: a row is named by its id on the page (data-row) and in messages. */
export function idAcrossFilesProblems(files: readonly { file: string; ids: readonly string[] }[]): string[] {
  const first = new Map<string, string>();
  const problems: string[] = [];
  for (const { file, ids } of files) {
    for (const id of new Set(ids)) {
      const other = first.get(id);
      if (other === undefined) first.set(id, file);
      else if (other !== file) problems.push(`${file}: row "${id}", field "id": ${other} uses the id "${id}" too; ids are unique across the data files`);
    }
  }
  return problems;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * A count of the claims checked that the text states ("we checked seven of its claims") is the number the scorecard holds.
 * Only a count after "checked" is a total: "two of its claims held" counts a part.
 */
export function claimCountProblems(texts: readonly { where: string; text: string }[], count: number, claimsFile: string): string[] {
  const problems: string[] = [];
  for (const { where, text } of texts) {
    for (const m of text.matchAll(/\bchecked\s+(\d+|[a-z]+)\s+(?:of\s+(?:its|the article[’']s)\s+)?claims\b/gi)) {
      const word = m[1]!.toLowerCase();
      const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word);
      if (n >= 0 && n !== count) problems.push(`${where}: it says ${word} claims (“${m[0]}”), but ${claimsFile} holds ${count}`);
    }
  }
  return problems;
}
