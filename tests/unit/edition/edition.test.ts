import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildEdition } from '../../../src/lib/edition/edition';
import { collectSources, sourceKey } from '../../../src/lib/analysis/sources';
import { editBody, editionPerTest, input } from '../analysis/fixture';
import { readEntries, ROOT, SITE } from '../../support/content';
import { editionInput } from '../../../src/lib/edition/editionInput';
import { parseSourceText } from '../../../src/lib/article/sourceText';

// getEdition reads Astro's collections: here they are the real content's entries, read as the build reads them.
const collectionsNow = vi.hoisted(() => ({ entries: {} as Record<string, unknown[]> }));
vi.mock('astro:content', () => ({ getCollection: async (name: string) => collectionsNow.entries[name] }));

const edition = editionPerTest();
const failure = (f: () => unknown): string => {
  try { f(); } catch (e) { return (e as Error).message; }
  throw new Error('expected a failure');
};

describe('buildEdition', () => {
  it('buildEdition(input) numbers the figures in the order the article places them', () => {
    const lines = edition().outline.figures.map((f) => f.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(edition().figures.map((f) => f.number)).toEqual(edition().figures.map((_, i) => i + 1));
    for (const f of edition().figures) expect(edition().figure(f.id)).toBe(f);
    expect(() => edition().figure('no-such-figure')).toThrow(`content/article/pakistan-russia-asian-bloc.mdx: no figure "no-such-figure" in the article (figures: ${edition().outline.figures.map((f) => f.id).join(', ')})`);
  });

  it('buildEdition(input) of an article without figures numbers none, and says so when asked for one', () => {
    const i = input();
    i.article.body = i.article.body.replace(/<(TradeChart|DealSizeChart|Timeline|LocatorMap) id="[^"]+" \/>/g, '').replace(/<FigRef to="[^"]+" \/>/g, '');
    const { published } = i.ids;
    i.ids.published = Object.fromEntries(Object.entries(published).map(([k, ids]) => [k, k === 'figure' ? [] : ids])) as typeof published;
    const bare = buildEdition(i);
    expect(bare.figures).toEqual([]);
    expect(() => bare.figure('trade-chart')).toThrow('content/article/pakistan-russia-asian-bloc.mdx: no figure "trade-chart" in the article (figures: none)');
  });

  it('buildEdition(input) refuses a <FigRef> to a figure the article does not have, naming the file and the line', () => {
    const i = editBody(input(), '<FigRef to="trade-chart" />', '<FigRef to="trade-chrat" />');
    expect(failure(() => buildEdition(i))).toMatch(/content\/article\/pakistan-russia-asian-bloc\.mdx: line \d+: <FigRef to="trade-chrat"> refers to no figure in the article \(figures: where-it-happened, timeline, deal-size-chart, trade-chart\)/);
  });

  it('buildEdition(input) refuses a publication other than the one the reference copy\'s credit line names, naming the frontmatter field', () => {
    const i = input();
    (i.article.data.original as { publication: string }).publication = 'Dawn';
    expect(failure(() => buildEdition(i))).toMatch(/frontmatter field "original\.publication": the MDX has “Dawn…” where the source has “The Nation…” \(its credit line, “Originally Posted on The Nation”\)/);
  });

  it('buildEdition(input) refuses a <Computed> value the data cannot give, naming the line and the names it can', () => {
    const i = editBody(input(), '<Computed of="trade-growth" />', '<Computed of="trade-growht" />');
    expect(failure(() => buildEdition(i))).toMatch(/line \d+: <Computed of="trade-growht"> names no value the data can give; use one of trade-from, trade-to/);
  });

  it('buildEdition(input) gives each outside source one number, in the order a reader first meets it', () => {
    const { sources, outline, timeline } = edition();
    expect(sources.map((s) => s.number)).toEqual(sources.map((_, i) => i + 1));
    expect(new Set(sources.map((s) => sourceKey(s.url))).size).toBe(sources.length);
    // What the page cites first, a note or the map's places, cites source 1; the timeline's sources all have numbers.
    const firstNote = outline.notes.find((n) => n.links.length)!;
    const map = outline.figures.find((f) => f.component === 'LocatorMap');
    const first = map && map.line < firstNote.line ? edition().places[0]!.source.url : firstNote.links[0]!.url;
    expect(edition().sourceNumber(first)).toBe(1);
    for (const e of timeline.events) if (e.source) expect(edition().sourceNumber(e.source.url)).toBeGreaterThan(0);
    // Scheme, "www." and a trailing slash do not make another source.
    const s = sources.find((x) => x.url.startsWith('https://www.'))!;
    expect(edition().sourceNumber(s.url.replace('https://www.', 'http://') + '/')).toBe(s.number);
    expect(edition().sourceNumber('https://unknown.example/')).toBeUndefined();
  });

  it('buildEdition(input) refuses a word changed in the author\'s text, naming the paragraph and the reference copy', () => {
    const i = editBody(input(), 'once Cold War arch enemies', 'once Cold War enemies');
    // Named by the file the editor changed, the MDX, with the reference copy it is held to.
    expect(failure(() => buildEdition(i))).toMatch(/content\/article\/pakistan-russia-asian-bloc\.mdx: paragraph "amid-fast-changing-alignments" \(source paragraph 1\): the MDX has “enemies are laying[^\n]*\(reference copy: content\/source\/article\.txt\)/);
    const j = input();
    j.article.data.headline = 'Pakistan and Russia team up';
    expect(failure(() => buildEdition(j))).toMatch(/frontmatter field "headline"/);
  });

  it('buildEdition(input) refuses a reference copy whose words changed, even when the MDX changed with it', () => {
    const i = editBody(input(), 'once Cold War arch enemies', 'once Cold War enemies');
    i.source.text = { ...i.source.text, paragraphs: i.source.text.paragraphs.map((p) => p.replace('once Cold War arch enemies', 'once Cold War enemies')) };
    const message = failure(() => buildEdition(i));
    expect(message).toMatch(/content\/source\/article\.txt: the reference copy of the author's text has changed \(its words' SHA-256 is [0-9a-f]{12}…, not [0-9a-f]{12}…\): it is the article as it reached us and is never edited; restore it/);
    expect(message).not.toMatch(/paragraph "amid-fast-changing-alignments" \(source paragraph/);
    // Whitespace and the debris the reader drops are not words: only the words are held.
    const raw = readFileSync(join(ROOT, 'content/source/article.txt'), 'utf8');
    const loose = raw.replace(/\n/g, '  \n\n').replace('once Cold War arch enemies', 'once  Cold War\tarch enemies').replace('Leave a Reply', 'Leave a reply, or two');
    expect(loose).not.toBe(raw);
    const j = input();
    j.source.text = parseSourceText(loose, 'content/source/article.txt');
    expect(() => buildEdition(j)).not.toThrow();
  });

  it('buildEdition(input) names the characters where the author\'s words part, when one cannot be seen or looks like another', () => {
    const zeroWidth = editBody(input(), 'once Cold War arch enemies', 'once Cold War ar\u200Bch enemies');
    expect(failure(() => buildEdition(zeroWidth))).toMatch(/the MDX has “ar\u200Bch enemies[^”]*…” where the source has “arch enemies[^”]*…”; there the MDX has U\+200B where the source has U\+0063 \(“c”\)/);
    const cyrillic = editBody(input(), 'once Cold War arch enemies', 'once Cold War \u0430rch enemies');
    expect(failure(() => buildEdition(cyrillic))).toMatch(/there the MDX has U\+0430 \(“\u0430”\) where the source has U\+0061 \(“a”\)/);
  });

  it('buildEdition(input) refuses a space in the author\'s words that HTML does not treat as one (a byte-order mark, a no-break or thin space), where JavaScript\'s \\s would', () => {
    for (const ch of ['\uFEFF', '\u00A0', '\u2009', '\u3000']) {
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(/\s/.test(ch)).toBe(true);
      for (const [from, to] of [['Cold War arch', `Cold${ch}War arch`], ['arch enemies are', `arch enemies${ch} are`]] as const) {
        expect(failure(() => buildEdition(editBody(input(), from, to)))).toMatch(new RegExp(`paragraph "amid-fast-changing-alignments" \\(source paragraph 1\\): .*there the MDX has ${code.replace('+', '\\+')} where the source has U\\+0020`));
      }
    }
    // Runs of the white space HTML collapses are one space, as a reader sees them.
    expect(() => buildEdition(editBody(input(), 'Cold War arch', 'Cold \t\n War  arch'))).not.toThrow();
  });

  it('buildEdition(input) reports every cross-file problem at once, each naming its file, row or event, and field', () => {
    const i = input();
    (i.trade.rows.find((r) => r.series === 'article')!.source as { paragraph?: string }).paragraph = 'no-such-paragraph';
    (i.timeline.events as unknown as { paragraph: string }[])[0]!.paragraph = 'gone-paragraph';
    (i.places.rows[0] as { events: string[] }).events = ['no-such-event'];
    const message = failure(() => buildEdition(i));
    const [heading, ...lines] = message.split('\n');
    expect(heading).toBe('the edition\'s content does not hold together');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^ {2}- content\/[a-z/-]+\.(yaml|mdx)(:\d+)?: /);
    expect(message).toMatch(/content\/data\/trade\.yaml: row "[a-z-]+", field "source\.paragraph": "no-such-paragraph" is not a paragraph of the article/);
    expect(message).toMatch(/content\/data\/timeline\.yaml: event "[a-z0-9-]+", field "paragraph": no paragraph "gone-paragraph" in the article/);
    expect(message).toMatch(/content\/data\/places\.yaml: place "[a-z-]+", field "events": "no-such-event" is not an event of the timeline/);
  });

  it('buildEdition(input) refuses a published id that disappears without a redirect, and keeps one that has one', () => {
    const gone = editBody(input(), 'id="common-interests"', 'id="shared-interests"');
    expect(failure(() => buildEdition(gone))).toMatch(/content\/ids\/published\.json: paragraph id "common-interests" was published and is gone: restore it or add "common-interests: <new id>" to content\/ids\/redirects\.yaml/);
    const kept = editBody(input(), 'id="common-interests"', 'id="shared-interests"');
    kept.ids.redirects = { 'common-interests': 'shared-interests' };
    const e = buildEdition(kept);
    expect(e.retiredFor('shared-interests')).toEqual(['common-interests']);
    const loop = input();
    loop.ids.redirects = { a: 'b', b: 'a' };
    // Named under the file that holds the redirect, where the editor will correct it.
    expect(failure(() => buildEdition(loop))).toMatch(/ - content\/ids\/redirects\.yaml: retired id "a" leads round in a loop/);
  });

  it('buildEdition(input) keeps the card page and image of a published section id that was renamed, leading to the new id', () => {
    const i = editBody(input(), 'id="trade-on-the-rise"', 'id="trade-grew"');
    i.ids.redirects = { 'trade-on-the-rise': 'trade-grew' };
    const e = buildEdition(i);
    const live = e.sectionCards.find((c) => c.id === 'trade-grew')!;
    const kept = e.sectionCards.find((c) => c.id === 'trade-on-the-rise')!;
    // Every section's card, the epilogue's, and the retired id's.
    expect(e.sectionCards).toHaveLength(e.outline.sections.length + 2);
    expect(kept).toEqual({ ...live, id: 'trade-on-the-rise', image: e.url.absolute('/og/s/trade-on-the-rise.png'), target: e.url.path('/#trade-grew') });
    // The live card's page is the canonical one.
    expect(kept.url).toBe(e.url.absolute('/s/trade-grew/'));
  });

  it('buildEdition(input) leads a retired section id through a chain of redirects, to a paragraph if that is where it ends', () => {
    const i = editBody(input(), 'id="trade-on-the-rise"', 'id="trade-grew"');
    i.ids.redirects = { 'trade-on-the-rise': 'trade-up', 'trade-up': 'trade-figures' };
    const kept = buildEdition(i).sectionCards.find((c) => c.id === 'trade-on-the-rise')!;
    expect(kept.title).toBe('Trade on the rise');
    expect(kept.target).toBe('/#trade-figures');
    expect(edition().sectionCards.map((c) => c.id)).toEqual([...edition().outline.sections.map((s) => s.id), edition().epilogue.id]);
  });

  it('buildEdition(input) refuses a place off the map panel that shows it, and a place no panel shows, naming the file, place and fields', () => {
    const i = input();
    const rows = i.places.rows as unknown as { id: string; lat: number; lon: number }[];
    Object.assign(rows.find((p) => p.id === 'peshawar')!, { lat: 10.5, lon: -20 });
    rows.push({ ...rows[0]!, id: 'vladivostok', position: 99 } as never);
    const message = failure(() => buildEdition(i));
    expect(message).toMatch(/content\/data\/places\.yaml: place "peshawar", fields "lat" and "lon": 10\.5° N, 20° W lies outside the map panel "North-west Pakistan", which shows 32\.6° N to 35° N and 69\.4° E to 74\.4° E/);
    expect(message).toMatch(/content\/data\/places\.yaml: place "vladivostok": no panel of the map shows it/);
    const gone = input();
    gone.places.rows = gone.places.rows.filter((p) => p.id !== 'pabbi');
    expect(failure(() => buildEdition(gone))).toMatch(/content\/data\/places\.yaml: place "pabbi": the map panel "North-west Pakistan" shows it, but the file has no such place/);
  });

  it('buildEdition(input) lays out the map once, a point for every place each panel shows', () => {
    expect(edition().map.map((p) => p.points.length)).toEqual([4, 7]);
  });

  it('buildEdition(input) refuses a timeline event tied to no paragraph, or with an id the article uses, and a correction that cites no source, naming each file', () => {
    const i = input();
    const events = i.timeline.events as unknown as { id: string; paragraph: string }[];
    events[0]!.paragraph = 'no-such-paragraph';
    const taken = edition().outline.sections[0]!.id;
    events[1]!.id = taken;
    const message = failure(() => buildEdition(i));
    expect(message).toContain(`content/data/timeline.yaml: event "${events[0]!.id}", field "paragraph": no paragraph "no-such-paragraph" in the article`);
    expect(message).toContain(`content/data/timeline.yaml: event "${taken}", field "id": the article already uses the id "${taken}"`);
    const note = edition().outline.notes.find((n) => n.kind === 'correction')!;
    const bare = input();
    bare.article.body = bare.article.body.replace(/(<Note[^>]*id="([^"]+)"[^>]*>)([\s\S]*?)(<\/Note>)/g, (all, open: string, id: string, _body: string, close: string) => (id === note.id ? `${open}\nThe article is wrong here.\n${close}` : all));
    expect(failure(() => buildEdition(bare))).toMatch(new RegExp(`content/article/pakistan-russia-asian-bloc\\.mdx: line \\d+: correction note "${note.id}" cites no source`));
  });

  it('buildEdition(input) lays the map out again only when what it draws of a place changes', () => {
    const first = buildEdition(input()).map;
    // An edit elsewhere, even to a place's own notes, keeps the layout.
    const elsewhere = input();
    (elsewhere.places.rows[0] as { what: string }).what = 'Another sentence about what happened here.';
    elsewhere.article.body = elsewhere.article.body.replace('<FigRef to="trade-chart" />', '');
    expect(buildEdition(elsewhere).map).toBe(first);
    // A new name is laid out afresh, and shown.
    const renamed = input();
    const row = renamed.places.rows.find((p) => (p as { id: string }).id === 'pabbi') as { name: string };
    row.name = 'Pabbi Town';
    const again = buildEdition(renamed).map;
    expect(again).not.toBe(first);
    expect(again.flatMap((p) => p.points).find((p) => p.id === 'pabbi')!.name).toBe('Pabbi Town');
    expect(again.at(-1)!.labels.at(-1)!.places.find((l) => l.id === 'pabbi')!.text).toBe(row.name);
    // So is a place moved.
    const moved = input();
    const m = moved.places.rows.find((p) => (p as { id: string }).id === 'pabbi') as { lat: number };
    m.lat += 0.05;
    expect(buildEdition(moved).map.at(-1)!.points.find((p) => p.id === 'pabbi')!.y).not.toBe(again.at(-1)!.points.find((p) => p.id === 'pabbi')!.y);
  });

  it('buildEdition(input) refuses a section title or headline with characters the share cards cannot draw, naming the file and field', () => {
    const i = editBody(input(), 'title="Trade on the rise"', 'title="Trade on the rise — تجارت"');
    i.article.data = { ...i.article.data, headline: 'Pakistan, Russia 🤝 Asian bloc' };
    const message = failure(() => buildEdition(i));
    expect(message).toMatch(/pakistan-russia-asian-bloc\.mdx: section "trade-on-the-rise", attribute "title": the share card cannot draw "ت" \(U\+062A\)/);
    expect(message).toMatch(/pakistan-russia-asian-bloc\.mdx: field "headline": the share card cannot draw "🤝" \(U\+1F91D\)/);
    const greek = editBody(input(), 'title="Trade on the rise"', 'title="Trade on the rise (Εμπόριο)"');
    expect(buildEdition(greek).outline.sections.some((x) => x.title.includes('Εμπόριο'))).toBe(true);
  });

  it('buildEdition(input) places each timeline event in its section and paragraph, in date order', () => {
    const { events, place, byParagraph } = edition().timeline;
    for (const e of events) {
      const where = place.get(e.id)!;
      const section = edition().outline.sections.find((s) => s.id === where.sectionId)!;
      expect(section.paragraphs[where.number - 1]!.id).toBe(e.paragraph);
      expect(byParagraph.get(e.paragraph)).toContain(e);
    }
    expect([...byParagraph.values()].flat()).toHaveLength(events.length);
  });

  it('buildEdition(input) makes every site URL under the base path of SITE_URL', () => {
    const i = input();
    i.site = { url: 'https://example.org/sub/', base: '/sub/' };
    const { url } = buildEdition(i);
    expect(url.path('/')).toBe('/sub/');
    expect(url.path('/#trade-figures')).toBe('/sub/#trade-figures');
    expect(url.absolute('/og/article.png')).toBe('https://example.org/sub/og/article.png');
  });
});

describe('one way in', () => {
  const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
  const src = files(join(ROOT, 'src'));
  const rel = (f: string) => relative(ROOT, f);

  it('parseOutline() is called by the edition alone, so one build parses the outline once', () => {
    expect(src.filter((f) => /(?<!function )\bparseOutline\(/.test(readFileSync(f, 'utf8'))).map(rel)).toEqual(['src/lib/edition/edition.ts']);
  });

  it('only the loaders read files, and only the edition fetches collections', () => {
    const readers = src.filter((f) => /from 'node:fs|readFile/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(readers.filter((f) => !f.startsWith('src/loaders/') && !f.startsWith('src/integrations/'))).toEqual(['src/lib/og/renderCard.ts']);
    const fetchers = src.filter((f) => /import \{[^}]*\b(getCollection|getEntry)\b[^}]*\} from 'astro:content'/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(fetchers).toEqual(['src/lib/edition/getEdition.ts']);
  });
});

describe('getEdition', () => {
  afterEach(() => { vi.unstubAllEnvs(); vi.restoreAllMocks(); });
  /** The collections as Astro hands them over: each entry with its collection's name and a content digest. */
  const collections = (digest: (name: string, id: string) => string) => Object.fromEntries(Object.entries(readEntries())
    .map(([name, entries]) => [name, (entries as { id: string }[]).map((e) => ({ ...e, collection: name, digest: digest(name, e.id) }))]));

  it('getEdition() builds the edition from the collections under SITE and BASE_URL, once per version of the content', async () => {
    const { getEdition } = await import('../../../src/lib/edition/getEdition');
    vi.stubEnv('SITE', 'https://example.org/sub/');
    vi.stubEnv('BASE_URL', '/sub/');
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    collectionsNow.entries = collections(() => 'v1');
    const first = await getEdition();
    expect(first.entry).toBe(collectionsNow.entries.article![0]);
    expect(first.url.absolute('/s/x/')).toBe('https://example.org/sub/s/x/');
    expect(first.deals.map((d) => d.id)).toEqual(edition().deals.map((d) => d.id));
    const count = Object.values(collectionsNow.entries).flat().length;
    const { outline } = first;
    expect(info.mock.calls).toEqual([[`[edition] built from ${count} entries, the outline parsed once: ${outline.sections.length} sections, ${outline.paragraphs.length} paragraphs, ${outline.notes.length} notes, ${first.figures.length} figures, ${first.sources.length} sources`]]);

    // The same digests again (new objects, as a new request gets): the edition already built.
    collectionsNow.entries = collections(() => 'v1');
    expect(await getEdition()).toBe(first);
    expect(info).toHaveBeenCalledTimes(1);

    // One entry's content changed: a new edition, built from the new entries.
    collectionsNow.entries = collections((name, id) => (name === 'deals' && id === edition().deals[0]!.id ? 'v2' : 'v1'));
    const second = await getEdition();
    expect(second).not.toBe(first);
    expect(second.entry).toBe(collectionsNow.entries.article![0]);
    expect(info).toHaveBeenCalledTimes(2);
    expect(await getEdition()).toBe(second);

    // Entries without a digest cannot be told apart: each request builds its own edition rather than take another's.
    collectionsNow.entries = Object.fromEntries(Object.entries(collections(() => '')).map(([k, list]) => [k, list.map(({ digest: _, ...e }) => e)]));
    const third = await getEdition();
    expect(third).not.toBe(second);
    expect(await getEdition()).not.toBe(third);
    expect(info).toHaveBeenCalledTimes(4);
  });
});

describe('editionInput', () => {
  it('editionInput(entries, site) takes each file\'s name from its entries, or the file the table gives when Astro names none', () => {
    const entries = readEntries();
    const named = editionInput(entries, SITE);
    expect(named.article.file).toBe('content/article/pakistan-russia-asian-bloc.mdx');
    expect(named.source.file).toBe('content/source/article.txt');
    const strip = <T extends { filePath?: string }>(list: readonly T[]) => list.map(({ filePath: _, ...e }) => e);
    const bare = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strip(v as { filePath?: string }[])])) as unknown as typeof entries;
    const { body: _, ...article } = bare.article[0]!;
    const i = editionInput({ ...bare, article: [{ ...article, id: 'the-article' }] }, SITE);
    expect(i.article).toEqual({ file: 'content/article/the-article.mdx', body: '', data: entries.article[0]!.data });
    expect(i.source).toEqual({ file: 'content/source/article.txt', text: named.source.text });
    expect([i.trade.file, i.deals.file, i.glossary.file, i.places.file, i.timeline.file, i.ids.publishedFile, i.ids.redirectsFile]).toEqual([
      'content/data/trade.yaml', 'content/data/deals.yaml', 'content/data/glossary.yaml', 'content/data/places.yaml',
      'content/data/timeline.yaml', 'content/ids/published.json', 'content/ids/redirects.yaml',
    ]);
    expect([i.epilogue.file, i.epilogue.claims.file, i.epilogue.trade.file, i.epilogue.events.file, i.epilogue.factSheet.file]).toEqual([
      'content/data/epilogue.yaml', 'content/data/claims.yaml', 'content/data/trade-later.yaml', 'content/data/later-events.yaml', 'content/facts/sources.yaml',
    ]);
    expect(i.trade.rows).toEqual(named.trade.rows);
    expect(i.site).toBe(SITE);
  });

  it('editionInput(entries, site) refuses a collection that should hold one entry and holds none or two, naming it', () => {
    const entries = readEntries();
    expect(() => editionInput({ ...entries, article: [...entries.article, ...entries.article] }, SITE)).toThrow(/^content\/article\/: expected exactly one entry, found 2$/);
    expect(() => editionInput({ ...entries, sourceText: [] }, SITE)).toThrow(/^content\/source\/article\.txt: expected exactly one entry, found 0$/);
    expect(() => editionInput({ ...entries, redirects: [] }, SITE)).toThrow(/^content\/ids\/redirects\.yaml: expected exactly one entry, found 0$/);
    expect(() => editionInput({ ...entries, publishedIds: [] }, SITE)).toThrow(/^content\/ids\/published\.json: expected exactly one entry, found 0$/);
    expect(() => editionInput({ ...entries, epilogue: [] }, SITE)).toThrow(/^content\/data\/epilogue\.yaml: expected exactly one entry, found 0$/);
    expect(() => editionInput({ ...entries, factSheet: [] }, SITE)).toThrow(/^content\/facts\/sources\.yaml: expected exactly one entry, found 0$/);
  });
});

describe('sources', () => {
  it('sourceKey(url) ignores the scheme, "www.", trailing slashes, case and spaces around, and only there', () => {
    const key = 'dawn.com/news/1259837';
    for (const url of ['https://www.dawn.com/news/1259837/', ' http://dawn.com/news/1259837// ', 'https://www.Dawn.com/NEWS/1259837', 'HTTPS://WWW.DAWN.COM:443/news/1259837', 'Http://Www.dawn.com:80/news/1259837']) expect(sourceKey(url), url).toBe(key);
    expect(sourceKey('https://dawn.com/www.x/https://y/')).toBe('dawn.com/www.x/https://y');
    expect(sourceKey('ftp://www.dawn.com/')).toBe('ftp://www.dawn.com');
    expect(sourceKey('http://dawn.com:80')).toBe('dawn.com');
    expect(sourceKey('http://dawn.com:8080/a')).toBe('dawn.com:8080/a');
    expect(sourceKey('https://dawn.com:4433/a')).toBe('dawn.com:4433/a');
    // The default port of the address itself, with or without a path; not one in an address the path carries.
    expect(sourceKey('https://dawn.com:443')).toBe('dawn.com');
    expect(sourceKey('https://a.example/go?to=https://b.example:443/x')).toBe('a.example/go?to=https://b.example:443/x');
    expect(sourceKey('https://a.example/go?to=http://b.example:80/x')).toBe('a.example/go?to=http://b.example:80/x');
    expect(sourceKey('ftp://dawn.com/http://x')).toBe('ftp://dawn.com/http://x');
  });

  it('collectSources(refs) numbers each web source once in the order met, keeping its longest title, and skips other links', () => {
    expect(collectSources([
      { title: 'Dawn', url: 'https://www.dawn.com/news/1' },
      undefined,
      { title: 'A note', url: 'mailto:desk@example.org' },
      { title: 'The News', url: 'http://thenews.com.pk/a' },
      { title: '  Dawn, on trade  ', url: 'http://dawn.com/news/1/' },
      { title: 'D', url: 'https://dawn.com/news/1' },
      { title: 'A form', url: 'mailto:desk@example.org?body=https://dawn.com/x' },
      { title: 'The Nation', url: 'https://nation.com.pk/b' },
      { title: 'The Natio!', url: 'https://nation.com.pk/b' },
    ])).toEqual([
      { title: 'Dawn, on trade', url: 'https://www.dawn.com/news/1', number: 1 },
      { title: 'The News', url: 'http://thenews.com.pk/a', number: 2 },
      // Of two titles as long, the first met.
      { title: 'The Nation', url: 'https://nation.com.pk/b', number: 3 },
    ]);
  });
});
