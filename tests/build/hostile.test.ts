// Real builds from poisoned and broken copies of content/ (SITE_CONTENT_DIR): markup typed into text fields
// comes out as text, never as elements, and a bad data file stops the build with the file, row and field named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { copyContent, editArticle, editYaml, PAYLOADS } from '../support/hostileContent';
import { childEnv } from '../support/childEnv';
import { withBuildLock } from '../support/buildLock';

const ROOT = resolve(import.meta.dirname, '../..');

function build(contentDir: string, name: string) {
  const outDir = resolve(ROOT, `.cache/${name}-dist`);
  // A fresh cache: Astro's content store would otherwise keep entries from an earlier copy's paths.
  const cacheDir = resolve(ROOT, `.cache/${name}-astro`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const result = withBuildLock(() => spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    // Astro wants data file paths relative to the project root.
    env: childEnv({ SITE_CONTENT_DIR: `./${relative(ROOT, contentDir)}`, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: cacheDir }),
    encoding: 'utf8',
  }));
  rmSync(cacheDir, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''), outDir };
}

describe('a build from content with markup typed into its text fields', () => {
  let copy: ReturnType<typeof copyContent>;
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    copy = copyContent();
    // A text edit, so the rest of the frontmatter keeps its quoting.
    editArticle(copy.dir, (mdx) => mdx.replace(/^standfirst: .*$/m, `standfirst: ${JSON.stringify(`In 2018 a journalist argued for an Asian bloc. ${PAYLOADS.script}`)}`)
      .replace(/^standfirst: (".*")\n(?:  .*\n)*/m, 'standfirst: $1\n'));
    editYaml(copy.dir, 'data/deals.yaml', (d) => { d.deals[0].label = PAYLOADS.img; });
    editYaml(copy.dir, 'data/timeline.yaml', (rows) => {
      rows[0].title = PAYLOADS.img;
      rows[0].summary = `${rows[0].summary} ${PAYLOADS.script}`;
    });
    editYaml(copy.dir, 'data/glossary.yaml', (d) => { d.terms[0].definition = `${d.terms[0].definition} ${PAYLOADS.img}`; });
    result = build(copy.dir, 'hostile');
  }, 240_000);
  afterAll(() => {
    copy?.remove();
    if (result) rmSync(result.outDir, { recursive: true, force: true });
  });

  it('astro build (SITE_CONTENT_DIR) succeeds and the page shows the markup as text', () => {
    expect(result.status, result.output.slice(-3000)).toBe(0);
    const $ = cheerio.load(readFileSync(join(result.outDir, 'index.html'), 'utf8'));
    const text = $('body').text();
    expect(text).toContain(PAYLOADS.img);
    expect(text).toContain(PAYLOADS.script);
    // The injected deal label names its bar in the deal-size figure, as text too.
    expect($('#deal-size-chart .deal-name').toArray().some((t) => $(t).text() === PAYLOADS.img)).toBe(true);
  });

  it('astro build (SITE_CONTENT_DIR) puts no injected element or handler into any page', () => {
    const pages = readdirSync(result.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const $ = cheerio.load(readFileSync(join(result.outDir, page), 'utf8'));
      expect($('img[src="x"]'), page).toHaveLength(0);
      expect($('[onerror]'), page).toHaveLength(0);
      const scripts = $('script').toArray().map((s) => $(s).text());
      expect(scripts.filter((s) => /alert\(/.test(s)), page).toEqual([]);
      // Attribute values (titles, descriptions, aria labels) are escaped, not cut open.
      expect($('[src="x"], [onerror], script[src="x"]').length, page).toBe(0);
    }
  });
});

describe('a build from content with a broken data file', () => {
  it('astro build (SITE_CONTENT_DIR) stops and names the file, the event and the field', () => {
    const copy = copyContent();
    try {
      let id = '';
      editYaml(copy.dir, 'data/timeline.yaml', (rows) => {
        const e = rows.find((r: { precision?: string }) => r.precision === 'day');
        id = e.id;
        e.date = '2031-06-01';
      });
      const result = build(copy.dir, 'broken');
      expect(result.status).not.toBe(0);
      expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
      expect(result.output).toContain('data/timeline.yaml');
      expect(result.output).toContain(id);
      expect(result.output).toMatch(/field "date"[^\n]*outside the timeline/);
    } finally {
      copy.remove();
      rmSync(resolve(ROOT, '.cache/broken-dist'), { recursive: true, force: true });
    }
  }, 240_000);
});
