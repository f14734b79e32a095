// A site deployed under a path (SITE_URL=https://example.org/sub/): every page, link, asset, card and address
// lives under /sub/, and the build refuses a SITE_URL it cannot use, naming SITE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { childEnv } from '../support/childEnv';
import { withBuildLock } from '../support/buildLock';
import { laterModules } from '../../scripts/bench/page.mjs';
import { check404, checkCsp, checkReferences, checkSitemap, htmlPages } from '../support/gates';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = 'https://example.org/sub/';
let dir: string;

function build(siteUrl: string, out: string, env: Record<string, string> = {}) {
  return withBuildLock(() => spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: childEnv({ SITE_URL: siteUrl, SITE_OUT_DIR: out, SITE_CACHE_DIR: `${out}-astro`, ...env }),
    encoding: 'utf8',
  }));
}

beforeAll(() => {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  dir = mkdtempSync(join(ROOT, '.cache', 'base-path-'));
  const result = build(SITE, join(dir, 'dist'));
  if (result.status !== 0) throw new Error(`astro build under ${SITE} failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
}, 240_000);
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

const dist = () => join(dir, 'dist');
const page = (file = 'index.html') => cheerio.load(readFileSync(join(dist(), file), 'utf8'));

describe(`a build for ${SITE}`, () => {
  it('checkReferences(dist, site) finds every same-site link, asset and fragment under /sub/, on every page and stylesheet', () => {
    expect(htmlPages(dist()).length).toBeGreaterThan(5);
    expect(checkReferences(dist(), SITE)).toEqual([]);
    // The check can fail: the same build judged as if served from the root breaks.
    expect(checkReferences(dist(), 'https://example.org/').length).toBeGreaterThan(20);
  });

  it('checkSitemap, check404 and checkCsp hold for the build served under /sub/', () => {
    expect(checkSitemap(dist(), SITE)).toEqual([]);
    expect(check404(dist(), '/sub/')).toEqual([]);
    expect(checkCsp(dist(), '/sub/')).toEqual([]);
  });

  it('the article\'s canonical, Open Graph, Twitter and JSON-LD addresses keep /sub/', () => {
    const $ = page();
    expect($('link[rel="canonical"]').attr('href')).toBe(SITE);
    expect($('meta[property="og:url"]').attr('content')).toBe(SITE);
    expect($('meta[property="og:image"]').attr('content')).toBe(`${SITE}og/article.png`);
    expect($('meta[name="twitter:image"]').attr('content')).toBe(`${SITE}og/article.png`);
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    expect([ld.url, ld.mainEntityOfPage, ld.image[0], ld.publisher.url]).toEqual([SITE, SITE, `${SITE}og/article.png`, SITE]);
  });

  it('the printed address, its QR code and the page furniture keep /sub/', () => {
    const $ = page();
    expect($('[data-print-url]').attr('href')).toBe(SITE);
    expect($('[data-print-colophon] svg title').text()).toContain(SITE);
    expect($('style[data-page-furniture]').text()).toContain(`@bottom-left { content: "${SITE}"; }`);
    $('.figure-data-url').each((_, e) => expect($(e).text()).toMatch(new RegExp(`^: ${SITE}data/`)));
  });

  it('the sitemap, robots.txt, share cards and share links keep /sub/', () => {
    const sitemap = readFileSync(join(dist(), 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}</loc>`);
    expect(readFileSync(join(dist(), 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}sitemap.xml`);
    const card = page('s/trade-on-the-rise/index.html');
    expect(card('link[rel="canonical"]').attr('href')).toBe(`${SITE}s/trade-on-the-rise/`);
    expect(card('meta[property="og:image"]').attr('content')).toBe(`${SITE}og/s/trade-on-the-rise.png`);
    expect(card('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/sub/#trade-on-the-rise');
    const $ = page();
    expect($('a[data-share-target]').first().attr('href')).toMatch(/^\/sub\/s\//);
    expect($('[data-share-links="article"]').attr('data-url')).toBe(SITE);
    const sectionLists = cheerio.load($('template[data-share-lists]').html() ?? '', null, false);
    expect(decodeURIComponent(sectionLists('[data-share-links] [data-share-network="facebook"]').first().attr('href')!)).toContain(`${SITE}s/`);
  });

  it('the page\'s script fetches its later modules from under /sub/, where the build wrote them', () => {
    const $ = page();
    const later = laterModules($('script[type="module"]').text(), dist());
    expect(later.length).toBeGreaterThan(0);
    for (const m of later) {
      expect(m.path).toMatch(/^\/sub\/_astro\/[\w.-]+\.js$/);
      expect(m.text).toContain('customElements.define');
    }
  });

  it('the 404 page and _headers put their paths under /sub/', () => {
    const $ = page('404.html');
    expect($('a').toArray().map((a) => $(a).attr('href')).filter((h) => h!.startsWith('/'))).toSatisfy((hrefs: string[]) => hrefs.length > 5 && hrefs.every((h) => h.startsWith('/sub/')));
    const headers = readFileSync(join(dist(), '_headers'), 'utf8');
    expect(headers).toMatch(/^\/sub\/\*$/m);
    expect(headers).toMatch(/^\/sub\/_astro\/\*$/m);
    expect(headers).not.toMatch(/^\/(?!sub\/)/m);
  });
});

describe('astro build and SITE_URL', () => {
  it.each([
    ['https://editor:s3cret@example.org/', /SITE_URL must not hold a user name or password/],
    ['', /SITE_URL is set but empty/],
    ['example.org/sub/', /SITE_URL "example\.org\/sub\/" has no scheme: write it as https:\/\/example\.org\/sub\//],
    ['https://exa mple.org/', /SITE_URL "https:\/\/exa mple\.org\/" is not a valid URL/],
  ])('astro build refuses SITE_URL=%j with a message naming SITE_URL, and writes nothing', (value, message) => {
    const out = join(dir, 'refused');
    const result = build(value, out);
    const output = result.stdout + result.stderr;
    expect(result.status, output.slice(-1500)).not.toBe(0);
    expect(output).toMatch(message);
    expect(output).not.toContain('s3cret');
    expect(() => readFileSync(join(out, 'index.html'))).toThrow();
  }, 120_000);
});

describe('astro build and SITE_HSTS', () => {
  it('astro build refuses a SITE_HSTS that is not a Strict-Transport-Security value, naming SITE_HSTS, and writes nothing', () => {
    const out = join(dir, 'refused-hsts');
    const result = build(SITE, out, { SITE_HSTS: 'forever' });
    const output = result.stdout + result.stderr;
    expect(result.status, output.slice(-1500)).not.toBe(0);
    expect(output).toMatch(/SITE_HSTS "forever" is not a Strict-Transport-Security value/);
    expect(() => readFileSync(join(out, 'index.html'))).toThrow();
  }, 120_000);
});
