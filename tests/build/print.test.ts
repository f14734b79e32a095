import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { loadPage } from '../support/dist';
import { sourceKey } from '../../src/lib/analysis/sources';

const $ = loadPage();
const site = new URL($('[data-print-url]').attr('href') ?? 'invalid:');
const sources = $('[data-sources] > li').toArray().map((li) => ({ number: Number($(li).attr('data-source')), url: $(li).find('a').attr('href')! }));
const numberOf = new Map(sources.map((s) => [sourceKey(s.url), s.number]));

describe('print edition in the built page', () => {
  it('FigureFrame and FigRef number the figures 1…N in page order, and every reference names its figure\'s number', () => {
    const figures = $('figure[data-figure]').toArray();
    expect(figures.length).toBeGreaterThan(0);
    figures.forEach((f, i) => expect($(f).find('[data-figure-label]').text()).toBe(`Figure ${i + 1}`));
    const figureNumber = new Map(figures.map((f, i) => [$(f).attr('data-figure'), i + 1]));
    expect($('[data-figref]').length).toBeGreaterThan(0);
    $('[data-figref]').each((_, a) => {
      // The words are drawn on paper by CSS from the number, so the author's paragraph holds no text of ours.
      expect($(a).attr('data-figure-number')).toBe(String(figureNumber.get($(a).attr('data-figref'))));
      expect($(a).attr('aria-label')).toBe(`Figure ${figureNumber.get($(a).attr('data-figref'))}`);
      expect($(a).text()).toBe('');
      expect($(`#${$(a).attr('data-figref')}`).is('figure')).toBe(true);
    });
  });

  it('CorrectionsBox lists every source once, numbered 1…N, as a bare link whose address the print style sheet writes out', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.map((s) => s.number)).toEqual(sources.map((_, i) => i + 1));
    expect(new Set(sources.map((s) => sourceKey(s.url))).size).toBe(sources.length);
    $('[data-sources] > li').each((i, li) => {
      expect($(li).attr('id')).toBe(`source-${i + 1}`);
      // The address is drawn on paper from the link's href (the printed PDF's test reads it there): no element of ours.
      expect($(li).children().toArray().map((c) => c.tagName)).toEqual(['a']);
      expect($(li).find('a').attr('data-source-ref')).toBeUndefined();
    });
  });

  it('SourceLink follows every link to a listed source with that source\'s number, for paper', () => {
    const cited = $('main a[href^="http"]').toArray().filter((a) => !$(a).closest('[data-sources]').length && numberOf.has(sourceKey($(a).attr('href')!)));
    expect(cited.length).toBeGreaterThan(sources.length / 2);
    for (const a of cited) {
      expect(Number($(a).attr('data-source-ref')), $.html(a)).toBe(numberOf.get(sourceKey($(a).attr('href')!)));
    }
    // Every number is carried by a link to the source it names.
    $('[data-source-ref]').each((_, m) => {
      expect(m.tagName).toBe('a');
      expect(numberOf.get(sourceKey($(m).attr('href') ?? ''))).toBe(Number($(m).attr('data-source-ref')));
    });
  });

  it('the sources are numbered in the order a reader first meets them in the page', () => {
    // A link's number, or one the print style sheet draws after a name (a place on the map, an event's title).
    const firstSeen = [...new Set($('main :is([data-source-ref], [data-cite])').toArray()
      .flatMap((s) => ($(s).attr('data-source-ref') ?? $(s).attr('data-cite')!).split(',').map(Number)))];
    expect(firstSeen.every(Number.isInteger)).toBe(true);
    expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    expect(firstSeen[0]).toBe(1);
  });

  it('SourceLink adds no element for its number, and the author\'s words hold no link that would print one', () => {
    const markers = $('[data-source-ref]');
    expect(markers.length).toBeGreaterThan(0);
    expect($('sup.source-ref, .source-url, .timeline-event-cite')).toHaveLength(0);
    expect($('[data-para] [data-source-ref]')).toHaveLength(0);
  });

  it('FigureFrame prints the full address of each figure\'s data beside its link', () => {
    const data = $('.figure-data');
    expect(data.length).toBeGreaterThan(0);
    data.each((_, p) => {
      const href = $(p).find('a').attr('href')!;
      expect($(p).find('.figure-data-url.print-only').text()).toBe(`: ${new URL(href, site).href}`);
    });
  });

  it('index.html loads the print stylesheet for print only, and the page furniture, written into the page for print only, names the article', () => {
    const sheets = $('link[rel="stylesheet"][media="print"]').toArray().map((l) => $(l).attr('href')!);
    expect(sheets.some((h) => h.startsWith('/_astro/print'))).toBe(true);
    expect($('style[data-page-furniture]').attr('media')).toBe('print');
    const furniture = $('style[data-page-furniture]').text();
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
