import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { numberFigures, figureLabel } from '../../../src/lib/print/figures';
import { collectEndnotes, endnoteUrl, renderEndnotes } from '../../../src/lib/print/endnotes';
import { preparePrintEdition } from '../../../src/lib/print/printEdition';
import { cssString, pageFurnitureCss } from '../../../src/lib/print/furniture';
import { hiddenInPrint } from '../../../src/lib/print/printCss';
import { ContentError } from '../../../src/schemas/issues';

const PAGE = new URL('https://bloc.example/');

const figure = (id: string, title: string) =>
  `<figure class="figure" data-figure="${id}"><figcaption><span class="figure-label" data-figure-label></span><span class="figure-title">${title}</span></figcaption></figure>`;

const endmatter = '<div class="print-only" data-print-colophon><section data-print-endnotes><ol data-endnotes-list></ol></section><a href="https://bloc.example/">https://bloc.example/</a></div>';

describe('numberFigures', () => {
  it('numberFigures($, file) numbers figures in document order and fills their references', () => {
    const $ = cheerio.load(`<main>${figure('trade', 'Trade grew')}<p>See <span data-editorial>(<a href="#deals" data-figref="deals">figure</a>)</span></p>${figure('deals', 'Deals')}</main>`);
    const figures = numberFigures($, 'index.html');
    expect(figures.map((f) => [f.id, f.number, f.title])).toEqual([['trade', 1, 'Trade grew'], ['deals', 2, 'Deals']]);
    expect($('[data-figure="trade"] [data-figure-label]').text()).toBe(figureLabel(1));
    expect($('[data-figure="deals"] [data-figure-label]').text()).toBe('Figure 2');
    expect($('[data-figref="deals"]').text()).toBe('Figure 2');
  });

  it('numberFigures($, file) names the file and the id of a reference to a missing figure', () => {
    const $ = cheerio.load(`<main>${figure('trade', 'T')}<a data-figref="timeline">figure</a></main>`);
    expect(() => numberFigures($, 'index.html')).toThrow(ContentError);
    expect(() => numberFigures($, 'index.html')).toThrow(/index\.html: <FigRef to="timeline"> refers to no figure on the page \(figures: trade\)/);
  });

  it('numberFigures($, file) refuses two figures with one id', () => {
    const $ = cheerio.load(`<main>${figure('trade', 'A')}${figure('trade', 'B')}</main>`);
    expect(() => numberFigures($, 'x.html')).toThrow(/x\.html: two figures use the id "trade"/);
  });
});

describe('endnoteUrl', () => {
  it('endnoteUrl(href, page) keeps web addresses and drops links that stay on the page', () => {
    expect(endnoteUrl('https://www.dawn.com/news/1', PAGE)).toBe('https://www.dawn.com/news/1');
    expect(endnoteUrl('/data/trade.csv', PAGE)).toBe('https://bloc.example/data/trade.csv');
    expect(endnoteUrl('#trade-figures', PAGE)).toBeUndefined();
    expect(endnoteUrl('/#trade-figures', PAGE)).toBeUndefined();
    expect(endnoteUrl('https://bloc.example/index.html', PAGE)).toBeUndefined();
    expect(endnoteUrl('mailto:a@b.example', PAGE)).toBeUndefined();
    expect(endnoteUrl('javascript:void(0)', PAGE)).toBeUndefined();
    expect(endnoteUrl(undefined, PAGE)).toBeUndefined();
  });
});

describe('collectEndnotes', () => {
  const html = `<main>
    <p>One <a href="https://a.example/x">Source A</a>, two <a href="https://b.example/">https://b.example/</a>,
    again <a href="https://a.example/x">A again</a>, inside <a href="#p1">the page</a>.</p>
    <div data-print="hide"><a href="https://share.example/?u=1">Share</a></div>
    <nav><a href="https://nav.example/">Nav</a></nav>
    ${endmatter}
  </main><footer><a href="https://outside.example/">Outside main</a></footer>`;

  it('collectEndnotes($, page) numbers each URL once, in reading order, and repeats the number for a repeated URL', () => {
    const $ = cheerio.load(html);
    const notes = collectEndnotes($, PAGE);
    expect(notes).toEqual([
      { number: 1, url: 'https://a.example/x', label: 'Source A' },
      { number: 2, url: 'https://b.example/', label: '' },
    ]);
    expect($('[data-endnote-ref]').toArray().map((s) => $(s).text())).toEqual(['1', '2', '1']);
    // Each marker follows its link directly.
    $('[data-endnote-ref]').each((_, s) => expect($(s).prev().is('a[href^="https:"]')).toBe(true));
  });

  it('collectEndnotes($, page) skips links hidden in print, outside main and in the end matter', () => {
    const $ = cheerio.load(html);
    const urls = collectEndnotes($, PAGE).map((n) => n.url);
    expect(urls).not.toContain('https://share.example/?u=1');
    expect(urls).not.toContain('https://nav.example/');
    expect(urls).not.toContain('https://outside.example/');
    expect(urls).not.toContain('https://bloc.example/');
  });

  it('collectEndnotes($, page) marks its markers print-only, editorial and hidden from assistive technology', () => {
    const $ = cheerio.load(html);
    collectEndnotes($, PAGE);
    $('[data-endnote-ref]').each((_, s) => {
      expect($(s).is('sup.print-only[aria-hidden="true"][data-editorial]')).toBe(true);
    });
  });

  it('renderEndnotes($, notes) lists every note with its full URL, and removes an empty slot', () => {
    const $ = cheerio.load(html);
    renderEndnotes($, collectEndnotes($, PAGE));
    const items = $('[data-print-endnotes] li').toArray().map((li) => $(li).text());
    expect(items).toEqual(['Source A: https://a.example/x', 'https://b.example/']);
    expect($('#endnote-2 a').attr('href')).toBe('https://b.example/');
    const empty = cheerio.load(`<main><p>No links</p>${endmatter}</main>`);
    renderEndnotes(empty, collectEndnotes(empty, PAGE));
    expect(empty('[data-print-endnotes]')).toHaveLength(0);
  });
});

describe('preparePrintEdition', () => {
  it('preparePrintEdition(html, opts) leaves inline scripts and styles byte for byte, so CSP hashes hold', () => {
    const script = 'if (a < b && c > "d") { document.body.dataset.x = \'&amp;\'; }';
    const style = '.a > .b::after { content: "<&>"; }';
    const html = `<!DOCTYPE html><html><head><style>${style}</style></head><body><main><p><a href="https://a.example/">A</a></p>${endmatter}</main><script type="module">${script}</script></body></html>`;
    const out = preparePrintEdition(html, { file: 'index.html', pageUrl: PAGE });
    expect(out.changed).toBe(true);
    expect(out.html).toContain(`<script type="module">${script}</script>`);
    expect(out.html).toContain(`<style>${style}</style>`);
    expect(out.endnotes).toHaveLength(1);
  });

  it('preparePrintEdition(html, opts) returns a page without figures or an endnote slot unchanged', () => {
    const html = '<!doctype html><html><head></head><body><main><a href="https://a.example/">A</a></main></body></html>';
    const out = preparePrintEdition(html, { file: 'card.html', pageUrl: PAGE });
    expect(out).toEqual({ html, changed: false, figures: [], endnotes: [] });
  });
});

describe('pageFurnitureCss', () => {
  it('cssString(text) escapes quotes, backslashes and line breaks', () => {
    expect(cssString('Say "hi"\\now\nthen')).toBe('"Say \\"hi\\"\\\\now then"');
  });

  it('pageFurnitureCss({ title, url }) puts the title at the top and the address at the bottom of each page', () => {
    const css = pageFurnitureCss({ title: 'Pakistan, Russia "bloc"', url: 'https://bloc.example/' });
    expect(css).toMatch(/@top-left \{ content: "Pakistan, Russia \\"bloc\\""; \}/);
    expect(css).toMatch(/@bottom-left \{ content: "https:\/\/bloc\.example\/"; \}/);
    expect(css).toMatch(/@page :first \{ @top-left \{ content: none; \} \}/);
  });
});

describe('hiddenInPrint', () => {
  const css = `
    @layer print { .share, bloc-share { display: none !important; } .note { display: block; } }
    .chart-tip { display: none; }
    @media print { .screen-only { display: none; } }
    @media screen { .print-only { display: none; } }
    @media (min-width: 40rem) { .narrow { display: none; } }
    .label::after { display: none; }
    @page { @top-left { display: none; } }`;

  it('hiddenInPrint(css, "print") takes every display:none rule of a print stylesheet except screen, width and pseudo-element rules', () => {
    expect(hiddenInPrint(css, 'print').sort()).toEqual(['.chart-tip', '.screen-only', '.share', 'bloc-share']);
  });

  it('hiddenInPrint(css, "all") takes only the @media print rules of an ordinary stylesheet', () => {
    expect(hiddenInPrint(css, 'all')).toEqual(['.screen-only']);
  });

  it('preparePrintEdition(html, { readStylesheet }) leaves out links the page\'s print rules hide', () => {
    const html = `<html><head><link rel="stylesheet" href="/p.css" media="print"></head><body><main>
      <p><a href="https://kept.example/">kept</a></p><div class="share"><a href="https://x.example/">X</a></div>${endmatter}</main></body></html>`;
    const out = preparePrintEdition(html, { file: 'index.html', pageUrl: PAGE, readStylesheet: (href) => (href === '/p.css' ? css : undefined) });
    expect(out.endnotes.map((n) => n.url)).toEqual(['https://kept.example/']);
  });

  it('preparePrintEdition(html) also reads the print rules of a stylesheet written into the page', () => {
    const html = `<html><head><style>@media print { .share { display: none } }</style></head><body><main>
      <p><a href="https://kept.example/">kept</a></p><div class="share"><a href="https://x.example/">X</a></div>${endmatter}</main></body></html>`;
    const out = preparePrintEdition(html, { file: 'index.html', pageUrl: PAGE });
    expect(out.endnotes.map((n) => n.url)).toEqual(['https://kept.example/']);
  });
});

describe('collectEndnotes labels', () => {
  it('collectEndnotes($, page) tells two addresses with one name apart by the number of their figure', () => {
    const fig = (id: string, href: string) => `<figure data-figure="${id}"><span data-figure-label></span><a href="${href}">Get the data</a></figure>`;
    const $ = cheerio.load(`<main>${fig('a', '/a.csv')}${fig('b', '/b.csv')}<p><a href="https://x.example/">Source</a></p></main>`);
    numberFigures($, 'index.html');
    expect(collectEndnotes($, PAGE).map((n) => n.label)).toEqual(['Get the data, Figure 1', 'Get the data, Figure 2', 'Source']);
  });
});
