import { describe, expect, it } from 'vitest';
import { distPath, loadPage, authorText } from '../support/dist';
import { readSource } from '../support/source';
import { definedElements, laterModules } from '../../scripts/bench/page.mjs';

const $ = loadPage();
const source = readSource();

describe('built article page', () => {
  it('index.html has one h1, the headline, and a lang', () => {
    expect($('h1')).toHaveLength(1);
    expect($('h1').text().trim()).toBe(source.headline);
    expect($('html').attr('lang')).toBe('en');
  });

  it('index.html holds every author paragraph word for word, in order, and nothing more', () => {
    const rendered = $('[data-para]').toArray().map((p) => authorText($, p));
    expect(rendered).toEqual(source.paragraphs);
  });

  it('index.html keeps the byline and the bio as the author wrote them', () => {
    expect($('[data-author-name]').text().trim()).toBe(source.author);
    expect(authorText($, $('[data-bio]'))).toBe(source.bio);
    expect($('body').text()).not.toContain('( )');
    expect($('body').text()).not.toMatch(/Leave a Reply|bloggers like this/);
  });

  it('index.html marks the date as inferred in the provenance line', () => {
    expect($('[data-provenance]').text().replace(/\s+/g, ' ')).toContain('Originally published in The Nation, October 2018 (date inferred)');
  });

  it('index.html keeps a space between the provenance and the reading time for a screen reader, which skips the visual separator', () => {
    const line = $('[data-provenance]').clone();
    line.find('[aria-hidden="true"]').remove();
    expect(line.text()).toMatch(/\)\s+\d+ min read$/);
  });

  it('index.html gives every element a unique id', () => {
    const ids = $('[id]').toArray().map((e) => $(e).attr('id'));
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('index.html resolves every in-page link', () => {
    const targets = $('a[href^="#"]').toArray().map((a) => $(a).attr('href')!.slice(1)).filter(Boolean);
    expect(targets.length).toBeGreaterThan(0);
    const missing = targets.filter((id) => $(`[id="${id}"]`).length === 0);
    expect(missing).toEqual([]);
  });

  it('index.html lists every section in the contents, in order, with editorial headings', () => {
    const toc = $('nav.toc a[data-toc-link]').toArray().map((a) => $(a).attr('href'));
    const sections = $('h2.section-heading').toArray().map((h) => `#${$(h).attr('id')}`);
    expect(toc).toEqual(sections);
    expect(sections.length).toBeGreaterThanOrEqual(7);
    $('h2.section-heading').each((_, h) => expect($(h).is('[data-editorial]')).toBe(true));
  });

  it('index.html names the end matter in the contents, after the sections, each link leading to its heading', () => {
    const end = $('nav.toc a[data-toc-end]').toArray().map((a) => ({ href: $(a).attr('href')!, text: $(a).text().trim() }));
    expect(end.map((e) => e.text)).toEqual(['About the author', 'Corrections and sources', 'Glossary']);
    for (const e of end) expect($(e.href).is('h2') && $(e.href).text().trim()).toBe(e.text);
    // In page order, after the last section.
    const order = $('h2[id]').toArray().map((h) => `#${$(h).attr('id')}`);
    const hrefs = $('nav.toc a').toArray().map((a) => $(a).attr('href')!);
    expect(hrefs).toEqual(order.filter((id) => hrefs.includes(id)));
  });

  it('index.html has landmarks, a skip link and headings in order', () => {
    expect($('main#main')).toHaveLength(1);
    expect($('header.site-header, footer.site-footer, nav')).not.toHaveLength(0);
    expect($('a.skip-link').attr('href')).toBe('#main');
    const levels = $('h1, h2, h3, h4, h5, h6').toArray().map((h) => Number(h.tagName.slice(1)));
    levels.forEach((l, i) => { if (i > 0) expect(l - levels[i - 1]!).toBeLessThanOrEqual(1); });
  });

  it('index.html hides every drawing from screen readers but those named as an image: none is read as an unnamed image', () => {
    const svgs = $('svg').toArray().filter((s) => $(s).parents('svg').length === 0);
    expect(svgs.length).toBeGreaterThan(10);
    const name = (s: Parameters<typeof $>[0]) => $(s).attr('aria-label') ?? ($(s).attr('aria-labelledby') ?? '').split(' ').map((id) => id && $(`[id="${id}"]`).text()).join('').trim();
    const unnamed = svgs.filter((s) => $(s).attr('aria-hidden') !== 'true' && !($(s).attr('role') === 'img' && name(s)));
    expect(unnamed.map((s) => $.html(s).slice(0, 80))).toEqual([]);
  });

  it('index.html waits for one stylesheet before its first paint, and fetches one more for print', () => {
    expect($('link[rel="stylesheet"]:not([media="print"])')).toHaveLength(1);
    expect($('link[rel="stylesheet"][media="print"]')).toHaveLength(1);
  });

  it('index.html carries its enhancements as one script, which with the modules it fetches on first use defines every custom element the page uses', () => {
    const scripts = $('script').toArray().filter((s) => !/json/.test($(s).attr('type') ?? ''));
    expect(scripts.map((s) => $(s).attr('type'))).toEqual(['module']);
    const script = $(scripts[0]!).text();
    const later = laterModules(script, distPath());
    expect(later.map((m) => m.path).sort()).toEqual([expect.stringMatching(/^\/_astro\/chartTip\.[\w-]+\.js$/), expect.stringMatching(/^\/_astro\/quote\.[\w-]+\.js$/)]);
    for (const { path, text } of later) {
      // Nothing shared with the page's script: an import would fetch a copy of it, and run it a second time.
      expect(text, path).not.toMatch(/\bimport\s*[\s{*("'`]|\bfrom\s*["'`]/);
      expect(text, path).toMatch(/export\s*\{\s*\w+ as define\s*\}/);
    }
    const defined = [script, ...later.map((m) => m.text)].flatMap(definedElements);
    expect(definedElements(script)).not.toContain('bloc-quote');
    expect(definedElements(script)).not.toContain('bloc-chart-tip');
    const used = [...new Set($('*').toArray().map((el) => ('tagName' in el ? el.tagName : '')).filter((n) => n.startsWith('bloc-')))];
    expect(used.length).toBeGreaterThan(0);
    expect(defined).toEqual(expect.arrayContaining(used));
  });

  it('index.html loads nothing from another origin', () => {
    // A canonical link names the page's public address; nothing is fetched from it.
    const external = $('[src], link[href]:not([rel="canonical"]), script[src]').toArray()
      .map((e) => $(e).attr('src') ?? $(e).attr('href') ?? '')
      .filter((u) => /^(https?:)?\/\//.test(u));
    expect(external).toEqual([]);
  });
});
