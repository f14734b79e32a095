// The epilogue held to the article, the data and the fact sheet, through buildEdition on a changed copy of the real content.
import { describe, expect, it } from 'vitest';
import type { EditionInput } from '../../../src/lib/edition/edition';
import { claimDateProblems, epilogueNumberProblems, factSheetProblems, laterEventProblems, tradeRecordProblems } from '../../../src/lib/analysis/epilogueChecks';
import type { Claim } from '../../../src/schemas/claims';
import type { LaterEvent } from '../../../src/schemas/laterEvents';
import type { TradeLaterEntry } from '../../../src/schemas/tradeLater';
import { sourceKey } from '../../../src/lib/analysis/sources';
import { VERDICTS } from '../../../src/schemas/claims';
import { editionPerTest, input, refusal } from '../analysis/fixture';
import { buildEdition } from '../../../src/lib/edition/edition';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const claim = (i: EditionInput, id: string) => (i.epilogue.claims.rows as Mutable<EditionInput['epilogue']['claims']['rows'][number]>[]).find((c) => c.id === id)!;
const tradeRow = (i: EditionInput, id: string) => (i.epilogue.trade.rows as unknown as Record<string, unknown>[]).find((r) => r.id === id)!;
const event = (i: EditionInput, id: string) => (i.epilogue.events.events as unknown as Record<string, unknown>[]).find((e) => e.id === id)!;

const editionOf = editionPerTest();

describe('buildEdition: the epilogue', () => {
  it('buildEdition(input) refuses a claim citing a paragraph the article does not have, or a quote the paragraph does not say', () => {
    const i = input();
    claim(i, 'asian-bloc').paragraph = 'no-such-paragraph';
    claim(i, 'trade-rising').quote = 'Trade has spiked to 35 per cent.';
    const msg = refusal(i);
    expect(msg).toMatch(/content\/data\/claims\.yaml: row "asian-bloc", field "paragraph": "no-such-paragraph" is not a paragraph of the article/);
    expect(msg).toMatch(/content\/data\/claims\.yaml: row "trade-rising", field "quote": paragraph "trade-figures" does not say “Trade has spiked to 35 per cent\.”/);
  });

  it('buildEdition(input) refuses a claim id the page already uses, and a later event tied to no claim', () => {
    const i = input();
    claim(i, 'asian-bloc').id = 'trade-figures';
    event(i, 'druzhba-2019').claim = 'no-such-claim';
    const msg = refusal(i);
    expect(msg).toMatch(/claims\.yaml: row "trade-figures", field "id": the page already uses the id "trade-figures"/);
    expect(msg).toMatch(/later-events\.yaml: event "druzhba-2019", field "claim": "no-such-claim" is not a claim of the scorecard/);
  });

  it('buildEdition(input) refuses a source the fact sheet does not list, and a source that loses its low-confidence or state-media mark', () => {
    const i = input();
    claim(i, 'asian-bloc').sources[0]!.url = 'https://envisionpakistan.com/pakistan-russia-agree-to-set-up-new-steel-mill-in-karachi';
    claim(i, 'north-south-pipeline').sources.find((s) => s.url.includes('tabloidpk'))!.confidence = 'high';
    delete (claim(i, 'trade-rising').sources.find((s) => s.url.includes('tass.com'))! as { stateMedia?: string }).stateMedia;
    (event(i, 'open-war-2026').source as { confidence: string }).confidence = 'high';
    const msg = refusal(i);
    expect(msg).toMatch(/claims\.yaml: row "asian-bloc", field "sources\.0": https:\/\/envisionpakistan\.com\/\S+ is not a source of the fact sheet for 2019–2026 \(content\/facts\/sources\.yaml\)/);
    expect(msg).toMatch(/claims\.yaml: row "north-south-pipeline", field "sources\.\d": confidence is high, but the fact sheet rates https:\/\/tabloidpk\.com\/\S+ low \(F33\)/);
    expect(msg).toMatch(/claims\.yaml: row "trade-rising", field "sources\.\d": https:\/\/tass\.com\/economy\/1802631 is Russian state media \(F37\); mark it stateMedia: russia/);
    expect(msg).toMatch(/later-events\.yaml: event "open-war-2026", field "source": confidence is high, but the fact sheet rates \S+ medium \(F63\)/);
  });

  it('buildEdition(input) refuses an epilogue or epilogue figure id the page already uses, naming the file and field', () => {
    const i = input();
    const section = editionOf().outline.sections[0]!.id;
    i.epilogue.data.id = section;
    expect(refusal(i)).toMatch(new RegExp(`epilogue\\.yaml: field "id": the page already uses the id "${section}"`));
    const j = input();
    const paragraph = editionOf().outline.paragraphs[0]!.id;
    j.epilogue.data.figures.trade.id = paragraph;
    expect(refusal(j)).toMatch(new RegExp(`epilogue\\.yaml: field "figures": the page already uses the id "${paragraph}"`));
  });

  it('buildEdition(input) refuses a figure in the epilogue\'s text that the data does not give, naming the file, row and field', () => {
    const i = input();
    const c = claim(i, 'trade-rising');
    c.evidence = c.evidence.replace('$236M', '$263M');
    const e = event(i, 'trade-record-not-held-2025');
    e.summary = String(e.summary).replace('$1bn', '$8bn');
    i.epilogue.data.intro[0] += ' Trade is worth $5bn a year.';
    const msg = refusal(i);
    expect(msg).toMatch(/claims\.yaml: row "trade-rising", field "evidence": "\$263M" is not a figure the data gives \(nearest: \$236M, content\/data\/trade-later\.yaml, row "fy-2024-25-jul-may"\)/);
    expect(msg).toMatch(/later-events\.yaml: event "trade-record-not-held-2025", field "summary": "\$8bn" is not a figure the data gives/);
    expect(msg).toMatch(/epilogue\.yaml: field "intro\.0": "\$5bn" is not a figure the data gives/);
  });

  it('buildEdition(input) refuses the text once the data behind one of its figures changes, and a declared figure the text never states', () => {
    const i = input();
    tradeRow(i, 'fy-2023-24').valueUsdMillions = 1900;
    const n = claim(i, 'north-south-pipeline');
    n.evidence = n.evidence.replace('from $2.25bn to $3.5bn', 'sharply');
    const msg = refusal(i);
    expect(msg).toMatch(/claims\.yaml: row "trade-rising", field "evidence": "\$1\.81bn" is not a figure the data gives \(nearest: \$1900M, content\/data\/trade-later\.yaml, row "fy-2023-24"\)/);
    expect(msg).toMatch(/claims\.yaml: row "north-south-pipeline", field "figures": "pakistan-stream-cost-2021-05" \(\$2250M\) is not stated in the evidence/);
    const j = input();
    claim(j, 'offshore-pipeline').sources = claim(j, 'offshore-pipeline').sources.filter((s) => !s.url.includes('financialexpress'));
    expect(refusal(j)).toMatch(/claims\.yaml: row "offshore-pipeline", field "figures": the source of "energy-package-2019" \(\S+\) is not among the claim's sources/);
  });

  it('buildEdition(input) refuses a trade row that names no row of trade.yaml, rows out of time order, and a conflict across the two groups', () => {
    const i = input();
    tradeRow(i, 'cy-2014').row = 'trade-2013';
    tradeRow(i, 'fy-2023-24-jul-may').conflictsWith = 'cy-2023';
    tradeRow(i, 'cy-2023').from = '2019-01';
    tradeRow(i, 'cy-2023').to = '2019-12';
    const msg = refusal(i);
    expect(msg).toMatch(/trade-later\.yaml: row "cy-2014", field "row": "trade-2013" is not a figure or context row of trade\.yaml/);
    expect(msg).toMatch(/trade-later\.yaml: row "fy-2023-24-jul-may", field "conflictsWith": "cy-2023" is not a row of the fiscal group \(figures of the other group are never compared with this one\)/);
    expect(msg).toMatch(/trade-later\.yaml: row "cy-2023", field "from": 2019-01 comes before the row above it \(cy-2020-jan-nov, from 2020-01\)/);
  });

  it('buildEdition(input) refuses an account of differing statements for a period that has a figure, and a figure in its words the data does not give', () => {
    const i = input();
    const a = tradeRow(i, 'cy-2024-accounts');
    a.from = '2023-01';
    a.to = '2023-12';
    a.says = String(a.says) + ' Trade was $3.3bn.';
    const msg = refusal(i);
    expect(msg).toMatch(/trade-later\.yaml: row "cy-2024-accounts", field "from": 2023-01 to 2023-12 has a figure already \(cy-2023\); an account only fills a gap/);
    expect(msg).toMatch(/trade-later\.yaml: row "cy-2024-accounts", field "says": "\$3\.3bn" is not a figure the data gives/);
  });

  it('buildEdition(input) refuses a verdict dated after the facts run out, and an edition updated before its epilogue was added', () => {
    const i = input();
    claim(i, 'asian-bloc').asOf = '2026-06';
    i.article.data.updated = '2026-11-01';
    const msg = refusal(i);
    expect(msg).toMatch(/claims\.yaml: row "asian-bloc", field "asOf": 2026-06 is after the newest report the fact sheet holds \(2026-02-27\)/);
    expect(msg).toMatch(/pakistan-russia-asian-bloc\.mdx: frontmatter field "updated": 2026-11-01 is before the epilogue was added/);
  });

  it('buildEdition(input) places every claim at its paragraph and counts the verdicts on the whole scale', () => {
    const edition = editionOf();
    const { epilogue } = edition;
    expect(epilogue.claims).toHaveLength(input().epilogue.claims.rows.length);
    for (const c of epilogue.claims) {
      const section = edition.outline.sections.find((s) => s.id === c.place.sectionId)!;
      expect(section.paragraphs[c.place.number - 1]!.id).toBe(c.paragraph);
      expect(epilogue.byParagraph.get(c.paragraph)).toContain(c);
    }
    expect(epilogue.tally.map((t) => t.verdict)).toEqual([...VERDICTS]);
    expect(epilogue.tally.reduce((n, t) => n + t.count, 0)).toBe(epilogue.claims.length);
    for (const t of epilogue.tally) expect(t.count).toBe(epilogue.claims.filter((c) => c.verdict === t.verdict).length);
  });

  it('buildEdition(input) numbers the epilogue\'s figures after the article\'s, and its sources after the article\'s, each once', () => {
    const edition = editionOf();
    const { epilogue } = edition;
    expect(epilogue.figures.trade.number).toBe(edition.figures.length + 1);
    expect(epilogue.figures.timeline.number).toBe(edition.figures.length + 2);
    const numbers = epilogue.sources.map((s) => edition.sourceNumber(s.url)!);
    expect(numbers.every((n) => n > 0)).toBe(true);
    const articleMax = Math.max(...edition.outline.notes.flatMap((n) => n.links.map((l) => edition.sourceNumber(l.url) ?? 0)));
    const ownOnly = epilogue.sources.filter((s) => !edition.outline.notes.some((n) => n.links.some((l) => sourceKey(l.url) === sourceKey(s.url))));
    expect(Math.min(...ownOnly.map((s) => edition.sourceNumber(s.url)!))).toBeGreaterThan(articleMax);
  });

  it('buildEdition(input) makes the trade record explicit: partial periods, floors and the years with no figure', () => {
    const { epilogue } = editionOf();
    const all = [...epilogue.trade.calendar, ...epilogue.trade.fiscal];
    const fig = (id: string) => all.find((r) => r.id === id)!;
    expect(fig('cy-2018-jan-oct')).toMatchObject({ type: 'figure', partial: true, months: 10, valueUsdMillions: 660 });
    expect(fig('cy-2023')).toMatchObject({ atLeast: true, partial: false });
    expect(fig('cy-2016-article')).toMatchObject({ article: true, label: '“last year”', valueUsdMillions: 400 });
    const gaps = epilogue.trade.calendar.filter((r) => r.type === 'gap');
    expect(gaps.map((r) => r.label)).toEqual(['2019', '2021–2022', '2024']);
    // Where the two sides' accounts differ, the gap says so and cites both.
    expect(gaps.map((g) => g.account?.sources.length ?? 0)).toEqual([0, 0, 2]);
    expect(epilogue.trade.fiscal.filter((r) => r.type === 'gap')).toEqual([]);
    expect(epilogue.trade.calendar.every((r) => r.kind === 'calendar') && epilogue.trade.fiscal.every((r) => r.kind === 'fiscal')).toBe(true);
  });
});

describe('the epilogue\'s checks on plain data', () => {
  it('epilogueNumberProblems(texts, known) passes a figure the data gives at the text\'s rounding, and names one it does not', () => {
    const known = [{ origin: 'trade-later.yaml, row "a"', kind: 'usd' as const, value: 1810 }, { origin: 'claims.yaml, row "b"', kind: 'percent' as const, value: 74 }];
    expect(epilogueNumberProblems([{ where: 'x', text: 'It reached $1.81bn, or $1,810 million, with 74 per cent.' }], known)).toEqual([]);
    expect(epilogueNumberProblems([{ where: 'x', text: 'It reached $1.9bn and 75 per cent.' }], known)).toEqual([
      'x: "$1.9bn" is not a figure the data gives (nearest: $1810M, trade-later.yaml, row "a"); correct the text, or add the figure with its source to the data',
      'x: "75 per cent" is not a figure the data gives (nearest: 74 %, claims.yaml, row "b"); correct the text, or add the figure with its source to the data',
    ]);
  });

  it('factSheetProblems(cited, sheet) accepts an earlier sheet\'s address for a figure shown again, but not for a rated source', () => {
    const sheet = { since2018: [{ fact: 'F1', url: 'https://example.org/a', confidence: 'high' as const }], earlier: ['https://example.org/old'] };
    expect(factSheetProblems([{ where: 'w', source: { url: 'https://example.org/old/' } }], sheet, 'sheet')).toEqual([]);
    expect(factSheetProblems([{ where: 'w', source: { url: 'https://example.org/old', confidence: 'high' } }], sheet, 'sheet')).toEqual(['w: https://example.org/old is not a source of the fact sheet for 2019–2026 (sheet); cite only what it lists']);
    expect(factSheetProblems([{ where: 'w', source: { url: 'https://example.org/new' } }], sheet, 'sheet')).toEqual(['w: https://example.org/new is not a source of the fact sheets (sheet)']);
    // The sheet's address with its default port is the same address.
    const ported = { since2018: [{ fact: 'F45', url: 'https://example.org:443/a', confidence: 'high' as const }], earlier: [] };
    expect(factSheetProblems([{ where: 'w', source: { url: 'https://www.example.org/a', confidence: 'high' } }], ported, 'sheet')).toEqual([]);
  });

  it('factSheetProblems(cited, sheet) names the state media a source is, by its country, and a mark the sheet does not give', () => {
    const sheet = { since2018: [
      { fact: 'F2', url: 'https://tass.example/a', confidence: 'high' as const, stateMedia: 'russia' as const },
      { fact: 'F3', url: 'https://app.example/a', confidence: 'high' as const, stateMedia: 'pakistan' as const },
      { fact: 'F4', url: 'https://dawn.example/a', confidence: 'high' as const },
    ], earlier: [] };
    expect(factSheetProblems([
      { where: 'w1', source: { url: 'https://tass.example/a', confidence: 'high' } },
      { where: 'w2', source: { url: 'https://app.example/a', confidence: 'high' } },
      { where: 'w3', source: { url: 'https://dawn.example/a', confidence: 'high', stateMedia: 'pakistan' } },
      { where: 'w4', source: { url: 'https://tass.example/a', confidence: 'high', stateMedia: 'russia' } },
    ], sheet, 'sheet')).toEqual([
      'w1: https://tass.example/a is Russian state media (F2); mark it stateMedia: russia',
      'w2: https://app.example/a is Pakistani state media (F3); mark it stateMedia: pakistan',
      'w3: stateMedia is pakistan, but the fact sheet does not mark https://dawn.example/a as state media (F4)',
    ]);
  });

  it('claimDateProblems(claims, published, factsTo) holds a verdict to a month from the article\'s to the newest report\'s, both included', () => {
    const claims = ['2018-09', '2018-10', '2026-02', '2026-03'].map((asOf, i) => ({ id: `c${i}`, asOf }) as unknown as Claim);
    expect(claimDateProblems(claims, '2018-10-03', '2026-02-15')).toEqual([
      'row "c0", field "asOf": 2018-09 is before the article appeared (2018-10-03)',
      'row "c3", field "asOf": 2026-03 is after the newest report the fact sheet holds (2026-02-15); no verdict can hold to a later month',
    ]);
  });

  it('laterEventProblems(events, claims, taken) names an event tied to no claim, listing the claims, and an id the page already uses', () => {
    const events = [{ id: 'e1', claim: 'bloc' }, { id: 'e2', claim: 'nowhere' }, { id: 'taken', claim: 'trade' }] as unknown as LaterEvent[];
    expect(laterEventProblems(events, new Set(['bloc', 'trade']), new Set(['taken']))).toEqual([
      'event "e2", field "claim": "nowhere" is not a claim of the scorecard (claims: bloc, trade)',
      'event "taken", field "id": the page already uses the id "taken"',
    ]);
  });

  it('tradeRecordProblems(rows, trade) compares a figure only within its own group, and an account only with the months it covers', () => {
    const row = (series: string, id: string, from: string, to: string, position: number, extra: object = {}) => ({ series, id, from, to, position, ...extra }) as unknown as TradeLaterEntry;
    const ids = { figures: new Set<string>(), context: new Set<string>() };
    expect(tradeRecordProblems([
      row('calendar', 'c1', '2019-01', '2019-12', 1, { conflictsWith: 'c2' }),
      row('calendar', 'c2', '2021-01', '2021-12', 2, { conflictsWith: 'f1' }),
      row('fiscal', 'f1', '2019-07', '2020-06', 1, { conflictsWith: 'gone' }),
    ], ids)).toEqual([
      'row "c2", field "conflictsWith": "f1" is not a row of the calendar group (figures of the other group are never compared with this one)',
      'row "f1", field "conflictsWith": "gone" is not a row of the fiscal group',
    ]);
    // An account may run up to the month before a figure and from the month after it, but not into it.
    const figures = [row('calendar', 'c1', '2019-01', '2019-12', 1), row('calendar', 'c2', '2021-01', '2021-12', 2)];
    const account = (from: string, to: string) => row('accounts', `a-${from}`, from, to, 3, { kind: 'calendar' });
    expect(tradeRecordProblems([...figures, account('2020-01', '2020-12')], ids)).toEqual([]);
    expect(tradeRecordProblems([...figures, account('2019-12', '2020-06')], ids)).toEqual(['row "a-2019-12", field "from": 2019-12 to 2020-06 has a figure already (c1); an account only fills a gap']);
    expect(tradeRecordProblems([...figures, account('2020-06', '2021-01')], ids)).toEqual(['row "a-2020-06", field "from": 2020-06 to 2021-01 has a figure already (c2); an account only fills a gap']);
  });

  it('tradeRecordProblems(rows, trade, periods) shows a row of trade.yaml once, in the months its own period names', () => {
    const row = (id: string, from: string, to: string, position: number, ref: string) => ({ series: 'calendar', id, from, to, position, row: ref }) as unknown as TradeLaterEntry;
    const ids = { figures: new Set<string>(), context: new Set(['trade-2014', 'trade-2015']) };
    const periods = new Map([['trade-2014', '2014'], ['trade-2015', '2015']]);
    expect(tradeRecordProblems([row('cy-2014', '2014-01', '2014-12', 1, 'trade-2014'), row('cy-2015', '2015-01', '2015-12', 2, 'trade-2015')], ids, periods)).toEqual([]);
    expect(tradeRecordProblems([row('cy-2014', '2014-01', '2014-12', 1, 'trade-2015'), row('cy-2015', '2015-01', '2015-12', 2, 'trade-2015')], ids, periods)).toEqual([
      'row "cy-2014", fields "from" and "to": 2014-01 to 2014-12 is not the period of trade.yaml\'s row "trade-2015" (“2015”)',
      'row "cy-2015", field "row": "trade-2015" is already shown by row "cy-2014"',
    ]);
  });

  it('buildEdition(input) refuses a trade figure of another order of size than the article\'s, as a slip of units would make, naming file, row and field', () => {
    const i = input();
    const rows = i.trade.rows as unknown as Record<string, unknown>[];
    const context = rows.find((r) => r.series === 'context' && r.partial === false)!;
    const figures = rows.filter((r) => r.series === 'article').map((r) => r.valueUsdMillions as number);
    // Thousands of dollars typed where millions belong, and billions.
    context.valueUsdMillions = (context.valueUsdMillions as number) * 1000;
    const own = (i.epilogue.trade.rows as unknown as Record<string, unknown>[]).find((r) => typeof r.valueUsdMillions === 'number' && r.pakistanExportsUsdMillions === undefined)!;
    own.valueUsdMillions = (own.valueUsdMillions as number) / 1000;
    const exports = (i.epilogue.trade.rows as unknown as Record<string, unknown>[]).find((r) => typeof r.pakistanExportsUsdMillions === 'number' && r.valueUsdMillions === undefined)!;
    exports.pakistanExportsUsdMillions = (exports.pakistanExportsUsdMillions as number) * 1000;
    const msg = refusal(i);
    const band = `${(Math.min(...figures) / 10).toLocaleString('en-GB')}–${(Math.max(...figures) * 10).toLocaleString('en-GB')}`;
    expect(msg).toContain(`content/data/trade.yaml: row "${String(context.id)}", field "valueUsdMillions": ${(context.valueUsdMillions as number).toLocaleString('en-GB')} is not within 10 times the article's own figures (${band} US$ millions for a whole year)`);
    expect(msg).toContain(`content/data/trade-later.yaml: row "${String(own.id)}", field "valueUsdMillions": ${(own.valueUsdMillions as number).toLocaleString('en-GB')} is not within 10 times`);
    expect(msg).toContain(`content/data/trade-later.yaml: row "${String(exports.id)}", field "pakistanExportsUsdMillions": ${(exports.pakistanExportsUsdMillions as number).toLocaleString('en-GB')} is not within 10 times`);
    expect(msg).toMatch(/values are in US\$ millions/);
  });

  it('buildEdition(input) holds a partial row of trade.yaml to the share of a year its period names, or a month\'s when it names none, not to zero', () => {
    const i = input();
    const partial = (i.trade.rows as unknown as Record<string, unknown>[]).find((r) => r.series === 'context' && r.partial === true)!;
    const figures = (i.trade.rows as unknown as Record<string, unknown>[]).filter((r) => r.series === 'article').map((r) => r.valueUsdMillions as number);
    const low = Math.min(...figures) / 10;
    expect(partial.period).toBe('January–October 2018');
    // 454,000 dollars typed for 454 million.
    partial.valueUsdMillions = 0.454;
    expect(refusal(i)).toContain(`content/data/trade.yaml: row "${String(partial.id)}", field "valueUsdMillions": 0.454 is not within 10 times the article's own figures (${low.toLocaleString('en-GB')}–${(Math.max(...figures) * 10).toLocaleString('en-GB')} US$ millions for a whole year; this row covers 10 months, so at least ${(low * 10 / 12).toLocaleString('en-GB', { maximumFractionDigits: 3 })})`);
    partial.valueUsdMillions = low * 10 / 12 + 1;
    expect(() => buildEdition(i)).not.toThrow();
    // A partial year whose period names no months is held to a month's share.
    partial.period = '2018';
    partial.valueUsdMillions = low / 12 + 0.5;
    expect(() => buildEdition(i)).not.toThrow();
    partial.valueUsdMillions = low / 12 - 0.5;
    expect(refusal(i)).toContain(`row "${String(partial.id)}", field "valueUsdMillions"`);
  });

  it('buildEdition(input) refuses two trade figures for one period in a file, naming both rows', () => {
    const i = input();
    const rows = i.trade.rows as unknown as Record<string, unknown>[];
    const first = rows.find((r) => r.id === 'trade-2014')!;
    rows.push({ ...first, id: 'trade-2014-again', valueUsdMillions: 500, position: rows.filter((r) => r.series === 'context').length });
    expect(refusal(i)).toContain('content/data/trade.yaml: row "trade-2014-again", field "period": “2014” is the period of row "trade-2014" too; one period has one figure: keep the one its source supports');
    const later = input();
    const own = tradeRow(later, 'cy-2023');
    (later.epilogue.trade.rows as unknown as Record<string, unknown>[]).push({ ...own, id: 'cy-2023-again', valueUsdMillions: 1200, atLeast: undefined, position: (own.position as number) + 0.5 });
    expect(refusal(later)).toContain('content/data/trade-later.yaml: row "cy-2023-again", fields "from" and "to": 2023-01 to 2023-12 is the period of row "cy-2023" too; one period has one figure: keep the one its source supports, or mark the pair with conflictsWith');
    // Two sources that disagree on one period are shown side by side when the pair says so.
    tradeRow(later, 'cy-2023-again').conflictsWith = 'cy-2023';
    expect(() => buildEdition(later)).not.toThrow();
  });

  it('buildEdition(input) holds a partial period to its share of a year: a month\'s trade a twelfth the size passes', () => {
    const i = input();
    const own = (i.epilogue.trade.rows as unknown as Record<string, unknown>[]).find((r) => typeof r.valueUsdMillions === 'number' && r.row === undefined)!;
    const figures = (i.trade.rows as unknown as Record<string, unknown>[]).filter((r) => r.series === 'article').map((r) => r.valueUsdMillions as number);
    own.to = own.from;
    // Below a tenth of the article's smallest yearly figure, within a tenth of its share of a year.
    own.valueUsdMillions = Math.min(...figures) / 10 / 12 * 2;
    expect(() => buildEdition(i)).not.toThrow();
    own.valueUsdMillions = Math.min(...figures) / 10 / 12 / 2;
    expect(refusal(i)).toContain(`row "${String(own.id)}", field "valueUsdMillions"`);
  });

  it('tradeRecordProblems(rows, trade) judges time order by each row\'s place in its group, not by the order rows arrive in', () => {
    const row = (series: string, id: string, from: string, position: number) => ({ series, id, from, to: from, position }) as unknown as TradeLaterEntry;
    const ids = { figures: new Set<string>(), context: new Set<string>() };
    expect(tradeRecordProblems([row('calendar', 'late', '2021-01', 2), row('calendar', 'early', '2019-01', 1)], ids)).toEqual([]);
    expect(tradeRecordProblems([row('calendar', 'early', '2019-01', 2), row('calendar', 'late', '2021-01', 1)], ids)).toEqual([
      'row "early", field "from": 2019-01 comes before the row above it (late, from 2021-01); keep each group in time order',
    ]);
  });

  it('epilogueNumberProblems(texts, known) names the nearest figure of the same kind, the first of two as near', () => {
    const known = [
      { origin: 'percent row', kind: 'percent' as const, value: 10 },
      { origin: 'first', kind: 'usd' as const, value: 900 },
      { origin: 'second', kind: 'usd' as const, value: 1100 },
    ];
    expect(epilogueNumberProblems([{ where: 'x', text: 'About $1,000 million.' }], known)).toEqual([
      'x: "$1,000 million" is not a figure the data gives (nearest: $900M, first); correct the text, or add the figure with its source to the data',
    ]);
    expect(epilogueNumberProblems([{ where: 'x', text: 'About $10 million.' }], known)).toEqual([
      'x: "$10 million" is not a figure the data gives (nearest: $900M, first); correct the text, or add the figure with its source to the data',
    ]);
    expect(epilogueNumberProblems([{ where: 'x', text: 'About 12 per cent.' }], [known[1]!])).toEqual([
      'x: "12 per cent" is not a figure the data gives; correct the text, or add the figure with its source to the data',
    ]);
  });
});
