// The edition does not depend on the order the content collections hand over their entries: rows take their place
// in their file, events their date. And every source a part of the page cites has its number in the list of sources.
import { describe, expect, it } from 'vitest';
import { buildEdition, type Edition, type EditionInput } from '../../../src/lib/edition/edition';
import { input } from '../analysis/fixture';
import { sourceKey } from '../../../src/lib/analysis/sources';

/** What a reader sees of an edition, as plain data. */
const seen = (e: Edition) => ({
  sources: e.sources,
  trade: e.trade,
  deals: e.deals,
  glossary: e.glossary,
  places: e.places,
  events: e.timeline.events,
  claims: e.epilogue.claims,
  record: e.epilogue.trade,
  laterEvents: e.epilogue.events,
  epilogueSources: e.epilogue.sources,
});

/** The outside sources each of the article's figures lists, in the order its component shows them. */
const figureUrls = (e: Edition): Record<Edition['outline']['figures'][number]['component'], string[]> => ({
  TradeChart: [...e.trade.figures.flatMap((f) => (f.evidence ?? []).map((s) => s.url)), ...e.trade.context.flatMap((c) => (c.source.url ? [c.source.url] : []))],
  DealSizeChart: e.deals.flatMap((d) => (d.confirmedBy ? [d.confirmedBy.url] : [])),
  Timeline: e.timeline.events.flatMap((x) => (x.source ? [x.source.url] : [])),
  LocatorMap: e.places.map((p) => p.source.url),
});

/** The input with every collection's entries in reverse order. */
function reversed(i: EditionInput): EditionInput {
  i.trade.rows = [...i.trade.rows].reverse();
  i.deals.rows = [...i.deals.rows].reverse();
  i.glossary.rows = [...i.glossary.rows].reverse();
  i.timeline.events = [...i.timeline.events].reverse();
  i.epilogue.claims.rows = [...i.epilogue.claims.rows].reverse();
  i.epilogue.trade.rows = [...i.epilogue.trade.rows].reverse();
  i.epilogue.events.events = [...i.epilogue.events.events].reverse();
  return i;
}

describe('the edition and the order of its entries', () => {
  it('buildEdition(input) gives the same edition whatever order the collections hand over their entries in', () => {
    const inOrder = seen(buildEdition(input()));
    const backwards = seen(buildEdition(reversed(input())));
    for (const key of Object.keys(inOrder) as (keyof typeof inOrder)[]) expect(backwards[key], key).toEqual(inOrder[key]);
  });
});

describe('the list of sources', () => {
  it('buildEdition(input) numbers every source the figures, the glossary, the map and the epilogue cite', () => {
    const e = buildEdition(input());
    const figures = figureUrls(e);
    const cited = {
      'trade chart': figures.TradeChart,
      'deal sizes': figures.DealSizeChart,
      timeline: figures.Timeline,
      glossary: e.glossary.flatMap((g) => (g.source ? [g.source.url] : [])),
      map: e.places.map((p) => p.source.url),
      scorecard: e.epilogue.claims.flatMap((c) => c.sources.map((s) => s.url)),
      'trade record': [...e.epilogue.trade.calendar, ...e.epilogue.trade.fiscal].flatMap((r) => (r.type === 'figure' ? r.sources.flatMap((s) => (s.url ? [s.url] : [])) : (r.account?.sources ?? []).flatMap((s) => (s.url ? [s.url] : [])))),
      'later events': e.epilogue.events.map((x) => x.source.url),
    };
    for (const [where, urls] of Object.entries(cited)) {
      expect(urls.length, where).toBeGreaterThan(0);
      for (const url of urls) expect(e.sourceNumber(url), `${where}: ${url}`).toBeGreaterThan(0);
    }
  });

  /** The content with sources of their own, cited nowhere else, for the deals, the glossary and the trade chart's evidence and context (one without a title). */
  function ownSources(): EditionInput {
    const i = input();
    i.deals.rows.forEach((d, k) => { if (d.confirmedBy) d.confirmedBy = { ...d.confirmedBy, url: `https://deal-${k}.example/` }; });
    // The glossary's file in reverse alphabetical order: the list of sources still takes its terms alphabetically.
    i.glossary.rows.forEach((g, k) => { g.position = -k; if (g.source) g.source = { ...g.source, url: `https://term-${k}.example/` }; });
    i.trade.rows.forEach((r, k) => {
      if (r.series === 'context') r.source = { url: `https://context-${k}.example/` };
      if (r.series === 'article') r.evidence = r.evidence?.map((s, n) => ({ ...s, url: `https://evidence-${k}-${n}.example/` }));
    });
    // The epilogue shows some context rows again, and cites only the fact sheets' sources.
    i.epilogue.factSheet.data.earlier.push(...i.trade.rows.flatMap((r) => (r.series === 'context' && r.source.url ? [r.source.url] : [])));
    return i;
  }

  it('buildEdition(input) names a source without a title by its address', () => {
    const e = buildEdition(ownSources());
    const context = e.trade.context.map((c) => c.source.url!);
    expect(context.length).toBeGreaterThan(0);
    for (const url of context) expect(e.sources.find((s) => s.url === url)?.title).toBe(url);
  });

  it.each([['the content', input], ['sources cited only by the deals, the glossary and the trade chart', ownSources]])('buildEdition(input) numbers the sources in the order a reader meets them: notes and figures down the page (the map with its places), then the epilogue and the glossary by term (%s)', (_, make) => {
    const e = buildEdition(make());
    expect(e.deals.some((d) => d.confirmedBy) && e.glossary.some((g) => g.source)).toBe(true);
    const figures = figureUrls(e);
    const down = [
      ...e.outline.notes.map((n) => ({ line: n.line, urls: n.links.map((l) => l.url) })),
      ...e.outline.figures.map((f) => ({ line: f.line, urls: figures[f.component] })),
    ].sort((a, b) => a.line - b.line).flatMap((b) => b.urls);
    const glossary = [...e.glossary].sort((a, b) => a.term.localeCompare(b.term, 'en')).flatMap((g) => (g.source ? [g.source.url] : []));
    const met = [...down, ...e.epilogue.sources.map((s) => s.url), ...glossary].filter((u) => /^https?:/.test(u));
    const first = [...new Map(met.map((u) => [sourceKey(u), u])).keys()];
    expect(e.sources.map((s) => sourceKey(s.url))).toEqual(first);
  });
});
