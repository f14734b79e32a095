// The zero-JavaScript control page, and where a page's bytes go, read from built HTML.
import { brotliCompressSync, constants } from 'node:zlib';
import * as cheerio from 'cheerio';

export function brotliSize(text) {
  return text ? brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0;
}

/**
 * The same page with the same CSS and article text, minus every script, figure and inline SVG:
 * what the article costs with nothing this edition adds to it.
 * @param {string} html
 */
export function makeControlPage(html) {
  const $ = cheerio.load(html);
  $('script, noscript, figure, svg, link[rel="modulepreload"], meta[http-equiv="content-security-policy"]').remove();
  // It is not the article's address, so it must not claim to be (Lighthouse's SEO audit checks this).
  $('link[rel="canonical"]').remove();
  $('[data-figure]').remove();
  return $.html();
}

/** Custom element names a script registers, e.g. `bloc-toc`. */
export function definedElements(js) {
  return [...js.matchAll(/customElements\.define\(\s*[`'"]([a-z][\w-]*-[\w-]*)[`'"]/g)].map((m) => m[1]);
}

/** Compressed size of the scripts written into the HTML. */
export function inlineScripts(html) {
  const $ = cheerio.load(html);
  return $('script:not([src])')
    .toArray()
    .map((s) => $(s).text())
    .filter((t) => t.trim())
    .map((text) => ({ bytes: brotliSize(text), elements: definedElements(text) }));
}

/**
 * Lines naming what weighs what: each request, each inline script with the elements it defines,
 * each figure in the HTML (compressed alone, so a slight overestimate).
 * @param {string} html
 * @param {{ url: string, transferSize: number, kind: string, body?: string }[]} requests
 */
export function attribution(html, requests) {
  const $ = cheerio.load(html);
  const rows = [];
  for (const r of requests) {
    const path = new URL(r.url).pathname;
    const elements = r.kind === 'js' && r.body ? definedElements(r.body) : [];
    rows.push({ bytes: r.transferSize, what: `${r.kind.padEnd(5)} ${path}${elements.length ? ` (defines ${elements.join(', ')})` : ''}` });
  }
  for (const s of inlineScripts(html)) {
    rows.push({ bytes: s.bytes, what: `js    inline script in the HTML${s.elements.length ? ` (defines ${s.elements.join(', ')})` : ''}` });
  }
  $('[data-figure]').each((_, el) => {
    rows.push({ bytes: brotliSize($.html(el)), what: `html  figure #${$(el).attr('id') ?? $(el).attr('data-figure')} inside the HTML` });
  });
  // Everything else the edition adds (share controls, notes, terms, markers…), grouped by element and class.
  const groups = new Map();
  $('[data-editorial], bloc-share, bloc-quote, bloc-print').not('[data-figure], [data-figure] *').each((_, el) => {
    if ($(el).parents('[data-editorial], bloc-share, bloc-quote, bloc-print').length) return;
    const key = `${el.tagName}${$(el).attr('class') ? `.${$(el).attr('class').split(/\s+/)[0]}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), $.html(el)]);
  });
  for (const [key, parts] of groups) {
    const bytes = brotliSize(parts.join(''));
    if (bytes >= 300) rows.push({ bytes, what: `html  ${parts.length} × <${key}> inside the HTML` });
  }
  return rows.sort((a, b) => b.bytes - a.bytes);
}
