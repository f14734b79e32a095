// Checks on a built site folder: HTML validity, internal links and fragments, assets, the sitemap, the 404 page.
// Each returns a list of problems (empty when the gate holds), so a test can also prove it fails on a broken site.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { createHash } from 'node:crypto';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { headersFor, parseHeadersFile } from '../../scripts/lib/headers-file.mjs';
import { checkReferences, cssReferences, htmlPages, pageReferences, pageUrlPath, resolveFile } from '../../src/integrations/references';

export { checkReferences, cssReferences, htmlPages, pageReferences, pageUrlPath, resolveFile };

export const HTMLVALIDATE_CONFIG = resolve(import.meta.dirname, '../../.htmlvalidate.json');

/** A deliberately broken built site: every gate must report its faults (see its README). */
export const BROKEN_SITE = resolve(import.meta.dirname, '../fixtures/broken-site');

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
