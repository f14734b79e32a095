import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cspFirst, DEFAULT_HSTS, ownHashesOnly, headersFile, mergePolicies, metaCsp, pagePaths, parseHsts, parsePolicy } from '../../../src/integrations/headers';
import { headersFor, parseHeadersFile } from '../../../scripts/lib/headers-file.mjs';

const hash = (text: string, algorithm = 'sha256') => `'${algorithm}-${createHash(algorithm).update(text).digest('base64')}'`;
const CSP_A = "default-src 'self'; script-src 'self' 'sha256-AAA'; style-src 'self'";
const CSP_B = "default-src 'self'; script-src 'self' 'sha256-BBB'; style-src 'self' 'sha256-CCC'";

describe('security headers', () => {
  it('metaCsp(html) reads the policy Astro wrote into the page, entities decoded', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="script-src &#39;self&#39; &#39;sha256-x&#39;;"></head>`;
    expect(metaCsp(html)).toBe("script-src 'self' 'sha256-x';");
    expect(metaCsp('<head></head>')).toBeUndefined();
    // Any character reference an HTML writer may use: hexadecimal, named, and in a single-quoted attribute.
    expect(metaCsp(`<meta http-equiv='content-security-policy' content='style-src &#x27;self&#x27; &apos;sha256-y&apos; &quot;a&amp;b&quot; &lt;x&gt;'>`)).toBe(`style-src 'self' 'sha256-y' "a&b" <x>`);
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

  it('headersFile(policies) sends the common headers and one CSP merged from every page on every path, and immutable caching on /_astro/', () => {
    const rules = parseHeadersFile(headersFile([CSP_A, CSP_B]));
    for (const path of ['/', '/s/a/', '/no/such/page', '/og/article.png']) {
      const headers = headersFor(rules, path);
      // One policy (no comma-joined second one), with both pages' hashes and frame-ancestors.
      const csp = parsePolicy(headers['Content-Security-Policy']!);
      expect(csp.get('script-src'), path).toEqual(["'self'", "'sha256-AAA'", "'sha256-BBB'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'self'"]);
      expect(headers['Content-Security-Policy'], path).not.toMatch(/,/);
      expect(headers['X-Content-Type-Options'], path).toBe('nosniff');
      expect(headers['Referrer-Policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['Permissions-Policy'], path).toContain('camera=()');
    }
    const asset = headersFor(rules, '/_astro/index.abc123.css');
    expect(asset['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/favicon.svg')['Cache-Control']).toBeUndefined();
  });

  it('headersFile(policies, base, { hsts }) sends Strict-Transport-Security everywhere, two years unless told otherwise, none when off', () => {
    expect(headersFor(parseHeadersFile(headersFile([CSP_A])), '/x.png')['Strict-Transport-Security']).toBe('max-age=63072000');
    expect(headersFor(parseHeadersFile(headersFile([CSP_A], '/', { hsts: 'max-age=600' })), '/')['Strict-Transport-Security']).toBe('max-age=600');
    expect(headersFor(parseHeadersFile(headersFile([CSP_A], '/', { hsts: undefined })), '/')['Strict-Transport-Security']).toBeUndefined();
    expect(headersFor(parseHeadersFile(headersFile([])), '/')['Content-Security-Policy']).toBeUndefined();
  });

  it('parseHsts(SITE_HSTS) takes a valid value, "off" or nothing, and names SITE_HSTS when the value is wrong', () => {
    expect(parseHsts(undefined)).toBe(DEFAULT_HSTS);
    expect(Number(/max-age=(\d+)/.exec(DEFAULT_HSTS)![1])).toBeGreaterThanOrEqual(182 * 24 * 3600);
    expect(parseHsts(' off ')).toBeUndefined();
    expect(parseHsts('max-age=31536000; includeSubDomains; preload')).toBe('max-age=31536000; includeSubDomains; preload');
    expect(parseHsts('max-age=300')).toBe('max-age=300');
    expect(() => parseHsts('two years')).toThrow(/^SITE_HSTS "two years" is not a Strict-Transport-Security value/);
    expect(() => parseHsts('max-age=31536000; preload')).toThrow(/SITE_HSTS .*preload needs includeSubDomains/);
    expect(() => parseHsts('max-age=600; includeSubDomains; preload')).toThrow(/at least 31536000/);
  });

  it('cspFirst(html) moves the <meta> CSP to right after <meta charset>, leaving everything else in order', () => {
    const csp = '<meta http-equiv="content-security-policy" content="default-src \'self\'">';
    const html = `<html><head><meta charset="utf-8"><title>t</title><link rel="stylesheet" href="/a.css">${csp}<style>p{}</style></head><body></body></html>`;
    expect(cspFirst(html)).toBe(`<html><head><meta charset="utf-8">${csp}<title>t</title><link rel="stylesheet" href="/a.css"><style>p{}</style></head><body></body></html>`);
    expect(cspFirst('<head><title>t</title></head>')).toBe('<head><title>t</title></head>');
    expect(cspFirst(`<head>${csp}</head>`)).toBe(`<head>${csp}</head>`);
  });

  it('ownHashesOnly(html) keeps in the <meta> CSP the hashes of the inline scripts and styles the page carries, and drops the rest', () => {
    const script = 'console.log(1)';
    const style = 'p{color:red}';
    const policy = (scripts: string[], styles: string[]) => `default-src 'self'; script-src 'self' ${scripts.join(' ')}; style-src 'self' ${styles.join(' ')}`;
    const page = (csp: string) =>
      `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${csp}"><style>${style}</style>` +
      `<script type="application/ld+json">{}</script></head><body><script type="module">${script}</script><script src="/x.js"></script></body>`;
    const unused = [hash('astro island'), hash('client:idle'), hash(''), hash('{}', 'sha384')];
    const kept = metaCsp(ownHashesOnly(page(policy([hash(script), ...unused], [hash(style), hash('q{}')]))));
    expect(parsePolicy(kept!).get('script-src')).toEqual(["'self'", hash(script)]);
    expect(parsePolicy(kept!).get('style-src')).toEqual(["'self'", hash(style)]);
    expect(parsePolicy(kept!).get('default-src')).toEqual(["'self'"]);
    // Any hash algorithm a policy may use; a script fetched from a file is not matched by its (empty) text.
    expect(parsePolicy(metaCsp(ownHashesOnly(page(policy([hash(script, 'sha384'), hash(script, 'sha512')], []))))!).get('script-src')).toEqual(["'self'", hash(script, 'sha384'), hash(script, 'sha512')]);
    expect(parsePolicy(metaCsp(ownHashesOnly(page(policy([hash('')], []))))!).get('script-src')).toEqual(["'self'"]);
    // Everything but the policy is left as it was.
    const html = page(policy([hash(script)], [hash(style)]));
    expect(ownHashesOnly(html).replace(/content="[^"]*"/, '')).toBe(html.replace(/content="[^"]*"/, ''));
    expect(ownHashesOnly('<head><title>t</title></head>')).toBe('<head><title>t</title></head>');
  });

  it('ownHashesOnly(html) finds each script as a browser would, and keeps the hash of any script it is not sure is data', () => {
    const kept = (body: string, hashes: string[]) => parsePolicy(metaCsp(ownHashesOnly(
      `<head><meta http-equiv="content-security-policy" content="script-src 'self' ${hashes.join(' ')}"></head><body>${body}</body>`))!)!.get('script-src');
    // A quoted attribute value may hold ">"; an end tag may carry junk; a custom element named script-… is no script.
    expect(kept('<script data-x="a>b">run()</script>', [hash('run()')])).toEqual(["'self'", hash('run()')]);
    expect(kept('<script>run()</script foo>', [hash('run()')])).toEqual(["'self'", hash('run()')]);
    expect(kept('<script-x>run()</script-x>', [hash('run()')])).toEqual(["'self'"]);
    // Commented-out markup is no script, and must not swallow the real one after it.
    expect(kept('<!-- <script> --><script>run()</script>', [hash('run()'), hash(' --><script>run()')])).toEqual(["'self'", hash('run()')]);
    // The browser hashes the text with its line breaks made line feeds.
    expect(kept('<script>a()\r\nb()\rc()</script>', [hash('a()\nb()\nc()')])).toEqual(["'self'", hash('a()\nb()\nc()')]);
    // Only a JSON data block goes unallowed; an attribute that merely ends in "type" is not its type.
    expect(kept('<script type="application/ld+json">{}</script>', [hash('{}')])).toEqual(["'self'"]);
    expect(kept('<script data-type="application/json">go()</script>', [hash('go()')])).toEqual(["'self'", hash('go()')]);
    expect(kept('<script type="importmap">{"imports":{}}</script>', [hash('{"imports":{}}')])).toEqual(["'self'", hash('{"imports":{}}')]);
    expect(kept('<SCRIPT TYPE=text/jscript>go()</SCRIPT>', [hash('go()')])).toEqual(["'self'", hash('go()')]);
  });

  it('metaCsp(html) decodes every way a quote or an ampersand may be written in the attribute', () => {
    for (const quote of ['&#39;', '&#x27;', '&#X27;', '&apos;']) {
      expect(metaCsp(`<meta http-equiv="content-security-policy" content="default-src ${quote}self${quote}; img-src a.example/?x=1&amp;y=2">`))
        .toBe("default-src 'self'; img-src a.example/?x=1&y=2");
    }
  });

  it('headersFile(pages, base) puts every rule under the base path the site is served from', () => {
    const rules = parseHeadersFile(headersFile([CSP_A], '/sub/'));
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
