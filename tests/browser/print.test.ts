import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, url, DESKTOP } from '../support/browser';
import jsQR from 'jsqr';
import { pdfPageImage, printPdf, squash, PAPER_WIDTH_PX, type Paper, type PrintedPdf } from '../support/pdf';
import { stripMarks } from '../support/strip';

let browser: Browser;
let page: Page;
const printed = new Map<Paper, PrintedPdf>();

/** What the furniture in the page margins says, so that it can be taken out of the running text. */
let furniture: string[] = [];

beforeAll(async () => {
  browser = await launch();
  // Dark screen: the printed copy must still be black on white.
  const context = await browser.newContext({ ...DESKTOP, colorScheme: 'dark' });
  page = await context.newPage();
  await page.goto(url('/'), { waitUntil: 'load' });
  const furnitureCss = await page.evaluate(() => document.querySelector('style[data-page-furniture]')!.textContent!);
  furniture = [...furnitureCss.matchAll(/content: "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await printPdf(page, format);
    printed.set(format, pdf);
    console.log(`print: ${format} has ${pdf.pages} page(s)`);
  }
});
afterAll(async () => { await browser?.close(); });

/** The whole printed text, squashed, with the page-margin furniture taken out so paragraphs run on across pages. */
function bodyText(pdf: PrintedPdf): string {
  return pdf.pageTexts.map((t) => {
    let body = t.replace(/Page \d+ of \d+/g, ' ');
    for (const f of furniture) body = body.split(f).join(' ');
    return squash(body);
  }).join('');
}

/** Each paragraph's author text in the pieces between editorial insertions (markers, references, notes). */
async function paragraphPieces(): Promise<{ id: string; pieces: string[] }[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-para]')].map((p) => {
    const pieces: string[] = [''];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) pieces[pieces.length - 1] += node.textContent ?? '';
      else if (node instanceof Element && node.closest('[data-editorial]') && node !== p) pieces.push('');
      else node.childNodes.forEach(walk);
    };
    p.childNodes.forEach(walk);
    return { id: p.id, pieces: pieces.filter((s) => s.trim()) };
  }));
}

/** The issue's limits on the printed edition: at most 9 pages of A4 and 10 of US Letter. */
const PAGE_LIMIT: Record<Paper, number> = { A4: 9, Letter: 10 };

/**
 * The longest run of blank rows inside the page's text area (between the @page margins, so that the running
 * title and page number do not count), as a share of that area's height. Measured on the page as pdftoppm
 * rasterises it: a row is blank when no pixel in it is darker than near-white.
 */
function blankShare(pdf: PrintedPdf, pageNumber: number, marginsMm: { top: number; bottom: number }): number {
  const image = pdfPageImage(pdf, pageNumber, 50);
  const mm = 50 / 25.4;
  const top = Math.ceil(marginsMm.top * mm), bottom = Math.floor(image.height - marginsMm.bottom * mm);
  let longest = 0, run = 0;
  for (let y = top; y < bottom; y++) {
    let ink = false;
    for (let x = 0; x < image.width && !ink; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! < 235 || image.data[i + 1]! < 235 || image.data[i + 2]! < 235) ink = true;
    }
    run = ink ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest / (bottom - top);
}

/** The top and bottom margins of the stylesheet's @page rule, in millimetres, for the first page and the rest. */
async function pageMarginsMm(p: Page): Promise<{ first: { top: number; bottom: number }; rest: { top: number; bottom: number } }> {
  return p.evaluate(() => {
    const rules: CSSPageRule[] = [];
    const walk = (list: CSSRuleList) => { for (const r of list) { if (r instanceof CSSPageRule) rules.push(r); else if (r instanceof CSSImportRule && r.styleSheet) walk(r.styleSheet.cssRules); } };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    const mm = (v: string) => parseFloat(v);
    const base = rules.find((r) => r.selectorText === '')!;
    const first = rules.find((r) => r.selectorText === ':first');
    const rest = { top: mm(base.style.marginTop), bottom: mm(base.style.marginBottom) };
    return { rest, first: { top: first?.style.marginTop ? mm(first.style.marginTop) : rest.top, bottom: rest.bottom } };
  });
}

describe.each(['A4', 'Letter'] as const)('page.pdf() on %s', (format) => {
  it(`page.pdf({ format: '${format}' }) prints the edition on at most ${PAGE_LIMIT[format]} pages`, () => {
    expect(printed.get(format)!.pages).toBeLessThanOrEqual(PAGE_LIMIT[format]);
  });

  it(`page.pdf({ format: '${format}' }) leaves no page but the last more than 40 % blank`, async () => {
    const pdf = printed.get(format)!;
    const margins = await pageMarginsMm(page);
    expect(margins.rest.top).toBeGreaterThan(0);
    const shares = Array.from({ length: pdf.pages - 1 }, (_, i) => blankShare(pdf, i + 1, i === 0 ? margins.first : margins.rest));
    console.log(`print: ${format} blank shares ${shares.map((s) => `${Math.round(s * 100)} %`).join(', ')}`);
    expect(shares.map((s, i) => (s > 0.4 ? `page ${i + 1}: ${Math.round(s * 100)} % blank` : '')).filter(Boolean)).toEqual([]);
    // The measure sees a page that is mostly blank: one line of text at its head.
    const probe = await browser.newPage();
    await probe.setContent('<p style="margin:0;font:12pt serif">One line.</p>');
    const blank = await printPdf(probe, format);
    expect(blankShare(blank, 1, { top: 0, bottom: 0 })).toBeGreaterThan(0.9);
    await probe.close();
  });

  it(`page.pdf({ format: '${format}' }) prints each figure's caption on the page where its drawing begins`, async () => {
    const firsts = await page.evaluate(() => [...document.querySelectorAll('figure[data-figure]')].map((f) => {
      // The first words of the drawing itself: a panel's title or heading, a bar's name, a column's value, the first event.
      const first = f.querySelector('.map-panel-title, .record-heading, .deal-name, svg.chart-svg text.chart-value, .timeline-event-title');
      return { title: f.querySelector('.figure-title')!.textContent ?? '', first: first?.textContent ?? '' };
    }));
    expect(firsts.every((f) => f.first.trim().length > 3)).toBe(true);
    // Compared without case: the stylesheet sets some of these in capitals.
    const pages = printed.get(format)!.pageTexts.map((t) => squash(t).toLowerCase());
    for (const f of firsts) {
      const title = squash(f.title).toLowerCase();
      const at = pages.findIndex((t) => t.includes(title));
      expect(at, f.title).toBeGreaterThanOrEqual(0);
      expect(pages[at]!.slice(pages[at]!.indexOf(title)), `${f.title}: ${f.first}`).toContain(squash(f.first).toLowerCase());
    }
  });

  it(`page.pdf({ format: '${format}' }) holds every paragraph of the article, in order`, async () => {
    const text = bodyText(printed.get(format)!);
    const paragraphs = await paragraphPieces();
    expect(paragraphs.length).toBeGreaterThanOrEqual(20);
    let from = 0;
    const missing: string[] = [];
    for (const { id, pieces } of paragraphs) {
      for (const piece of pieces) {
        const at = text.indexOf(squash(piece), from);
        if (at < 0) missing.push(`${id}: ${piece.slice(0, 60)}…`);
        else from = at + squash(piece).length;
      }
    }
    expect(missing).toEqual([]);
  });

  it(`page.pdf({ format: '${format}' }) strands no heading or figure caption at the foot of a page`, async () => {
    const headings = await page.evaluate(() => [...document.querySelectorAll('main :is(h2, h3, .figure-caption)')]
      .filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('.print-only')).map((h) => h.textContent ?? ''));
    expect(headings.length).toBeGreaterThan(10);
    const pageEnds = printed.get(format)!.pageTexts.slice(0, -1).map((t) => {
      let body = t.replace(/Page \d+ of \d+/g, ' ');
      for (const f of furniture) body = body.split(f).join(' ');
      return squash(body);
    });
    const stranded = pageEnds.flatMap((end, i) => headings.filter((h) => squash(h) && end.endsWith(squash(h))).map((h) => `page ${i + 1}: ${h.trim().slice(0, 60)}`));
    expect(stranded).toEqual([]);
  });

  it(`page.pdf({ format: '${format}' }) keeps each chart whole: its title and its source line on one page`, async () => {
    const figures = await page.evaluate(() => [...document.querySelectorAll('figure[data-figure]')]
      // Figures carrying a long list (the article's timeline, the map) may continue between list items; the epilogue's,
      // its later timeline printed without the events' sentences, are short enough to keep whole.
      .filter((f) => f.closest('.epilogue') || !f.querySelector('.figure-body :is(ol, ul) > li:nth-child(8)'))
      .map((f) => ({ title: f.querySelector('.figure-title')?.textContent ?? '', source: f.querySelector('.figure-source')?.textContent ?? '' })));
    expect(figures.length).toBeGreaterThan(0);
    const pages = printed.get(format)!.pageTexts.map(squash);
    for (const f of figures) {
      const at = pages.findIndex((t) => t.includes(squash(f.title)));
      expect(at, f.title).toBeGreaterThanOrEqual(0);
      expect(pages[at], f.title).toContain(squash(f.source));
    }
  });

  it(`page.pdf({ format: '${format}' }) labels each timeline's key to its dates apart from its kinds, whose symbols print as black as its own`, async () => {
    const keys = await page.locator('.timeline-key-precision').count();
    expect(keys).toBe(await page.locator('figure[data-figure] .timeline-bands').count());
    const text = squash(printed.get(format)!.pageTexts.join(' '));
    expect(text.split('Dates:exactday').length - 1).toBe(keys);
  });

  it(`page.pdf({ format: '${format}' }) leaks no control text`, async () => {
    const raw = printed.get(format)!.pageTexts.join('\n');
    for (const control of ['Copy link', 'Share', 'Print / Save as PDF', 'Contents', 'Skip to']) {
      expect(raw, control).not.toMatch(new RegExp(`\\b${control.replace(/[/]/g, '\\/')}\\b`));
    }
  });

  it(`page.pdf({ format: '${format}' }) prints every figure with its number and title, and the text's references to them`, async () => {
    const text = bodyText(printed.get(format)!);
    const figures = await page.evaluate(() => [...document.querySelectorAll('figure[data-figure]')].map((f) => ({
      label: f.querySelector('[data-figure-label]')?.textContent ?? '',
      title: f.querySelector('.figure-title')?.textContent ?? '',
    })));
    expect(figures.length).toBeGreaterThan(0);
    figures.forEach((f, i) => {
      expect(f.label).toBe(`Figure ${i + 1}`);
      expect(text).toContain(squash(`${f.label}: ${f.title}`));
    });
    // The text refers to them by number: the reference holds no text (the words are drawn by CSS), its name says which.
    const refs = await page.evaluate(() => [...document.querySelectorAll('[data-figref]')].map((a) => a.getAttribute('aria-label') ?? ''));
    expect(refs.every((r) => /^Figure \d+$/.test(r)), refs.join(', ')).toBe(true);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(text).toContain(squash(`(${r})`));
  });

  it(`page.pdf({ format: '${format}' }) says what the marks after the paragraphs tell a reader of paper, before the first of them`, async () => {
    const text = bodyText(printed.get(format)!);
    const key = squash(await page.locator('.marks-key--paper').evaluate((k) => k.textContent ?? ''));
    const timeline = await page.locator('#timeline [data-figure-label]').textContent();
    expect(key).toContain(squash(timeline!));
    expect(key).toMatch(/note/);
    expect(key).toMatch(/epilogue/);
    // Its words in print, in order, between the marks drawn beside them, before the author's first paragraph.
    const firstParagraph = text.indexOf(squash(await page.locator('[data-para]').first().evaluate((p) => p.firstChild?.textContent ?? '')).slice(0, 40));
    let at = 0;
    for (const words of key.split(/[:;]/).filter(Boolean)) {
      at = text.indexOf(words, at);
      expect(at, words).toBeGreaterThan(0);
      expect(at, words).toBeLessThan(firstParagraph);
    }
  });

  it(`page.pdf({ format: '${format}' }) ends with the numbered sources, each with its full URL, after the author's text`, async () => {
    const pdf = printed.get(format)!;
    const text = pdf.pageTexts.join('').replace(/\s+/g, '');
    const sources = await page.evaluate(() => [...document.querySelectorAll('[data-sources] > li')].map((li) => ({ n: li.getAttribute('data-source')!, href: li.querySelector('a')!.getAttribute('href')! })));
    expect(sources.length).toBeGreaterThan(10);
    const lastParagraph = text.indexOf('Theyneedtoopenupmoreavenues');
    for (const { href } of sources) {
      expect(text).toContain(href);
      expect(text.indexOf(href, lastParagraph)).toBeGreaterThan(lastParagraph);
      expect(pdf.links).toContain(href);
    }
  });

  it(`page.pdf({ format: '${format}' }) breaks the sources' addresses where their column ends, not at their own hyphens`, async () => {
    const pdf = printed.get(format)!;
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('[data-sources] > li a')].map((a) => a.getAttribute('href')!));
    // The lines of the list that hold a piece of an address.
    const all = pdf.pageTexts.join('\n');
    const lines = all.slice(all.lastIndexOf('Every outside source')).split('\n').filter((l) => l.length > 3 && hrefs.some((h) => h.includes(l)));
    expect(lines.length).toBeGreaterThan(hrefs.length);
    // A line may end at a hyphen by chance, as often as hyphens come in the addresses; broken where an address allows,
    // the list ended one line in five at one, and a reader could not tell the address's hyphen from the break's.
    const chance = hrefs.join('').split('-').length / hrefs.join('').length;
    const atHyphen = lines.filter((l) => l.endsWith('-')).length / lines.length;
    expect(atHyphen).toBeLessThanOrEqual(2 * chance);
  });

  it(`page.pdf({ format: '${format}' }) carries the online address, the date and a QR code`, async () => {
    const raw = printed.get(format)!.pageTexts.join(' ');
    const address = await page.locator('[data-print-url]').getAttribute('href');
    expect(address).toMatch(/^https?:\/\//);
    expect(raw.replace(/\s+/g, '')).toContain(`onlineat${address}`);
    const stamped = await page.locator('time[data-print-date]').textContent();
    expect(raw.replace(/\s+/g, ' ')).toContain(`Printed on ${stamped}`);
    await page.emulateMedia({ media: 'print' });
    const qr = await page.locator('svg.print-qr-code').boundingBox();
    await page.emulateMedia({ media: null });
    expect(qr!.width).toBeGreaterThan(60);
    expect(qr!.height).toBeCloseTo(qr!.width, 0);
    // Scanned off the printed page, the code leads to the same address.
    const pdf = printed.get(format)!;
    const colophon = pdf.pageTexts.findIndex((t) => t.replace(/\s+/g, ' ').includes('Printed on')) + 1;
    expect(colophon).toBeGreaterThan(0);
    const image = pdfPageImage(pdf, colophon);
    const scanned = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(scanned?.data).toBe(address);
  });
});

describe('the page in print emulation', () => {
  /** The article at a desktop width, its styles for print applied. */
  async function openForPrint() {
    const context = await browser.newContext(DESKTOP);
    const p = await context.newPage();
    await p.goto(url('/'), { waitUntil: 'load' });
    await p.emulateMedia({ media: 'print' });
    return { context, p };
  }

  it('emulateMedia({ media: "print" }) keeps every element, list numbers included, inside the printable width of A4 and Letter', async () => {
    for (const format of ['A4', 'Letter'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await context.newPage();
      await p.goto(url('/'), { waitUntil: 'load' });
      await p.emulateMedia({ media: 'print' });
      // The side margins come from the stylesheet's own @page rule.
      const marginsPx = await p.evaluate(() => {
        const toPx = (v: string) => (v.endsWith('mm') ? (parseFloat(v) * 96) / 25.4 : parseFloat(v));
        for (const sheet of document.styleSheets) {
          for (const rule of sheet.cssRules) {
            const pageRule = rule instanceof CSSPageRule ? rule : rule instanceof CSSImportRule ? [...(rule.styleSheet?.cssRules ?? [])].find((r) => r instanceof CSSPageRule && r.selectorText === '') as CSSPageRule | undefined : undefined;
            if (pageRule && pageRule.selectorText === '' && pageRule.style.marginLeft) return toPx(pageRule.style.marginLeft) + toPx(pageRule.style.marginRight);
          }
        }
        return undefined;
      });
      expect(marginsPx).toBeGreaterThan(0);
      const width = Math.floor(PAPER_WIDTH_PX[format] - marginsPx!);
      await p.setViewportSize({ width, height: 1100 });
      const result = await p.evaluate((w) => {
        const wide = [...document.querySelectorAll('body *')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && (r.left < -0.5 || r.right > w + 0.5);
        }).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}`);
        return { scroll: document.documentElement.scrollWidth, wide };
      }, width);
      expect(result.wide, format).toEqual([]);
      expect(result.scroll, format).toBeLessThanOrEqual(width);
      // And down: the timelines' strips are as tall as their lowest lane, so their marks hang over nothing below.
      const hanging = (await p.evaluate(stripMarks)).flatMap(({ strip, marks }) => marks
        .filter((m) => Math.max(m.symbol.bottom, m.ink?.bottom ?? -Infinity) > strip.bottom + 0.5).map((m) => m.id));
      expect(await p.locator('svg[data-timeline-strip] .timeline-strip-mark[class*="--lane-"]').count(), format).toBeGreaterThan(0);
      expect(hanging, format).toEqual([]);
      // List numbers sit outside their items: the widest must still start inside the page.
      const clipped = await p.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        return [...document.querySelectorAll('ol, ul')].flatMap((list) => {
          const items = [...list.children].filter((li) => li.tagName === 'LI' && (li as HTMLElement).checkVisibility());
          const last = items.at(-1) as HTMLElement | undefined;
          if (!last) return [];
          const style = getComputedStyle(last);
          if (style.listStylePosition !== 'outside' || style.listStyleType === 'none' || style.display !== 'list-item') return [];
          ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const marker = ctx.measureText(style.listStyleType === 'decimal' ? `${items.length}. ` : '• ').width;
          return last.getBoundingClientRect().left - marker < -0.5 ? [`${list.className || list.tagName}: ${Math.round(last.getBoundingClientRect().left - marker)}px`] : [];
        });
      });
      expect(clipped, format).toEqual([]);
      await context.close();
    }
  });

  it('emulateMedia({ media: "print" }) prints every web link with a way to follow it on paper: its source number, or its address', async () => {
    const { context, p } = await openForPrint();
    const wrong = await p.evaluate(() => {
      const key = (u: string) => u.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '').toLowerCase();
      const listed = new Map([...document.querySelectorAll('[data-sources] > li')].map((li) => [key(li.querySelector('a')!.href), li.getAttribute('data-source')]));
      const self = location.origin + location.pathname;
      const problems: string[] = [];
      for (const a of document.querySelectorAll<HTMLAnchorElement>('main a[href]')) {
        if (!a.checkVisibility() || !/^https?:$/.test(a.protocol) || a.href.split('#')[0] === self) continue;
        if (a.closest('[data-sources], [data-print-colophon]')) continue;
        const number = getComputedStyle(a, '::after').content;
        const address = a.nextElementSibling?.matches('.figure-data-url') ? a.nextElementSibling as HTMLElement : null;
        if (a.hasAttribute('data-source-ref') && number === `"[${listed.get(key(a.href))}]"`) continue;
        // A same-site download prints its public address (the site's own URL, not the test server's).
        if (address?.checkVisibility() && new URL(address.textContent!.replace(/^:\s*/, '')).pathname === a.pathname) continue;
        problems.push(`printed without its source number or address: ${a.outerHTML.slice(0, 100)}`);
      }
      for (const m of document.querySelectorAll<HTMLElement>('a[data-source-ref]')) {
        if (m.checkVisibility() && getComputedStyle(m, '::after').content !== `"[${m.dataset.sourceRef}]"`) problems.push(`a link to a listed source printed without its number: ${m.outerHTML.slice(0, 100)}`);
      }
      return problems;
    });
    expect(wrong).toEqual([]);
    await context.close();
  });

  it('emulateMedia({ media: "print" }) cites every source of the sources list somewhere on paper, by its number', async () => {
    const { context, p } = await openForPrint();
    const uncited = await p.evaluate(() => {
      const printed = new Set<string>();
      const numbers = (content: string) => content.match(/\d+/g) ?? [];
      // A link prints its number after itself; a row, a place or an event whose sources are not links on paper prints them from data-cite.
      for (const el of document.querySelectorAll<HTMLElement>('[data-source-ref], [data-cite]')) {
        if (!el.checkVisibility()) continue;
        for (const n of numbers(getComputedStyle(el, '::after').content)) printed.add(n);
      }
      return [...document.querySelectorAll<HTMLElement>('[data-sources] > li')].map((li) => li.dataset.source!).filter((n) => !printed.has(n));
    });
    expect(uncited).toEqual([]);
    await context.close();
  });

  it('emulateMedia({ media: "print" }) sets the references to figures inside the author\'s sentences in the type of the editorial marks, not in his', async () => {
    const { context, p } = await openForPrint();
    const refs = await p.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-para] [data-figref]')].map((a) => {
      const ref = getComputedStyle(a, '::before');
      const para = getComputedStyle(a.closest('[data-para]')!);
      const marks = getComputedStyle(a.closest('[data-para]')!.querySelector('.para-marks')!);
      return { id: a.dataset.figref, printed: ref.content, font: ref.fontFamily, size: ref.fontSize, authorFont: para.fontFamily, marksFont: marks.fontFamily, marksSize: marks.fontSize };
    }));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect(r.printed, r.id).toMatch(/Figure \d+/);
      expect(r.font, r.id).not.toBe(r.authorFont);
      expect(r.font, r.id).toBe(r.marksFont);
      expect(r.size, r.id).toBe(r.marksSize);
    }
    await context.close();
  });

  it('emulateMedia({ media: "print" }) prints no chip or control as a pill: nothing small with fully rounded ends and a border or fill', async () => {
    const { context, p } = await openForPrint();
    const pills = await p.evaluate(() => [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
      if (!el.checkVisibility() || el instanceof SVGElement) return false;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      const radius = Math.max(parseFloat(s.borderTopLeftRadius), parseFloat(s.borderBottomRightRadius));
      const drawn = (parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none') || (s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'rgb(255, 255, 255)');
      return r.height > 0 && r.height < 48 && drawn && radius >= 0.4 * Math.min(r.width, r.height);
    }).map((el) => `${el.localName}.${[...el.classList].join('.')}: "${el.textContent?.trim().slice(0, 30)}"`));
    expect(pills).toEqual([]);
    // Screen draws the same chips as pills (a paragraph's years, a verdict's marker), so the rule would see them.
    await p.emulateMedia({ media: 'screen' });
    const onScreen = await p.evaluate(() => ['.event-marks', '.verdict-pill'].map((sel) => [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => el.checkVisibility() && parseFloat(getComputedStyle(el).borderTopLeftRadius) > 100).length));
    expect(onScreen.every((n) => n > 0), onScreen.join(', ')).toBe(true);
    await context.close();
  });

  it('emulateMedia({ media: "print" }) sets no text below 6.5 pt, the size of the sources list (the body is 10 pt)', async () => {
    const { context, p } = await openForPrint();
    const small = await p.evaluate(() => {
      const floor = (6.5 * 96) / 72 - 0.01;
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        if (!el.checkVisibility() || ![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
        // A drawing's text is set in its own units: its size on paper is that times the drawing's scale.
        const px = parseFloat(getComputedStyle(el).fontSize) * (el instanceof SVGGraphicsElement ? Math.abs(el.getScreenCTM()?.d ?? 1) : 1);
        if (px < floor) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${((px * 72) / 96).toFixed(2)} pt`);
      }
      // And the text the style sheet draws: source numbers, notes' numbers, an event's caveats.
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        if (!el.checkVisibility()) continue;
        for (const pseudo of ['::before', '::after']) {
          const st = getComputedStyle(el, pseudo);
          if (!/attr\(|counter\(|^"[^"]*\S[^"]*"/.test(st.content)) continue;
          const px = parseFloat(st.fontSize);
          if (px < floor) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${pseudo} ${((px * 72) / 96).toFixed(2)} pt`);
        }
      }
      return [...new Set(out)];
    });
    expect(small).toEqual([]);
    await context.close();
  });

  it('emulateMedia({ media: "print", colorScheme: "dark" }) prints dark text on white and hides the controls', async () => {
    const context = await browser.newContext({ ...DESKTOP, colorScheme: 'dark' });
    const p = await context.newPage();
    await p.goto(url('/'), { waitUntil: 'load' });
    await p.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const report = await p.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) => {
        const f = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const pale: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        if (!el.checkVisibility() || ![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
        const contrast = 1.05 / (lum(rgb(getComputedStyle(el).color)) + 0.05);
        if (contrast < 4.5) pale.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${getComputedStyle(el).color}`);
      }
      // Text drawn by the style sheet (a note's number, in whatever state the screen left it) too.
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        if (!el.checkVisibility()) continue;
        for (const pseudo of ['::before', '::after']) {
          const s = getComputedStyle(el, pseudo);
          if (!/attr\(|counter\(|^"[^"]*\S[^"]*"/.test(s.content)) continue;
          const contrast = 1.05 / (lum(rgb(s.color)) + 0.05);
          if (contrast < 4.5) pale.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${pseudo} ${s.color}`);
        }
      }
      // A button may stay only where it is the author's own words (a glossary term in a paragraph).
      const visibleControls = [...document.querySelectorAll('button, nav, .skip-link, [role="button"], input, select, textarea, [popover], bloc-print')]
        .filter((el) => (el as HTMLElement).checkVisibility() && !el.closest('[data-para]')).map((el) => el.outerHTML.slice(0, 80));
      return { bg: getComputedStyle(document.body).backgroundColor, pale, visibleControls };
    });
    expect(report.bg).toBe('rgb(255, 255, 255)');
    expect(report.pale).toEqual([]);
    expect(report.visibleControls).toEqual([]);
    await context.close();
  });

  it('emulateMedia({ media: "screen" }) shows the print button only with JavaScript, and nothing made for paper', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled });
      const p = await context.newPage();
      await p.goto(url('/'), { waitUntil: 'load' });
      expect(await p.getByRole('button', { name: 'Print / Save as PDF' }).isVisible()).toBe(javaScriptEnabled);
      const shown = await p.evaluate(() => [...document.querySelectorAll('.print-only, [data-print-colophon]')]
        .filter((el) => (el as HTMLElement).checkVisibility()).length);
      expect(shown).toBe(0);
      // The source numbers and addresses drawn for paper are not drawn on screen.
      const drawn = await p.evaluate(() => [...document.querySelectorAll('a[data-source-ref], [data-sources] a, .timeline-event-title[data-cite], [data-cite-caveats]')]
        .map((el) => getComputedStyle(el, '::after').content).filter((c) => c.includes('[') || c.includes('http') || c.includes('(')));
      expect(drawn).toEqual([]);
      await context.close();
    }
  });

  it('bloc-print calls window.print() when the button is pressed, by mouse or keyboard', async () => {
    const context = await browser.newContext(DESKTOP);
    const p = await context.newPage();
    await p.addInitScript(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
    await p.goto(url('/'), { waitUntil: 'load' });
    const button = p.getByRole('button', { name: 'Print / Save as PDF' });
    await button.click();
    await button.focus();
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
    await context.close();
  });

  it('bloc-print-date says "Printed on" with the day of printing, and the build date without JavaScript', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(url('/'), { waitUntil: 'load' });
    expect(await p.locator('[data-print-date-line]').textContent()).toMatch(/^From the edition built on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    await context.close();
    const withJs = await browser.newContext(DESKTOP);
    const q = await withJs.newPage();
    await q.clock.setFixedTime(new Date(2031, 2, 4, 10, 0));
    await q.goto(url('/'), { waitUntil: 'load' });
    await q.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await q.locator('[data-print-date-line]').textContent()).toBe('Printed on 4 March 2031.');
    expect(await q.locator('time[data-print-date]').getAttribute('datetime')).toBe('2031-03-04');
    await withJs.close();
  });
});
