// Checks on a built site folder: HTML validity, internal links and fragments, assets, the sitemap, the 404 page.
// Each returns a list of problems (empty when the gate holds), so a test can also prove it fails on a broken site.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import * as cheerio from 'cheerio';
import { createHash } from 'node:crypto';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { headersFor, parseHeadersFile } from '../../scripts/lib/headers-file.mjs';
import { pagePaths } from '../../src/integrations/headers';

export const HTMLVALIDATE_CONFIG = resolve(import.meta.dirname, '../../.htmlvalidate.json');

/** A deliberately broken built site: every gate must report its faults (see its README). */
export const BROKEN_SITE = resolve(import.meta.dirname, '../fixtures/broken-site');

/** Every HTML file in the folder, as paths relative to it with forward slashes. */
export function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The URL path a page answers on under the site's base path: `a/index.html` → `/a/` (or `/sub/a/`). */
export const pageUrlPath = (file: string, base = '/'): string => pagePaths(file, base)[0]!;

function isNoindex(html: string): boolean {
  const $ = cheerio.load(html);
  return $('meta[name="robots" i]').toArray().some((m) => /noindex/i.test($(m).attr('content') ?? ''));
}

/**
 * html-validate on every page with the project's `.htmlvalidate.json`. `long-title` guards the length
 * search results show, so it is not applied to pages marked noindex, which never appear there.
 */
export async function validateHtml(dir: string, config: ConfigData = JSON.parse(readFileSync(HTMLVALIDATE_CONFIG, 'utf8'))): Promise<string[]> {
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const unlisted = new HtmlValidate(new StaticConfigLoader({ ...config, rules: { ...config.rules, 'long-title': 'off' } }));
  const problems: string[] = [];
  for (const file of htmlPages(dir)) {
    const html = readFileSync(join(dir, file), 'utf8');
    const report = await (isNoindex(html) ? unlisted : validator).validateString(html, file);
    for (const r of report.results) {
      for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return problems;
}

/** The built file a URL path is served from, as a static host resolves it, or undefined. */
export function resolveFile(dir: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath).replace(/^\/+/, '');
  const candidates = clean === '' || clean.endsWith('/')
    ? [`${clean}index.html`]
    : [clean, `${clean}.html`, `${clean}/index.html`];
  for (const c of candidates) {
    const full = join(dir, c);
    // Never let a crafted href escape the folder.
    if (!full.startsWith(resolve(dir))) return undefined;
    if (existsSync(full) && statSync(full).isFile()) return c;
  }
  return undefined;
}

interface Reference { from: string; attr: string; url: string }

/** Every URL a page refers to: links, assets, srcsets, SVG references, social images, refresh targets. */
export function pageReferences(html: string, from: string): Reference[] {
  const $ = cheerio.load(html);
  const refs: Reference[] = [];
  const add = (attr: string, url: string | undefined) => { if (url && url.trim()) refs.push({ from, attr, url: url.trim() }); };
  $('a[href], area[href]').each((_, el) => add('a href', $(el).attr('href')));
  $('link[href]').each((_, el) => add(`link[rel=${$(el).attr('rel')}] href`, $(el).attr('href')));
  $('img[src], script[src], source[src], video[src], audio[src], iframe[src], track[src], embed[src]').each((_, el) => add(`${el.tagName} src`, $(el).attr('src')));
  $('video[poster]').each((_, el) => add('video poster', $(el).attr('poster')));
  $('object[data]').each((_, el) => add('object data', $(el).attr('data')));
  $('img[srcset], source[srcset]').each((_, el) => {
    for (const part of ($(el).attr('srcset') ?? '').split(',')) add(`${el.tagName} srcset`, part.trim().split(/\s+/)[0]);
  });
  $('use, image').each((_, el) => add(`svg ${el.tagName} href`, $(el).attr('href') ?? $(el).attr('xlink:href')));
  $('meta[property="og:image"], meta[property="og:url"], meta[name="twitter:image"]').each((_, el) => add(`meta ${$(el).attr('property') ?? $(el).attr('name')}`, $(el).attr('content')));
  $('meta[http-equiv="refresh" i]').each((_, el) => {
    const m = /url\s*=\s*['"]?([^'"]+)/i.exec($(el).attr('content') ?? '');
    add('meta refresh', m?.[1]);
  });
  $('form[action]').each((_, el) => add('form action', $(el).attr('action')));
  return refs;
}

/** `url(…)` references inside a stylesheet (fonts, images). */
export function cssReferences(css: string, from: string): Reference[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => ({ from, attr: 'css url()', url: m[2]! }));
}

/**
 * Every internal link, fragment and asset reference, across all pages and stylesheets, checked against
 * the files in the folder, which is served at the path of `siteUrl` (its base path). URLs on the site's
 * own origin count as internal; one outside the base path leaves the site and is broken.
 */
export function checkReferences(dir: string, siteUrl: string): string[] {
  const site = new URL(siteUrl);
  const root = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) {
      const $ = cheerio.load(readFileSync(join(dir, file), 'utf8'));
      ids.set(file, new Set($('[id], a[name]').toArray().map((e) => $(e).attr('id') ?? $(e).attr('name')!)));
    }
    return ids.get(file)!;
  };
  const refs: Reference[] = [];
  for (const page of htmlPages(dir)) refs.push(...pageReferences(readFileSync(join(dir, page), 'utf8'), page));
  for (const css of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.css'))) {
    const file = relative(dir, join(css.parentPath, css.name)).split(sep).join('/');
    refs.push(...cssReferences(readFileSync(join(dir, file), 'utf8'), file));
  }
  for (const ref of refs) {
    if (/^(mailto|tel|data|javascript):/i.test(ref.url)) {
      if (/^javascript:/i.test(ref.url)) problems.push(`${ref.from}: ${ref.attr} uses a javascript: URL`);
      continue;
    }
    const pageUrl = new URL(pageUrlPath(ref.from, root), site);
    let target: URL;
    try { target = new URL(ref.url, pageUrl); } catch { problems.push(`${ref.from}: ${ref.attr} "${ref.url}" is not a URL`); continue; }
    if (target.origin !== site.origin) continue;
    if (!target.pathname.startsWith(root)) { problems.push(`${ref.from}: ${ref.attr} "${ref.url}" points to ${target.pathname}, outside the site's path ${root}`); continue; }
    const file = resolveFile(dir, `/${target.pathname.slice(root.length)}`);
    if (!file) { problems.push(`${ref.from}: ${ref.attr} "${ref.url}" points to ${target.pathname}, which is not in the build`); continue; }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && fragment !== 'top' && file.endsWith('.html') && !idsOf(file).has(fragment)) {
      problems.push(`${ref.from}: ${ref.attr} "${ref.url}" points to #${fragment}, which ${file} does not have`);
    }
  }
  return problems;
}


/** The pages a search engine should list: every page but the 404 page and those marked noindex. */
export function indexablePages(dir: string, base = '/'): string[] {
  return htmlPages(dir)
    .filter((f) => f !== '404.html')
    .filter((f) => !isNoindex(readFileSync(join(dir, f), 'utf8')))
    .map((f) => pageUrlPath(f, base));
}

/** `sitemap.xml` lists exactly the indexable pages, on the site's URL, once each. */
export function checkSitemap(dir: string, siteUrl: string): string[] {
  const file = join(dir, 'sitemap.xml');
  if (!existsSync(file)) return ['sitemap.xml is missing'];
  const xml = cheerio.load(readFileSync(file, 'utf8'), { xml: true });
  const locs = xml('url > loc').toArray().map((l) => xml(l).text().trim());
  const problems: string[] = [];
  const site = new URL(siteUrl);
  const listed = locs.map((loc) => {
    const u = new URL(loc);
    if (u.origin !== site.origin) problems.push(`sitemap.xml lists ${loc}, which is not on ${site.origin}`);
    return u.pathname;
  });
  const expected = indexablePages(dir, site.pathname);
  for (const p of expected) if (!listed.includes(p)) problems.push(`sitemap.xml does not list the page ${p}`);
  for (const p of listed) if (!expected.includes(p)) problems.push(`sitemap.xml lists ${p}, which is not an indexable page of the build`);
  const dupes = listed.filter((p, i) => listed.indexOf(p) !== i);
  for (const p of new Set(dupes)) problems.push(`sitemap.xml lists ${p} more than once`);
  return problems;
}

/** A 404 page exists, uses the same stylesheet and page shell as the article, and leads back home (the site's base path). */
export function check404(dir: string, base = '/'): string[] {
  const file = join(dir, '404.html');
  if (!existsSync(file)) return ['404.html is missing'];
  const $ = cheerio.load(readFileSync(file, 'utf8'));
  const problems: string[] = [];
  const home = existsSync(join(dir, 'index.html')) ? cheerio.load(readFileSync(join(dir, 'index.html'), 'utf8')) : undefined;
  const sheets = ($c: cheerio.CheerioAPI) => $c('link[rel="stylesheet"]:not([media="print"])').toArray().map((l) => $c(l).attr('href'));
  if (sheets($).length === 0) problems.push('404.html loads no stylesheet');
  if (home && !sheets(home).some((href) => sheets($).includes(href))) problems.push('404.html shares no stylesheet with the article');
  if ($('header.site-header').length === 0 || $('footer').length === 0) problems.push('404.html lacks the site header or footer');
  if ($('h1').length !== 1) problems.push('404.html needs exactly one h1');
  if ($(`a[href="${base}"]`).length === 0) problems.push(`404.html has no link back to the article at ${base}`);
  if (!isNoindex(readFileSync(file, 'utf8'))) problems.push('404.html is not marked noindex');
  // It leads everywhere the article's contents lead: every section, the epilogue and the end matter.
  if (home) {
    const here = new Set($('a[href]').toArray().map((a) => $(a).attr('href')));
    for (const a of home('nav.toc a[href^="#"]').toArray()) {
      const href = `${base}${home(a).attr('href')}`;
      if (!here.has(href)) problems.push(`404.html has no link to ${href}, which the article's contents list`);
    }
  }
  // Hosts serve this page at any unknown address, where a relative link would lead somewhere else.
  for (const ref of pageReferences(readFileSync(file, 'utf8'), '404.html')) {
    if (!/^(\/|#|[a-z][a-z0-9+.-]*:)/i.test(ref.url)) problems.push(`404.html: ${ref.attr} "${ref.url}" is relative; it breaks at any address but the root`);
  }
  return problems;
}

/**
 * The Content Security Policy of every page: present in a <meta> first in <head> and in `_headers`, no 'unsafe-inline'
 * or 'unsafe-eval' for scripts, every inline script and style allowed by its hash and no other hash, no inline event
 * handlers, no style attributes (a hashed style-src blocks them).
 */
export function checkCsp(dir: string, base = '/'): string[] {
  const problems: string[] = [];
  const headersText = existsSync(join(dir, '_headers')) ? readFileSync(join(dir, '_headers'), 'utf8') : undefined;
  if (headersText === undefined) problems.push('_headers is missing');
  const rules = headersText ? parseHeadersFile(headersText) : [];
  // Cloudflare Pages ignores a header value longer than 2,000 characters.
  for (const [i, line] of (headersText ?? '').split('\n').entries()) {
    if (line.length > 2000) problems.push(`_headers:${i + 1}: a header of ${line.length} characters; hosts accept at most 2,000`);
  }
  const hash = (text: string, algorithm = 'sha256') => `'${algorithm}-${createHash(algorithm).update(text).digest('base64')}'`;
  for (const file of htmlPages(dir)) {
    const html = readFileSync(join(dir, file), 'utf8');
    const $ = cheerio.load(html);
    const meta = $('meta[http-equiv="content-security-policy" i]').attr('content');
    if (!meta) { problems.push(`${file}: no <meta http-equiv="content-security-policy">`); continue; }
    // A <meta> policy covers only what follows it: it must come first, after the character set alone.
    const before = $('meta[http-equiv="content-security-policy" i]').prevAll().toArray().map((el) => ('attribs' in el && el.attribs.charset ? 'charset' : el.tagName));
    if (before.some((tag) => tag !== 'charset')) problems.push(`${file}: the <meta> CSP comes after ${before.filter((t) => t !== 'charset').map((t) => `<${t}>`).join(', ')}; it must come first in <head>, after <meta charset>`);
    const policy = new Map(meta.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!.toLowerCase(), v]));
    const scripts = policy.get('script-src-elem') ?? policy.get('script-src') ?? policy.get('default-src');
    const styles = policy.get('style-src-elem') ?? policy.get('style-src') ?? policy.get('default-src');
    if (!scripts) problems.push(`${file}: the policy has no script-src`);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'"]) {
      if (scripts?.includes(bad)) problems.push(`${file}: script-src allows ${bad}`);
    }
    // The scripts the page runs from its own text (a JSON data block never runs).
    const inlineScripts = $('script:not([src]):not([type$="json" i])');
    inlineScripts.each((_, el) => {
      const text = $(el).text();
      if (!scripts?.includes(hash(text))) problems.push(`${file}: an inline script ("${text.trim().slice(0, 60)}…") is not allowed by the CSP`);
    });
    $('style').each((_, el) => {
      const text = $(el).text();
      if (!styles?.includes(hash(text)) && !styles?.includes("'unsafe-inline'")) problems.push(`${file}: an inline <style> ("${text.trim().slice(0, 60)}…") is not allowed by the CSP`);
    });
    // The policy allows, by hash, only what the page carries: a hash that matches nothing in it is a script the page
    // never runs but would let in.
    const carried = new Set([...inlineScripts.toArray(), ...$('style').toArray()]
      .flatMap((el) => ['sha256', 'sha384', 'sha512'].map((a) => hash($(el).text(), a))));
    for (const [name, sources] of policy) {
      for (const hash of sources.filter((s) => /^'sha(256|384|512)-/.test(s) && !carried.has(s))) problems.push(`${file}: ${name} allows ${hash}, which matches no inline script or style of the page`);
    }
    $('*').each((_, el) => {
      if (!('attribs' in el)) return;
      for (const name of Object.keys(el.attribs)) {
        if (/^on[a-z]+$/i.test(name)) problems.push(`${file}: <${el.tagName} ${name}> is an inline event handler, which the CSP blocks`);
      }
      if (el.attribs.style !== undefined && !(policy.get('style-src-attr') ?? []).includes("'unsafe-inline'")) {
        problems.push(`${file}: <${el.tagName} style="${el.attribs.style.slice(0, 40)}"> is an inline style attribute, which the CSP blocks`);
      }
    });
    if (rules.length) {
      const path = pageUrlPath(file, base);
      const header = headersFor(rules, path)['Content-Security-Policy'];
      if (!header) problems.push(`${file}: _headers sends no Content-Security-Policy for ${path}`);
      else for (const hash of (scripts ?? []).filter((s) => s.startsWith("'sha"))) {
        if (!header.includes(hash)) { problems.push(`${file}: the Content-Security-Policy header for ${path} lacks the script hash ${hash}`); break; }
      }
    }
  }
  return problems;
}

/**
 * Scripts never hold up the first paint: the site writes every script into its page (astro.config.mjs,
 * `assetsInlineLimit`), because Chromium fetches an external module script at High priority, beside the
 * stylesheets, and Lighthouse counts that as render-blocking. Any `<script src>` is reported.
 */
export function checkInlineScripts(dir: string): string[] {
  return htmlPages(dir).flatMap((file) => {
    const $ = cheerio.load(readFileSync(join(dir, file), 'utf8'));
    return $('script[src]').toArray().map((el) => `${file}: <script src="${$(el).attr('src')}"> is fetched as a file; every script must be written into the page`);
  });
}
