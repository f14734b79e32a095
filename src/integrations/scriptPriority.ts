// Pure logic behind the low-priority scripts step: the enhancement scripts of a built page, and what they import.
import * as cheerio from 'cheerio';
import { init, parse } from 'es-module-lexer';

/**
 * Chromium fetches `<script type="module">` at High priority, alongside the stylesheets a first paint
 * waits for, although a module script never blocks rendering. Every script of this site only enhances
 * HTML that is already complete, so none of it may compete with the document and its CSS:
 * each external module script gets `fetchpriority="low"`, and each module it imports, directly or not,
 * a `<link rel="modulepreload" fetchpriority="low">`, so that it is fetched early and quietly instead of
 * at High priority once its importer has arrived.
 */
export interface ScriptPriorityResult { html: string; changed: boolean; scripts: string[]; preloads: string[] }

/** `importsOf(url)` lists the static imports of the script at a site URL, as written in it; `pagePath` is where the page is served. */
export function lowerScriptPriority(html: string, importsOf: (url: string) => string[], pagePath = '/'): ScriptPriorityResult {
  const $ = cheerio.load(html);
  const scripts = $('script[type="module"][src]').toArray();
  if (scripts.length === 0) return { html, changed: false, scripts: [], preloads: [] };
  const sources = scripts.map((el) => attributeUrl($(el).attr('src')!, pagePath));
  // A module the page already loads or preloads needs no (second) preload.
  const known = new Set([...sources, ...$('link[rel~="modulepreload"][href]').toArray().map((l) => attributeUrl($(l).attr('href')!, pagePath))]);
  const preloads: string[] = [];
  scripts.forEach((el, i) => {
    $(el).attr('fetchpriority', 'low');
    const src = sources[i];
    if (src === undefined) return;
    for (const dep of moduleGraph(src, importsOf)) {
      if (known.has(dep)) continue;
      known.add(dep);
      preloads.push(dep);
      $(el).before(`<link rel="modulepreload" href="${dep}" fetchpriority="low">`);
    }
  });
  return { html: $.html(), changed: true, scripts: sources.filter((s) => s !== undefined), preloads };
}

/** Every module reachable from `entry` through static imports, nearest first, without `entry` itself. */
export function moduleGraph(entry: string, importsOf: (url: string) => string[]): string[] {
  const seen = new Set([entry]);
  const order: string[] = [];
  const queue = [entry];
  while (queue.length) {
    const from = queue.shift()!;
    for (const spec of importsOf(from)) {
      const dep = sitePath(spec, from);
      if (dep === undefined || seen.has(dep)) continue;
      seen.add(dep);
      order.push(dep);
      queue.push(dep);
    }
  }
  return order;
}

/**
 * A module's URL on the site (path and query: the browser's module map tells `a.js?v=2` from `a.js`) for a
 * specifier written in the page or a module. Bare specifiers and absolute URLs, which the build never
 * writes for its own modules, give undefined.
 */
export function sitePath(spec: string, from: string): string | undefined {
  if (!/^(\/|\.\.?\/)/.test(spec) || spec.startsWith('//')) return undefined;
  const url = new URL(spec, new URL(from, 'http://site.invalid/'));
  return url.pathname + url.search;
}

/** The same for a URL in an HTML attribute of the page at `pagePath`, where `a.js` means `./a.js`. */
export function attributeUrl(value: string, pagePath: string): string | undefined {
  const relative = !/^([a-z][a-z\d+.-]*:|\/|\.\.?\/)/i.test(value);
  return sitePath(relative ? `./${value}` : value, pagePath);
}

/** The built file a module URL is served from: its path without query or fragment. */
export const moduleFile = (url: string): string => url.replace(/[?#].*$/, '');

/** The static import specifiers of a module's source (dynamic imports are fetched on demand and left alone). */
export async function staticImports(code: string): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  return imports.filter((i) => i.d === -1 && i.n !== undefined).map((i) => i.n!);
}
