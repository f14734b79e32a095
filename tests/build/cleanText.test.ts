// The author's paragraphs hold the author's words only: for a plain reading of the HTML and for Reader View.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { distPath, loadPage } from '../support/dist';
import { readSource } from '../support/source';

const source = readSource();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the author\'s paragraphs in the built page', () => {
  it('index.html: the whole text of each <p data-para>, markers and all, is the author\'s paragraph', () => {
    const $ = loadPage();
    expect($('[data-para]').toArray().map((p) => squash($(p).text()))).toEqual(source.paragraphs);
  });

  it('new Readability(index.html).parse() keeps every paragraph whole, in order, with nothing of ours inside it', () => {
    const dom = new JSDOM(readFileSync(distPath('index.html'), 'utf8'), { url: 'https://example.org/' });
    const article = new Readability(dom.window.document).parse();
    expect(article?.content).toBeTruthy();
    const extracted = new JSDOM(article!.content!).window.document;
    const paragraphs = [...extracted.querySelectorAll('p')].map((p) => squash(p.textContent ?? ''));
    // Each of the author's paragraphs is one extracted paragraph, word for word, and they come in the author's order.
    let from = 0;
    const found = source.paragraphs.map((text) => {
      const at = paragraphs.indexOf(text, from);
      if (at >= 0) from = at + 1;
      return at >= 0 ? text : `missing or broken: “${text.slice(0, 60)}…”`;
    });
    expect(found).toEqual(source.paragraphs);
    // No other extracted paragraph holds a run of ten of the author's words: nothing of the author's is split off.
    const runs = (text: string) => { const w = text.split(' '); return w.slice(0, -9).map((_, i) => w.slice(i, i + 10).join(' ')); };
    const authorRuns = new Set(source.paragraphs.flatMap(runs));
    const mixed = paragraphs.filter((p) => !source.paragraphs.includes(p) && runs(p).some((r) => authorRuns.has(r)));
    expect(mixed).toEqual([]);
    // What is made for paper alone stays out of Reader View, which does not read the stylesheet that hides it on screen.
    const $ = loadPage();
    const paperOnly = $('.print-only').toArray().map((el) => squash($(el).text())).filter((t) => t.length > 20);
    expect(paperOnly.length).toBeGreaterThan(0);
    for (const t of paperOnly) expect(squash(article!.textContent ?? ''), t).not.toContain(t);
    // Nor do the glossary's definitions, which Reader View cannot open: they would stand as loose paragraphs between the
    // author's. Each is there once, in the glossary at the end.
    const definitions = $('[data-term-definition]').toArray().map((d) => squash($(d).find('p').last().text()));
    expect(definitions.length).toBeGreaterThan(5);
    for (const t of definitions) expect(squash(article!.textContent ?? '').split(t).length - 1, t).toBe(1);
    // Nor does the key to the marks after paragraphs, which Reader View does not show: it would read "After a paragraph, leads to…".
    const key = squash($('[data-marks-key]').text());
    expect(key).toMatch(/^After a paragraph/);
    expect(squash(article!.textContent ?? '')).not.toContain(key.slice(0, 30));
  });

  it('new Readability(index.html).parse() keeps every note, corrections first of all, and the author\'s bio', () => {
    const dom = new JSDOM(readFileSync(distPath('index.html'), 'utf8'), { url: 'https://example.org/' });
    const text = squash(new Readability(dom.window.document).parse()!.textContent ?? '');
    const $ = loadPage();
    const notes = $('[data-note]').toArray();
    expect(notes.length).toBeGreaterThan(10);
    const missing = notes.filter((n) => !text.includes(squash($(n).find('.note-body > :first-child').text()))).map((n) => $(n).attr('data-note'));
    expect(missing).toEqual([]);
    expect(text).toContain(squash($('[data-bio]').text()));
  });

  it('new Readability(index.html).parse() keeps words apart: no two elements in one line of Reader View run their words together', () => {
    // Our stylesheet sets a note's number, kind and title, an event's date and title, and lists of links apart;
    // Reader View drops it, so only a space in the markup keeps "1 Context" from reading "1Context".
    const dom = new JSDOM(readFileSync(distPath('index.html'), 'utf8'), { url: 'https://example.org/' });
    const extracted = new JSDOM(new Readability(dom.window.document).parse()!.content!).window.document;
    const BLOCKS = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, td, th, caption, summary, figcaption, blockquote, div, details, section, figure, ol, ul, dl, table, tr';
    const walker = extracted.createTreeWalker(extracted.body, 4 /* NodeFilter.SHOW_TEXT */);
    const runs: Text[] = [];
    // A chart's SVG places each of its texts on its own; only the HTML flows into lines.
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data && !n.parentElement!.closest('svg')) runs.push(n as Text);
    const glued = runs.slice(1).flatMap((next, i) => {
      const prev = runs[i]!;
      const sameLine = prev.parentElement!.closest(BLOCKS) === next.parentElement!.closest(BLOCKS);
      const touching = /[\p{L}\p{N}.,;:!?)”’]$/u.test(prev.data) && /^[\p{L}\p{N}“‘($]/u.test(next.data);
      return sameLine && touching && prev.parentElement !== next.parentElement ? [`${prev.data.slice(-20)}|${next.data.slice(0, 20)}`] : [];
    });
    expect(runs.length).toBeGreaterThan(1000);
    expect(glued).toEqual([]);
  });
});
