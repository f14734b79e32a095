// The article's MDX split into its frontmatter and a body that keeps the file's line numbers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFrontmatter, splitFrontmatter } from '../../../src/lib/article/frontmatter';
import { articleSchema } from '../../../src/schemas/article';

describe('splitFrontmatter', () => {
  it('splitFrontmatter(text, file) gives the fields and a body whose frontmatter lines are blank, with Windows line ends too', () => {
    expect(splitFrontmatter('---\nheadline: H\nlanguage: en\n---\n\n<Section />\n', 'a.mdx')).toEqual({ data: { headline: 'H', language: 'en' }, body: '\n\n\n\n\n<Section />\n' });
    expect(splitFrontmatter('---\r\nheadline: H\r\n---\r\nbody', 'a.mdx')).toEqual({ data: { headline: 'H' }, body: '\n\n\r\nbody' });
    expect(splitFrontmatter('---\nheadline: H\n---', 'a.mdx').body).toBe('\n\n');
  });

  it('splitFrontmatter(text, file) names the file when there is no frontmatter, or it is not a set of fields', () => {
    expect(() => splitFrontmatter('headline: H\n', 'a.mdx')).toThrow(/^a\.mdx: the article needs frontmatter between two "---" lines at the top$/);
    expect(() => splitFrontmatter('\n---\nheadline: H\n---\n', 'a.mdx')).toThrow(/needs frontmatter/);
    expect(() => splitFrontmatter('---\nheadline: H\n---body\n', 'a.mdx')).toThrow(/needs frontmatter/);
    for (const yaml of ['- a list', 'just text', '~']) {
      expect(() => splitFrontmatter(`---\n${yaml}\n---\n`, 'a.mdx'), yaml).toThrow(/^a\.mdx: the frontmatter must be a set of fields \(headline: …, author: …\)$/);
    }
  });

  it('splitFrontmatter(text, file) names a byte-order mark, and forgives spaces after a fence', () => {
    expect(() => splitFrontmatter('\uFEFF---\nheadline: H\n---\n', 'a.mdx')).toThrow(/^a\.mdx: the file starts with an invisible byte-order mark \(BOM\)/);
    expect(splitFrontmatter('--- \nheadline: H\n---\t\nbody', 'a.mdx')).toEqual({ data: { headline: 'H' }, body: '\n\n\nbody' });
  });

  it('checkFrontmatter(data, schema, file) names the file and each field as the data files do', () => {
    const message = (() => { try { checkFrontmatter({ hedline: 'H' }, articleSchema, 'a.mdx'); } catch (e) { return (e as Error).message; } return ''; })();
    expect(message).toMatch(/^a\.mdx: invalid frontmatter\n/);
    expect(message).toMatch(/ {2}- field "headline": /);
    expect(message).not.toMatch(/\*\*/);
  });

  it('checkFrontmatter(data, schema, file) refuses a field with nothing visible in it, or a bidirectional control, naming the field', () => {
    const data = splitFrontmatter(readFileSync(resolve(import.meta.dirname, '../../../content/article/pakistan-russia-asian-bloc.mdx'), 'utf8'), 'a.mdx').data as Record<string, any>;
    const refused = (change: (d: Record<string, any>) => void) => {
      const copy = structuredClone(data);
      change(copy);
      try { checkFrontmatter(copy, articleSchema, 'a.mdx'); } catch (e) { return (e as Error).message; }
      return '';
    };
    expect(refused(() => {})).toBe('');
    expect(refused((d) => { d.original.publication = '\u200B\u2060'; })).toMatch(/^a\.mdx: invalid frontmatter\n {2}- field "original\.publication": has nothing visible in it \(only U\+200B, U\+2060\)/);
    expect(refused((d) => { d.standfirst = `\u202E${d.standfirst}`; })).toMatch(/ {2}- field "standfirst": holds U\+202E, a bidirectional control/);
    expect(refused((d) => { d.standfirst = `A *new* ${d.standfirst}`; })).toMatch(/ {2}- field "standfirst": is plain text, and the page would show “\*new\*” as typed/);
  });

  it('splitFrontmatter(text, file) names the line of the file where the YAML breaks, and a field given twice', () => {
    expect(() => splitFrontmatter('---\nheadline: H\nauthor: [unclosed\n---\n', 'a.mdx')).toThrow(/^a\.mdx:\d+:\d+: the frontmatter could not be read: /);
    // One line number, the file's: not the parser's own count from the frontmatter's first line.
    const colon = (() => { try { splitFrontmatter('---\nheadline: H\nauthor: A\nlanguage en\nsection: x\n---\n', 'a.mdx'); } catch (e) { return (e as Error).message; } return ''; })();
    expect(colon).toMatch(/^a\.mdx:4:\d+: the frontmatter could not be read: /);
    expect(colon).not.toMatch(/line \d/);
    const dup = (() => { try { splitFrontmatter('---\nheadline: H\nheadline: I\n---\n', 'a.mdx'); } catch (e) { return (e as Error).message; } return ''; })();
    expect(dup).toBe('a.mdx:3:1: the frontmatter could not be read: Map keys must be unique');
  });
});

describe('articleSchema dates', () => {
  const base = { published: { precision: 'day', inferred: false } };
  const dateIssue = (date: string, precision = 'day') => {
    const r = articleSchema.safeParse({ ...base, published: { ...base.published, date, precision } });
    return r.success ? undefined : r.error.issues.find((i) => i.path.join('.') === 'published.date')?.message;
  };
  it('articleSchema refuses a day or month that does not exist, and takes the last day of each month', () => {
    expect(dateIssue('2018-02-30')).toBe('"2018-02-30" is not a real month or day');
    expect(dateIssue('2018-13', 'month')).toBe('"2018-13" is not a real month or day');
    expect(dateIssue('2018-00', 'month')).toBe('"2018-00" is not a real month or day');
    expect(dateIssue('2018-04-31')).toBe('"2018-04-31" is not a real month or day');
    for (const d of ['2016-02-29', '2018-12-31', '2018-01-01']) expect(dateIssue(d), d).toBeUndefined();
    expect(dateIssue('2017-02-29')).toBe('"2017-02-29" is not a real month or day');
    expect(dateIssue('2018', 'year')).toBeUndefined();
    expect(dateIssue('2018-10', 'day')).toBe('"2018-10" does not match precision "day"');
  });

  it('articleSchema asks an inferred date for its basis, and English as a BCP 47 tag', () => {
    const r = articleSchema.safeParse({ published: { date: '2018', precision: 'year', inferred: true }, language: 'English' });
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages['published.basis']).toBe('an inferred date must say what it is inferred from');
    expect(messages.language).toBe('the article is in English: "en", or English of a region such as "en-GB"');
  });
});
