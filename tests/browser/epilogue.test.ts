// The epilogue in Chromium: laid out on the real page at 320 and 390 px with touch and on a desktop, light and dark;
// read without JavaScript; the links between paragraphs and verdicts; the later timeline's keys and filter; axe; paper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { PNG } from 'pngjs';
import { launch, PHONE, NARROW, DESKTOP, openPage, openAtTextSize } from '../support/browser';
import { printPdf, squash } from '../support/pdf';
import { readEdition } from '../support/content';
import { sourceCaveats } from '../../src/schemas/factSheet';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const open = (options: BrowserContextOptions, path = '/') => openPage(browser, options, path);
const { epilogue } = readEdition();
const LATER = `#${epilogue.figures.timeline.id}`;
const CHART = `#${epilogue.figures.trade.id}`;
const ROWS = [...epilogue.trade.calendar, ...epilogue.trade.fiscal];
const POINTS = ROWS.filter((r) => r.type === 'figure').length;
const GAPS = ROWS.length - POINTS;

/**
 * What the reader sees of the epilogue at this size, measured in Chromium: boxes past the viewport; in the chart, every
 * label line, bar and floor arrow inside the chart and clear of the others, the bars from one zero and in proportion on
 * the screen, calendar years above the fiscal panel; in the later timeline, every symbol and label inside the figure and
 * clear of another event's, and the strip's year labels apart.
 */
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
  const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const outside = (r: DOMRect, frame: DOMRect) => r.left < frame.left - 0.5 || r.right > frame.right + 0.5;
  /** The boxes of the text a reader sees in an element, line by line, as Chromium sets it. */
  const lines = (el: Element) => {
    const out: DOMRect[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent!.trim() || n.parentElement!.closest('.visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      out.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
    }
    return out;
  };

  // The trade record: each row's label lines and its bar (with a floor's arrow), measured.
  const box = document.querySelector(`${chart} [data-chart="trade-record"]`)!;
  const frame = box.getBoundingClientRect();
  const rows = [...box.querySelectorAll<HTMLLIElement>('li.record-row')].filter((li) => li.checkVisibility()).map((li) => {
    const svg = li.querySelector<SVGSVGElement>('svg.record-bar');
    const bar = svg?.querySelector('rect.chart-bar:not([data-exports-width])');
    const floor = svg?.querySelector('line.chart-floor');
    const exports = svg?.querySelector('rect[data-exports-width]');
    return {
      id: li.dataset.row!, series: li.closest<HTMLElement>('.record-panel')!.dataset.series!,
      text: lines(li.querySelector('.record-label, .record-gap')!),
      svg: svg?.getBoundingClientRect(), bar: bar?.getBoundingClientRect(), floor: floor?.getBoundingClientRect(), exports: exports?.getBoundingClientRect(),
      dataWidth: bar ? Number(bar.getAttribute('data-width')) : undefined,
      fontPx: parseFloat(getComputedStyle(li.querySelector('.record-value, .record-gap')!).fontSize),
    };
  });
  for (const r of rows) {
    for (const [what, b] of [...r.text.map((t) => ['label', t] as const), ['bar', r.bar], ['arrow', r.floor]] as const) {
      if (b && outside(b, frame)) problems.push(`${r.id}: its ${what} leaves the chart (${Math.round(b.left)}–${Math.round(b.right)} of ${Math.round(frame.left)}–${Math.round(frame.right)})`);
    }
    // Its label above its bar, never on it.
    if (r.bar && r.text.some((t) => hit(t, r.bar!))) problems.push(`${r.id}: its label runs over its bar`);
    if (r.exports && r.bar && (r.exports.left < r.bar.left - 0.5 || r.exports.right > r.bar.right + 0.5)) problems.push(`${r.id}: Pakistan's exports leave the total`);
    // Told from the total by shape: a thin bar inside it, clear of its top and bottom edges.
    if (r.exports && r.bar && (r.exports.top < r.bar.top + 2 || r.exports.bottom > r.bar.bottom - 2)) problems.push(`${r.id}: Pakistan's exports are not a thin bar inside the total`);
    for (const o of rows) {
      if (o === r) continue;
      if (r.text.some((t) => o.text.some((u) => hit(t, u)))) problems.push(`${r.id}: its label overlaps ${o.id}'s`);
      for (const b of [o.bar, o.floor]) if (b && r.text.some((t) => hit(t, b))) problems.push(`${r.id}: its label overlaps ${o.id}'s bar`);
    }
  }
  // One zero, and on the screen each bar the share of its row the data gives it, so the bars keep their proportion.
  const bars = rows.filter((r) => r.bar);
  const zeros = new Set(bars.map((r) => Math.round(r.bar!.left)));
  if (zeros.size !== 1) problems.push(`the bars start at ${[...zeros].join(', ')} px, not from one zero`);
  for (const r of bars) {
    if (Math.abs(r.bar!.left - r.svg!.left) > 0.5) problems.push(`${r.id}: its bar starts ${(r.bar!.left - r.svg!.left).toFixed(1)} px from the zero`);
    const share = (r.bar!.width / r.svg!.width) * 100;
    if (Math.abs(share - r.dataWidth!) > (100 * 0.75) / r.svg!.width) problems.push(`${r.id}: drawn at ${share.toFixed(2)} % of its row, not ${r.dataWidth} %`);
  }
  // Every calendar bar above the fiscal panel's heading, and that heading above every fiscal bar.
  const heading = box.querySelector('.record-panel[data-series="fiscal"] .record-heading')!.getBoundingClientRect();
  const calendar = bars.filter((r) => r.series === 'calendar'), fiscal = bars.filter((r) => r.series === 'fiscal');
  if (!calendar.length || !fiscal.length) problems.push('a panel of the chart shows no bar');
  if (calendar.some((r) => r.bar!.bottom > heading.top)) problems.push('a calendar-year bar reaches into the fiscal years');
  if (fiscal.some((r) => r.bar!.top < heading.bottom)) problems.push('a fiscal-year bar sits above its heading');

  // Every bar stands out from the band at least 3 : 1 (WCAG's contrast for graphics): its fill, or for a part of a year its
  // outline; and a part of a year is drawn unlike a whole year of the same kind.
  const rgba = (css: string) => {
    const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d')!;
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data].map((v, i) => (i === 3 ? v / 255 : v));
  };
  const luminance = ([r, g, b]: number[]) => [r!, g!, b!].map((v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const band = rgba(getComputedStyle(section).backgroundColor);
  const over = ([r, g, b, a]: number[]) => [r!, g!, b!].map((v, i) => v * a! + band[i]! * (1 - a!));
  const contrast = (x: number[]) => { const [p, q] = [luminance(over(x)), luminance(band)].sort((m, n) => n - m); return (p! + 0.05) / (q! + 0.05); };
  const looks = new Map<string, string>();
  for (const li of box.querySelectorAll<HTMLLIElement>('li.record-row')) {
    const bar = li.querySelector('rect.chart-bar:not([data-exports-width])');
    if (!bar) continue;
    const style = getComputedStyle(bar);
    const partial = bar.classList.contains('chart-bar--partial');
    const edge = partial ? style.stroke : style.fill;
    const ratio = contrast(rgba(edge));
    if (ratio < 3) problems.push(`${li.dataset.row}: its bar (${edge}) stands out from the band only ${ratio.toFixed(2)} : 1`);
    const kind = [...bar.classList].filter((c) => c !== 'chart-bar--partial').sort().join(' ');
    const drawn = `${style.fill} ${style.stroke}`;
    for (const [k, v] of looks) if (k.split('|')[0] === kind && k.split('|')[1] !== String(partial) && v === drawn) problems.push(`${li.dataset.row}: a part of a year and a whole year drawn alike`);
    looks.set(`${kind}|${partial}`, drawn);
  }

  // The later timeline: every symbol and label inside the figure, none on another event's.
  const figure = document.querySelector(later)!.getBoundingClientRect();
  const events = [...document.querySelectorAll<HTMLLIElement>(`${later} li[data-event]`)].filter((li) => li.checkVisibility()).map((li) => ({
    id: li.id, symbol: li.querySelector('svg[data-timeline-symbol]')!.getBoundingClientRect(), text: lines(li.querySelector('summary')!),
  }));
  for (const e of events) {
    for (const b of [e.symbol, ...e.text]) if (outside(b, figure)) problems.push(`${e.id}: leaves the figure (${Math.round(b.left)}–${Math.round(b.right)} of ${Math.round(figure.left)}–${Math.round(figure.right)})`);
    if (e.text.some((t) => hit(t, e.symbol))) problems.push(`${e.id}: its label runs over its own symbol`);
    for (const o of events) {
      if (o === e) continue;
      if (hit(e.symbol, o.symbol)) problems.push(`${e.id} symbol × ${o.id} symbol`);
      if (o.text.some((t) => hit(e.symbol, t))) problems.push(`${e.id} symbol × ${o.id} label`);
      if (e.text.some((t) => o.text.some((u) => hit(t, u)))) problems.push(`${e.id} label × ${o.id} label`);
    }
  }
  const strip = document.querySelector(`${later} svg[data-timeline-strip]`)!.getBoundingClientRect();
  const years = [...document.querySelectorAll<SVGTextElement>(`${later} .timeline-strip-year`)].filter((t) => getComputedStyle(t).display !== 'none').map((t) => ({ year: t.textContent, r: t.getBoundingClientRect() }));
  years.forEach((y, i) => {
    if (outside(y.r, strip)) problems.push(`strip year ${y.year} leaves the strip`);
    years.slice(i + 1).forEach((z) => { if (hit(y.r, z.r)) problems.push(`strip years ${y.year} × ${z.year}`); });
  });
  return {
    problems, bars: bars.length, gaps: rows.length - bars.length, events: events.length, years: years.length,
    fontPx: Math.min(...rows.map((r) => r.fontPx)),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}

describe('the epilogue in Chromium', () => {
  for (const [name, options] of [['320 px', NARROW], ['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`lays out at ${name} in ${colorScheme} mode: nothing past the screen, no label on another, the verdicts legible`, async () => {
        const page = await open({ ...options, colorScheme });
        await page.locator('section[data-epilogue]').scrollIntoViewIfNeeded();
        const report = await page.evaluate(layoutReport, [CHART, LATER] as [string, string]);
        expect(report.problems).toEqual([]);
        expect(report.overflow).toBe(0);
        // Everything was measured: a bar for every figure, a line for every year without one, every later event, the strip's years.
        expect(report.bars).toBe(POINTS);
        expect(report.gaps).toBe(GAPS);
        expect(report.events).toBe(epilogue.events.length);
        expect(report.years).toBeGreaterThanOrEqual(2);
        // The chart's labels are set at a readable size.
        expect(report.fontPx).toBeGreaterThanOrEqual(12);
        // Its numbers, opened, scroll inside their box, never the page.
        await page.locator(`${CHART} details.chart-table > summary`).click();
        await expect.poll(() => page.locator(`${CHART} details.chart-table table`).isVisible()).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
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

  it('keeps every verdict inside its card at 320 px with the page\'s text at twice its size (a reader\'s style, not the browser\'s font setting)', async () => {
    const page = await open(NARROW);
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
    const past = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('section[data-epilogue] .verdict')].filter((v) => (v as HTMLElement).checkVisibility())
        .map((v) => ({ text: v.textContent!.trim(), right: Math.round(v.getBoundingClientRect().right), card: Math.round((v.closest('li, .claim, ul') ?? v.parentElement!).getBoundingClientRect().right), width }))
        .filter((v) => v.right > Math.min(v.card, v.width));
    });
    expect(past).toEqual([]);
    await page.context().close();
  });

  it('opens the trade record\'s table at 320 and 390 px with every source whole beside the periods once scrolled to its end, and each row within the screen; at 200 % text, whole in the box', async () => {
    for (const [options, px] of [[NARROW, 16], [PHONE, 16], [NARROW, 32]] as const) {
      const page = px === 16 ? await open(options) : await openAtTextSize(browser, options, px);
      const rows = await page.evaluate((chart) => {
        const details = document.querySelector<HTMLDetailsElement>(`${chart} details.chart-table`)!;
        details.open = true;
        const box = details.querySelector<HTMLElement>('.chart-table-scroll')!;
        box.scrollLeft = box.scrollWidth;
        const edge = box.getBoundingClientRect();
        const bar = document.querySelector('.toc')?.getBoundingClientRect().height ?? 0;
        return [...details.querySelectorAll<HTMLElement>('tbody tr[data-row]')].map((r) => {
          const period = r.querySelector('th')!;
          // What hides the cells scrolled under the period: the box's edge, and the period with the shadow it casts
          // where it stays in view.
          const shadow = getComputedStyle(period, '::after');
          const cover = Math.max(edge.left, period.getBoundingClientRect().right + (shadow.content === 'none' ? 0 : parseFloat(shadow.width)));
          const cell = r.querySelector('td:last-child')!;
          const range = document.createRange();
          range.selectNodeContents(cell.matches('[colspan]') ? cell.firstElementChild! : cell);
          const lines = [...range.getClientRects()].filter((b) => b.width > 0);
          return {
            row: period.textContent!.trim(),
            lines: lines.length,
            covered: Math.max(0, ...lines.map((b) => Math.round(cover - b.left))),
            cut: Math.max(0, ...lines.map((b) => Math.round(b.right - edge.right))),
            tall: Math.round(r.getBoundingClientRect().height - (innerHeight - bar)),
          };
        });
      }, CHART);
      const width = `${options.viewport!.width} px, ${px} px text`;
      expect(rows.length, width).toBe(ROWS.length);
      expect(rows.filter((r) => r.lines === 0), width).toEqual([]);
      expect(rows.filter((r) => r.covered > 0 || r.cut > 0), `${width}: words under the periods or past the box`).toEqual([]);
      // With large text the periods scroll with the rest (a row cannot fit a phone's screen at twice the size).
      if (px === 16) expect(rows.filter((r) => r.tall > 0), `${width}: rows taller than the screen below the contents bar`).toEqual([]);
      await page.context().close();
    }
  });

  it('keeps each row\'s period and each group\'s heading in view while the trade record\'s table scrolls sideways at 320 px, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open({ ...NARROW, colorScheme });
      const seen = await page.evaluate((chart) => {
        const details = document.querySelector<HTMLDetailsElement>(`${chart} details.chart-table`)!;
        details.open = true;
        const box = details.querySelector<HTMLElement>('.chart-table-scroll')!;
        box.scrollLeft = box.scrollWidth;
        const edge = box.getBoundingClientRect();
        const heads = [...details.querySelectorAll<HTMLElement>('tbody th[scope="row"]')];
        return {
          scrolled: box.scrollLeft,
          hidden: [...heads, ...details.querySelectorAll<HTMLElement>('th[scope="colgroup"] > *')]
            .filter((th) => th.getBoundingClientRect().left < edge.left - 1 || th.getBoundingClientRect().right > edge.right + 1).map((th) => th.textContent!.trim()),
          // The cells passing under a period must not show through it.
          clear: heads.filter((th) => /rgba\(.*, 0\)|transparent/.test(getComputedStyle(th).backgroundColor)).length,
          heads: heads.length,
        };
      }, CHART);
      expect(seen.scrolled, colorScheme).toBeGreaterThan(100);
      expect(seen.heads).toBeGreaterThan(10);
      expect(seen.hidden, colorScheme).toEqual([]);
      expect(seen.clear, colorScheme).toBe(0);
      await page.context().close();
    }
  });

  it('shows whether a disclosure drawn without its triangle ("Show the numbers", a claim\'s sources) is open: a chevron that turns', async () => {
    const page = await open(PHONE);
    for (const selector of ['.chart-table > summary', '.claim-sources > summary']) {
      const summaries = page.locator(selector);
      expect(await summaries.count(), selector).toBeGreaterThan(1);
      const cue = () => summaries.first().evaluate((s) => { const a = getComputedStyle(s, '::after'); return { content: a.content, transform: a.transform, width: parseFloat(a.width) }; });
      const closed = await cue();
      expect(closed.content, selector).not.toBe('none');
      expect(closed.width, selector).toBeGreaterThan(3);
      await summaries.first().click();
      await expect.poll(() => summaries.first().evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(true);
      expect((await cue()).transform, selector).not.toBe(closed.transform);
    }
    await page.context().close();
  });

  it('sets a claim\'s sources chevron after the last word of its summary, on that line, wrapped or not, at 320 and 390 px and 200 % text', async () => {
    let wrapped = 0;
    for (const [options, px] of [[NARROW, 16], [NARROW, 32], [PHONE, 16], [PHONE, 32]] as const) {
      const page = await openAtTextSize(browser, options, px);
      const scale = options.deviceScaleFactor ?? 1;
      // The chevron in a colour nothing else on the page has, to find it on the screen; its place is untouched. (Through
      // the CSS object model: the page's policy refuses a style element.)
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('.claim-sources-summary::after { border-color: rgb(255, 0, 255) !important; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const summaries = page.locator('.claim-sources > summary');
      const count = await summaries.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const summary = summaries.nth(i);
        const shot = PNG.sync.read(await summary.screenshot());
        const words = await summary.evaluate((s) => {
          const box = s.getBoundingClientRect();
          const r = document.createRange();
          r.selectNodeContents(s);
          const lines = [...r.getClientRects()].filter((l) => l.width > 0);
          const last = lines.at(-1)!;
          return { lines: new Set(lines.map((l) => Math.round(l.top))).size, right: last.right - box.left, top: last.top - box.top, bottom: last.bottom - box.top, em: parseFloat(getComputedStyle(s).fontSize) };
        });
        let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
        for (let y = 0; y < shot.height; y++) for (let x = 0; x < shot.width; x++) {
          const at = (y * shot.width + x) * 4;
          if (shot.data[at]! > 200 && shot.data[at + 1]! < 90 && shot.data[at + 2]! > 200) {
            left = Math.min(left, x / scale); right = Math.max(right, x / scale); top = Math.min(top, y / scale); bottom = Math.max(bottom, y / scale);
          }
        }
        const where = `summary ${i + 1} at ${options.viewport!.width} px, ${px} px text`;
        expect(right, `${where}: no chevron seen`).toBeGreaterThan(left);
        if (words.lines > 1) wrapped++;
        // On the last line's height, and starting within an em after its last word.
        expect((top + bottom) / 2, where).toBeGreaterThan(words.top);
        expect((top + bottom) / 2, where).toBeLessThan(words.bottom);
        expect(left - words.right, where).toBeGreaterThan(0);
        expect(left - words.right, where).toBeLessThan(words.em);
      }
      await page.context().close();
    }
    // Some summary wraps in these widths and sizes: the check saw the case it is for.
    expect(wrapped).toBeGreaterThan(0);
  });

  it('reads in full without JavaScript: the introduction, every verdict and its evidence, the chart, and every later event', async () => {
    for (const options of [NARROW, DESKTOP]) {
      const page = await open({ ...options, javaScriptEnabled: false });
      const seen = (sel: string) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
      expect(await seen('section[data-epilogue] .epilogue-text')).toBe(epilogue.intro.length);
      expect(await seen('[data-scorecard] .claim-evidence')).toBe(epilogue.claims.length);
      expect(await seen('[data-scorecard] .claim-head .verdict-label')).toBe(epilogue.claims.length);
      // Every period of the chart, its label and its bar; every year without a figure, said.
      expect(await seen(`${CHART} .record-panel`)).toBe(2);
      expect(await seen(`${CHART} .record-label .record-value`)).toBe(POINTS);
      expect(await seen(`${CHART} svg.record-bar rect.chart-bar`)).toBeGreaterThanOrEqual(POINTS);
      expect(await seen(`${CHART} .record-gap`)).toBe(GAPS);
      expect(await seen(`${LATER} ol.timeline-list > li`)).toBe(epilogue.events.length);
      expect(await seen(`${LATER} ol.timeline-list > li .timeline-event-title`)).toBe(epilogue.events.length);
      expect(await seen(`${LATER} svg[data-timeline-strip]`)).toBe(1);
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
    const shown = (figure: string) => page.locator(`${figure} ol.timeline-list > li`).evaluateAll((lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.id));
    await page.locator(`li#${ids[0]} summary[data-timeline-head]`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(ids[1]);
    // The focused event and its tick on the strip are marked together.
    expect(await page.locator(`${LATER} .timeline-strip-mark[data-event="${ids[1]}"]`).getAttribute('data-active')).toBe('');
    await page.keyboard.press('End');
    expect(await focused()).toBe(ids.at(-1));
    await page.keyboard.press('Home');
    expect(await focused()).toBe(ids[0]);

    const articleEvents = await shown('#timeline');
    await page.locator(`${LATER} [data-timeline-filter] input[value="defence"]`).uncheck();
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('since'))).toBe('diplomacy,security,energy,trade');
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('cat'))).toBeNull();
    const kept = epilogue.events.filter((e) => e.category !== 'defence');
    expect(await shown(LATER)).toEqual(kept.map((e) => e.id));
    const defence = epilogue.events.find((e) => e.category === 'defence')!;
    expect(await page.locator(`${LATER} .timeline-strip-mark[data-event="${defence.id}"]`).evaluate((m) => m.classList.contains('is-filtered-out'))).toBe(true);
    // The article's timeline keeps every event, and none of its ticks is dimmed.
    expect(await shown('#timeline')).toEqual(articleEvents);
    expect(await page.locator('#timeline .timeline-strip-mark.is-filtered-out').count()).toBe(0);
    // The arrow keys skip what the filter hides.
    await page.locator(`li#${kept[0]!.id} summary[data-timeline-head]`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(kept[1]!.id);

    // Enter opens an event, and its link leads on to its verdict.
    const event = kept[1]!;
    await page.keyboard.press('Enter');
    const link = page.locator(`li#${event.id} a[data-event-link]`);
    expect(await link.isVisible()).toBe(true);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${event.claim}`);
    await page.context().close();

    // Each figure reads its own parameter on arrival: ?since= filters only the later timeline, ?cat= only the article's.
    const category = epilogue.events[0]!.category;
    const since = await open(DESKTOP, `/?since=${category}`);
    await since.waitForSelector(`${LATER} bloc-timeline[data-enhanced]`, { state: 'attached' });
    expect(await since.evaluate((l) => [...document.querySelectorAll<HTMLLIElement>(`${l} ol.timeline-list > li`)].filter((li) => !li.hidden).map((li) => li.id), LATER))
      .toEqual(epilogue.events.filter((e) => e.category === category).map((e) => e.id));
    expect(await since.locator('#timeline ol.timeline-list > li[hidden]').count()).toBe(0);
    await since.context().close();
    const cat = await open(DESKTOP, `/?cat=${category}`);
    await cat.waitForSelector(`${LATER} bloc-timeline[data-enhanced]`, { state: 'attached' });
    expect(await cat.locator(`${LATER} ol.timeline-list > li[hidden]`).count()).toBe(0);
    expect(await cat.locator('#timeline ol.timeline-list > li[hidden]').count()).toBeGreaterThan(0);
    await cat.context().close();
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
        cited: seen('.timeline-event-title[data-cite]').filter((t) => getComputedStyle(t, '::after').content === `"[${t.dataset.cite}]"`).length,
        caveats: seen('.timeline-event-head').map((h) => getComputedStyle(h, '::after').content).filter((c) => c !== 'none'),
        summaries: seen('.timeline-event-summary').length,
        sources: seen('.timeline-event-source').length,
      };
    });
    expect(later.columns).toBeGreaterThanOrEqual(3);
    // What a reader should weigh about a source prints after its number: "(state media)", "(low confidence)".
    const weighed = epilogue.events.map((e) => sourceCaveats(e.source)).filter((c) => c.length).map((c) => `" (${c.join('; ')})"`);
    expect(weighed.length).toBeGreaterThan(0);
    expect(later).toEqual({ strip: 1, columns: later.columns, cited: epilogue.events.length, caveats: weighed, summaries: 0, sources: 0 });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await printPdf(page, format);
      const pages = pdf.pageTexts.map(squash);
      // The kicker is set in capitals on paper.
      const start = pages.findIndex((t) => t.includes(squash(epilogue.title)) && t.toLowerCase().includes(squash('editors’ epilogue')));
      expect(start, format).toBeGreaterThan(0);
      // The section after the epilogue; a figure before it may name it too.
      const end = pages.findIndex((t, i) => i >= start && t.includes(squash('Corrections and sources')));
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
