// Proves the output gates can fail: each check run on a deliberately broken site reports its fault.
import { describe, expect, it } from 'vitest';
import { BROKEN_SITE, check404, checkCsp, checkReferences, checkInlineScripts, checkSitemap, validateHtml } from '../../support/gates';

const broken = BROKEN_SITE;
const site = 'https://broken.example';

describe('gates on a broken site', () => {
  it('validateHtml(dir) reports invalid markup with file, line and rule', async () => {
    const problems = await validateHtml(broken);
    expect(problems.some((p) => /^index\.html:\d+:\d+ /.test(p))).toBe(true);
    expect(problems.join('\n')).toMatch(/close-order|element-permitted-content|no-implicit-close/);
  });

  it('checkReferences(dir) reports a missing page, fragment, image and font', () => {
    const problems = checkReferences(broken, site).join('\n');
    expect(problems).toContain('"/missing-page/" points to /missing-page/, which is not in the build');
    expect(problems).toContain('points to #no-such-section, which index.html does not have');
    expect(problems).toContain('points to #nowhere, which about/index.html does not have');
    expect(problems).toContain('img src "/images/missing.png"');
    expect(problems).toContain('_astro/site.css: css url() "/fonts/missing.woff2"');
  });

  it('checkSitemap(dir) reports pages missing from the sitemap, pages that do not exist and foreign URLs', () => {
    const problems = checkSitemap(broken, site);
    expect(problems).toContain('sitemap.xml does not list the page /about/');
    expect(problems).toContain('sitemap.xml lists /gone/, which is not an indexable page of the build');
    expect(problems).toContain('sitemap.xml lists https://elsewhere.example/, which is not on https://broken.example');
  });

  it('check404(dir) reports a 404 page outside the site shell, unstyled, with a relative link and without the article\'s sections', () => {
    const problems = check404(broken);
    expect(problems).toContain("404.html has no link to /#main, which the article's contents list");
    expect(problems).toContain('404.html loads no stylesheet');
    expect(problems).toContain('404.html lacks the site header or footer');
    expect(problems).toContain('404.html is not marked noindex');
    expect(problems.some((p) => p.includes('"../" is relative'))).toBe(true);
  });
});

describe('inline scripts gate on a broken site', () => {
  it('checkInlineScripts(dir) reports every script fetched as a file', () => {
    expect(checkInlineScripts(broken)).toEqual([
      'about/index.html: <script src="/_astro/blocking.js"> is fetched as a file; every script must be written into the page',
      'about/index.html: <script src="/_astro/enhance.js"> is fetched as a file; every script must be written into the page',
    ]);
  });
});

describe('CSP gate on a broken site', () => {
  it('checkCsp(dir) reports an inline script the policy does not allow, a hash it allows for nothing on the page, and a <meta> policy that does not come first', () => {
    const problems = checkCsp(broken);
    expect(problems).toContain("index.html: script-src allows 'sha256-SVVyOdnKxdpLo9fuc25P/Xl/7Zrl0YY9UG/egXZ20uE=', which matches no inline script or style of the page");
    expect(problems.some((p) => p.startsWith('index.html: an inline script ("document.getElementById') && p.endsWith('is not allowed by the CSP'))).toBe(true);
    expect(problems).toContain('about/index.html: no <meta http-equiv="content-security-policy">');
    expect(problems).toContain('404.html: the <meta> CSP comes after <title>; it must come first in <head>, after <meta charset>');
  });
});
