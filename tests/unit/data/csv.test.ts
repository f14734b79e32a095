// The CSV downloads: formula cells neutralised as OWASP recommends, numbers left as numbers, the JSON untouched.
import { csvParse, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../src/lib/data/csv';
import { csvResponse, jsonResponse } from '../../../src/lib/data/downloads';
import { dealRecords, sourceHref, sourcesText, sourceText, tradeRecords, tradeYear, TRADE_YEAR_LABEL } from '../../../src/lib/data/money';
import { readEdition } from '../../support/content';

const HOSTILE = ['=HYPERLINK("//x.example","c")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=1+1'];

describe('csvCell', () => {
  it.each(HOSTILE)('csvCell(%j) starts the text with an apostrophe, keeping the rest', (text) => {
    expect(csvCell(text)).toBe(`'${text}`);
  });

  it('csvCell(value) leaves numbers, booleans and plain text as they are', () => {
    expect(csvCell(-73)).toBe(-73);
    expect(csvCell(0)).toBe(0);
    expect(csvCell(true)).toBe(true);
    for (const text of ['Offshore pipeline', '2017', '', "'=already quoted", ' =x', 'a=b']) expect(csvCell(text)).toBe(text);
  });
});

describe('csvText', () => {
  it('csvText(records) writes hostile labels as inert text that reads back whole, and negative numbers as numbers', () => {
    const records = HOSTILE.map((label, i) => ({ id: `row-${i}`, label, growthPercent: -5.5 }));
    const text = csvText(records);
    const rows = csvParse(text);
    expect(rows.map((r) => r.label)).toEqual(HOSTILE.map((l) => `'${l}`));
    expect(rows.map((r) => r.growthPercent)).toEqual(HOSTILE.map(() => '-5.5'));
    // No line of the file, and no cell of it, begins with a character a spreadsheet would run.
    for (const row of csvParseRows(text)) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+@\t\r]/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('csvText(tradeRecords) and csvText(dealRecords) neutralise a formula typed into any text field of the data', () => {
    const edition = readEdition();
    const deals = edition.deals.map((d, i) => (i === 0 ? { ...d, label: HOSTILE[0]!, stage: HOSTILE[3]! } : d));
    const dealRows = csvParse(csvText(dealRecords(deals, tradeYear(edition.trade))));
    expect(dealRows[0]!.label).toBe(`'${HOSTILE[0]}`);
    expect(dealRows[0]!.stage).toBe(`'${HOSTILE[3]}`);
    expect(Number(dealRows[0]!.valueUsdMillions)).toBe(edition.deals[0]!.valueUsdMillions);
    const context = edition.trade.context.map((c, i) => (i === 0 ? { ...c, source: { title: HOSTILE[0]!, url: 'https://example.org/' } } : c));
    const tradeRows = csvParse(csvText(tradeRecords({ ...edition.trade, context })));
    expect(tradeRows.find((r) => r.id === context[0]!.id)!.sourceTitle).toBe(`'${HOSTILE[0]}`);
  });
});

describe('sources in words', () => {
  const edition = readEdition();
  const { sectionTitles: sections } = edition;
  const [figure] = edition.trade.figures;
  const outside = edition.trade.context[0]!.source;

  it('sourceText(source, sections) names an article paragraph by its section, and an outside report by its title', () => {
    expect(sections[figure!.source.paragraph!]).toBe('Trade on the rise');
    expect(sourceText(figure!.source, sections)).toBe('the article (“Trade on the rise”)');
    expect(sourceText(outside, sections)).toBe(outside.title);
    // A paragraph no section holds is named by its id rather than dropped.
    expect(sourceText({ paragraph: 'lost-paragraph' }, sections)).toBe('the article (“lost-paragraph”)');
    expect(sourceText({}, sections)).toBe('');
  });

  it('sourcesText(sources, sections) names the article once with each section once, then each outside report once', () => {
    const deals = edition.deals.map((d) => d.source);
    expect(sourcesText([...deals, figure!.source, figure!.source], sections))
      .toBe('the article (“The energy corridor”, “Trade on the rise”)');
    const context = edition.trade.context.map((c) => c.source);
    expect(sourcesText([figure!.source, ...context, { paragraph: 'lost-paragraph' }], sections))
      .toBe(`the article (“Trade on the rise”, “lost-paragraph”); ${[...new Set(context.map((c) => c.title))].join('; ')}`);
    expect(sourcesText(context, sections)).toBe([...new Set(context.map((c) => c.title))].join('; '));
    expect(sourcesText([], sections)).toBe('');
    // A paragraph of the article is named by its section even where the row also gives a title; a source with neither adds nothing.
    expect(sourcesText([{ paragraph: 'trade-figures', title: 'The Nation' }, { url: 'https://example.org/' }], sections)).toBe('the article (“Trade on the rise”)');
  });

  it('sourceHref(source) leads to the paragraph on this page, or to the outside report', () => {
    expect(sourceHref(figure!.source)).toBe('#trade-figures');
    expect(sourceHref(outside)).toBe(outside.url);
  });

  it('tradeRecords(data) and dealRecords(deals) write every field of each row, empty where the data has none', () => {
    const trade = tradeRecords(edition.trade);
    const { figures, claims, context } = edition.trade;
    expect(trade.map((r) => [r.series, r.id])).toEqual([
      ...figures.map((r) => ['article', r.id]), ...claims.map((r) => ['article-claim', r.id]), ...context.map((r) => ['other-source', r.id]),
    ]);
    expect(trade[0]).toEqual({
      series: 'article', id: figures[0]!.id, period: figures[0]!.period, valueUsdMillions: figures[0]!.valueUsdMillions, partial: '',
      likelyPeriod: figures[0]!.likelyPeriod, growthPercent: '', sourceParagraph: 'trade-figures', sourceTitle: '', sourceUrl: '',
    });
    expect(trade[figures.length]).toEqual({
      series: 'article-claim', id: claims[0]!.id, period: claims[0]!.period, valueUsdMillions: '', partial: '', likelyPeriod: '',
      growthPercent: claims[0]!.growthPercent, sourceParagraph: 'trade-figures', sourceTitle: '', sourceUrl: '',
    });
    expect(trade.at(-1)).toEqual({
      series: 'other-source', id: context.at(-1)!.id, period: context.at(-1)!.period, valueUsdMillions: context.at(-1)!.valueUsdMillions,
      partial: context.at(-1)!.partial, likelyPeriod: '', growthPercent: '', sourceParagraph: '', sourceTitle: context.at(-1)!.source.title,
      sourceUrl: context.at(-1)!.source.url,
    });
    const { likelyPeriod: _, ...noLikely } = figures[0]!;
    expect(tradeRecords({ figures: [noLikely], claims: [], context: [] })[0]!.likelyPeriod).toBe('');
    const [deal] = edition.deals;
    const year = tradeYear(edition.trade);
    expect(dealRecords([deal!], year)).toEqual([{
      kind: 'headline value', id: deal!.id, label: deal!.label, stage: deal!.stage, period: deal!.period, valueUsdMillions: deal!.valueUsdMillions,
      sourceParagraph: deal!.source.paragraph, sourceTitle: '', sourceUrl: '',
      confirmedDate: deal!.confirmedBy!.date, confirmedTitle: deal!.confirmedBy!.title, confirmedUrl: deal!.confirmedBy!.url,
    }, {
      // The figure draws the year of trade beside the pipelines: the download has its row too.
      kind: 'trade', id: year.id, label: TRADE_YEAR_LABEL, stage: '', period: year.period, valueUsdMillions: year.valueUsdMillions,
      sourceParagraph: 'trade-figures', sourceTitle: '', sourceUrl: '', confirmedDate: '', confirmedTitle: '', confirmedUrl: '',
    }]);
    const { confirmedBy: __, ...unconfirmed } = deal!;
    expect(dealRecords([{ ...unconfirmed, source: outside }], year)[0]).toMatchObject({
      sourceParagraph: '', sourceTitle: outside.title, sourceUrl: outside.url, confirmedDate: '', confirmedTitle: '', confirmedUrl: '',
    });
  });
});

describe('jsonResponse and csvResponse', () => {
  it('jsonResponse(body) answers with the JSON indented by two spaces and a final newline, typed as UTF-8 JSON', async () => {
    const body = { label: '=HYPERLINK("//x.example","c")', value: -5.5, list: [1, 'two'] };
    const res = jsonResponse(body);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await res.text();
    expect(text).toBe(`${JSON.stringify(body, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(body);
    expect(text.split('\n')[1]).toMatch(/^ {2}"label"/);
  });

  it('csvResponse(records) answers with the safe CSV text, typed as UTF-8 CSV', async () => {
    const records = HOSTILE.map((label, i) => ({ id: `row-${i}`, label, value: i - 1 }));
    const res = csvResponse(records);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await res.text();
    expect(text).toBe(csvText(records));
    expect(csvParse(text).map((r) => r.label)).toEqual(HOSTILE.map((l) => `'${l}`));
  });
});
