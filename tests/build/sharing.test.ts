import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { distPath, loadPage } from '../support/dist';
import { htmlPages, pageUrlPath } from '../support/gates';
import { pngSize } from '../../src/lib/og/renderCard';
import { checkIds, parsePublished, parseRedirects, resolveRedirect } from '../../src/lib/sharing/idRegistry';
import { NETWORKS } from '../../src/lib/sharing/shareLinks';

const ROOT = join(import.meta.dirname, '../..');
const $ = loadPage();
const site = new URL($('link[rel="canonical"]').attr('href')!);
const sections = $('section[data-section]').toArray().map((s) => ({ id: $(s).attr('data-section')!, title: $(s).children('h2').text().trim() }));
/** The epilogue is the editors' own section: its card's description is their words, not quoted. */
const epilogueId = $('section[data-epilogue]').attr('data-section')!;
const cardPath = (id: string) => `s/${id}/index.html`;
const png = (path: string) => pngSize(readFileSync(distPath(path)));
const meta = (c: cheerio.CheerioAPI, key: string) => c(`meta[property="${key}"], meta[name="${key}"]`).attr('content');

describe('section and paragraph self-links', () => {
  it('index.html gives every section a self-link named "Link to section: <title>"', () => {
    expect(sections.length).toBeGreaterThanOrEqual(7);
    for (const { id, title } of sections) {
      const link = $(`section[data-section="${id}"] > a.section-link`);
      expect(link.attr('href')).toBe(`#${id}`);
      expect(link.attr('aria-label')).toBe(`Link to section: ${title}`);
    }
  });

  it('index.html gives every paragraph an editorial permalink to itself', () => {
    const paras = $('[data-para]').toArray();
    expect(paras.length).toBe(20);
    for (const p of paras) {
      const link = $(p).find('a.para-link');
      expect(link).toHaveLength(1);
      expect(link.attr('href')).toBe(`#${$(p).attr('id')}`);
      // Named for its paragraph, by the section heading before it and its place under that heading.
      const heading = $(p).closest('section').find('h2').first().text().trim();
      const number = $(p).closest('section').find('[data-para]').toArray().indexOf(p) + 1;
      expect(link.attr('aria-label')).toBe(`Link to this paragraph, ${heading}, paragraph ${number}`);
      expect(link.closest('[data-editorial]').length).toBe(1);
      // The glyph comes from CSS, so copying the paragraph copies the author's words only.
      expect(link.text()).toBe('');
    }
  });

  it('checkIds(published, built page, redirects) finds every linkable id recorded and none lost', () => {
    const published = parsePublished(readFileSync(join(ROOT, 'content/ids/published.json'), 'utf8'));
    const redirects = parseRedirects(readFileSync(join(ROOT, 'content/ids/redirects.yaml'), 'utf8'));
    const ids = (sel: string) => $(sel).toArray().map((e) => $(e).attr('id')!);
    const current = {
      section: sections.map((s) => s.id),
      paragraph: ids('[data-para][id]'),
      event: ids('[data-event][id]'),
      figure: ids('figure[id]'),
    };
    expect(current.event.length + current.figure.length).toBeGreaterThan(0);
    expect(checkIds(published, current, redirects)).toEqual([]);
  });

  it('index.html still answers every published id, directly or through its redirect', () => {
    const published = parsePublished(readFileSync(join(ROOT, 'content/ids/published.json'), 'utf8'));
    const redirects = parseRedirects(readFileSync(join(ROOT, 'content/ids/redirects.yaml'), 'utf8'));
    const ids = [...published.section, ...published.paragraph, ...(published.event ?? []), ...(published.figure ?? [])];
    const missing = ids.filter((id) => {
      if (Object.hasOwn(redirects, id)) {
        const anchor = $(`[id="${id}"]`);
        return anchor.attr('data-retired-to') !== resolveRedirect(id, redirects) || $(`[id="${resolveRedirect(id, redirects)}"]`).length !== 1;
      }
      return $(`[id="${id}"]`).length !== 1;
    });
    expect(missing).toEqual([]);
  });
});

describe('the share panel', () => {
  const panel = $('bloc-share #share-panel[popover]');
  // The article's list is in the panel; the sections' lists wait in its template, which the parser keeps apart.
  const templated = cheerio.load(panel.find('template[data-share-lists]').html() ?? '', null, false);
  const lists = [...panel.find('ul[data-share-links]').toArray().map((l) => $(l)), ...templated('ul[data-share-links]').toArray().map((l) => templated(l))];
  const list = (id: string) => lists.find((l) => l.attr('data-share-links') === id)!;

  it('index.html has one share panel, opened by the article\'s Share button without a script, showing the article\'s links', () => {
    expect($('bloc-share')).toHaveLength(1);
    expect($('[popover][id]').filter((_, e) => $(e).find('[data-share-links]').length > 0)).toHaveLength(1);
    const button = $('button[popovertarget="share-panel"][data-share-target="article"]');
    expect(button).toHaveLength(1);
    expect(button.closest('.article-actions').find('[data-print-button]')).toHaveLength(1);
    expect(panel.attr('role')).toBe('dialog');
    expect($(`#${panel.attr('aria-labelledby')}`).text().replace(/\s+/g, ' ').trim()).toBe('Share this article');
    // The article's own card: its canonical URL, whose preview is /og/article.png.
    expect(list('article').attr('data-url')).toBe(`${site.origin}/`);
    expect(panel.find('input[data-share-url]').attr('value')).toBe(`${site.origin}/`);
    expect(meta($, 'og:image')).toBe(`${site.origin}/og/article.png`);
    // Only the article's list is part of the page until a section is chosen.
    expect(panel.find('ul[data-share-links]').toArray().map((l) => $(l).attr('data-share-links'))).toEqual(['article']);
  });

  it('index.html gives every section a Share link to its card page, and the panel a list of links for it', () => {
    for (const { id, title } of sections) {
      const link = $(`section[data-section="${id}"] > a[data-share-target="${id}"]`);
      expect(link).toHaveLength(1);
      // Without a script it is a plain link to the card page, which sends the reader on to the section.
      expect(link.attr('href')).toBe(`/s/${id}/`);
      expect(link.text().replace(/\s+/g, ' ').trim()).toBe(`Share section: ${title}`);
      expect(list(id).attr('data-url')).toBe(`${site.origin}/s/${id}/`);
    }
    expect(lists.map((l) => l.attr('data-share-links'))).toEqual(['article', ...sections.map((s) => s.id)]);
  });

  it('index.html keeps the share controls off paper: no source number follows them', () => {
    for (const el of [$('bloc-share'), $('a[data-share-target]')]) {
      el.each((_, e) => {
        expect($(e).attr('data-print')).toBe('hide');
        expect($(e).find('[data-source-ref]')).toHaveLength(0);
      });
    }
  });

  it('index.html hides the JavaScript-only buttons until the script shows them', () => {
    const buttons = panel.find('button[data-share-copy], button[data-share-native]');
    expect(buttons.length).toBe(2);
    buttons.each((_, b) => expect($(b).is('[hidden]')).toBe(true));
  });

  it('index.html builds well-formed share links, each pointing at the article or an existing card page', () => {
    for (const l of lists) {
      const links = l.find('a[data-share-network]').toArray();
      expect(links.map((a) => $(a).attr('data-share-network'))).toEqual([...NETWORKS]);
      for (const a of links) {
        const href = $(a).attr('href')!;
        const values = href.startsWith('mailto:')
          ? [...new URLSearchParams(href.slice(href.indexOf('?') + 1)).values()]
          : [...new URL(href).searchParams.values()];
        expect(values.join(' '), href).toContain(l.attr('data-url'));
        const url = new URL(l.attr('data-url')!);
        expect(url.origin).toBe(site.origin);
        expect(existsSync(distPath(url.pathname, 'index.html')), `${url} has no page`).toBe(true);
      }
    }
  });
});

describe('section card pages', () => {

  it('s/<id>/index.html exists for every section with its own title, description, canonical and image', () => {
    const titles = new Set<string>();
    for (const { id, title } of sections) {
      const c = loadPage(cardPath(id));
      const url = `${site.origin}/s/${id}/`;
      expect(c('title').text()).toContain(title);
      titles.add(c('title').text());
      expect(c('link[rel="canonical"]').attr('href')).toBe(url);
      expect(meta(c, 'og:url')).toBe(url);
      expect(meta(c, 'og:title')).toBe(c('title').text());
      const description = meta(c, 'description')!;
      // A section opens with the author's first paragraph; the epilogue with its own introduction.
      const firstPara = $(`section[data-section="${id}"]`).find('[data-para], .epilogue-text').first().clone();
      firstPara.find('[data-editorial]').remove();
      // The author's words are quoted as his under the editors' heading; the epilogue's are the editors' own.
      const words = id === epilogueId ? description : description.replace(/^“(.*)”$/, '$1');
      expect(words === description).toBe(id === epilogueId);
      expect(firstPara.text().replace(/\s+/g, ' ').trim().startsWith(words.replace(/…$/, ''))).toBe(true);
      expect(meta(c, 'og:description')).toBe(description);
      expect(meta(c, 'twitter:card')).toBe('summary_large_image');
      expect(meta(c, 'og:image')).toBe(`${site.origin}/og/s/${id}.png`);
      expect(meta(c, 'twitter:image')).toBe(meta(c, 'og:image'));
      expect(meta(c, 'og:image:width')).toBe('1200');
      expect(meta(c, 'og:image:height')).toBe('630');
      expect(meta(c, 'og:image:alt')).toContain(title);
    }
    expect(titles.size).toBe(sections.length);
  });

  it('s/<id>/index.html sends the reader on to /#<id> at once, with a visible link, and stays out of search results', () => {
    for (const { id } of sections) {
      const c = loadPage(cardPath(id));
      expect(c('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=/#${id}`);
      expect(c('a[data-card-target]').attr('href')).toBe(`/#${id}`);
      expect(c('a[data-card-target]').text().trim()).not.toBe('');
      expect(meta(c, 'robots')).toMatch(/noindex/);
    }
  });

  it('og/ holds a 1200×630 PNG for the article and each section, every one different', () => {
    const files = ['og/article.png', ...sections.map(({ id }) => `og/s/${id}.png`)];
    const seen = new Set<string>();
    for (const f of files) {
      expect(png(f)).toEqual({ width: 1200, height: 630 });
      seen.add(readFileSync(distPath(f)).toString('base64'));
    }
    expect(seen.size).toBe(files.length);
  });
});

describe('article metadata', () => {
  it('index.html has a canonical URL, Open Graph and Twitter tags with the article card', () => {
    expect($('link[rel="canonical"]').attr('href')).toBe(`${site.origin}/`);
    expect(meta($, 'og:type')).toBe('article');
    expect(meta($, 'og:title')).toBe($('h1').text().trim());
    expect(meta($, 'og:description')).toBe(meta($, 'description'));
    expect(meta($, 'og:image')).toBe(`${site.origin}/og/article.png`);
    expect(meta($, 'twitter:card')).toBe('summary_large_image');
    expect(meta($, 'robots') ?? '').not.toMatch(/noindex/);
  });

  it('index.html carries JSON-LD for an AnalysisNewsArticle with its author, month-precise date, publisher and original', () => {
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const raw = scripts.text();
    expect(raw).not.toMatch(/<\/script/i);
    const ld = JSON.parse(raw);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('AnalysisNewsArticle');
    expect(ld.headline).toBe($('h1').text().trim());
    expect(ld.author).toMatchObject({ '@type': 'Person', name: $('[data-author-name]').text().trim() });
    expect(ld.datePublished).toBe($('[data-provenance] time').attr('datetime'));
    expect(ld.datePublished).toMatch(/^\d{4}-\d{2}$/);
    expect(ld.publisher['@type']).toBe('Organization');
    expect(ld.isBasedOn.publisher.name).toBe($('[data-provenance] cite').text().trim());
    expect(ld.url).toBe(`${site.origin}/`);
    // The epilogue came later: the backstory says so, the part is dated, and the edition was modified no earlier.
    const epilogue = $('section[data-epilogue]');
    const id = epilogue.attr('data-section')!;
    const added = epilogue.find('.epilogue-kicker time').attr('datetime')!;
    expect(ld.backstory).toContain(`“${epilogue.children('h2').text().trim()}”`);
    expect(ld.hasPart).toMatchObject({ url: `${site.origin}/#${id}`, dateCreated: added });
    expect(ld.dateModified >= added).toBe(true);
    expect(ld.dateModified).toBe($('[data-corrections] time').first().attr('datetime'));
  });

  it('index.html links a favicon set whose PNGs exist at their stated sizes', () => {
    expect($('link[rel="icon"][type="image/svg+xml"]').attr('href')).toBe('/favicon.svg');
    const icons = $('link[rel="icon"][type="image/png"]').toArray().map((l) => ({ href: $(l).attr('href')!, sizes: $(l).attr('sizes')! }));
    expect(icons.map((i) => i.sizes)).toEqual(['32x32', '192x192']);
    for (const i of icons) {
      const [w] = i.sizes.split('x').map(Number);
      expect(png(i.href.slice(1)), i.href).toEqual({ width: w, height: w });
    }
    expect(png($('link[rel="apple-touch-icon"]').attr('href')!.slice(1))).toEqual({ width: 180, height: 180 });
    // No web manifest: Chrome's install check would fetch it while the page first paints.
    expect($('link[rel="manifest"]').length).toBe(0);
  });
});

describe('sitemap.xml and robots.txt', () => {
  /** Every built HTML page, as a site path. */
  const pages = htmlPages(distPath()).map((f) => pageUrlPath(f));

  it('sitemap.xml lists exactly the built pages that may be indexed, as absolute URLs', () => {
    const xml = cheerio.load(readFileSync(distPath('sitemap.xml'), 'utf8'), { xml: true });
    const listed = xml('url > loc').toArray().map((e) => new URL(xml(e).text()));
    for (const u of listed) expect(u.origin).toBe(site.origin);
    const indexable = pages.filter((p) => {
      if (p === '/404.html') return false;
      const c = cheerio.load(readFileSync(distPath(p.endsWith('/') ? `${p}index.html` : p), 'utf8'));
      return !/noindex/.test(c('meta[name="robots"]').attr('content') ?? '') && c('meta[http-equiv="refresh"]').length === 0;
    });
    expect(listed.map((u) => u.pathname).sort()).toEqual(indexable.sort());
    expect(listed.map((u) => u.pathname)).not.toContain(`/s/${sections[0]!.id}/`);
  });

  it('robots.txt allows crawling and points to the sitemap', () => {
    const robots = readFileSync(distPath('robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    expect(robots).toContain(`Sitemap: ${site.origin}/sitemap.xml`);
  });
});
