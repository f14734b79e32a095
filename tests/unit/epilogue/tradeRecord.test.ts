// The longer trade record on plain objects: gaps named by the years they leave out, and the CSV rows of its figures.
import { describe, expect, it } from 'vitest';
import { tradeRecord, tradeRecordRecords, type TradeRecord } from '../../../src/lib/epilogue/tradeRecord';
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
