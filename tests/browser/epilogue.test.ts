// The epilogue in Chromium: laid out on the real page at 320 and 390 px with touch and on a desktop, light and dark;
// read without JavaScript; the links between paragraphs and verdicts; the later timeline's keys and filter; axe; paper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, PHONE, NARROW, DESKTOP, openPage } from '../support/browser';
import { printPdf, squash } from '../support/pdf';
import { readEdition } from '../support/content';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const open = (options: BrowserContextOptions, path = '/') => openPage(browser, options, path);
const { epilogue } = readEdition();
const LATER = `#${epilogue.figures.timeline.id}`;
const CHART = `#${epilogue.figures.trade.id}`;

/** What the reader sees of the epilogue at this size, measured: boxes past the viewport, labels that collide. */
function layoutReport([chart, later]: [string, string]) {
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  const section = document.querySelector('section[data-epilogue]')!;
  for (const el of section.querySelectorAll<HTMLElement>('h2, p, li, blockquote, summary, a, svg, table, .verdict')) {
    if (!el.checkVisibility() || el.closest('.chart-table-scroll, .share-panel')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.left < -0.5 || r.right > vw + 0.5)) problems.push(`${el.localName}.${el.getAttribute('class') ?? ''} runs out of the screen (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
  }
  // A claim's title and its verdict never sit on each other.
  for (const li of section.querySelectorAll('li[data-claim]')) {
    const a = li.querySelector('.claim-title')!.getBoundingClientRect(), b = li.querySelector('.claim-head .verdict')!.getBoundingClientRect();
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) problems.push(`${li.id}: title and verdict overlap`);
  }
  // Labels in the drawings that are shown, as Chromium sets them.
  const inset = (r: DOMRect) => ({ l: r.left + 0.5, r: r.right - 0.5, t: r.top + r.height * 0.15, b: r.bottom - r.height * 0.15 });
  const drawings = [
    ...[...document.querySelectorAll<SVGSVGElement>(`${chart} svg.chart-svg`)].filter((s) => s.getBoundingClientRect().width > 0).map((s) => ({ s, texts: [...s.querySelectorAll('text')] })),
    ...[...document.querySelectorAll<SVGSVGElement>(`${later} svg.timeline-svg`)].filter((s) => s.getBoundingClientRect().width > 0).map((s) => ({ s, texts: [...s.querySelectorAll('.timeline-label')] })),
  ];
  for (const { s, texts } of drawings) {
    const frame = s.getBoundingClientRect();
    const boxes = texts.map((t) => ({ key: t.textContent ?? '', r: t.getBoundingClientRect() }));
    for (const { key, r } of boxes) if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5) problems.push(`"${key}" leaves its drawing`);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
      const p = inset(a.r), q = inset(b.r);
      if (p.l < q.r && q.l < p.r && p.t < q.b && q.t < p.b) problems.push(`"${a.key}" overlaps "${b.key}"`);
    }));
  }
  const fontPx = drawings.length ? drawings[0]!.s.querySelector('.chart-value')?.getBoundingClientRect().height ?? 0 : 0;
  return { problems, drawings: drawings.length, fontPx, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
}

describe('the epilogue in Chromium', () => {
  for (const [name, options] of [['320 px', NARROW], ['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`lays out at ${name} in ${colorScheme} mode: nothing past the screen, no label on another, the verdicts legible`, async () => {
        const page = await open({ ...options, colorScheme });
        await page.locator('section[data-epilogue]').scrollIntoViewIfNeeded();
        const report = await page.evaluate(layoutReport, [CHART, LATER] as [string, string]);
        expect(report.problems).toEqual([]);
        expect(report.drawings).toBe(2);
        expect(report.overflow).toBe(0);
        // The chart's values are not shrunk below a readable size by its viewBox.
        expect(report.fontPx).toBeGreaterThanOrEqual(10);
        // The phone layout on phones, the wide one on a desktop.
        const size = await page.locator(`${CHART} svg.chart-svg`).evaluateAll((svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 0).map((s) => (s as SVGSVGElement).dataset.chartSize));
        expect(size).toEqual([options === DESKTOP ? 'wide' : 'narrow']);
        // The band is told apart from the author's text, and each verdict's word is drawn in its own colour, not the text's.
        const looks = await page.evaluate(() => {
          const band = getComputedStyle(document.querySelector('section[data-epilogue]')!);
          const body = getComputedStyle(document.body);
          const words = [...document.querySelectorAll('[data-scorecard] .claim-head .verdict')].map((v) => getComputedStyle(v).color);
          // The markers in the text take their verdict's colour, not a link's.
          const link = getComputedStyle(document.querySelector('a.claim-paragraph')!).color;
          const markers = [...document.querySelectorAll('a.verdict-marker')].map((m) => getComputedStyle(m).color);
          return { band: band.backgroundColor, page: body.backgroundColor, font: band.fontFamily, text: getComputedStyle(document.querySelector('[data-para]')!).fontFamily, words: new Set(words).size, markersLikeLinks: markers.filter((c) => c === link).length };
        });
        expect(looks.band).not.toBe(looks.page);
        expect(looks.font).not.toBe(looks.text);
        expect(looks.words).toBeGreaterThan(1);
        expect(looks.markersLikeLinks).toBe(0);
        await page.context().close();
      });
    }
  }

  it('reads in full without JavaScript: the introduction, every verdict and its evidence, the chart, and every later event', async () => {
    for (const options of [NARROW, DESKTOP]) {
      const page = await open({ ...options, javaScriptEnabled: false });
      const seen = (sel: string) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
      expect(await seen('section[data-epilogue] .epilogue-text')).toBe(epilogue.intro.length);
      expect(await seen('[data-scorecard] .claim-evidence')).toBe(epilogue.claims.length);
      expect(await seen('[data-scorecard] .claim-head .verdict-label')).toBe(epilogue.claims.length);
      expect(await seen(`${CHART} svg.chart-svg`)).toBe(1);
      expect(await seen(`${LATER} ol.timeline-list > li`)).toBe(epilogue.events.length);
      expect(await seen(`${LATER} svg.timeline-svg`)).toBe(1);
      expect(await seen(`${LATER} [data-timeline-categories]`)).toBe(1);
      // A claim's sources open without a script.
      const first = page.locator('[data-scorecard] [data-claim-sources]').first();
      await first.locator('summary').click();
      expect(await first.locator('.claim-sources-list a').first().isVisible()).toBe(true);
      await page.context().close();
    }
  });

  it('leads from a paragraph to its verdict and back: the marker lands on the verdict, the verdict\'s link on the paragraph', async () => {
    const page = await open(PHONE);
    for (const c of epilogue.claims.slice(0, 3)) {
      await page.locator(`#${c.paragraph} a.verdict-marker[href="#${c.id}"]`).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${c.id}`);
      await expect.poll(() => page.locator(`li#${c.id}`).evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight / 2; }), { timeout: 10_000 }).toBe(true);
      await page.locator(`li#${c.id} a[data-claim-paragraph]`).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${c.paragraph}`);
      await expect.poll(() => page.locator(`#${c.paragraph}`).evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight / 2; }), { timeout: 10_000 }).toBe(true);
    }
    await page.context().close();
  });

  it('moves through the later timeline with the arrow keys and filters it by its own parameter, leaving the article\'s timeline alone', async () => {
    const page = await open(DESKTOP, `/${LATER}`);
    await page.waitForSelector(`${LATER} bloc-timeline[data-enhanced]`, { state: 'attached' });
    const ids = epilogue.events.map((e) => e.id);
    const focused = () => page.evaluate(() => document.activeElement?.closest('li[data-event]')?.id ?? null);
    await page.locator(`li#${ids[0]} a[data-event-link]`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(ids[1]);
    await page.keyboard.press('End');
    expect(await focused()).toBe(ids.at(-1));
    await page.keyboard.press('Home');
    expect(await focused()).toBe(ids[0]);

    await page.locator(`${LATER} [data-timeline-filter] input[value="defence"]`).uncheck();
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('since'))).toBe('diplomacy,security,energy,trade');
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('cat'))).toBeNull();
    const shown = await page.locator(`${LATER} ol.timeline-list > li`).evaluateAll((lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.id));
    expect(shown).toEqual(epilogue.events.filter((e) => e.category !== 'defence').map((e) => e.id));
    expect(await page.locator('#timeline ol.timeline-list > li[hidden]').count()).toBe(0);

    // Enter on an event follows it to its verdict.
    const event = epilogue.events.find((e) => e.category !== 'defence')!;
    await page.locator(`li#${event.id} a[data-event-link]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${event.claim}`);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core on the epilogue and a judged paragraph in ${colorScheme} mode`, async () => {
      for (const options of [PHONE, DESKTOP]) {
        const page = await open({ ...options, colorScheme });
        const results = await new AxeBuilder({ page }).include('section[data-epilogue]').include(`#${epilogue.claims[0]!.paragraph}`)
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('prints the epilogue compact and whole: black on white, every verdict with its evidence on one page, both figures, in at most two and a half pages of A4', async () => {
    const page = await open({ ...DESKTOP, colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    const colours = await page.evaluate(() => [...document.querySelectorAll('[data-scorecard] .verdict, section[data-epilogue] .epilogue-text')].map((e) => getComputedStyle(e).color));
    expect(new Set(colours)).toEqual(new Set(['rgb(0, 0, 0)']));
    // The chart in its wide layout without its table: the two panels side by side, each period's label beside its bar.
    const record = await page.locator(CHART).evaluate((f) => {
      const box = (el: Element | null) => el!.getBoundingClientRect();
      const [a, b] = [...f.querySelectorAll('.record-panel')].map(box);
      const rows = [...f.querySelectorAll('.record-row:not(.record-row--gap)')].map((r) => ({ label: box(r.querySelector('.record-label')), bar: box(r.querySelector('.record-bar')) }));
      return {
        sideBySide: Math.abs(a!.top - b!.top) < 1 && b!.left >= a!.right,
        rows: rows.length,
        beside: rows.filter((r) => r.bar.left >= r.label.right && r.bar.top < r.label.bottom && r.label.top < r.bar.bottom).length,
        table: f.querySelector<HTMLElement>('.chart-table')!.checkVisibility(),
      };
    });
    expect(record.rows).toBeGreaterThan(5);
    expect(record).toEqual({ sideBySide: true, rows: record.rows, beside: record.rows, table: false });
    // The timeline drawn across: its strip, and its events in columns by date, title and source number, without what happened.
    const later = await page.locator(LATER).evaluate((f) => {
      const seen = (sel: string) => [...f.querySelectorAll<HTMLElement>(sel)].filter((e) => e.checkVisibility());
      return {
        strip: seen('svg.timeline-strip').length,
        columns: new Set(seen('.timeline-event').map((e) => Math.round(e.getBoundingClientRect().left))).size,
        cited: seen('.timeline-event-cite').length,
        summaries: seen('.timeline-event-summary').length,
        sources: seen('.timeline-event-source').length,
      };
    });
    expect(later.columns).toBeGreaterThanOrEqual(3);
    expect(later).toEqual({ strip: 1, columns: later.columns, cited: epilogue.events.length, summaries: 0, sources: 0 });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await printPdf(page, format);
      const pages = pdf.pageTexts.map(squash);
      // The kicker is set in capitals on paper.
      const start = pages.findIndex((t) => t.includes(squash(epilogue.title)) && t.toLowerCase().includes(squash('editors’ epilogue')));
      const end = pages.findIndex((t) => t.includes(squash('Corrections and sources')));
      expect(start, format).toBeGreaterThan(0);
      for (const c of epilogue.claims) {
        const words = c.evidence.split(' ');
        const head = squash(words.slice(0, 6).join(' ')), tail = squash(words.slice(-5).join(' '));
        const at = pages.findIndex((t) => t.includes(head));
        expect(at, c.id).toBeGreaterThanOrEqual(start);
        expect(at, c.id).toBeLessThanOrEqual(end);
        expect(pages[at]!.includes(tail), `${c.id} breaks across pages`).toBe(true);
        expect(pages[at]!.includes(squash(c.label)), c.id).toBe(true);
      }
      const text = pages.join('');
      for (const f of [epilogue.figures.trade, epilogue.figures.timeline]) expect(text).toContain(squash(`Figure ${f.number}: ${f.title}`));
      console.log(`print: ${format}, the epilogue on pages ${start + 1}–${end + 1} of ${pdf.pages}`);
    }
    await page.context().close();

    // Its length on paper, whatever page it starts on: laid out at the width of A4's text (210 mm less 2 × 22 mm
    // margins) against the height of a page's text (297 mm less 18 and 20 mm margins).
    const mm = 96 / 25.4;
    const a4 = await open({ viewport: { width: Math.floor(166 * mm), height: 900 } });
    await a4.emulateMedia({ media: 'print' });
    const height = await a4.locator('section[data-epilogue]').evaluate((s) => s.getBoundingClientRect().height);
    const pagesWorth = height / (259 * mm);
    console.log(`print: the epilogue is ${pagesWorth.toFixed(2)} pages of A4 text`);
    expect(pagesWorth).toBeLessThanOrEqual(2.5);
    await a4.context().close();
  });
});
