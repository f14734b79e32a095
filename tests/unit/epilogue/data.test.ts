// The epilogue's data files as the loaders read them: the real files pass, and each kind of bad row is refused naming file, row and field.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DATA_FILES } from '../../../src/lib/edition/contentFiles';
import { VERDICTS } from '../../../src/schemas/claims';
import { ROOT } from '../../support/content';

type Key = 'claims' | 'tradeLater' | 'laterEvents' | 'epilogue' | 'factSheet';
const text = (key: Key) => readFileSync(join(ROOT, 'content', DATA_FILES[key].path), 'utf8');
const file = (key: Key) => `content/${DATA_FILES[key].path}`;
const read = (key: Key, yaml = text(key)) => DATA_FILES[key].parse(yaml, file(key));

/** The message the loader throws for `yaml`. */
function refusal(key: Key, yaml: string): string {
  try { read(key, yaml); } catch (e) { return (e as Error).message; }
  throw new Error(`${file(key)} accepted bad data`);
}

const claims = () => parse(text('claims')) as { claims: Record<string, unknown>[] };
const withClaim = (id: string, change: (c: Record<string, unknown>) => Record<string, unknown>) => {
  const doc = claims();
  doc.claims = doc.claims.map((c) => (c.id === id ? change({ ...c }) : c));
  return stringify(doc);
};

describe('content/data/claims.yaml', () => {
  it('DATA_FILES.claims.parse(claims.yaml) accepts the scorecard: seven claims, every verdict on the scale, each with evidence and sources', () => {
    const rows = read('claims').map((e) => e.data as { verdict: string; sources: unknown[]; evidence: string });
    expect(rows).toHaveLength(7);
    for (const r of rows) {
      expect(VERDICTS).toContain(r.verdict);
      expect(r.sources.length).toBeGreaterThan(0);
      expect(r.evidence.length).toBeGreaterThan(40);
    }
  });

  it('DATA_FILES.claims.parse(yaml) refuses a verdict off the scale, naming the file, the row and the field', () => {
    const msg = refusal('claims', withClaim('asian-bloc', (c) => ({ ...c, verdict: 'mostly' })));
    expect(msg).toContain(file('claims'));
    expect(msg).toMatch(/row "asian-bloc", field "verdict": "mostly" is not on the scale: borne-out, partly, not-borne-out, too-early, not-known/);
  });

  it('DATA_FILES.claims.parse(yaml) refuses a verdict with no evidence, or evidence that is not two or three sentences', () => {
    expect(refusal('claims', withClaim('trade-rising', ({ evidence: _, ...c }) => c))).toMatch(/row "trade-rising", field "evidence": is missing: the evidence for the verdict/);
    expect(refusal('claims', withClaim('trade-rising', (c) => ({ ...c, evidence: 'Trade went up and then it went down again, as everyone knows.' })))).toMatch(/row "trade-rising", field "evidence": must be two or three sentences/);
    const four = 'One sentence of evidence here. A second sentence follows it. A third one as well. And a fourth, which is one too many.';
    expect(refusal('claims', withClaim('trade-rising', (c) => ({ ...c, evidence: four })))).toMatch(/row "trade-rising", field "evidence": must be two or three sentences/);
  });

  it('DATA_FILES.claims.parse(yaml) refuses a claim with no source, or a source without its confidence', () => {
    expect(refusal('claims', withClaim('offshore-pipeline', ({ sources: _, ...c }) => c))).toMatch(/row "offshore-pipeline", field "sources": is missing: the sources of the evidence/);
    expect(refusal('claims', withClaim('offshore-pipeline', (c) => ({ ...c, sources: [] })))).toMatch(/row "offshore-pipeline", field "sources": must list at least one source/);
    const unrated = withClaim('offshore-pipeline', (c) => ({ ...c, sources: [{ title: 'Domain-B', url: 'https://www.domain-b.com/industry/oil_gas/20190211_pipeline.html' }] }));
    expect(refusal('claims', unrated)).toMatch(/row "offshore-pipeline", field "sources\.0\.confidence": must be high, medium or low/);
  });

  it('DATA_FILES.claims.parse(yaml) refuses a month that is not YYYY-MM and a figure with neither a value nor a percentage', () => {
    expect(refusal('claims', withClaim('asian-bloc', (c) => ({ ...c, asOf: '2025' })))).toMatch(/row "asian-bloc", field "asOf": must be a month, YYYY-MM/);
    const figure = { id: 'loose', what: 'a figure', source: { title: 'Dawn', url: 'https://www.dawn.com/news/1626307/russia-pakistan-agree-to-build-gas-pipeline', confidence: 'high' } };
    expect(refusal('claims', withClaim('asian-bloc', (c) => ({ ...c, figures: [figure] })))).toMatch(/row "asian-bloc", field "figures\.0\.valueUsdMillions": give either valueUsdMillions or percent/);
  });
});

const trade = () => parse(text('tradeLater')) as Record<'calendar' | 'fiscal', Record<string, unknown>[]>;
const withTradeRow = (group: 'calendar' | 'fiscal', id: string, change: (r: Record<string, unknown>) => Record<string, unknown>) => {
  const doc = trade();
  doc[group] = doc[group].map((r) => (r.id === id ? change({ ...r }) : r));
  return stringify(doc);
};

describe('content/data/trade-later.yaml', () => {
  it('DATA_FILES.tradeLater.parse(trade-later.yaml) keeps calendar and fiscal rows in their own groups', () => {
    const rows = read('tradeLater').map((e) => e.data as { series: string; from: string; to: string });
    expect(new Set(rows.map((r) => r.series))).toEqual(new Set(['calendar', 'fiscal', 'accounts']));
    for (const r of rows.filter((x) => x.series === 'calendar')) expect(r.from.slice(0, 4), r.from).toBe(r.to.slice(0, 4));
    for (const r of rows.filter((x) => x.series === 'fiscal')) expect(Number(r.from.slice(5, 7)), r.from).toBe(7);
  });

  it('DATA_FILES.tradeLater.parse(yaml) refuses a fiscal-year figure filed as a calendar year, and the reverse', () => {
    const asCalendar = trade();
    asCalendar.calendar.push({ ...asCalendar.fiscal.find((r) => r.id === 'fy-2022-23')!, id: 'moved' });
    expect(refusal('tradeLater', stringify(asCalendar))).toMatch(/row "moved", field "to": 2022-07 to 2023-06 does not lie within one calendar year \(January–December\); file it under the other group/);
    expect(refusal('tradeLater', withTradeRow('fiscal', 'fy-2024-25-jul-may', (r) => ({ ...r, from: '2024-01' })))).toMatch(/row "fy-2024-25-jul-may", field "to": 2024-01 to 2025-05 does not lie within one fiscal year \(July–June\)/);
  });

  it('DATA_FILES.tradeLater.parse(yaml) refuses a figure without a value or sources, a floor without a value, and a row from trade.yaml given a value', () => {
    expect(refusal('tradeLater', withTradeRow('fiscal', 'fy-2022-23', ({ valueUsdMillions: _, pakistanExportsUsdMillions: __, ...r }) => r))).toMatch(/row "fy-2022-23", field "valueUsdMillions": is missing: total trade/);
    expect(refusal('tradeLater', withTradeRow('fiscal', 'fy-2022-23', ({ sources: _, ...r }) => r))).toMatch(/row "fy-2022-23", field "sources": is missing/);
    expect(refusal('tradeLater', withTradeRow('calendar', 'cy-2023', ({ valueUsdMillions: _, ...r }) => ({ ...r, pakistanExportsUsdMillions: 10 })))).toMatch(/row "cy-2023", field "atLeast": a floor needs the value/);
    expect(refusal('tradeLater', withTradeRow('calendar', 'cy-2014', (r) => ({ ...r, valueUsdMillions: 500 })))).toMatch(/row "cy-2014", field "valueUsdMillions": comes from trade\.yaml row "trade-2014": give no valueUsdMillions here/);
    expect(refusal('tradeLater', withTradeRow('fiscal', 'fy-2020-21', (r) => ({ ...r, valueUsdMillions: -1 })))).toMatch(/row "fy-2020-21", field "valueUsdMillions": out of range: must be above zero/);
    expect(refusal('tradeLater', withTradeRow('fiscal', 'fy-2020-21', (r) => ({ ...r, pakistanExportsUsdMillions: 0 })))).toMatch(/row "fy-2020-21", field "pakistanExportsUsdMillions": out of range: must be above zero/);
    expect(refusal('tradeLater', withTradeRow('calendar', 'cy-2020-jan-nov', (r) => ({ ...r, period: 'Jan–Nov 2\u041E20' })))).toMatch(/row "cy-2020-jan-nov", field "period": must be written as the data writes periods[^\n]*“О” \(U\+041E\)/);
    expect(refusal('tradeLater', withTradeRow('fiscal', 'fy-2020-21', (r) => ({ ...r, pakistanExportsUsdMillions: 2000 })))).toMatch(/row "fy-2020-21", field "pakistanExportsUsdMillions": 2000 is more than the total trade/);
    expect(refusal('tradeLater', withTradeRow('calendar', 'cy-2014', (r) => ({ ...r, period: '2014' })))).toMatch(/row "cy-2014", field "period": comes from trade\.yaml row "trade-2014": give no period here/);
    expect(refusal('tradeLater', withTradeRow('calendar', 'cy-2023', (r) => ({ ...r, from: '2023-12', to: '2023-02' })))).toMatch(/row "cy-2023", field "to": the period ends \(2023-02\) before it starts \(2023-12\)/);
  });

  it('DATA_FILES.tradeLater.parse(yaml) refuses an account of differing statements that does not cite each side', () => {
    const doc = trade() as Record<string, Record<string, unknown>[]>;
    doc.accounts = doc.accounts!.map((a) => ({ ...a, sources: (a.sources as unknown[]).slice(0, 1) }));
    expect(refusal('tradeLater', stringify(doc))).toMatch(/row "cy-2024-accounts", field "sources": must cite each account: at least two sources/);
  });
});

const events = () => parse(text('laterEvents')) as Record<string, unknown>[];
const withEvent = (id: string, change: (e: Record<string, unknown>) => Record<string, unknown>) => stringify(events().map((e) => (e.id === id ? change({ ...e }) : e)));

describe('content/data/later-events.yaml', () => {
  it('DATA_FILES.laterEvents.parse(later-events.yaml) accepts the events, each inside 2019–2026 with a rated source and a claim', () => {
    const rows = read('laterEvents').map((e) => e.data as { date?: string; start?: string; claim: string; source: { confidence: string } });
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect((r.date ?? r.start)! >= '2019').toBe(true);
      expect(r.claim).toMatch(/^[a-z-]+$/);
      expect(['high', 'medium', 'low']).toContain(r.source.confidence);
    }
  });

  it('DATA_FILES.laterEvents.parse(yaml) refuses a date before 2019 or a missing source, naming the event and the field', () => {
    expect(refusal('laterEvents', withEvent('druzhba-2019', (e) => ({ ...e, date: '2018-10' })))).toMatch(/content\/data\/later-events\.yaml: invalid data\n.*event "druzhba-2019", field "date": 2018-10 is outside the timeline \(2019–2026\)/);
    expect(refusal('laterEvents', withEvent('druzhba-2025', (e) => ({ ...e, end: '2027-01-02' })))).toMatch(/event "druzhba-2025", field "end": 2027-01-02 is outside the timeline \(2019–2026\)/);
    expect(refusal('laterEvents', withEvent('open-war-2026', ({ source: _, ...e }) => e))).toMatch(/event "open-war-2026", field "source": must be a source: title, url and confidence/);
    expect(refusal('laterEvents', withEvent('open-war-2026', ({ claim: _, ...e }) => e))).toMatch(/event "open-war-2026", field "claim": is missing/);
  });
});

describe('content/data/epilogue.yaml and content/facts/sources.yaml', () => {
  it('DATA_FILES.epilogue.parse(yaml) refuses facts dated after the day the epilogue was added, naming the field', () => {
    const doc = parse(text('epilogue')) as Record<string, unknown>;
    expect(refusal('epilogue', stringify({ ...doc, factsTo: '2027-01-01' }))).toMatch(/content\/data\/epilogue\.yaml: invalid data\n {2}- field "factsTo": 2027-01-01 is after the day the epilogue was added/);
    expect(refusal('epilogue', stringify({ ...doc, figures: { trade: (doc.figures as { trade: unknown }).trade } }))).toMatch(/field "figures\.timeline"/);
  });

  it('DATA_FILES.factSheet.parse(sources.yaml) holds the fact sheet\'s addresses with a rating each, and none of its unconfirmed items', () => {
    const [sheet] = read('factSheet');
    const { since2018, earlier } = sheet!.data as { since2018: { fact: string; url: string; confidence: string }[]; earlier: string[] };
    expect(new Set(since2018.map((s) => s.fact)).size).toBe(63);
    expect(earlier.length).toBeGreaterThan(0);
    // The fact sheet lists these as UNCONFIRMED: the epilogue may never cite them.
    const unconfirmed = ['envisionpakistan.com', 'urdu.dunyanews.tv/index.php/ur/Business/607068', 'businesstribune.com.pk/economy-news/pak-russia-gas-pipeline-likely-to-be-abandoned'];
    for (const u of unconfirmed) expect(since2018.some((s) => s.url.includes(u)), u).toBe(false);
    expect(since2018.find((s) => s.url.includes('tabloidpk.com'))!.confidence).toBe('low');
    const broken = stringify({ since2018: [{ fact: 'F1', url: 'not a url', confidence: 'sure' }] });
    expect(refusal('factSheet', broken)).toMatch(/content\/facts\/sources\.yaml: invalid data\n.*since2018 entry 1, field "since2018\.0\.url"/);
  });
});
