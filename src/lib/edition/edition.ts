// The edition: everything the pages show, built once from the content collections, with every cross-file check run.
import type { ArticleData } from '../../schemas/article';
import type { DealRow } from '../../schemas/deals';
import type { GlossaryEntry } from '../../schemas/glossary';
import type { PublishedIds, Redirects } from '../../schemas/ids';
import type { Place } from '../../schemas/places';
import type { TradeRow } from '../../schemas/trade';
import { periodMonths } from '../../schemas/source';
import { timelineProblems, type TimelineEvent } from '../../schemas/timeline';
import { ContentError } from '../../schemas/issues';
import { paragraphPlace, parseOutline, readingMinutes, type Outline, type OutlineFigure } from '../article/outline';
import { authorTextProblems, referenceProblems } from '../article/authorText';
import type { SourceArticle } from '../article/sourceText';
import { dataFigures, tradeFacts, type TradeFacts } from '../analysis/analysisData';
import { articleEventDateProblems, dealDateProblems, futureDayProblems } from '../analysis/dateChecks';
import { articleDateProblems, idAcrossFilesProblems, claimQuoteProblems, computedProblems, figureRefProblems, mapProblems, noteProblems, paragraphSourceProblems, placeProblems, quotedWordsProblems, repeatedPeriodProblems, tradeSizeProblems } from '../analysis/analysisChecks';
import { glossaryProblems } from '../analysis/glossaryCheck';
import { numberProblems } from '../analysis/numberCheck';
import { collectSources, sourceKey, type NumberedSource, type SourceRef } from '../analysis/sources';
import { orderDeals, sectionTitles, splitTrade, type TradeData } from '../data/money';
import { publishedIdProblems, redirectProblems, resolveRedirect, retiredIdsFor } from '../sharing/idRegistry';
import { epilogueCard, retiredSectionCards, sectionCards, type SectionCard } from '../sharing/sectionCards';
import { cardTextProblems } from '../og/cardGlyphs';
import { byDate } from '../timeline/dates';
import world110 from 'world-atlas/countries-110m.json';
import world50 from 'world-atlas/countries-50m.json';
import type { Topology } from 'topojson-specification';
import { locatorMap, PANELS, placeCountryProblems, type MapPanel, type MapPlaceInput } from '../charts/locatorMap';
import { siteUrls, type SiteUrls } from '../siteUrls';
import { buildEpilogue, type EditionEpilogue, type EpilogueInput } from '../epilogue/epilogue';
import { computedValues } from './computed';
import { noteAnchorsCss, notePlaces, termAnchorsCss, type NotePlace } from './noteAnchors';

type Ordered<T> = T & { series: string; position: number };

/** The content collections as plain data, each with the file it came from (for messages). */
export interface EditionInput {
  article: { file: string; body: string; data: ArticleData };
  trade: { file: string; rows: readonly TradeRow[] };
  deals: { file: string; rows: readonly DealRow[] };
  glossary: { file: string; rows: readonly Ordered<GlossaryEntry>[] };
  places: { file: string; rows: readonly Ordered<Place>[] };
  timeline: { file: string; events: readonly TimelineEvent[] };
  ids: { publishedFile: string; redirectsFile: string; published: PublishedIds; redirects: Redirects };
  /** The editors' epilogue after the author's text: its frame, scorecard, later trade and later events, and the fact sheet it is held to. */
  epilogue: EpilogueInput;
  source: { file: string; text: SourceArticle };
  /** The public URL (SITE_URL) and Astro's base path. */
  site: { url: string; base: string };
  /** The day of the build (ISO) where it is already latest on Earth: no date the edition gives for its own work may be later. */
  today: string;
}

/** Where an event is mentioned: its paragraph, the section's title and the paragraph's place in the section. */
export interface EventPlace { paragraph: string; sectionId: string; sectionTitle: string; number: number }

export interface EditionTimeline {
  /** In date order. */
  events: TimelineEvent[];
  place: ReadonlyMap<string, EventPlace>;
  byParagraph: ReadonlyMap<string, TimelineEvent[]>;
}

export interface NumberedFigure extends OutlineFigure { number: number }

export interface Edition {
  article: ArticleData;
  /** The article's file, for messages. */
  file: string;
  minutes: number;
  outline: Outline;
  trade: TradeData;
  tradeFacts: TradeFacts;
  deals: ReturnType<typeof orderDeals>;
  timeline: EditionTimeline;
  glossary: GlossaryEntry[];
  places: Place[];
  /** The locator map's panels, laid out from the places. */
  map: MapPanel[];
  /** Paragraph id → the title of its section. */
  sectionTitles: Record<string, string>;
  /** The figures in reading order, numbered from 1. */
  figures: NumberedFigure[];
  /** The editors' epilogue, after the author's text; its figures are numbered after the article's. */
  epilogue: EditionEpilogue;
  figure(id: string): NumberedFigure;
  /** Every outside source, once each, numbered in the order a reader meets them: the one list the page and the print edition cite. */
  sources: NumberedSource[];
  sourceNumber(url: string): number | undefined;
  /** The values <Computed of="…"> may state. */
  computed: Record<string, string | undefined>;
  /** Retired ids that lead to `id` (content/ids/redirects.yaml). */
  retiredFor(id: string): string[];
  /** Where each note goes on a wide screen, by note id. */
  notePlace: ReadonlyMap<string, NotePlace>;
  /** A card page and image per section, then one per retired section id that was published, which keep answering. */
  sectionCards: SectionCard[];
  /** The anchor rules for the notes the article sets in the margin. */
  noteAnchorsCss: string;
  /** The anchor rules that set each glossary definition against its term's words. */
  termAnchorsCss: string;
  url: SiteUrls;
  files: { trade: string; deals: string; glossary: string; places: string; timeline: string };
}

const rowsOf = <T>(rows: readonly Ordered<T>[]): T[] =>
  [...rows].sort((a, b) => a.position - b.position).map(({ series: _s, position: _p, ...rest }) => rest as unknown as T);

function timelineOf(events: readonly TimelineEvent[], outline: Outline): EditionTimeline {
  const sorted = [...events].sort(byDate);
  const place = new Map<string, EventPlace>();
  const byParagraph = new Map<string, TimelineEvent[]>();
  for (const e of sorted) {
    const at = paragraphPlace(outline, e.paragraph);
    if (!at) continue; // reported by timelineProblems
    place.set(e.id, { paragraph: e.paragraph, ...at });
    byParagraph.set(e.paragraph, [...(byParagraph.get(e.paragraph) ?? []), e]);
  }
  return { events: sorted, place, byParagraph };
}

/** The outside sources a figure links to, in the order its component shows them. */
function figureSources(figure: OutlineFigure, d: { trade: TradeData; deals: Edition['deals']; timeline: EditionTimeline; places: readonly Place[] }): (SourceRef | undefined)[] {
  const outside = (s: { title?: string; url?: string }) => (s.url ? { title: s.title ?? s.url, url: s.url } : undefined);
  switch (figure.component) {
    case 'TradeChart': return [...d.trade.figures.flatMap((f) => f.evidence ?? []), ...d.trade.context.map((c) => outside(c.source))];
    case 'DealSizeChart': return d.deals.map((x) => x.confirmedBy);
    case 'Timeline': return d.timeline.events.map((e) => e.source);
    case 'LocatorMap': return d.places.map((p) => p.source); // cited after each place's name in the list after the map
  }
}

/**
 * The locator map's layout, the slowest step of an edition by far (a search for room for every label), depends
 * only on the places it shows. The last layout is kept with the places it was made from, so that rebuilding the
 * edition after an edit elsewhere (the dev server does so on every save) reuses it. A layout that fails is not kept.
 */
let lastMap: { key: string; panels: MapPanel[] } | undefined;
function mapLayout(places: readonly MapPlaceInput[]): MapPanel[] {
  const key = JSON.stringify(places.map(({ id, name, lat, lon, country }) => [id, name, lat, lon, country]));
  if (lastMap?.key !== key) lastMap = { key, panels: locatorMap({ '110m': world110 as unknown as Topology, '50m': world50 as unknown as Topology }, places) };
  return lastMap.panels;
}

/**
 * Builds the edition from the collections: parses the article's outline once, orders the data, numbers the
 * figures and sources, and runs every check that needs more than one file. Throws one ContentError listing
 * every problem, each naming its file and the row, paragraph or line, and the field.
 */
export function buildEdition(input: EditionInput): Edition {
  const { article } = input;
  const outline = parseOutline(article.body, article.file);
  const trade = splitTrade(input.trade.rows);
  const deals = orderDeals(input.deals.rows);
  const glossary = rowsOf(input.glossary.rows);
  const places = rowsOf(input.places.rows);
  const timeline = timelineOf(input.timeline.events, outline);
  const { published, redirects } = input.ids;
  const paragraphIds = new Set(outline.paragraphs.map((p) => p.id));
  const files = { trade: input.trade.file, deals: input.deals.file, glossary: input.glossary.file, places: input.places.file, timeline: input.timeline.file };

  const problems: string[] = [];
  const report = (file: string, list: string[]) => problems.push(...list.map((p) => `${file}: ${p}`));
  // A reference copy edited with the MDX is refused first: its word-by-word comparison would then pass.
  const reference = referenceProblems(input.source.text);
  report(input.source.file, reference);
  if (!reference.length) report(article.file, authorTextProblems(outline, article.data, input.source.text).map((p) => `${p} (reference copy: ${input.source.file})`));
  report(files.trade, paragraphSourceProblems(input.trade.rows, paragraphIds));
  report(files.deals, paragraphSourceProblems(input.deals.rows, paragraphIds));
  report(files.timeline, timelineProblems(timeline.events, { paragraphIds: [...paragraphIds], otherIds: [...outline.sections.map((s) => s.id), ...outline.figures.map((f) => f.id)] }));
  report(files.places, placeProblems(places, paragraphIds, new Set(timeline.events.map((e) => e.id))));
  const mapped = [...mapProblems(places, PANELS), ...placeCountryProblems(places, world50 as unknown as Topology)];
  report(files.places, mapped);
  // Laid out here, before any page, so that a place the map has no room to label stops the build naming the file.
  let map: MapPanel[] = [];
  if (!mapped.length) {
    try { map = mapLayout(places); } catch (e) { report(files.places, [`the locator map cannot be drawn: ${(e as Error).message}`]); }
  }
  report(article.file, noteProblems(outline));
  // The share cards draw these; a character their fonts lack would come out as nothing.
  report(article.file, cardTextProblems([
    { field: 'field "headline"', text: article.data.headline },
    { field: 'field "author.name"', text: article.data.author.name },
    { field: 'field "original.publication"', text: article.data.original.publication },
    ...outline.sections.map((sec) => ({ field: `section "${sec.id}", attribute "title"`, text: sec.title })),
  ]));
  report(article.file, figureRefProblems(outline));
  report(article.file, glossaryProblems(outline, glossary));
  const pageIds = new Set([...outline.sections.map((s) => s.id), ...paragraphIds, ...outline.figures.map((f) => f.id), ...outline.notes.map((n) => n.id), ...timeline.events.map((e) => e.id)]);
  const { epilogue, problems: epilogueProblems } = buildEpilogue(input.epilogue, {
    outline, trade, deals, files, pageIds, sectionTitles: sectionTitles(outline),
    published: article.data.published.date, updated: article.data.updated, articleFile: article.file,
    firstFigureNumber: outline.figures.length + 1,
  });
  problems.push(...epilogueProblems);
  const current = {
    section: [...outline.sections.map((s) => s.id), epilogue.id],
    paragraph: [...paragraphIds],
    event: [...timeline.events.map((e) => e.id), ...epilogue.events.map((e) => e.id)],
    figure: [...outline.figures.map((f) => f.id), epilogue.figures.trade.id, epilogue.figures.timeline.id],
    claim: epilogue.claims.map((c) => c.id),
  };
  report(input.ids.publishedFile, publishedIdProblems(published, current, redirects, { requireRecorded: false }));
  report(input.ids.redirectsFile, redirectProblems(current, redirects));
  // What the data quotes of the article is in the paragraph it cites, and the dates agree with the article's words for them.
  const paragraphText = new Map(outline.paragraphs.map((p) => [p.id, p.text]));
  const quoted = (row: string, paragraph: string | undefined, fields: Record<string, string | undefined>) =>
    paragraph ? Object.entries(fields).flatMap(([field, words]) => (words ? [{ row, paragraph, field, words }] : [])) : [];
  report(files.trade, quotedWordsProblems([
    ...trade.figures.flatMap((r) => quoted(r.id, r.source.paragraph, { period: r.period })),
    ...trade.claims.flatMap((r) => quoted(r.id, r.source.paragraph, { period: r.period, quote: r.quote })),
  ], paragraphText));
  report(files.trade, claimQuoteProblems(trade.claims));
  // A partial year is held to the share of a year its period names ("January–October 2018": ten months); one whose
  // period names no part of a year, to a month's share, the least a figure covers. A slip of units is a thousandfold.
  const contextMonths = (c: { period: string; partial: boolean }) => {
    const months = periodMonths(c.period) ?? 12;
    return !c.partial ? 12 : months < 12 ? months : 1;
  };
  report(files.trade, repeatedPeriodProblems([...trade.figures, ...trade.context].map((r) => ({ id: r.id, where: `field "period": “${r.period}”`, period: r.period })), 'keep the one its source supports'));
  report(files.trade, tradeSizeProblems(trade.context.map((c) => ({ id: c.id, field: 'valueUsdMillions', value: c.valueUsdMillions, months: contextMonths(c) })), trade.figures.map((f) => f.valueUsdMillions)));
  report(files.deals, quotedWordsProblems(deals.flatMap((r) => quoted(r.id, r.source.paragraph, { period: r.period })), paragraphText));
  report(files.timeline, quotedWordsProblems(timeline.events.flatMap((e) => quoted(e.id, e.paragraph, { articleSays: e.articleSays })), paragraphText));
  report(files.timeline, articleDateProblems(timeline.events.map((e) => ({ id: e.id, articleSays: e.articleSays, from: e.start ?? e.date!, to: e.end ?? e.date! }))));
  // Dates: the article tells of nothing after it, and nothing the edition dates for itself lies in the future.
  const publishedOn = article.data.published.date;
  report(files.timeline, articleEventDateProblems(timeline.events, publishedOn));
  report(files.deals, dealDateProblems(deals, publishedOn));
  problems.push(...futureDayProblems([
    { where: `${article.file}: frontmatter field "updated"`, day: article.data.updated },
    { where: `${input.epilogue.file}: field "added"`, day: input.epilogue.data.added },
  ], input.today));
  problems.push(...idAcrossFilesProblems([
    { file: files.trade, ids: input.trade.rows.map((r) => r.id) },
    { file: files.deals, ids: input.deals.rows.map((r) => r.id) },
    { file: files.glossary, ids: input.glossary.rows.map((r) => r.id) },
    { file: files.places, ids: input.places.rows.map((r) => r.id) },
    { file: input.epilogue.claims.file, ids: input.epilogue.claims.rows.map((r) => r.id) },
    { file: input.epilogue.trade.file, ids: input.epilogue.trade.rows.map((r) => r.id) },
  ]));
  const facts = tradeFacts(trade.figures, trade.claims);
  const computed = computedValues(facts);
  report(article.file, numberProblems(outline.paragraphs, outline.notes, dataFigures({ files, trade: trade.figures, claims: trade.claims, deals })));
  report(article.file, computedProblems(outline, computed));
  if (problems.length) throw new ContentError(`the edition's content does not hold together\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const figures = outline.figures.map((f, i) => ({ ...f, number: i + 1 }));
  const byId = new Map(figures.map((f) => [f.id, f]));
  // Notes and figures in the order a reader meets them (the map's places with the map), then the epilogue's (after
  // the author's text), then the glossary.
  const blocks = [...outline.notes.map((n) => ({ line: n.line, refs: n.links.map((l) => ({ title: l.text, url: l.url })) })),
    ...outline.figures.map((f) => ({ line: f.line, refs: figureSources(f, { trade, deals, timeline, places }) }))].sort((a, b) => a.line - b.line);
  const sources = collectSources([
    ...blocks.flatMap((b) => b.refs),
    ...epilogue.sources,
    ...[...glossary].sort((a, b) => a.term.localeCompare(b.term, 'en')).map((g) => g.source),
  ]);
  const sourceByKey = new Map(sources.map((s) => [sourceKey(s.url), s.number]));
  const notePlace = notePlaces(outline);
  const url = siteUrls(input.site.url, input.site.base);
  const cards = [
    ...sectionCards(outline, article.data.headline, url, article.data.language),
    epilogueCard(epilogue, article.data.headline, url, article.data.language),
  ];
  // Every id the page has, with the section that holds it (redirectProblems has made sure each redirect ends on one).
  const sectionOf = new Map<string, string>([
    ...outline.sections.map((s) => [s.id, s.id] as const),
    ...outline.paragraphs.map((p) => [p.id, p.sectionId] as const),
    ...outline.figures.map((f) => [f.id, f.sectionId] as const),
    ...[...timeline.place].map(([id, p]) => [id, p.sectionId] as const),
  ]);
  const retiredSections = published.section.filter((id) => !current.section.includes(id)).map((id) => {
    const to = resolveRedirect(id, redirects)!;
    return { id, to, sectionId: sectionOf.get(to)! };
  });

  return {
    article: article.data,
    file: article.file,
    minutes: readingMinutes([...outline.paragraphs.map((p) => p.text), article.data.author.bio]),
    outline,
    trade,
    tradeFacts: facts,
    deals,
    timeline,
    glossary,
    places,
    map,
    sectionTitles: sectionTitles(outline),
    figures,
    epilogue,
    figure(id) {
      const f = byId.get(id);
      if (!f) throw new ContentError(`${article.file}: no figure "${id}" in the article (figures: ${figures.map((x) => x.id).join(', ') || 'none'})`);
      return f;
    },
    sources,
    sourceNumber: (url) => sourceByKey.get(sourceKey(url)),
    computed,
    retiredFor: (id) => retiredIdsFor(id, redirects),
    notePlace,
    sectionCards: [...cards, ...retiredSectionCards(retiredSections, cards, url)],
    noteAnchorsCss: noteAnchorsCss(outline.notes.filter((n) => notePlace.get(n.id) === 'margin').map((n) => n.number)),
    termAnchorsCss: termAnchorsCss([...new Set(outline.terms.map((t) => t.id))]),
    url,
    files,
  };
}
