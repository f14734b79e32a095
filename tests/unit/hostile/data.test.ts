// Broken data files: wrong types, missing fields, dates out of range or impossible, duplicate ids, labels too
// long to draw. Each stops with a message naming the file, the row and the field.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readData } from '../../support/content';
import { articleSchema } from '../../../src/schemas/article';
import { describeIssues } from '../../../src/schemas/issues';
import { USD_MILLIONS_MAX } from '../../../src/schemas/source';
import { copyContent, editYaml, PAYLOADS } from '../../support/hostileContent';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

let copy: ReturnType<typeof copyContent>;
afterEach(() => copy?.remove());

const article = (dir: string) => join(dir, 'article/pakistan-russia-asian-bloc.mdx');
const trade = (dir: string) => readData(dir, 'trade');
const deals = (dir: string) => readData(dir, 'deals');
const timeline = (dir: string) => readData(dir, 'timeline');

/** The error a call rejects with, as text. */
async function failure(run: () => unknown): Promise<string> {
  try { await run(); } catch (e) { return (e as Error).message; }
  throw new Error('expected the data to be refused, but it was accepted');
}

describe('hostile data files', () => {
  it('readData(trade.yaml) names file, row and field for a value of the wrong type', async () => {
    copy = copyContent();
    let id = '';
    editYaml(copy.dir, 'data/trade.yaml', (d) => { id = d.article[1].id; d.article[1].valueUsdMillions = 'a lot'; });
    const message = await failure(() => trade(copy.dir));
    expect(message).toContain('data/trade.yaml');
    expect(message).toContain(`row "${id}"`);
    expect(message).toMatch(/field "valueUsdMillions": must be a number of US\$ millions/);
  });

  it('readData(trade.yaml) names the missing field', async () => {
    copy = copyContent();
    editYaml(copy.dir, 'data/trade.yaml', (d) => { delete d.article[0].source; });
    expect(await failure(() => trade(copy.dir))).toMatch(/data\/trade\.yaml[\s\S]*field "source": is missing/);
  });

  it('readData(trade.yaml) refuses a duplicate id, naming both rows', async () => {
    copy = copyContent();
    let id = '';
    editYaml(copy.dir, 'data/trade.yaml', (d) => { id = d.article[0].id; d.context[0].id = id; });
    expect(await failure(() => trade(copy.dir))).toMatch(new RegExp(`data/trade\\.yaml[\\s\\S]*field "id": duplicate id, already used by article, row 1`));
    expect(id).not.toBe('');
  });

  it('readData(trade.yaml) refuses a zero the chart would divide by and 10^12 as out of range; the largest value allowed goes through', async () => {
    copy = copyContent();
    editYaml(copy.dir, 'data/trade.yaml', (d) => { d.article[0].valueUsdMillions = 0; });
    expect(await failure(() => trade(copy.dir))).toMatch(/data\/trade\.yaml[\s\S]*row "trade-last-year", field "valueUsdMillions": out of range: must be above zero/);
    copy.remove();
    copy = copyContent();
    editYaml(copy.dir, 'data/trade.yaml', (d) => { d.article[1].valueUsdMillions = 1e12; });
    expect(await failure(() => trade(copy.dir))).toMatch(/data\/trade\.yaml[\s\S]*field "valueUsdMillions": out of range: at most 10,000,000/);
    editYaml(copy.dir, 'data/trade.yaml', (d) => { d.article[1].valueUsdMillions = USD_MILLIONS_MAX; });
    expect((trade(copy.dir)).find((r) => r.valueUsdMillions === USD_MILLIONS_MAX)).toBeDefined();
  });

  it('readData(trade.yaml, deals.yaml) refuses labels too long to draw on a phone, naming the field', async () => {
    copy = copyContent();
    editYaml(copy.dir, 'data/trade.yaml', (d) => { d.article[0].period = 'the whole of the last financial year, roughly'; });
    expect(await failure(() => trade(copy.dir))).toMatch(/data\/trade\.yaml[\s\S]*field "period": must be at most 24 characters/);
    editYaml(copy.dir, 'data/deals.yaml', (d) => { d.deals[0].label = 'W'.repeat(200); });
    expect(await failure(() => deals(copy.dir))).toMatch(/data\/deals\.yaml[\s\S]*field "label": must be at most 32 characters/);
  });

  it('readData(timeline.yaml) refuses dates out of range and days that do not exist', async () => {
    copy = copyContent();
    let id = '';
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => {
      const e = rows.find((r: any) => r.precision === 'day');
      id = e.id; e.date = '2031-06-01';
    });
    expect(await failure(() => timeline(copy.dir))).toMatch(new RegExp(`data/timeline\\.yaml[\\s\\S]*${id}[\\s\\S]*field "date"[\\s\\S]*outside the timeline`));
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => {
      rows.find((r: any) => r.id === id).date = '2015-02-30';
    });
    expect(await failure(() => timeline(copy.dir))).toMatch(/field "date"[\s\S]*not a calendar day/);
  });

  it('readData(timeline.yaml) refuses a duplicate id and a missing title', async () => {
    copy = copyContent();
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => {
      rows[1].id = rows[0].id;
      delete rows[2].title;
    });
    const message = await failure(() => timeline(copy.dir));
    expect(message).toContain('data/timeline.yaml');
    expect(message).toMatch(/duplicate/i);
    expect(message).toMatch(/field "title"/);
  });

  it('readData(glossary.yaml) names file, row and field for a glossary entry of the wrong type', async () => {
    copy = copyContent();
    editYaml(copy.dir, 'data/glossary.yaml', (d) => { d.terms[0].definition = 42; });
    expect(await failure(() => readData(copy.dir, 'glossary'))).toMatch(/data\/glossary\.yaml[\s\S]*row "[a-z0-9-]+"[\s\S]*field "definition"/);
  });

  it('readData(deals.yaml) and readData(timeline.yaml) refuse a script payload in text fields, naming the field', async () => {
    copy = copyContent();
    editYaml(copy.dir, 'data/deals.yaml', (d) => { d.deals[0].label = PAYLOADS.img; });
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => { rows[0].title = PAYLOADS.img; });
    expect(await failure(() => deals(copy.dir))).toMatch(/field "label": is plain text, and the page would show “<img src=x onerror=alert\(1\)>” as typed/);
    expect(await failure(() => timeline(copy.dir))).toMatch(/field "title": is plain text/);
  });

  it('every data file refuses HTML, Markdown or an HTML entity in its words, which the page would show as typed, naming file, row and field', async () => {
    const cases: [keyof typeof import('../../../src/lib/edition/contentFiles').DATA_FILES, string, (d: any) => string, RegExp][] = [
      ['glossary', 'data/glossary.yaml', (d) => { d.terms[0].definition = d.terms[0].definition.replace('friendship', '<em>friendship</em>'); return `row "${d.terms[0].id}", field "definition"`; }, /“<em>”/],
      ['timeline', 'data/timeline.yaml', (d) => { d[0].summary = `**${d[0].summary}**`; return `event "${d[0].id}", field "summary"`; }, /“\*\*”/],
      ['claims', 'data/claims.yaml', (d) => { d.claims[0].sources[0].title += ' [the report](https://example.org/)'; return `row "${d.claims[0].id}", field "sources.0.title"`; }, /“\[the report\]\(https:\/\/example\.org\/\)”/],
      ['deals', 'data/deals.yaml', (d) => { d.deals[0].label = 'Offshore gas&nbsp;pipeline'; return `row "${d.deals[0].id}", field "label"`; }, /“&nbsp;”/],
      ['laterEvents', 'data/later-events.yaml', (d) => { d[0].title = `\`${d[0].title}\``; return `event "${d[0].id}", field "title"`; }, /“`[^`”]+`”/],
      ['epilogue', 'data/epilogue.yaml', (d) => { d.title = `${d.title}<br>`; return 'field "title"'; }, /“<br>”/],
    ];
    for (const [key, file, edit, shown] of cases) {
      copy?.remove();
      copy = copyContent();
      let where = '';
      editYaml(copy.dir, file, (d) => { where = edit(d); });
      const message = await failure(() => readData(copy.dir, key));
      expect(message, file).toContain(file);
      expect(message, file).toContain(`${where}: is plain text`);
      expect(message, file).toMatch(shown);
    }
  });

  it('every data file refuses words with nothing visible in them, or a bidirectional control that reorders them, naming file, row, field and character', async () => {
    copy = copyContent();
    let id = '';
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => { id = rows[0].id; rows[0].title = '\u200B\u200B\u200B'; });
    expect(await failure(() => timeline(copy.dir))).toMatch(new RegExp(`data/timeline\\.yaml[\\s\\S]*event "${id}", field "title": has nothing visible in it \\(only U\\+200B, U\\+200B, U\\+200B\\): the page would show a blank`));
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => { rows[0].title = 'Talks \u202Eevil\u202C begin'; });
    expect(await failure(() => timeline(copy.dir))).toMatch(new RegExp(`event "${id}", field "title": holds U\\+202E, a bidirectional control: the page would show the words around it in another order than they are typed; take it out`));
    editYaml(copy.dir, 'data/glossary.yaml', (d) => { id = d.terms[0].id; d.terms[0].definition = `${d.terms[0].definition}\u2067`; });
    expect(await failure(() => readData(copy.dir, 'glossary'))).toMatch(new RegExp(`row "${id}", field "definition": holds U\\+2067, a bidirectional control`));
    // A zero-width joiner between letters, visible words around it, is no blank.
    editYaml(copy.dir, 'data/glossary.yaml', (d) => { d.terms[0].definition = d.terms[0].definition.replace(/\u2067$/, '').replace(' ', ' \u200D'); });
    expect(() => readData(copy.dir, 'glossary')).not.toThrow();
  });

  it('readData(timeline.yaml) refuses a run of days longer than two months, naming the event and field', async () => {
    copy = copyContent();
    let id = '';
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => { const e = rows.find((r: { start?: string }) => r.start); id = e.id; e.end = `${Number(e.start.slice(0, 4)) + 1}${e.start.slice(4)}`; });
    expect(await failure(() => timeline(copy.dir))).toMatch(new RegExp(`event "${id}", field "end": a run of days lasts at most 62 days \\(this one, 36[5-7]\\); date a longer one by its month or year`));
  });

  it('readData(timeline.yaml) refuses a date said to be the article\'s without the article\'s words for it, or words less exact than the date', async () => {
    copy = copyContent();
    let id = '';
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => { const e = rows.find((r: { dateFrom: string; precision?: string }) => r.dateFrom === 'inferred' && r.precision === 'day'); id = e.id; e.dateFrom = 'article'; delete e.articleSays; });
    expect(await failure(() => timeline(copy.dir))).toMatch(new RegExp(`event "${id}", field "articleSays": is missing: a date the article gives is quoted in its words`));
    copy.remove();
    copy = copyContent();
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => { const e = rows.find((r: { dateFrom: string; precision?: string }) => r.dateFrom === 'inferred' && r.precision === 'day'); id = e.id; e.dateFrom = 'article'; });
    expect(await failure(() => timeline(copy.dir))).toMatch(new RegExp(`event "${id}", field "dateFrom": the article's words \\(“[^”]+”\\) name no day, so the day is not the article's; use dateFrom: inferred`));
  });

  it('every source address refuses spaces, which a browser would cut the link at', async () => {
    copy = copyContent();
    let id = '';
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => { const e = rows.find((r: { source?: { url: string } }) => r.source); id = e.id; e.source.url += ' landmark deal'; });
    expect(await failure(() => timeline(copy.dir))).toMatch(new RegExp(`event "${id}", field "source\\.url": must be an address without spaces`));
  });

  it('a data file\'s words may hold angle brackets, asterisks and ampersands that are not markup, and addresses keep theirs', async () => {
    copy = copyContent();
    editYaml(copy.dir, 'data/glossary.yaml', (d) => { d.terms[0].definition = `${d.terms[0].definition} Trade < $1bn & rising; 5 * 2 = 10.`; d.terms[0].source.url = 'https://example.org/a_b_c/?q=*x*&y=<z>'; });
    expect(() => readData(copy.dir, 'glossary')).not.toThrow();
  });
});

describe('hostile article frontmatter', () => {
  const issues = (data: unknown) => {
    const r = articleSchema.safeParse(data);
    return r.success ? '' : describeIssues('content/article/pakistan-russia-asian-bloc.mdx', r.error);
  };

  it('articleSchema names each wrong type, missing field and impossible date', () => {
    copy = copyContent();
    const fm = parse(readFileSync(article(copy.dir), 'utf8').split(/^---$/m)[1]!);
    expect(issues(fm)).toBe('');
    expect(issues({ ...fm, headline: 42 })).toMatch(/field "headline"/);
    const { standfirst: _, ...missing } = fm;
    expect(issues(missing)).toMatch(/field "standfirst"/);
    expect(issues({ ...fm, published: { ...fm.published, date: '2018-13', precision: 'month' } })).toMatch(/field "published\.date": "2018-13" is not a real month or day/);
    expect(issues({ ...fm, published: { ...fm.published, date: '2018-02-30', precision: 'day' } })).toMatch(/field "published\.date": "2018-02-30" is not a real month or day/);
    expect(issues({ ...fm, updated: '2018-02-30' })).toMatch(/field "updated"/);
    expect(issues({ ...fm, published: { ...fm.published, date: 'last autumn' } })).toMatch(/field "published\.date": must be an ISO date/);
  });

  it('articleSchema refuses a language other than English for the author\'s English text', () => {
    copy = copyContent();
    const fm = parse(readFileSync(article(copy.dir), 'utf8').split(/^---$/m)[1]!);
    expect(issues({ ...fm, language: 'ru' })).toMatch(/field "language": the article is in English: "en", or English of a region such as "en-GB"/);
    expect(issues({ ...fm, language: 'en-GB' })).toBe('');
  });
});
