import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { loadPage, distPath } from '../support/dist';
import { endnoteUrl, PRINT_HIDDEN } from '../../src/lib/print/endnotes';
import { hiddenInPrint } from '../../src/lib/print/printCss';

const $ = loadPage();
const site = new URL($('[data-print-url]').attr('href') ?? 'invalid:');
/** Everything the page's own stylesheets take off paper, read from the built CSS. */
const offPaper = [PRINT_HIDDEN, ...$('link[rel="stylesheet"]').toArray().flatMap((l) => {
  const css = readFileSync(distPath($(l).attr('href')!), 'utf8');
  return hiddenInPrint(css, $(l).attr('media') === 'print' ? 'print' : 'all');
}).filter((sel) => { try { $.root().find(sel); return true; } catch { return false; } })].join(', ');

describe('print edition in the built page', () => {
  it('printEdition() numbers the figures 1…N in page order and fills every figure reference', () => {
    const figures = $('figure[data-figure]').toArray();
    expect(figures.length).toBeGreaterThan(0);
    figures.forEach((f, i) => expect($(f).find('[data-figure-label]').text()).toBe(`Figure ${i + 1}`));
    const numberOf = new Map(figures.map((f, i) => [$(f).attr('data-figure'), i + 1]));
    $('[data-figref]').each((_, a) => {
      expect($(a).text()).toBe(`Figure ${numberOf.get($(a).attr('data-figref'))}`);
      expect($(`#${$(a).attr('data-figref')}`).is('figure')).toBe(true);
    });
  });

  it('printEdition() follows every link in main that reaches paper with the number of its endnote', () => {
    const links = $('main a[href]').toArray().filter((a) => !$(a).closest(offPaper).length && endnoteUrl($(a).attr('href'), site));
    expect(links.length).toBeGreaterThan(0);
    const endnotes = new Map($('[data-endnote]').toArray().map((li) => [$(li).find('a').attr('href'), Number($(li).attr('data-endnote'))]));
    for (const a of links) {
      const marker = $(a).next();
      expect(marker.is('sup[data-endnote-ref]'), $.html(a)).toBe(true);
      expect(Number(marker.text())).toBe(endnotes.get(endnoteUrl($(a).attr('href'), site)));
    }
  });

  it('printEdition() gives no endnote to a link the print stylesheets hide (share links, screen-only downloads)', () => {
    const hidden = $('main a[href^="http"]').toArray().filter((a) => $(a).closest(offPaper).length);
    expect(hidden.length).toBeGreaterThan(0);
    for (const a of hidden) expect($(a).next('[data-endnote-ref]'), $.html(a)).toHaveLength(0);
  });

  it('printEdition() numbers the endnotes 1…N, one per address, in the order the links are read', () => {
    const numbers = $('[data-endnote]').toArray().map((li) => Number($(li).attr('data-endnote')));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const urls = $('[data-endnote] a').toArray().map((a) => $(a).attr('href'));
    expect(new Set(urls).size).toBe(urls.length);
    urls.forEach((u) => expect(u).toMatch(/^https?:\/\//));
    // First appearances of the markers run 1, 2, 3…
    const firstSeen = [...new Set($('main sup[data-endnote-ref]').toArray().map((s) => Number($(s).text())))];
    expect(firstSeen).toEqual(numbers);
  });

  it('printEdition() keeps its markers out of the screen and out of the author\'s words', () => {
    const markers = $('[data-endnote-ref]');
    expect(markers.length).toBeGreaterThan(0);
    markers.each((_, s) => expect($(s).is('sup.print-only[aria-hidden="true"][data-editorial]'), $.html(s)).toBe(true));
    // No marker sits inside a link, where it would change the link's name.
    expect($('a [data-endnote-ref]')).toHaveLength(0);
  });

  it('index.html loads the print stylesheets for print only, and the page furniture names the article', () => {
    const sheets = $('link[rel="stylesheet"][media="print"]').toArray().map((l) => $(l).attr('href')!);
    expect(sheets.some((h) => h.startsWith('/_astro/print'))).toBe(true);
    expect(sheets).toContain('/print-furniture.css');
    const furniture = readFileSync(distPath('print-furniture.css'), 'utf8');
    expect(furniture).toContain(`@top-left { content: "${$('h1').text().trim()}"; }`);
    expect(furniture).toContain(`@bottom-left { content: "${site.href}"; }`);
  });

  it('PrintEndmatter draws a QR code of the page address at build time, beside the address and the build date', async () => {
    const svg = $('[data-print-colophon] svg.print-qr-code');
    expect(svg).toHaveLength(1);
    expect(svg.attr('role')).toBe('img');
    expect(svg.find('title').text()).toContain(site.href);
    const expected = await QRCode.toString(site.href, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
    const modules = (s: string) => s.match(/<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/)?.[1];
    expect(modules($.html(svg))).toBe(modules(expected));
    expect($('[data-print-url]').text()).toBe(site.href);
    const built = $('time[data-print-date]');
    expect(built.attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect($('[data-print-date-label]').text()).toBe('From the edition built on');
  });

  it('PrintButton ships its button hidden, for the script to reveal', () => {
    const button = $('bloc-print button');
    expect(button).toHaveLength(1);
    expect(button.attr('type')).toBe('button');
    expect(button.is('[hidden]')).toBe(true);
    expect(button.text().replace(/\s+/g, ' ').trim()).toBe('Print / Save as PDF');
    expect($('.article-header bloc-print')).toHaveLength(1);
  });
});
