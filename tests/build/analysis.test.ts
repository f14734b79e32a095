import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { distPath, loadPage, authorText } from '../support/dist';
import { readEdition } from '../support/content';
import { tradeFacts } from '../../src/lib/analysis/analysisData';
import { formatPercent, formatUsd } from '../../src/lib/charts/formatUsd';

const $ = loadPage();
const edition = readEdition();
const data = { glossary: edition.glossary, places: edition.places, trade: edition.trade.figures, claims: edition.trade.claims };

describe('built analysis layer', () => {
  it('index.html puts each note right after its paragraph, linked both ways by its number', () => {
    const notes = $('[data-note]').toArray();
    expect(notes.length).toBeGreaterThanOrEqual(12);
    notes.forEach((el, i) => {
      const note = $(el);
      const id = note.attr('data-note')!;
      // The id is on the body, inside the disclosure, so that a link to it opens the note.
      expect(note.find('details > .note-body').attr('id')).toBe(id);
      const para = note.prevAll(':not([data-note], [data-term-definition])').first();
      expect(para.is(`p[data-para]#${note.attr('data-note-for')}`), id).toBe(true);
      expect(note.attr('data-note-n')).toBe(String(i + 1));
      expect(note.find('.note-number').text().trim()).toBe(String(i + 1));
      const ref = para.find(`a#ref-${id}`);
      expect(ref.attr('href')).toBe(`#${id}`);
      expect(ref.attr('data-note-n')).toBe(String(i + 1));
      expect(ref.attr('aria-label')).toMatch(new RegExp(`^(Correction|Spelling|Context) note ${i + 1}: `));
      expect(ref.closest('[data-editorial]').length).toBe(1);
      expect(note.find(`a[href="#ref-${id}"]`).length).toBe(1);
      expect(note.is('[data-editorial][role="note"]')).toBe(true);
    });
  });

  it('index.html anchors exactly the notes it sets in the margin, in its own rules, with no table of anchors in the stylesheets', () => {
    const margin = $('[data-note][data-note-place="margin"]').toArray().map((n) => Number($(n).attr('data-note-n')));
    expect(margin.length).toBeGreaterThan(0);
    expect($('[data-note]').toArray().every((n) => ['margin', 'inline'].includes($(n).attr('data-note-place')!))).toBe(true);
    const rules = $('style[data-anchors]').text();
    expect([...rules.matchAll(/anchor-name:--note-ref-(\d+)/g)].map((m) => Number(m[1]))).toEqual(margin);
    // And each glossary definition to its term's words, the words and the button together.
    const terms = $('[data-term-group]').toArray().map((g) => $(g).attr('data-term-group'));
    expect(terms.length).toBeGreaterThan(0);
    expect([...rules.matchAll(/\[data-term-group="([a-z0-9-]+)"\]\{anchor-name:--term-\1\}\[data-term-definition="\1"\]\{position-anchor:--term-\1\}/g)].map((m) => m[1])).toEqual(terms);
    for (const t of terms) expect($(`[data-term-definition="${t}"][popover]`).length, t).toBe(1);
    const sheets = $('link[rel="stylesheet"]').toArray().map((l) => readFileSync(distPath($(l).attr('href')!.replace(/^\//, '')), 'utf8'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const css of sheets) expect(css).not.toMatch(/--note-ref-\d/);
  });

  it('index.html labels each kind of note in words and asks for its shape (drawn by CSS; the browser tests measure it)', () => {
    for (const kind of ['correction', 'spelling', 'context']) {
      const notes = $(`[data-note-kind="${kind}"]`);
      expect(notes.length, kind).toBeGreaterThan(0);
      notes.each((_, n) => {
        expect($(n).find('.note-kind').text().trim().toLowerCase()).toBe(kind);
        expect($(n).find('.note-kind').attr('data-note-shape')).toBe(kind);
        expect($(n).find('.note-kind *').length, 'no element drawn for the shape').toBe(0);
      });
    }
  });

  it('index.html writes the growth figures in the 33 % note from the data, not by hand', () => {
    const f = tradeFacts(data.trade, data.claims);
    const note = $('#note-growth-rate');
    const computed = note.find('[data-computed]').toArray().map((e) => [$(e).attr('data-computed'), $(e).text()]);
    expect(computed).toContainEqual(['trade-growth', formatPercent(f.growthPercent, 1)]);
    expect(computed).toContainEqual(['trade-implied-start', formatUsd(f.impliedStartUsdMillions!)]);
    expect(computed).toContainEqual(['trade-change', formatUsd(f.changeUsdMillions)]);
  });

  it('index.html keeps glossary terms as the author\'s running words, with an editorial button that opens the definition', () => {
    const terms = $('label.term');
    expect(terms.length).toBe(data.glossary.length);
    terms.each((_, l) => {
      const id = $(l).attr('data-term')!;
      const entry = data.glossary.find((g) => g.id === id)!;
      expect([entry.term, ...entry.aliases]).toContain($(l).text());
      expect($(l).closest('p[data-para]').length).toBe(1);
      expect($(l).closest('[data-editorial]').length).toBe(0);
      const button = $(`#${$(l).attr('for')}`);
      expect(button.is('button.term-button[data-editorial]')).toBe(true);
      expect(button.prev().is(l)).toBe(true);
      expect(button.attr('aria-label')).toBe(`What is ${entry.term}?`);
      expect(button.text()).toBe('');
      // The definition follows the paragraph, outside it.
      const pop = $(`#${button.attr('popovertarget')}`);
      expect(pop.is('[popover][data-editorial]')).toBe(true);
      expect(pop.closest('p').length).toBe(0);
      expect(pop.prevAll('p[data-para]').first().attr('id')).toBe($(l).closest('p[data-para]').attr('id'));
      expect(pop.text()).toContain(entry.definition);
      expect(pop.find(`a[href="#glossary-${id}"]`).length).toBe(1);
    });
    expect(authorText($, $('#peace-for-cpec'))).toContain('smooth progress on CPEC, there is');
  });

  it('index.html ends with a glossary list holding every entry, linked back to its first use', () => {
    const list = $('section.glossary dl');
    expect(list.length).toBe(1);
    for (const g of data.glossary) {
      const dt = list.find(`dt#glossary-${g.id}`);
      expect(dt.text()).toBe(g.term);
      const link = dt.next('dd').find('a.glossary-first-use');
      const back = link.attr('href')!;
      expect($(back).find(`label[data-term="${g.id}"]`).length).toBe(1);
      // Its name begins with the words it shows, so that a reader who says them to voice control reaches it, and
      // names the term, so that a list of links tells the ten apart.
      expect(link.attr('aria-label')!.startsWith(link.text().replace(/\.$/, '')), g.id).toBe(true);
      expect(link.attr('aria-label'), g.id).toContain(g.term);
      // Each part of the entry ends its sentence: "… First use in the article. Source: …", never "article Source".
      expect(dt.next('dd').text().replace(/\s+/g, ' '), g.id).not.toMatch(/[\p{L}\p{N}”)] Source:/u);
    }
  });

  it('index.html has a corrections box after the article text: every correction, the sources once each, the update date', () => {
    const box = $('[data-corrections]');
    expect(box.length).toBe(1);
    expect(box.closest('article').length).toBe(1);
    expect($('.article-body').nextAll('[data-corrections]').length).toBe(1);
    const corrections = box.find('[data-corrections-kind="correction"] a').toArray().map((a) => $(a).attr('href'));
    expect(corrections).toEqual($('[data-note-kind="correction"]').toArray().map((n) => `#${$(n).attr('data-note')}`));
    const urls = box.find('[data-sources] a').toArray().map((a) => $(a).attr('href')!.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(new Set(urls).size).toBe(urls.length);
    for (const href of $('[data-note] a[href^="http"]').toArray().map((a) => $(a).attr('href')!.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''))) expect(urls).toContain(href);
    expect(box.find('time').attr('datetime')).toBe(readEdition().article.updated);
    expect(box.text()).toMatch(/What the article got wrong[\s\S]*How we checked[\s\S]*Sources/);
  });

  it('index.html draws the locator map as two titled panels with a key, and lists every place, numbered as on the map, with links that resolve', () => {
    const fig = $('figure#where-it-happened');
    expect(fig.length).toBe(1);
    expect(fig.closest('section').attr('data-section')).toBe('new-world-map');
    const svgs = fig.find('svg[data-map-svg]');
    expect(svgs.length).toBe(2);
    svgs.each((_, s) => {
      // The drawing is hidden from screen readers, and its title with it (alone it would be read with nothing
      // after it); its text is the list.
      expect($(s).attr('aria-hidden')).toBe('true');
      expect($(s).prev('.map-panel-title').text().length).toBeGreaterThan(3);
      expect($(s).prev('.map-panel-title').attr('aria-hidden')).toBe('true');
      expect($(s).find('path[data-country="586"]').length).toBe(1);
      // One set of labels per width, each naming every place it shows.
      expect($(s).find('g.map-labels').length).toBe(6);
    });
    expect(fig.find('.map-key li').length).toBeGreaterThanOrEqual(4);
    data.places.forEach((p, i) => {
      const li = fig.find(`li[data-map-place="${p.id}"]`);
      expect(li.text()).toContain(p.name);
      expect(Number(li.attr('value'))).toBe(i + 1);
      const point = fig.find(`a.map-place[data-place="${p.id}"]`);
      expect(point.length).toBeGreaterThanOrEqual(1);
      expect(point.attr('href')).toBe(`#${li.attr('id')}`);
      expect(fig.find(`g.map-labels--w36 text.map-place-label[data-label="${p.id}"]`).first().text()).toBe(p.name);
      const links = li.find('a').toArray().map((a) => $(a).attr('href')!);
      expect(links).toEqual([...p.paragraphs, ...p.events].map((id) => `#${id}`));
      for (const l of links) expect($(l).length, l).toBe(1);
    });
    expect(fig.find('[data-event]').length).toBe(0);
  });
});
