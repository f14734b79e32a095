import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readRows } from '../../../src/lib/data/readRows';
import { paragraphSourceProblems } from '../../../src/lib/analysis/analysisChecks';
import { tradeFileSchema, tradeRowSchema } from '../../../src/schemas/trade';
import { dealsFileSchema } from '../../../src/schemas/deals';
import { readData } from '../charts/data';

const FILE = 'content/data/trade.yaml';
const good = () => parse(readData('trade.yaml'));
const read = (doc: unknown) => readRows(stringify(doc), FILE, tradeFileSchema);

describe('readRows(trade.yaml, tradeFileSchema)', () => {
  it('readRows(trade.yaml) accepts the data as published, each row with its group', () => {
    const rows = read(good());
    expect(rows.filter((r) => r.series === 'article').map((r) => r.valueUsdMillions)).toEqual(good().article.map((r: { valueUsdMillions: number }) => r.valueUsdMillions));
    expect(rows.find((r) => r.id === 'trade-2018-jan-oct')).toMatchObject({ series: 'context', partial: true });
    for (const row of rows) expect(tradeRowSchema.safeParse(row).success).toBe(true);
  });

  it('readRows rejects a negative value, naming file, row and field', () => {
    const doc = good();
    doc.article[0].valueUsdMillions = -400;
    expect(() => read(doc)).toThrow(/content\/data\/trade\.yaml: invalid data\n\s+- row "trade-last-year", field "valueUsdMillions": out of range: must be above zero/);
  });

  it('readRows refuses a value of zero in any group, which would ship as "$0", naming file, row and field', () => {
    const doc = good();
    doc.context[0].valueUsdMillions = 0;
    expect(() => read(doc)).toThrow(/content\/data\/trade\.yaml: invalid data\n\s+- row "trade-2014", field "valueUsdMillions": out of range: must be above zero \(US\$ millions\)/);
  });

  it('readRows refuses a context period that is not written as the data writes periods, naming a look-alike character', () => {
    const doc = good();
    doc.context[1].period = '2\u041E15';
    expect(() => read(doc)).toThrow(/row "trade-2015", field "period": must be written as the data writes periods[^\n]*; “О” \(U\+041E\) is not one of them/);
    for (const period of ['2015', 'January–October 2018', 'Jan–Nov 2020', 'Jul 2021–May 2022', 'FY2022–23', 'March 2016']) {
      doc.context[1].period = period;
      expect(() => read(doc), period).not.toThrow();
    }
    for (const period of ['２０１５', 'in 2015', '2015-16', 'Jan-Nov 2020', 'Smarch 2015', 'FY2022-23']) {
      doc.context[1].period = period;
      expect(() => read(doc), period).toThrow(/field "period": must be written as the data writes periods/);
    }
  });

  it('readRows rejects a missing value, naming file, row and field', () => {
    const doc = good();
    delete doc.context[1].valueUsdMillions;
    expect(() => read(doc)).toThrow(/content\/data\/trade\.yaml: invalid data\n\s+- row "trade-2015", field "valueUsdMillions": is missing/);
  });

  it('readRows rejects a value that is not a number', () => {
    const doc = good();
    doc.article[1].valueUsdMillions = '541 million';
    expect(() => read(doc)).toThrow(/row "trade-current-year", field "valueUsdMillions": must be a number of US\$ millions/);
  });

  it('readRows rejects a missing source, naming file, row and field', () => {
    const doc = good();
    delete doc.article[1].source;
    expect(() => read(doc)).toThrow(/content\/data\/trade\.yaml: invalid data\n\s+- row "trade-current-year", field "source": is missing/);
  });

  it('readRows rejects an outside source without its url, and an empty source', () => {
    const doc = good();
    delete doc.context[0].source.url;
    doc.context[2].source = {};
    const message = (() => { try { read(doc); return ''; } catch (e) { return (e as Error).message; } })();
    expect(message).toMatch(/row "trade-2014", field "source\.url": an outside source needs both a title and a url/);
    expect(message).toMatch(/row "trade-2018-jan-oct", field "source": is empty/);
  });

  it('readRows rejects a context figure that does not say whether it is a partial year', () => {
    const doc = good();
    delete doc.context[2].partial;
    expect(() => read(doc)).toThrow(/row "trade-2018-jan-oct", field "partial": is missing/);
  });

  it('readRows rejects a duplicate id, naming both rows and the field', () => {
    const doc = good();
    doc.context[0].id = 'trade-last-year';
    expect(() => read(doc)).toThrow(/content\/data\/trade\.yaml: invalid data\n\s+- row "trade-last-year" \(context, row 1\), field "id": duplicate id, already used by article, row 1/);
  });

  it('readRows names a row without an id by its place', () => {
    const doc = good();
    delete doc.claims[0].id;
    expect(() => read(doc)).toThrow(/row 1 of "claims", field "id": is missing/);
  });

  it('readRows rejects unknown groups and fields, and YAML it cannot read', () => {
    expect(() => read({ ...good(), extra: [] })).toThrow(/group "extra": not expected here/);
    const doc = good();
    doc.article[0].valueUsd = 1;
    expect(() => read(doc)).toThrow(/row "trade-last-year", field "\(root\)": Unrecognized key: "valueUsd"/);
    expect(() => readRows('article:\n  - id: a\n  - id: [', FILE, tradeFileSchema)).toThrow(/^content\/data\/trade\.yaml:3: the YAML could not be read/);
  });

  it('paragraphSourceProblems(rows, paragraphIds) names the row and field of a paragraph id the article does not have', () => {
    const doc = good();
    doc.article[0].source.paragraph = 'no-such-paragraph';
    const rows = read(doc) as { id: string; source?: { paragraph?: string } }[];
    expect(paragraphSourceProblems(rows, new Set(['trade-figures']))).toEqual(['row "trade-last-year", field "source.paragraph": "no-such-paragraph" is not a paragraph of the article']);
    // A row without a source, or with an outside one, has no paragraph to check.
    expect(paragraphSourceProblems([{ id: 'a' }, { id: 'b', source: {} }], new Set(['trade-figures']))).toEqual([]);
  });

  it('readRows(deals.yaml, dealsFileSchema) accepts the deals and rejects a bad one', () => {
    const deals = parse(readData('deals.yaml'));
    expect(readRows(stringify(deals), 'content/data/deals.yaml', dealsFileSchema).map((r) => r.id)).toEqual(['offshore-gas-pipeline', 'north-south-gas-pipeline']);
    deals.deals[1].valueUsdMillions = -2000;
    expect(() => readRows(stringify(deals), 'content/data/deals.yaml', dealsFileSchema)).toThrow(/content\/data\/deals\.yaml: invalid data\n\s+- row "north-south-gas-pipeline", field "valueUsdMillions": out of range: must be above zero/);
  });
});
