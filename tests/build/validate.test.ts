import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { check404, checkCsp, checkReferences, checkInlineScripts, checkSitemap, htmlPages, validateHtml } from '../support/gates';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SITE_URL } from '../../src/lib/siteUrls';
import { parsePolicy } from '../../src/integrations/headers';
import { headersFor, parseHeadersFile } from '../../scripts/lib/headers-file.mjs';

const dist = inject('distDir');
const site = process.env.SITE_URL ?? DEFAULT_SITE_URL;

describe('the built site', () => {
  it('htmlPages(dist) finds the article and the 404 page', () => {
    expect(htmlPages(dist)).toEqual(expect.arrayContaining(['index.html', '404.html']));
  });

  it('validateHtml(dist) passes html-validate on every page', async () => {
    expect(await validateHtml(dist)).toEqual([]);
  });

  it('checkReferences(dist) resolves every internal link, fragment and asset on every page and stylesheet', () => {
    expect(checkReferences(dist, site)).toEqual([]);
  });

  it('checkSitemap(dist) finds sitemap.xml listing exactly the indexable pages', () => {
    expect(checkSitemap(dist, site)).toEqual([]);
  });

  it('check404(dist) finds a styled 404 page in the site shell', () => {
    expect(check404(dist)).toEqual([]);
  });

  it('checkInlineScripts(dist) finds every script written into its page, none fetched as a file', () => {
    expect(checkInlineScripts(dist)).toEqual([]);
  });
});

describe('the Content Security Policy in the build', () => {
  it('checkCsp(dist) finds a policy on every page and in _headers that allows every inline script by hash and nothing inline else', () => {
    expect(checkCsp(dist)).toEqual([]);
  });

  it('_headers gives the article, a card page, a data file and an unknown address what Mozilla\'s Observatory scores: one CSP without unsafe sources, frame-ancestors, HSTS of six months or more, nosniff, a private referrer policy', () => {
    const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    for (const path of ['/', '/s/trade-on-the-rise/', '/data/trade.csv', '/no/such/page/']) {
      const h = headersFor(rules, path);
      const csp = parsePolicy(h['Content-Security-Policy'] ?? '');
      // The Observatory reads a comma-joined header as one policy: each directive must appear once.
      expect(h['Content-Security-Policy'], path).not.toContain(',');
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'self'"]);
      expect([...csp.values()].flat().filter((s) => /unsafe|^\*$|^https?:$|^data:$/.test(s)), path).toEqual([]);
      expect(Number(/^max-age=(\d+)/.exec(h['Strict-Transport-Security'] ?? '')?.[1]), path).toBeGreaterThanOrEqual(15552000);
      expect(h['X-Content-Type-Options'], path).toBe('nosniff');
      expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'], path).toContain(h['Referrer-Policy']);
    }
  });
});
