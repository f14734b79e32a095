// The longer trade record on plain objects: gaps named by the years they leave out, and the CSV rows of its figures.
import { describe, expect, it } from 'vitest';
import { chartPanels, rowLabel, tradeRecord, tradeRecordRecords, type TradeRecord } from '../../../src/lib/epilogue/tradeRecord';
import type { TradeLaterEntry } from '../../../src/schemas/tradeLater';

const source = { title: 'A ministry, on trade', url: 'https://example.org/trade', confidence: 'high' as const };
const row = (series: 'calendar' | 'fiscal', id: string, from: string, to: string, position: number, value = 100) =>
  ({ series, id, from, to, position, period: id, valueUsdMillions: value, sources: [source] }) as unknown as TradeLaterEntry;
const noTrade = { figures: [], context: [] };

describe('tradeRecord', () => {
  it('tradeRecord(rows) names a gap by the years it leaves out: one year, a run of calendar years, a run of fiscal years', () => {
    const record = tradeRecord([
      row('calendar', 'c2015', '2015-01', '2015-12', 1),
      row('calendar', 'c2017', '2017-01', '2017-12', 2),
      row('calendar', 'c2021', '2021-03', '2021-12', 3),
      row('fiscal', 'f1998', '1998-07', '1999-06', 1),
      row('fiscal', 'f2000', '2000-07', '2001-06', 2),
      row('fiscal', 'f2004', '2004-07', '2005-06', 3),
    ], noTrade, {});
    const gaps = (rows: TradeRecord['calendar']) => rows.filter((r) => r.type === 'gap').map((r) => [r.id, r.label]);
    expect(gaps(record.calendar)).toEqual([['calendar-gap-2016', '2016'], ['calendar-gap-2018', '2018–2020']]);
    expect(gaps(record.fiscal)).toEqual([['fiscal-gap-1999', 'FY1999-00'], ['fiscal-gap-2001', 'FY2001-02 to FY2003-04']]);
    expect(record.calendar.map((r) => r.id)).toEqual(['c2015', 'calendar-gap-2016', 'c2017', 'calendar-gap-2018', 'c2021']);
  });

  it('tradeRecord(rows) orders each group by its rows\' places in the file, whatever order the collection gives them in', () => {
    const record = tradeRecord([
      row('calendar', 'c2017', '2017-01', '2017-12', 2),
      row('fiscal', 'f2001', '2001-07', '2002-06', 2),
      row('calendar', 'c2015', '2015-01', '2015-12', 1),
      row('fiscal', 'f2000', '2000-07', '2001-06', 1),
    ], noTrade, {});
    expect(record.calendar.map((r) => r.id)).toEqual(['c2015', 'calendar-gap-2016', 'c2017']);
    expect(record.fiscal.map((r) => r.id)).toEqual(['f2000', 'f2001']);
  });

  it('tradeRecord(rows) gives a gap the account of its own group that lies within the gap\'s years, and no other', () => {
    const account = (id: string, kind: 'calendar' | 'fiscal', from: string, to: string) =>
      ({ series: 'accounts', id, kind, from, to, position: 0, says: `What the two sides said (${id}).`, sources: [source, source] }) as unknown as TradeLaterEntry;
    const record = tradeRecord([
      // In the fiscal gap's years, but of the calendar group.
      account('calendar-kind', 'calendar', '2017-01', '2017-06'),
      account('fiscal-kind', 'fiscal', '2016-07', '2017-06'),
      account('too-early', 'calendar', '2013-01', '2016-12'),
      account('inside', 'calendar', '2019-01', '2019-12'),
      row('calendar', 'c2015', '2015-01', '2015-12', 1),
      row('calendar', 'c2017', '2017-01', '2017-12', 2),
      row('calendar', 'c2018', '2018-01', '2018-12', 3),
      row('calendar', 'c2021', '2021-01', '2021-12', 4),
      row('fiscal', 'f2015', '2015-07', '2016-06', 1),
      row('fiscal', 'f2018', '2018-07', '2019-06', 2),
    ], noTrade, {});
    const says = (rows: TradeRecord['calendar']) => rows.flatMap((r) => (r.type === 'gap' ? [[r.id, r.account?.says]] : []));
    expect(says(record.calendar)).toEqual([['calendar-gap-2016', undefined], ['calendar-gap-2019', 'What the two sides said (inside).']]);
    expect(says(record.fiscal)).toEqual([['fiscal-gap-2016', 'What the two sides said (fiscal-kind).']]);
  });

  it('tradeRecord(rows) says a figure is a floor, counts services or is the article\'s only where its row says so', () => {
    const plain = row('calendar', 'plain', '2015-01', '2015-12', 1);
    const marked = { ...row('calendar', 'marked', '2016-01', '2016-12', 2), atLeast: true, includesServices: true } as TradeLaterEntry;
    const [p, m] = tradeRecord([plain, marked], noTrade, {}).calendar;
    expect(p).toMatchObject({ atLeast: false, includesServices: false, article: false });
    expect(m).toMatchObject({ atLeast: true, includesServices: true, article: false });
  });
});

describe('tradeRecord, rows shown again from trade.yaml', () => {
  it('tradeRecord(rows, trade, titles) shows an article figure by the article\'s words and section, or by its source\'s title, and a context figure by its source', () => {
    const again = (id: string, row: string, position: number, series: 'calendar' | 'fiscal' = 'calendar', from = '2017-01', to = '2017-12') =>
      ({ series, id, from, to, position, row }) as unknown as TradeLaterEntry;
    const trade = {
      figures: [
        { id: 'said-2017', period: 'last year', likelyPeriod: 'most likely FY2016-17', valueUsdMillions: 400, source: { paragraph: 'trade-para' } },
        { id: 'said-2018', period: 'this year', valueUsdMillions: 541, source: { title: 'A report', url: 'https://report.example/' } },
        { id: 'said-bare', period: 'some year', valueUsdMillions: 1, source: { url: 'https://bare.example/' } },
      ],
      context: [
        { id: 'ctx', period: '2019', valueUsdMillions: 600, source: { title: 'Statistics', url: 'https://stats.example/' } },
        { id: 'ctx-bare', period: '2020', valueUsdMillions: 700, source: { url: 'https://bare.example/ctx' } },
      ],
    } as never;
    const record = tradeRecord([
      again('a', 'said-2017', 1), again('b', 'said-2018', 2, 'calendar', '2018-01', '2018-12'), again('c', 'ctx', 3, 'calendar', '2019-01', '2019-12'),
      again('d', 'ctx-bare', 4, 'calendar', '2020-01', '2020-12'), again('e', 'said-bare', 5, 'calendar', '2021-01', '2021-12'), again('f', 'nowhere', 6, 'calendar', '2022-01', '2022-12'),
      { series: 'calendar', id: 'g', from: '2023-01', to: '2023-12', position: 7, period: '2023', valueUsdMillions: 800 } as unknown as TradeLaterEntry,
    ], trade, { 'trade-para': 'Trade on the rise' });
    const points = record.calendar.filter((r) => r.type === 'figure');
    // A context row's period is labelled as the record labels its own: its months short ("Jan–Oct 2018").
    const spelled = tradeRecord([again('s', 'ctx-months', 1, 'calendar', '2018-01', '2018-10')],
      { figures: [], context: [{ id: 'ctx-months', period: 'January–October 2018', valueUsdMillions: 660, source: { url: 'https://m.example/' } }] } as never, {});
    expect(spelled.calendar[0]).toMatchObject({ label: 'Jan–Oct 2018' });
    // A row naming nothing in trade.yaml is left out (tradeRecordProblems reports it).
    expect(points.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'g']);
    const [a, b, c, d, e, g] = points;
    expect(a).toMatchObject({ label: '“last year”', note: 'the article, most likely FY2016-17', valueUsdMillions: 400, atLeast: false, includesServices: false, article: true, sources: [{ title: 'the article (“Trade on the rise”)', paragraph: 'trade-para', caveats: [] }] });
    expect(b).toMatchObject({ label: '“this year”', note: 'the article', article: true, sources: [{ title: 'A report', url: 'https://report.example/', caveats: [] }] });
    expect(c).toMatchObject({ label: '2019', valueUsdMillions: 600, article: false, atLeast: false, sources: [{ title: 'Statistics', url: 'https://stats.example/', caveats: [] }] });
    expect(d!.sources).toEqual([{ title: '', url: 'https://bare.example/ctx', caveats: [] }]);
    expect(e!.sources[0]!.title).toBe('');
    // A figure of its own with no sources listed has none.
    expect(g).toMatchObject({ label: '2023', valueUsdMillions: 800, sources: [] });
    // A section the titles do not know is named by its id.
    const untitled = tradeRecord([again('a', 'said-2017', 1)], trade, {});
    expect((untitled.calendar[0] as { sources: { title: string }[] }).sources[0]!.title).toBe('the article (“trade-para”)');
  });
});

describe('tradeRecordRecords', () => {
  it('tradeRecordRecords(record) gives one CSV row per figure, calendar first, with the article\'s note, blanks for what is not known and the sources joined', () => {
    const record: TradeRecord = {
      calendar: [
        { type: 'figure', id: 'c1', kind: 'calendar', label: '“last year”', note: 'the article, roughly 2016', from: '2016-01', to: '2016-12', months: 12, partial: false, valueUsdMillions: 400, atLeast: false, article: true, includesServices: false, sources: [{ title: 'the article (“Trade”)', paragraph: 'trade-para', caveats: [] }] },
        { type: 'gap', id: 'calendar-gap-2017', kind: 'calendar', label: '2017' },
        { type: 'figure', id: 'c2', kind: 'calendar', label: 'Jan–Nov 2020', from: '2020-01', to: '2020-11', months: 11, partial: true, atLeast: true, pakistanExportsUsdMillions: 120, article: false, includesServices: true, conflictsWith: 'c1', sources: [{ title: 'One', url: 'https://one.example/', caveats: [] }, { title: 'Two', url: 'https://two.example/', caveats: ['state media'] }] },
      ],
      fiscal: [
        { type: 'figure', id: 'f1', kind: 'fiscal', label: 'FY2022-23', from: '2022-07', to: '2023-06', months: 12, partial: false, valueUsdMillions: 1000, atLeast: false, article: false, includesServices: false, sources: [{ title: 'Nowhere', caveats: [] }] },
      ],
    };
    expect(tradeRecordRecords(record)).toEqual([
      { series: 'calendar-year', id: 'c1', period: '“last year” (the article, roughly 2016)', from: '2016-01', to: '2016-12', months: 12, partial: false, valueUsdMillions: 400, atLeast: false, pakistanExportsUsdMillions: '', includesServices: false, conflictsWith: '', sourceTitles: 'the article (“Trade”)', sourceUrls: '#trade-para' },
      { series: 'calendar-year', id: 'c2', period: 'Jan–Nov 2020', from: '2020-01', to: '2020-11', months: 11, partial: true, valueUsdMillions: '', atLeast: true, pakistanExportsUsdMillions: 120, includesServices: true, conflictsWith: 'c1', sourceTitles: 'One | Two', sourceUrls: 'https://one.example/ | https://two.example/' },
      { series: 'fiscal-year-july-june', id: 'f1', period: 'FY2022-23', from: '2022-07', to: '2023-06', months: 12, partial: false, valueUsdMillions: 1000, atLeast: false, pakistanExportsUsdMillions: '', includesServices: false, conflictsWith: '', sourceTitles: 'Nowhere', sourceUrls: '' },
    ]);
  });
});

describe('rowLabel and chartPanels', () => {
  const figure = (over: Partial<Extract<TradeRecord['calendar'][number], { type: 'figure' }>>) => ({
    type: 'figure' as const, id: 'x', kind: 'calendar' as const, label: '2019', from: '2019-01', to: '2019-12', months: 12, partial: false, valueUsdMillions: 500, atLeast: false, article: false, includesServices: false, sources: [], ...over,
  });

  it('rowLabel(row) names a gap as having no figure, or as one the accounts differ on, and a figure by its period, the article\'s note and its months', () => {
    expect(rowLabel({ type: 'gap', id: 'g', kind: 'calendar', label: '2016' })).toBe('2016: no dated figure found');
    expect(rowLabel({ type: 'gap', id: 'g', kind: 'calendar', label: '2016–2017', account: { says: 'They differ.', sources: [] } })).toBe('2016–2017: no figure; accounts differ ‡');
    expect(rowLabel(figure({}))).toBe('2019');
    expect(rowLabel(figure({ label: '“last year”', article: true, note: 'the article, roughly 2017' }))).toBe('“last year” · the article, roughly 2017');
    // A note is shown only for the article's own figures.
    expect(rowLabel(figure({ note: 'not shown' }))).toBe('2019');
    expect(rowLabel(figure({ label: 'Jan–Jun 2019', partial: true, months: 6 }))).toBe('Jan–Jun 2019 · 6 months');
    expect(rowLabel(figure({ label: '“this year”', article: true, note: 'the article', partial: true, months: 9 }))).toBe('“this year” · the article · 9 months');
  });

  it('chartPanels(record, headings) gives the calendar panel first, each under its heading, and marks both figures of a conflict', () => {
    const record: TradeRecord = {
      calendar: [
        figure({ id: 'c1' }),
        { type: 'gap', id: 'calendar-gap-2020', kind: 'calendar', label: '2020' },
        figure({ id: 'c2', label: '2021', conflictsWith: 'c1', atLeast: true, pakistanExportsUsdMillions: 90, partial: true, months: 11 }),
        figure({ id: 'c3', label: '2022', article: true, note: 'the article' }),
      ],
      fiscal: [figure({ id: 'f1', kind: 'fiscal', label: 'FY2019-20' })],
    };
    const panels = chartPanels(record, { calendar: 'Calendar years', fiscal: 'Fiscal years' });
    expect(panels.map((p) => [p.kind, p.heading])).toEqual([['calendar', 'Calendar years'], ['fiscal', 'Fiscal years']]);
    const [cal, fis] = panels;
    expect(cal!.rows.map((r) => r.id)).toEqual(['c1', 'calendar-gap-2020', 'c2', 'c3']);
    expect(cal!.rows[1]).toEqual({ type: 'gap', id: 'calendar-gap-2020', label: '2020: no dated figure found' });
    const conflict = Object.fromEntries(cal!.rows.flatMap((r) => (r.type === 'figure' ? [[r.id, r.conflict]] : [])));
    // c2 says it conflicts with c1: both are marked; c3 is not.
    expect(conflict).toEqual({ c1: true, c2: true, c3: false });
    expect(cal!.rows[2]).toEqual({ type: 'figure', id: 'c2', label: '2021 · 11 months', valueUsdMillions: 500, atLeast: true, exportsUsdMillions: 90, partial: true, article: false, conflict: true });
    expect(cal!.rows[3]).toMatchObject({ label: '2022 · the article', article: true });
    // A conflict is marked within its own panel only.
    expect(fis!.rows).toEqual([{ type: 'figure', id: 'f1', label: 'FY2019-20', valueUsdMillions: 500, atLeast: false, exportsUsdMillions: undefined, partial: false, article: false, conflict: false }]);
  });
});
