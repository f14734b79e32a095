import { describe, expect, it } from 'vitest';
import { headersFile, mergePolicies, metaCsp, pagePaths, parsePolicy } from '../../../src/integrations/headers';
import { headersFor, parseHeadersFile } from '../../../scripts/lib/headers-file.mjs';

const CSP_A = "default-src 'self'; script-src 'self' 'sha256-AAA'; style-src 'self'";
const CSP_B = "default-src 'self'; script-src 'self' 'sha256-BBB'; style-src 'self' 'sha256-CCC'";

describe('security headers', () => {
  it('metaCsp(html) reads the policy Astro wrote into the page, entities decoded', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="script-src &#39;self&#39; &#39;sha256-x&#39;;"></head>`;
    expect(metaCsp(html)).toBe("script-src 'self' 'sha256-x';");
    expect(metaCsp('<head></head>')).toBeUndefined();
  });

  it('mergePolicies(policies) unions the sources of each directive and adds the header-only ones', () => {
    const merged = parsePolicy(mergePolicies([CSP_A, CSP_B]));
    expect(merged.get('script-src')).toEqual(["'self'", "'sha256-AAA'", "'sha256-BBB'"]);
    expect(merged.get('style-src')).toEqual(["'self'", "'sha256-CCC'"]);
    expect(merged.get('frame-ancestors')).toEqual(["'self'"]);
  });

  it("mergePolicies(policies) refuses 'unsafe-inline' for scripts", () => {
    expect(() => mergePolicies(["script-src 'self' 'unsafe-inline'"])).toThrow(/unsafe-inline/);
  });

  it('pagePaths(file) gives the URL paths a built file answers on', () => {
    expect(pagePaths('index.html')).toEqual(['/']);
    expect(pagePaths('s/trade/index.html')).toEqual(['/s/trade/', '/s/trade']);
    expect(pagePaths('404.html')).toEqual(['/404.html', '/404']);
  });

  it('headersFile(pages) gives each page its own CSP, common headers everywhere and immutable caching on /_astro/', () => {
    const rules = parseHeadersFile(headersFile([{ path: '/', csp: CSP_A }, { path: '/s/a/', csp: CSP_B }]));
    const home = headersFor(rules, '/');
    expect(home['Content-Security-Policy']).toContain("'sha256-AAA'");
    expect(home['Content-Security-Policy']).not.toContain("'sha256-BBB'");
    expect(home['X-Content-Type-Options']).toBe('nosniff');
    expect(home['Referrer-Policy']).toBeTruthy();
    expect(home['Permissions-Policy']).toContain('camera=()');
    expect(headersFor(rules, '/s/a/')['Content-Security-Policy']).toContain("'sha256-BBB'");
    const asset = headersFor(rules, '/_astro/index.abc123.css');
    expect(asset['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(asset['Content-Security-Policy']).toBeUndefined();
    expect(headersFor(rules, '/favicon.svg')['Cache-Control']).toBeUndefined();
  });

  it('headersFile(pages, base) puts every rule under the base path the site is served from', () => {
    const rules = parseHeadersFile(headersFile([{ path: pagePaths('index.html', '/sub/')[0]!, csp: CSP_A }], '/sub/'));
    expect(headersFor(rules, '/sub/')['Content-Security-Policy']).toContain("'sha256-AAA'");
    expect(headersFor(rules, '/sub/_astro/a.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/sub/x')['X-Content-Type-Options']).toBe('nosniff');
    expect(headersFor(rules, '/other/')['X-Content-Type-Options']).toBeUndefined();
    expect(pagePaths('s/a/index.html', '/sub/')).toEqual(['/sub/s/a/', '/sub/s/a']);
  });

  it('parseHeadersFile(text) matches splats and placeholders and rejects malformed lines', () => {
    const rules = parseHeadersFile('/a/*\n  X-A: 1\n/b/:slug/\n  X-B: 2\n/*\n  X-A: 3\n');
    expect(headersFor(rules, '/a/deep/file.js')).toEqual({ 'X-A': '1, 3' });
    expect(headersFor(rules, '/b/one/')).toEqual({ 'X-B': '2', 'X-A': '3' });
    expect(headersFor(rules, '/b/one/two/')).toEqual({ 'X-A': '3' });
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(/before any path/);
    expect(() => parseHeadersFile('/x\n  no colon here\n')).toThrow(/not "Name: value"/);
  });
});
