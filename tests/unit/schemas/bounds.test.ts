// Every number in a sane range, every coordinate on the globe and every country on the map, every address followable:
// a value out of range says "out of range" (never "is missing"), naming the file, the row and the field.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRows } from '../../../src/lib/data/readRows';
import { LIKELY_PERIOD_MAX, tradeFileSchema } from '../../../src/schemas/trade';
import { DEAL_LABEL_MAX, dealsFileSchema } from '../../../src/schemas/deals';
import { placesFileSchema, MAP_COUNTRIES } from '../../../src/schemas/places';
import { glossaryFileSchema } from '../../../src/schemas/glossary';
import { articleSchema } from '../../../src/schemas/article';
import { parseTimeline } from '../../../src/schemas/timeline';
import { USD_MILLIONS_MAX } from '../../../src/schemas/source';
import { PARAGRAPH_MAX } from '../../../src/schemas/text';
import { CONTENT } from '../../support/content';

const doc = (file: string) => parse(readFileSync(join(CONTENT, file), 'utf8'));
const refusal = (run: () => unknown): string => {
  try { run(); } catch (e) { return (e as Error).message; }
  throw new Error('accepted');
};
const places = (change: (d: { places: Record<string, unknown>[] }) => void) => {
  const d = doc('data/places.yaml');
  change(d);
  return () => readRows(stringify(d), 'content/data/places.yaml', placesFileSchema);
};

describe('money and percentages', () => {
  it.each([
    [-1, /field "valueUsdMillions": out of range: must be above zero/],
    [USD_MILLIONS_MAX + 1, /field "valueUsdMillions": out of range: at most 10,000,000 \(US\$ ten trillion\)/],
    [1e308, /field "valueUsdMillions": out of range: at most 10,000,000/],
  ])('readRows(deals.yaml) refuses valueUsdMillions %s as out of range, naming the row', (value, message) => {
    const d = doc('data/deals.yaml');
    d.deals[0].valueUsdMillions = value;
    const text = refusal(() => readRows(stringify(d), 'content/data/deals.yaml', dealsFileSchema));
    expect(text).toMatch(new RegExp(`content/data/deals\\.yaml: invalid data\\n\\s+- row "${d.deals[0].id}", ${message.source}`));
    expect(text).not.toMatch(/is missing/);
  });

  it('readRows(deals.yaml) accepts the largest value allowed and the smallest above zero, and refuses zero', () => {
    const d = doc('data/deals.yaml');
    d.deals[0].valueUsdMillions = USD_MILLIONS_MAX;
    d.deals[1].valueUsdMillions = 0.001;
    expect(readRows(stringify(d), 'deals.yaml', dealsFileSchema).map((r) => r.valueUsdMillions)).toEqual([USD_MILLIONS_MAX, 0.001]);
    d.deals[1].valueUsdMillions = 0;
    expect(refusal(() => readRows(stringify(d), 'deals.yaml', dealsFileSchema))).toMatch(/field "valueUsdMillions": out of range: must be above zero/);
  });

  it.each([[-100.5, /a fall is at most 100 per cent/], [10_001, /at most 10,000 per cent/]])('readRows(trade.yaml) refuses growthPercent %s as out of range', (value, message) => {
    const d = doc('data/trade.yaml');
    d.claims[0].growthPercent = value;
    expect(refusal(() => readRows(stringify(d), 'trade.yaml', tradeFileSchema))).toMatch(new RegExp(`field "growthPercent": out of range: ${message.source}`));
  });

  it('readRows(trade.yaml) accepts growth from -100 to 10,000 per cent', () => {
    for (const value of [-100, 0, 10_000]) {
      const d = doc('data/trade.yaml');
      d.claims[0].growthPercent = value;
      expect(readRows(stringify(d), 'trade.yaml', tradeFileSchema).find((r) => r.series === 'claims')!.growthPercent).toBe(value);
    }
  });
});

describe('coordinates and countries', () => {
  it.each([
    ['lat', 95, /field "lat": out of range: a latitude runs from -90 to 90 degrees/],
    ['lat', -90.01, /field "lat": out of range: a latitude runs from -90 to 90/],
    ['lon', 180.5, /field "lon": out of range: a longitude runs from -180 to 180 degrees/],
    ['lon', -181, /field "lon": out of range: a longitude runs from -180 to 180/],
  ])('readRows(places.yaml) refuses %s %s as out of range, never as missing', (field, value, message) => {
    const text = refusal(places((d) => { d.places[0]![field] = value; }));
    expect(text).toMatch(message);
    expect(text).toMatch(/row "moscow"/);
    expect(text).not.toMatch(/is missing/);
  });

  it('readRows(places.yaml) accepts the poles and the date line, and says "is missing" only for a missing latitude', () => {
    expect(() => places((d) => { Object.assign(d.places[0]!, { lat: 90, lon: 180 }); Object.assign(d.places[1]!, { lat: -90, lon: -180 }); })()).not.toThrow();
    expect(refusal(places((d) => { delete d.places[0]!.lat; }))).toMatch(/row "moscow", field "lat": is missing: latitude in degrees/);
    expect(refusal(places((d) => { d.places[0]!.lat = 'north'; }))).toMatch(/field "lat": must be latitude in degrees/);
  });

  it('readRows(places.yaml) refuses a country code the map data does not have, and accepts every one it has', () => {
    expect(refusal(places((d) => { d.places[0]!.country = '999'; }))).toMatch(/row "moscow", field "country": "999" is not a country of the map data \(world-atlas\)/);
    expect(refusal(places((d) => { d.places[0]!.country = 'RU'; }))).toMatch(/field "country": must be a three-digit ISO 3166-1 numeric code/);
    expect(MAP_COUNTRIES.size).toBeGreaterThan(200);
    for (const code of ['586', '643', '004', '762', '156', '356', '364']) expect(MAP_COUNTRIES.has(code), code).toBe(true);
  });
});

describe('addresses', () => {
  const BAD = ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/report', 'file:///etc/passwd'];

  it.each(BAD)('every source and original URL refuses %s: deals, trade evidence, places, glossary, timeline and the article', (url) => {
    const message = /must be an https: or http: address/;
    const deals = doc('data/deals.yaml');
    deals.deals[0].source = { title: 'Report', url };
    expect(refusal(() => readRows(stringify(deals), 'deals.yaml', dealsFileSchema))).toMatch(new RegExp(`field "source\\.url": ${message.source}`));
    const trade = doc('data/trade.yaml');
    const withEvidence = trade.article.find((r: { evidence?: unknown[] }) => r.evidence);
    withEvidence.evidence[0].url = url;
    expect(refusal(() => readRows(stringify(trade), 'trade.yaml', tradeFileSchema))).toMatch(new RegExp(`row "${withEvidence.id}", field "evidence\\.0\\.url": ${message.source}`));
    expect(refusal(places((d) => { (d.places[0]!.source as { url: string }).url = url; }))).toMatch(new RegExp(`field "source\\.url": ${message.source}`));
    const glossary = doc('data/glossary.yaml');
    glossary.terms[0].source = { title: 'Definition', url };
    expect(refusal(() => readRows(stringify(glossary), 'glossary.yaml', glossaryFileSchema))).toMatch(new RegExp(`field "source\\.url": ${message.source}`));
    const timeline = doc('data/timeline.yaml');
    const dated = timeline.find((e: { source?: unknown }) => e.source);
    dated.source.url = url;
    expect(refusal(() => parseTimeline(stringify(timeline), 'timeline.yaml'))).toMatch(new RegExp(`event "${dated.id}", field "source\\.url": ${message.source}`));
    const article = articleSchema.safeParse({ ...articleData(), original: { publication: 'The Nation', credit: 'x', url } });
    expect(article.success).toBe(false);
    expect(article.error!.issues[0]!.message).toMatch(message);
  });

  it('the same fields accept https: and http: addresses', () => {
    for (const url of ['https://example.org/a', 'http://example.org/b']) {
      const deals = doc('data/deals.yaml');
      deals.deals[0].source = { title: 'Report', url };
      expect(readRows(stringify(deals), 'deals.yaml', dealsFileSchema)[0]!.source).toEqual({ title: 'Report', url });
      expect(articleSchema.safeParse({ ...articleData(), original: { publication: 'The Nation', credit: 'x', url } }).success).toBe(true);
    }
  });
});

/** The article's frontmatter as data. */
function articleData(): Record<string, unknown> {
  const text = readFileSync(join(CONTENT, 'article/pakistan-russia-asian-bloc.mdx'), 'utf8');
  return parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!);
}

describe('labels set in the charts', () => {
  it('readRows(deals.yaml) takes a label of 32 characters, set in HTML where it wraps, and refuses one longer, saying the limit', () => {
    const d = doc('data/deals.yaml');
    d.deals[0].label = 'W'.repeat(DEAL_LABEL_MAX);
    expect(readRows(stringify(d), 'content/data/deals.yaml', dealsFileSchema)[0]!.label).toBe('W'.repeat(DEAL_LABEL_MAX));
    d.deals[0].label = 'W'.repeat(DEAL_LABEL_MAX + 1);
    expect(refusal(() => readRows(stringify(d), 'content/data/deals.yaml', dealsFileSchema)))
      .toMatch(new RegExp(`row "${d.deals[0].id}", field "label": must be at most ${DEAL_LABEL_MAX} characters`));
  });

  it('readRows(trade.yaml) refuses a likely period longer than its limit, saying the limit', () => {
    const d = doc('data/trade.yaml');
    d.article[0].likelyPeriod = 'm'.repeat(LIKELY_PERIOD_MAX + 1);
    expect(refusal(() => readRows(stringify(d), 'trade.yaml', tradeFileSchema))).toMatch(new RegExp(`field "likelyPeriod": must be at most ${LIKELY_PERIOD_MAX} characters`));
  });
});

describe('every text field bounded', () => {
  const HUGE = 'x'.repeat(PARAGRAPH_MAX + 1);
  /** Every path to a string in `value`. */
  const stringPaths = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
    typeof value === 'string' ? [path]
      : Array.isArray(value) ? value.flatMap((v, i) => stringPaths(v, [...path, i]))
        : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k])) : [];
  const set = (target: Record<string | number, unknown>, path: (string | number)[], v: unknown) => {
    let at = target;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path.at(-1)!] = v;
  };

  const files: [string, (d: unknown) => unknown, (d: any) => Record<string, unknown>][] = [
    ['data/trade.yaml', (d) => readRows(stringify(d), 'trade.yaml', tradeFileSchema), (d) => d.article[0]],
    ['data/deals.yaml', (d) => readRows(stringify(d), 'deals.yaml', dealsFileSchema), (d) => d.deals[0]],
    ['data/places.yaml', (d) => readRows(stringify(d), 'places.yaml', placesFileSchema), (d) => d.places[0]],
    ['data/glossary.yaml', (d) => readRows(stringify(d), 'glossary.yaml', glossaryFileSchema), (d) => d.terms.find((t: { source?: unknown }) => t.source)],
    ['data/timeline.yaml', (d) => parseTimeline(stringify(d), 'timeline.yaml'), (d) => d.find((e: { source?: unknown; articleSays?: unknown }) => e.source && e.articleSays)],
  ];

  it.each(files)('%s refuses a value of %s characters in every text field of a row, naming the field', (file, read, row) => {
    const fields = stringPaths(row(doc(file)));
    expect(fields.length).toBeGreaterThan(3);
    for (const path of fields) {
      const d = doc(file);
      set(row(d), path, HUGE);
      expect(refusal(() => read(d)), `${file} ${path.join('.')}`).toMatch(new RegExp(`field "${path.join('\\.')}"`));
    }
  });

  it('articleSchema refuses a value of that length in every text field of the frontmatter', () => {
    for (const path of stringPaths(articleData())) {
      const d = structuredClone(articleData());
      set(d, path, HUGE);
      const result = articleSchema.safeParse(d);
      expect(result.success, path.join('.')).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join('.')), path.join('.')).toContain(path.join('.'));
    }
  });
});
