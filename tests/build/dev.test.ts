// `npm run dev` shows the page the build writes (figure numbers, source numbers, notes and ids are made while
// rendering, from the edition), and an edit to any file under content/ shows on the next load, without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { loadPage } from '../support/dist';
import { childEnv } from '../support/childEnv';
import { withBuildLockAsync } from '../support/buildLock';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let dev: ChildProcess | undefined;
let origin: string;
let log = '';
let release: () => void;

const freePort = () => new Promise<number>((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => done(port)); });
});

/** Waits for a condition on the dev server's page, however long the machine takes, up to a generous limit. */
async function pageWhen(test: (html: string) => boolean, what: string, limitMs = 90_000): Promise<string> {
  const until = Date.now() + limitMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const res = await fetch(`${origin}/`);
      last = await res.text();
      if (res.ok && test(last)) return last;
    } catch (e) { last = String((e as Error).cause ?? e); }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the dev server's page never ${what} (last answer: ${last.slice(0, 1500).replace(/\s+/g, " ")}); its log, without the answered requests:\n${log.split('\n').filter((l) => !/\[200\]/.test(l)).join('\n').slice(-3000)}`);
}

beforeAll(async () => {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  dir = mkdtempSync(join(ROOT, '.cache', 'dev-content-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  // The dev server writes .astro/ at the project root, as a build does: one at a time.
  await new Promise<void>((locked) => {
    void withBuildLockAsync(() => new Promise<void>((done) => { release = done; locked(); }));
  });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: childEnv({ SITE_CONTENT_DIR: relative(ROOT, dir), SITE_CACHE_DIR: join(dir, '..', `${relative(join(ROOT, '.cache'), dir)}-astro`) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (d) => { log += d; });
  dev.stderr!.on('data', (d) => { log += d; });
  await pageWhen((html) => html.includes('data-figure-label'), 'rendered the article');
}, 180_000);

afterAll(async () => {
  // Kept for reading after a failure; the dev server's log says what it saw and when.
  writeFileSync(join(ROOT, '.cache', 'dev-test.log'), log);
  if (dev && dev.exitCode === null) {
    const exited = new Promise((r) => dev!.once('exit', r));
    dev.kill('SIGTERM');
    await exited;
  }
  release?.();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-astro`, { recursive: true, force: true });
  }
});

/** What a reader and a printer see of a page, independent of how the dev server or the build deliver scripts and styles. */
function essentials(html: string) {
  const $ = cheerio.load(html);
  const text = (sel: string) => $(sel).toArray().map((e) => $(e).text().replace(/\s+/g, ' ').trim());
  return {
    ids: $('main [id]').toArray().map((e) => $(e).attr('id')),
    figures: text('[data-figure-label]'),
    figureRefs: text('[data-figref]'),
    sources: $('[data-sources] > li').toArray().map((li) => `${$(li).attr('data-source')} ${$(li).find('a').attr('href')}`),
    sourceRefs: $('[data-source-ref]').toArray().map((a) => `${$(a).attr('data-source-ref')} ${$(a).attr('href')}`),
    notes: $('[data-note]').toArray().map((n) => `${$(n).attr('data-note-n')} ${$(n).attr('id')}`),
    anchors: $('style[data-anchors]').toArray().map((s) => $(s).text()),
    // The whole of the article's text, with the day the copy was built (which may differ) left out.
    main: $('main').clone().find('script, style, time[data-print-date]').remove().end().text().replace(/\s+/g, ' ').trim(),
  };
}

describe('npm run dev', () => {
  it('astro dev renders the page the build writes: the same ids, figure and source numbers, notes and text', async () => {
    const built = essentials(loadPage().html());
    const served = essentials(await pageWhen(() => true, 'answered'));
    expect(built.figures).toEqual(['Figure 1', 'Figure 2', 'Figure 3', 'Figure 4', 'Figure 5', 'Figure 6']);
    expect(built.sourceRefs.length).toBeGreaterThan(20);
    expect(built.anchors).toHaveLength(1);
    expect(served).toEqual(built);
  });

  const edits: [string, string, string | RegExp, string][] = [
    ['the article', 'article/pakistan-russia-asian-bloc.mdx', 'We found no source that settles it', 'We found no source, in an edit made while the server runs, that settles it'],
    ['trade.yaml', 'data/trade.yaml', /(id: trade-2014[\s\S]*?valueUsdMillions: )\d+/, '$1777'],
    ['deals.yaml', 'data/deals.yaml', 'stage: feasibility study agreed in an MoU', 'stage: feasibility study agreed in an MoU, as edited'],
    ['timeline.yaml', 'data/timeline.yaml', /(summary: )(.)/, '$1Edited while running, $2'],
    ['glossary.yaml', 'data/glossary.yaml', 'definition: The China–Pakistan Economic Corridor,', 'definition: The China–Pakistan Economic Corridor (edited while running),'],
    ['places.yaml', 'data/places.yaml', /(what: )(.)/, '$1Edited while running. $2'],
    ['redirects.yaml', 'ids/redirects.yaml', /^/, 'an-old-link-to-common-interests: common-interests\n'],
    ['claims.yaml', 'data/claims.yaml', 'title: An Asian bloc', 'title: An Asian bloc, as edited'],
  ];
  const expected: Record<string, (html: string) => boolean> = {
    'the article': (h) => h.includes('in an edit made while the server runs'),
    'trade.yaml': (h) => h.includes('$777M'),
    'deals.yaml': (h) => h.includes('agreed in an MoU, as edited'),
    'timeline.yaml': (h) => h.includes('Edited while running, '),
    'glossary.yaml': (h) => h.includes('(edited while running)'),
    'places.yaml': (h) => h.includes('Edited while running. '),
    'redirects.yaml': (h) => h.includes('id="an-old-link-to-common-interests"'),
    'claims.yaml': (h) => h.includes('An Asian bloc, as edited'),
  };

  it.each([
    ['published.json', 'ids/published.json', '"paragraph": [', '"paragraph": [\n    "a-paragraph-that-never-was",', 'paragraph id "a-paragraph-that-never-was" was published and is gone'],
    ['the reference copy', 'source/article.txt', 'once Cold War arch enemies', 'once Cold War enemies', "the reference copy of the author's text has changed"],
  ])('astro dev reports a problem made by an edit to %s on the next load, naming it, and recovers when it is undone', async (_name, file, from, to, message) => {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const seen = log.length;
    try {
      writeFileSync(path, before.replace(from, to));
      const until = Date.now() + 90_000;
      let status = 0;
      while (Date.now() < until && !(status === 500 && log.slice(seen).includes(message))) {
        status = (await fetch(`${origin}/`)).status;
        if (status !== 500) await new Promise((r) => setTimeout(r, 300));
      }
      expect(status).toBe(500);
      expect(log.slice(seen)).toContain(message);
    } finally {
      writeFileSync(path, before);
    }
    await pageWhen((h) => h.includes('data-figure-label'), 'recovered');
  }, 120_000);

  it.each(edits)('astro dev shows an edit to %s on the next load, without a restart', async (name, file, from, to) => {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(from, to);
    expect(after, `the test's edit did not apply to ${file}`).not.toBe(before);
    expect(expected[name]!(await pageWhen(() => true, 'answered'))).toBe(false);
    writeFileSync(path, after);
    try {
      await pageWhen(expected[name]!, `showed the edit to ${file}`);
    } finally {
      writeFileSync(path, before);
    }
    expect(dev!.exitCode).toBeNull();
  }, 120_000);
});
