// The CSV downloads: formula cells neutralised as OWASP recommends, numbers left as numbers, the JSON untouched.
import { csvParse, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../src/lib/data/csv';
import { dealRecords, tradeRecords } from '../../../src/lib/data/money';
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
    const dealRows = csvParse(csvText(dealRecords(deals)));
    expect(dealRows[0]!.label).toBe(`'${HOSTILE[0]}`);
    expect(dealRows[0]!.stage).toBe(`'${HOSTILE[3]}`);
    expect(Number(dealRows[0]!.valueUsdMillions)).toBe(edition.deals[0]!.valueUsdMillions);
    const context = edition.trade.context.map((c, i) => (i === 0 ? { ...c, source: { title: HOSTILE[0]!, url: 'https://example.org/' } } : c));
    const tradeRows = csvParse(csvText(tradeRecords({ ...edition.trade, context })));
    expect(tradeRows.find((r) => r.id === context[0]!.id)!.sourceTitle).toBe(`'${HOSTILE[0]}`);
  });
});
