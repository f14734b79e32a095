// The control pages (a plain article, and the page without its scripts and figures) and where a page's bytes go, read from built HTML.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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

/**
 * The plain article: what a reader would get from an ordinary article page — the headline, the byline,
 * the author's paragraphs and bio in the site's type (its tokens, base and article styles, `css`), and
 * nothing this edition adds: no figures, notes, markers, share controls, contents or script.
 * @param {string} html the built page
 * @param {string} css the site's type: tokens, base and article styles
 */
export function makePlainPage(html, css) {
  const $ = cheerio.load(html);
  const author = (el) => {
    const clone = $(el).clone();
    clone.find('[data-editorial]').remove();
    return clone.text().replace(/\s+/g, ' ').trim();
  };
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const headline = $('h1').first().text().trim();
  const paragraphs = $('[data-para]').toArray().map((p) => `<p class="para">${esc(author(p))}</p>`);
  const bio = $('[data-bio]').first().text().trim();
  return `<!doctype html>
<html lang="${$('html').attr('lang') ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc($('title').text())}</title>
<meta name="description" content="${esc($('meta[name="description"]').attr('content') ?? '')}">
<style>${css}\n.page-plain{max-width:calc(var(--measure) + 2 * var(--space-4));margin:0 auto;padding:0 var(--space-4)}</style>
</head>
<body>
<main class="page-plain">
<article class="article">
<header class="article-header"><h1 class="headline">${esc(headline)}</h1><p class="byline">By ${esc($('[data-author-name]').first().text().trim())}</p></header>
<div class="article-body">
${paragraphs.join('\n')}
</div>
<p class="author-bio">${esc(bio)}</p>
</article>
</main>
</body>
</html>
`;
}

/** Custom element names a script registers, e.g. `bloc-toc`. */
export function definedElements(js) {
  return [...js.matchAll(/customElements\.define\(\s*[`'"]([a-z][\w-]*-[\w-]*)[`'"]/g)].map((m) => m[1]);
}

/**
 * The modules a page's script fetches when the reader first needs them (src/integrations/laterScripts.ts): each
 * address written in the script, its text read from the build in `distDir`, and its compressed size.
 * @param {string} script the text of the page's script, or the whole page (no other `/_astro/…js` address stands in it)
 * @param {string} distDir the built site
 */
export function laterModules(script, distDir) {
  return [...new Set(script.match(/[\w/.-]*\/_astro\/[\w.-]+\.js(?=[`'"])/g) ?? [])].map((path) => {
    const text = readFileSync(join(distDir, '_astro', basename(path)), 'utf8');
    return { path, text, bytes: brotliSize(text) };
  });
}

/** Compressed size of the scripts written into the HTML. */
export function inlineScripts(html) {
  const $ = cheerio.load(html);
  // A data block (JSON-LD) is structured data for search engines and link previews, never run: it is not JavaScript.
  return $('script:not([src])')
    .filter((_, s) => isRunnable($, s))
    .toArray()
    .map((s) => $(s).text())
    .filter((t) => t.trim())
    .map((text) => ({ bytes: brotliSize(text), elements: definedElements(text) }));
}

const isRunnable = ($, s) => {
  const type = ($(s).attr('type') ?? '').toLowerCase();
  return !type || type === 'module' || /javascript|ecmascript/.test(type);
};

/**
 * The page's HTML weighed in layers, compressed, each holding the one before: the words a reader gets (the
 * title's and the body's text, drawings' labels included); those words in their elements, with only links and
 * ids; with every attribute, the head's metadata and inline styles; with the drawings (inline SVG); with the
 * script, which is the page as served. What no change to the markup can take away is the first layer.
 * @param {string} html
 * @returns {{ what: 'words' | 'elements' | 'attributes' | 'drawings' | 'script', bytes: number }[]}
 */
export function htmlLayers(html) {
  const $ = cheerio.load(html);
  $('script').filter((_, s) => isRunnable($, s)).remove();
  const drawings = $.html();
  $('svg').remove();
  const attributes = $.html();
  // The words in their elements: no metadata (the JSON-LD block, meta tags), no inline styles, no attributes but
  // links and ids.
  $('script, style, meta').remove();
  $('*').each((_, el) => {
    for (const name of Object.keys(el.attribs ?? {})) if (name !== 'href' && name !== 'id') $(el).removeAttr(name);
  });
  const elements = $.html();
  const text = cheerio.load(drawings);
  text('script, style, template, noscript').remove();
  const words = `${text('head > title').text()} ${text('body').text()}`.replace(/\s+/g, ' ').trim();
  return [
    { what: 'words', bytes: brotliSize(words) },
    { what: 'elements', bytes: brotliSize(elements) },
    { what: 'attributes', bytes: brotliSize(attributes) },
    { what: 'drawings', bytes: brotliSize(drawings) },
    { what: 'script', bytes: brotliSize(html) },
  ];
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
