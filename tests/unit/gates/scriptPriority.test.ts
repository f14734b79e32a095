import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { attributeUrl, lowerScriptPriority, moduleFile, moduleGraph, staticImports } from '../../../src/integrations/scriptPriority';

const page = (head: string) => `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body><p>text</p></body></html>`;
const graph: Record<string, string[]> = {
  '/_astro/share.js': ['./copy.js'],
  '/_astro/quote.js': ['./copy.js', './fragment.js', 'bare-package'],
  '/_astro/fragment.js': ['../_astro/encode.js'],
  '/_astro/copy.js': [],
  '/_astro/encode.js': ['./fragment.js'],
};
const importsOf = (url: string) => graph[url] ?? [];

describe('lowerScriptPriority(html, importsOf)', () => {
  it('lowerScriptPriority(html, importsOf) marks every module script low and preloads each module it reaches once, before its first importer', () => {
    const out = lowerScriptPriority(page('<script type="module" src="/_astro/share.js"></script><script type="module" src="/_astro/quote.js"></script>'), importsOf);
    const $ = cheerio.load(out.html);
    expect($('script[type="module"]').toArray().map((s) => $(s).attr('fetchpriority'))).toEqual(['low', 'low']);
    expect(out.preloads).toEqual(['/_astro/copy.js', '/_astro/fragment.js', '/_astro/encode.js']);
    const heads = $('head').children().toArray().map((el) => $(el).attr('src') ?? $(el).attr('href') ?? el.tagName);
    expect(heads).toEqual(['title', '/_astro/copy.js', '/_astro/share.js', '/_astro/fragment.js', '/_astro/encode.js', '/_astro/quote.js']);
    expect($('link[rel="modulepreload"]').toArray().every((l) => $(l).attr('fetchpriority') === 'low')).toBe(true);
  });

  it('lowerScriptPriority(html, importsOf) preloads nothing the page already loads or preloads', () => {
    const out = lowerScriptPriority(page('<link rel="modulepreload" href="/_astro/fragment.js"><script type="module" src="/_astro/copy.js"></script><script type="module" src="/_astro/quote.js"></script>'), importsOf);
    expect(out.preloads).toEqual(['/_astro/encode.js']);
  });

  it('lowerScriptPriority(html, importsOf) leaves a page without module scripts untouched, byte for byte', () => {
    const html = page('<script type="application/ld+json">{"a":1}</script><script type="module">console.log(1)</script>');
    expect(lowerScriptPriority(html, importsOf)).toEqual({ html, changed: false, scripts: [], preloads: [] });
  });

  it('lowerScriptPriority(html, importsOf) never changes an inline script, so its CSP hash stays valid', () => {
    const inline = 'document.body.dataset.x = "<b>&amp;</b>";';
    const out = lowerScriptPriority(page(`<script type="module">${inline}</script><script type="module" src="/_astro/copy.js"></script>`), importsOf);
    expect(cheerio.load(out.html)('script:not([src])').text()).toBe(inline);
  });
});

describe('module URLs', () => {
  it('attributeUrl(value, pagePath) keeps the query, resolves against the page, and leaves other hosts alone', () => {
    expect(attributeUrl('/_astro/a.js?v=2', '/')).toBe('/_astro/a.js?v=2');
    expect(attributeUrl('a.js', '/about/')).toBe('/about/a.js');
    expect(attributeUrl('../_astro/a.js', '/about/')).toBe('/_astro/a.js');
    expect(attributeUrl('https://cdn.example/a.js', '/')).toBeUndefined();
    expect(moduleFile('/_astro/a.js?v=2#x')).toBe('/_astro/a.js');
  });

  it('lowerScriptPriority(html, importsOf, pagePath) preloads an import with its query, as the browser will ask for it', () => {
    const out = lowerScriptPriority(page('<script type="module" src="main.js"></script>'), (u) => (u === '/about/main.js' ? ['./dep.js?v=2'] : []), '/about/');
    expect(out.preloads).toEqual(['/about/dep.js?v=2']);
  });
});

describe('moduleGraph(entry, importsOf)', () => {
  it('moduleGraph(entry, importsOf) follows relative imports through cycles, skips bare specifiers and other hosts', () => {
    expect(moduleGraph('/_astro/quote.js', importsOf)).toEqual(['/_astro/copy.js', '/_astro/fragment.js', '/_astro/encode.js']);
    expect(moduleGraph('/a.js', (u) => (u === '/a.js' ? ['//cdn.example/x.js', 'https://cdn.example/y.js', './b.js'] : []))).toEqual(['/b.js']);
  });
});

describe('staticImports(code)', () => {
  it('staticImports(code) lists static imports and re-exports, not dynamic imports', async () => {
    const code = `import{a as b}from"./copy-text.js";export{c}from'./c.js';import"./side.js";const m=await import("./lazy.js");`;
    expect(await staticImports(code)).toEqual(['./copy-text.js', './c.js', './side.js']);
  });
});
