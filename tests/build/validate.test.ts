import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { check404, checkCsp, checkReferences, checkInlineScripts, checkSitemap, htmlPages, validateHtml } from '../support/gates';
import { DEFAULT_SITE_URL } from '../../src/lib/siteUrls';

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
});
