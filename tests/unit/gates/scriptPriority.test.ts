import { describe, expect, it } from 'vitest';
import { attributeUrl, moduleFile, moduleGraph, staticImports } from '../../support/scriptPriority';

const graph: Record<string, string[]> = {
  '/_astro/share.js': ['./copy.js'],
  '/_astro/quote.js': ['./copy.js', './fragment.js', 'bare-package'],
  '/_astro/fragment.js': ['../_astro/encode.js'],
  '/_astro/copy.js': [],
  '/_astro/encode.js': ['./fragment.js'],
};
const importsOf = (url: string) => graph[url] ?? [];

describe('module URLs', () => {
  it('attributeUrl(value, pagePath) keeps the query, resolves against the page, and leaves other hosts alone', () => {
    expect(attributeUrl('/_astro/a.js?v=2', '/')).toBe('/_astro/a.js?v=2');
    expect(attributeUrl('a.js', '/about/')).toBe('/about/a.js');
    expect(attributeUrl('../_astro/a.js', '/about/')).toBe('/_astro/a.js');
    expect(attributeUrl('https://cdn.example/a.js', '/')).toBeUndefined();
    expect(moduleFile('/_astro/a.js?v=2#x')).toBe('/_astro/a.js');
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
