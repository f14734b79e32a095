// The references of a built site: every internal link, fragment and asset on every page and stylesheet, checked
// against the files the build wrote. The build runs it when it is done (src/integrations/links.ts) and refuses a page
// with a link that leads nowhere; the tests run it on built folders, deliberately broken ones included.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import * as cheerio from 'cheerio';
import { pagePaths } from './headers';

/** Every HTML file in the folder, as paths relative to it with forward slashes. */
export function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The URL path a page answers on under the site's base path: `a/index.html` → `/a/` (or `/sub/a/`). */
export const pageUrlPath = (file: string, base = '/'): string => pagePaths(file, base)[0]!;

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

export interface Reference { from: string; attr: string; url: string; /** A link's words, to name it in a message. */ text?: string }

/** Every URL a page refers to: links, assets, srcsets, SVG references, social images, refresh targets. */
export function pageReferences(html: string, from: string): Reference[] {
  const $ = cheerio.load(html);
  const refs: Reference[] = [];
  const add = (attr: string, url: string | undefined, text?: string) => { if (url && url.trim()) refs.push({ from, attr, url: url.trim(), ...(text ? { text } : {}) }); };
  $('a[href], area[href]').each((_, el) => add('a href', $(el).attr('href'), ($(el).attr('aria-label') ?? $(el).text()).replace(/\s+/g, ' ').trim() || undefined));
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
    const what = ref.text ? `the link “${ref.text.length > 60 ? `${ref.text.slice(0, 57)}…` : ref.text}” (${ref.attr})` : ref.attr;
    if (/^(mailto|tel|data|javascript):/i.test(ref.url)) {
      if (/^javascript:/i.test(ref.url)) problems.push(`${ref.from}: ${ref.attr} uses a javascript: URL`);
      continue;
    }
    const pageUrl = new URL(pageUrlPath(ref.from, root), site);
    let target: URL;
    try { target = new URL(ref.url, pageUrl); } catch { problems.push(`${ref.from}: ${ref.attr} "${ref.url}" is not a URL`); continue; }
    if (target.origin !== site.origin) continue;
    // The site's own path, with or without its last slash, is the site's front page.
    const path = `${target.pathname}/` === root ? root : target.pathname;
    if (!path.startsWith(root)) {
      // A full address on the same host but outside the site's path is another part of that host's site (a site served
      // under a publisher's own domain cites its pages); a path written for this site that leaves it is a mistake.
      if (!/^([a-z][a-z0-9+.-]*:)?\/\//i.test(ref.url)) problems.push(`${ref.from}: ${what} "${ref.url}" points to ${target.pathname}, outside the site's path ${root}`);
      continue;
    }
    let file: string | undefined, fragment: string;
    try {
      file = resolveFile(dir, `/${path.slice(root.length)}`);
      // A text fragment (#:~:text=…, after an id or alone) is found by the browser in the words, not by id.
      fragment = decodeURIComponent(target.hash.slice(1)).split(':~:')[0]!;
    } catch {
      problems.push(`${ref.from}: ${what} "${ref.url}" has a malformed %-escape`);
      continue;
    }
    if (!file) { problems.push(`${ref.from}: ${what} "${ref.url}" points to ${target.pathname}, which is not in the build`); continue; }
    if (fragment && fragment !== 'top' && file.endsWith('.html') && !idsOf(file).has(fragment)) {
      problems.push(`${ref.from}: ${what} "${ref.url}" points to #${fragment}, which ${file} does not have`);
    }
  }
  return problems;
}

/** Every id used twice on one page: a link to it would find only the first, and the page would not be valid HTML. */
export function duplicateIds(dir: string): string[] {
  return htmlPages(dir).flatMap((page) => {
    const $ = cheerio.load(readFileSync(join(dir, page), 'utf8'));
    const seen = new Map<string, number>();
    for (const el of $('[id]').toArray()) seen.set($(el).attr('id')!, (seen.get($(el).attr('id')!) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${page}: the id "${id}" is on ${n} elements; an id in the article or its data is taken by another, or by the page's own (rename it)`);
  });
}

const CONTENT_FILE = /\.(mdx|ya?ml)$/;

/**
 * Where the content writes an id (`id="x"` in the MDX, `id: x` in the data) or a link to one (`#x`), as
 * `content/…:line`: the built page names the id or link, and this names the line an editor changes.
 */
export function writtenIn(contentDir: string, what: { id: string } | { link: string }): string[] {
  const pattern = 'id' in what
    ? new RegExp(`\\bid(?:="${RegExp.escape(what.id)}"|:[ \\t]*(["']?)${RegExp.escape(what.id)}\\1[ \\t]*(?:#.*)?$)`)
    : new RegExp(`#${RegExp.escape(what.link)}(?![\\w-])`);
  const root = resolve(contentDir, '..');
  return readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && CONTENT_FILE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .flatMap((file) => readFileSync(file, 'utf8').split(/\r?\n/).flatMap((line, i) =>
      pattern.test(line) ? [`${relative(root, file).split(sep).join('/')}:${i + 1}`] : []));
}
