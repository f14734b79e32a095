import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOutline } from '../../../src/lib/article/outline';
import { checkIds, parsePublished, parseRedirects, resolveRedirect, retiredIdsFor, PUBLISHED_FILE, REDIRECTS_FILE } from '../../../src/lib/sharing/idRegistry';
import { readEdition } from '../../support/content';

const root = resolve(import.meta.dirname, '../../..');
const read = (f: string) => readFileSync(resolve(root, f), 'utf8');
const body = read('content/article/pakistan-russia-asian-bloc.mdx').replace(/^---[\s\S]*?^---$/m, '');

describe('the published id registry', () => {
  // Made afresh before each test: under mutation testing, the mutant is switched on only then.
  let outline: ReturnType<typeof parseOutline>;
  let published: ReturnType<typeof parsePublished>;
  let redirects: ReturnType<typeof parseRedirects>;
  beforeEach(() => {
    outline = parseOutline(body, 'article.mdx');
    published = parsePublished(read(PUBLISHED_FILE));
    redirects = parseRedirects(read(REDIRECTS_FILE));
  });
  // The editors' epilogue is a section of the page too, after the article's.
  const { epilogue } = readEdition();

  it('checkIds(published, article, redirects) finds every published id still linked and every current id recorded', () => {
    const current = { section: [...outline.sections.map((s) => s.id), epilogue.id], paragraph: outline.paragraphs.map((p) => p.id), claim: epilogue.claims.map((c) => c.id) };
    expect(checkIds(published, current, redirects)).toEqual([]);
  });

  it('parsePublished(registry) lists unique ids', () => {
    const all = [...published.section, ...published.paragraph, ...(published.event ?? []), ...(published.figure ?? []), ...(published.claim ?? [])];
    expect(new Set(all).size).toBe(all.length);
    expect(published.section.length).toBe(outline.sections.length + 1);
  });
});

describe('checkIds', () => {
  const published = { section: ['a', 'b'], paragraph: ['p1', 'p2'] };

  it('checkIds reports a published id that disappears without a redirect, naming the redirects file', () => {
    const problems = checkIds(published, { section: ['a', 'b'], paragraph: ['p1'] }, {});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/paragraph id "p2" was published and is gone.*content\/ids\/redirects\.yaml/);
  });

  it('checkIds accepts a retired id once it redirects to a current id', () => {
    expect(checkIds(published, { section: ['a', 'b'], paragraph: ['p1', 'p3'] }, { p2: 'p3' })).toEqual([
      'paragraph id "p3" is not in content/ids/published.json: add it there so that its links are kept',
    ]);
    expect(checkIds({ ...published, paragraph: ['p1', 'p2', 'p3'] }, { section: ['a', 'b'], paragraph: ['p1', 'p3'] }, { p2: 'p3' })).toEqual([]);
  });

  it('checkIds reports redirects that lead nowhere, loop, or retire an id still in use', () => {
    const current = { section: ['a', 'b'], paragraph: ['p1', 'p2'] };
    expect(checkIds(published, current, { old: 'gone' })).toEqual([expect.stringMatching(/"old".*leads to "gone", which is not on the page/)]);
    expect(checkIds(published, current, { x: 'y', y: 'x' })).toEqual([expect.stringMatching(/"x".*loop/), expect.stringMatching(/"y".*loop/)]);
    expect(checkIds(published, current, { p1: 'p2' })).toEqual([expect.stringMatching(/retired id "p1".*in use again/)]);
  });

  it('checkIds(published, current, redirects) says each problem in full, naming the id, its kind and the file to edit', () => {
    const reg = { section: ['a', 'gone-section'], paragraph: ['p1'] };
    expect(checkIds(reg, { section: ['a', 'new-section'], paragraph: ['p1'] }, { p1: 'p0', old: 'nowhere', x: 'y', y: 'x' })).toEqual([
      `section id "gone-section" was published and is gone: restore it or add "gone-section: <new id>" to ${REDIRECTS_FILE}`,
      `section id "new-section" is not in ${PUBLISHED_FILE}: add it there so that its links are kept`,
      `${REDIRECTS_FILE}: retired id "p1" is in use again on the page: remove the redirect or pick another id`,
      `${REDIRECTS_FILE}: retired id "p1" leads to "p0", which is not on the page (was "p0")`,
      `${REDIRECTS_FILE}: retired id "old" leads to "nowhere", which is not on the page (was "nowhere")`,
      `${REDIRECTS_FILE}: retired id "x" leads round in a loop`,
      `${REDIRECTS_FILE}: retired id "y" leads round in a loop`,
    ]);
    // Names the end of a chain, and the first step it was given.
    expect(checkIds(reg, { section: ['a', 'gone-section'], paragraph: ['p1'] }, { q: 'r', r: 's' })).toEqual([
      `${REDIRECTS_FILE}: retired id "q" leads to "s", which is not on the page (was "r")`,
      `${REDIRECTS_FILE}: retired id "r" leads to "s", which is not on the page (was "s")`,
    ]);
  });

  it('checkIds(published, current, redirects) treats a kind the registry lacks as nothing published, and can leave new ids unrecorded', () => {
    expect(checkIds({ section: ['a'] } as never, { section: ['a'], paragraph: ['p1'] }, {})).toEqual([
      `paragraph id "p1" is not in ${PUBLISHED_FILE}: add it there so that its links are kept`,
    ]);
    expect(checkIds({ section: ['a'] } as never, { section: ['a', 'b'], paragraph: ['p1'] }, {}, { requireRecorded: false })).toEqual([]);
  });

  it('checkIds leaves kinds it is not given (events, figures) unchecked', () => {
    expect(checkIds({ ...published, event: ['e1'] }, { section: ['a', 'b'], paragraph: ['p1', 'p2'] }, {})).toEqual([]);
  });
});

describe('resolveRedirect', () => {
  it('resolveRedirect(id, redirects) follows chains and stops on loops', () => {
    expect(resolveRedirect('a', { a: 'b', b: 'c' })).toBe('c');
    expect(resolveRedirect('c', { a: 'b' })).toBe('c');
    expect(resolveRedirect('a', { a: 'b', b: 'a' })).toBeUndefined();
    expect(retiredIdsFor('c', { a: 'b', b: 'c', d: 'e' }).sort()).toEqual(['a', 'b']);
  });
});

describe('parseRedirects and parsePublished', () => {
  it('parseRedirects(text) reads an empty file as no redirects and a map as given', () => {
    expect(parseRedirects('# nothing retired\n')).toEqual({});
    expect(parseRedirects('old-id: new-id\n')).toEqual({ 'old-id': 'new-id' });
  });

  it('parseRedirects rejects a malformed id, naming the file and the retired id', () => {
    expect(() => parseRedirects('Old Id: new-id\n', 'r.yaml')).toThrow(/r\.yaml: invalid data[\s\S]*Old Id/);
    expect(() => parseRedirects('old: [1, 2]\n', 'r.yaml')).toThrow(/r\.yaml[\s\S]*retired id "old"/);
  });

  it('parseRedirects rejects a file that is not YAML, naming the file', () => {
    expect(() => parseRedirects('old: [new\n', 'r.yaml')).toThrow(/^r\.yaml: not valid YAML: /);
  });

  it('parsePublished rejects bad JSON and unknown kinds, naming the file', () => {
    expect(() => parsePublished('{', 'p.json')).toThrow(/p\.json: not valid JSON/);
    expect(() => parsePublished('{"section":[],"paragraph":[],"chart":[]}', 'p.json')).toThrow(/p\.json: invalid data/);
  });
});
