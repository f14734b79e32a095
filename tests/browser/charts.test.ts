import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, NARROW, DESKTOP, PHONE, openPage, openAtTextSize, scrollSettled } from '../support/browser';
import { loadPage } from '../support/dist';
import { PNG } from 'pngjs';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const open = (options: BrowserContextOptions, path = '/') => openPage(browser, options, path);


const CHARTS = ['trade-chart', 'deal-size-chart'];

/**
 * Both charts as Chromium lays them out: every label shown (SVG text or HTML) inside its figure, none over
 * another label or a bar; the bars in proportion to their values; and how tall the labels are.
 */
function chartReport() {
  const problems: string[] = [];
  const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  // Glyph boxes include line spacing; shrink them a little so touching lines of text do not count.
  const inset = (r: DOMRect) => new DOMRect(r.left + 0.5, r.top + r.height * 0.15, r.width - 1, r.height * 0.7);
  const textBoxes = (root: Element) => {
    const out: { key: string; r: DOMRect }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || el.closest('.visually-hidden, title, desc, details:not([open]) > :not(summary)') || !el.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0) out.push({ key: n.textContent!.trim().slice(0, 24), r: inset(r) });
    }
    return out;
  };
  const report: Record<string, { svgs: number; labelPx: number; widths: number[]; values: number[] }> = {};
  for (const id of ['trade-chart', 'deal-size-chart']) {
    const fig = document.getElementById(id)!;
    const frame = fig.getBoundingClientRect();
    const body = fig.querySelector('.figure-body')!;
    const labels = textBoxes(body.querySelector('.chart')!);
    const bars = [...body.querySelectorAll<SVGRectElement>('svg rect.chart-bar')].filter((r) => !r.closest('.chart-key')).map((r) => ({ key: r.closest('[data-mark], [data-bar]')?.getAttribute('data-mark') ?? r.closest('[data-bar]')!.getAttribute('data-bar')!, r: r.getBoundingClientRect() }));
    for (const l of labels) if (l.r.left < frame.left - 0.5 || l.r.right > frame.right + 0.5) problems.push(`${id}: "${l.key}" leaves the figure`);
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => { if (hit(a.r, b.r)) problems.push(`${id}: "${a.key}" × "${b.key}"`); }));
    for (const l of labels) for (const b of bars) if (hit(l.r, b.r)) problems.push(`${id}: "${l.key}" over bar ${b.key}`);
    for (const b of bars) if (b.r.left < frame.left - 1 || b.r.right > frame.right + 1) problems.push(`${id}: bar ${b.key} leaves the figure`);
    const marks = id === 'trade-chart'
      ? [...fig.querySelectorAll<SVGRectElement>('.chart-mark rect')].map((r) => ({ size: r.getBoundingClientRect().height, value: parseFloat(r.closest<SVGGElement>('.chart-mark')!.dataset.tipValue!.replace(/[$M,]/g, '')) }))
      : [...fig.querySelectorAll<SVGRectElement>('svg.deal-bar rect')].map((r) => ({ size: r.getBoundingClientRect().width, value: parseFloat(r.closest('li')!.querySelector('[data-value]')!.textContent!.replace(/^\$/, '').replace(/bn$/, '000').replace(/M$/, '')) }));
    const label = id === 'trade-chart' ? fig.querySelector('svg text.chart-value')! : fig.querySelector('.deal-value')!;
    report[id] = { svgs: [...fig.querySelectorAll('svg.chart-svg')].filter((s) => s.getBoundingClientRect().width > 0).length, labelPx: parseFloat(getComputedStyle(label).fontSize), widths: marks.map((m) => m.size), values: marks.map((m) => m.value) };
  }
  // How far anything shown in a figure, caption included, reaches past the figure's edge (a table scrolls inside its own box).
  const overflow = Math.max(0, ...['trade-chart', 'deal-size-chart'].flatMap((id) => {
    const edge = document.getElementById(id)!.getBoundingClientRect().right;
    return [...document.querySelectorAll(`#${id} *`)].filter((e) => e.checkVisibility() && !e.closest('.chart-table-scroll')).map((e) => e.getBoundingClientRect().right - edge);
  }));
  return { problems, report, overflow };
}

/** Whether the trade chart's open tooltip stays clear of every label of the chart, its bar's and its neighbour's. */
const tipClearOfLabel = (page: Page) => page.evaluate(() => {
  const root = document.getElementById('trade-chart')!;
  const a = root.querySelector('.chart-tip')!.getBoundingClientRect();
  const labels = [...root.querySelectorAll('svg.chart-svg text')].map((t) => t.getBoundingClientRect()).filter((b) => b.width > 0);
  return labels.length > 0 && labels.every((b) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);
});

describe('charts in Chromium', () => {
  for (const [name, options] of [['320 px', NARROW], ['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`index.html at ${name}, ${colorScheme}, draws each chart once with every label inside and clear, at 100 % and 200 % text, bars in proportion`, async () => {
        const px: Record<number, ReturnType<typeof chartReport>['report']> = {};
        for (const text of [16, 32]) {
          const page = await openAtTextSize(browser, { ...options, colorScheme }, text);
          const { problems, report, overflow } = await page.evaluate(chartReport);
          expect(problems, `${text} px`).toEqual([]);
          expect(overflow, `${text} px`).toBeLessThanOrEqual(0.5);
          expect(report['trade-chart']!.svgs).toBe(1);
          for (const id of CHARTS) {
            const { widths, values } = report[id]!;
            expect(widths.length).toBeGreaterThanOrEqual(2);
            // Every bar's length over its value is the same: one scale from zero (within a pixel of rounding).
            const unit = widths[0]! / values[0]!;
            widths.forEach((w, i) => expect(Math.abs(w - values[i]! * unit), `${id} bar ${i}`).toBeLessThanOrEqual(1.5));
          }
          px[text] = report;
          await page.context().close();
        }
        // The labels grow with the reader's text size.
        for (const id of CHARTS) expect(px[32]![id]!.labelPx, id).toBeGreaterThan(px[16]![id]!.labelPx * 1.8);
      });
    }
  }

  it('index.html at 320 px opens the numbers tables without the page scrolling sideways', async () => {
    const page = await open(NARROW);
    for (const id of CHARTS) {
      await page.locator(`#${id} details.chart-table summary`).click();
      expect(await page.locator(`#${id} details.chart-table table`).isVisible()).toBe(true);
      const rows = await page.locator(`#${id} details.chart-table tbody tr`).allTextContents();
      for (const row of rows) expect(row).toMatch(/\$\d/);
      const table = await page.locator(`#${id} details.chart-table`).evaluate((d) => d.getBoundingClientRect().right);
      expect(table).toBeLessThanOrEqual(320);
    }
    await page.context().close();
  });

  it('one colour and one pattern mean one thing in every figure, in light and dark: trade, the increase, headline values', async () => {
    const seen: Record<string, Record<string, string>> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open({ ...DESKTOP, colorScheme });
      seen[colorScheme] = await page.evaluate(() => {
        const token = (name: string) => {
          const probe = document.createElement('div');
          probe.style.color = `var(${name})`;
          document.body.append(probe);
          const c = getComputedStyle(probe).color;
          probe.remove();
          return c;
        };
        const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          token: token('--chart-trade'),
          tradeBar: style('#trade-chart .chart-mark .chart-bar').fill,
          tradeInDeals: style('#deal-size-chart .deal-row[data-kind="trade"] .chart-bar').fill,
          tradeOnTimeline: style('#timeline li[data-category="trade"] .timeline-symbol').stroke,
          headlineStroke: style('#deal-size-chart .deal-row[data-kind="headline"] .chart-bar').stroke,
          headlineDash: style('#deal-size-chart .deal-row[data-kind="headline"] .chart-bar').strokeDasharray,
          headlineFill: style('#deal-size-chart .deal-row[data-kind="headline"] .chart-bar').fill,
          energyOnTimeline: style('#timeline li[data-category="energy"] .timeline-symbol').stroke,
          mapPoint: style('#where-it-happened .map-place circle').fill,
          increaseFill: style('#trade-chart .chart-bar--increase').fill,
          // The trade record after the article: the article's own figures are trade like any other.
          articleInRecord: style('#trade-since-the-article .record-bar .chart-bar--article').fill,
          exportsInRecord: style('#trade-since-the-article .record-bar rect[data-exports-width]').fill,
          categories: [...new Set([...document.querySelectorAll('#timeline li[data-category] .timeline-symbol')].map((el) => getComputedStyle(el).stroke))].join(' / '),
          hatches: String(document.querySelectorAll('figure .chart-pattern').length),
          hatchesInTrade: String(document.querySelectorAll('#trade-chart .chart-pattern').length),
        };
      });
      await page.context().close();
    }
    for (const s of Object.values(seen)) {
      expect(s.tradeBar).toBe(s.token);
      expect(s.tradeInDeals).toBe(s.tradeBar);
      expect(s.tradeOnTimeline).toBe(s.tradeBar);
      expect(s.increaseFill).toBe(s.tradeBar);
      expect(s.articleInRecord).toBe(s.tradeBar);
      // Pakistan's exports are told from the total by shape; their colour means no timeline category.
      const categories = s.categories!.split(' / ');
      expect(categories.length).toBeGreaterThan(3);
      expect(categories).not.toContain(s.exportsInRecord);
      expect(s.headlineStroke).toBe(s.energyOnTimeline);
      expect(s.headlineDash).not.toBe('none');
      expect(s.headlineFill).not.toBe(s.tradeBar);
      expect([s.tradeBar, s.headlineStroke]).not.toContain(s.mapPoint);
      // The hatch marks the increase and nothing else: in the trade chart (the bar and its key), nowhere else.
      expect(s.hatches).toBe(s.hatchesInTrade);
    }
    expect(seen.light!.tradeBar).not.toBe(seen.dark!.tradeBar);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core passes both figures in ${colorScheme} mode, tooltip open`, async () => {
      for (const options of [PHONE, DESKTOP]) {
        const page = await open({ ...options, colorScheme });
        await page.locator('#trade-chart .chart-mark').last().focus();
        // The tooltip's module comes when a bar is first focused: axe reads the tip once it is open and done fading in,
        // and the page once it has stopped scrolling to the bar.
        await scrollSettled(page);
        await expect.poll(() => page.locator('#trade-chart .chart-tip').evaluate((t) => 'open' in (t as HTMLElement).dataset && t.getAnimations().length === 0)).toBe(true);
        const results = await new AxeBuilder({ page }).include('#trade-chart').include('#deal-size-chart')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('print/charts.css prints the same drawing in black and white: outlined bars, the increase hatched, headline values dashed, no tooltip or table', async () => {
    const page = await open({ ...DESKTOP, colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate(() => {
      const s = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      const texts = [...document.querySelectorAll('#trade-chart svg text, #deal-size-chart .deal-row')].map((t) => (t instanceof SVGElement ? getComputedStyle(t).fill : getComputedStyle(t).color));
      return {
        svgs: [...document.querySelectorAll('#trade-chart svg.chart-svg')].filter((x) => x.getBoundingClientRect().width > 0).length,
        tradeStroke: s('#trade-chart .chart-mark .chart-bar').stroke,
        hatch: s('#trade-chart .chart-hatch').stroke,
        headline: { stroke: s('#deal-size-chart .deal-row[data-kind="headline"] .chart-bar').stroke, fill: s('#deal-size-chart .deal-row[data-kind="headline"] .chart-bar').fill, dash: s('#deal-size-chart .deal-row[data-kind="headline"] .chart-bar').strokeDasharray },
        texts: [...new Set(texts)],
        tables: [...document.querySelectorAll('.chart-table')].map((t) => getComputedStyle(t).display),
      };
    });
    expect(state.svgs).toBe(1);
    expect(state.tradeStroke).toBe('rgb(0, 0, 0)');
    expect(state.hatch).toBe('rgb(0, 0, 0)');
    expect(state.headline).toMatchObject({ stroke: 'rgb(0, 0, 0)', fill: 'rgb(255, 255, 255)' });
    expect(state.headline.dash).not.toBe('none');
    for (const fill of state.texts) expect(['rgb(0, 0, 0)', 'rgb(51, 51, 51)']).toContain(fill);
    expect(new Set(state.tables)).toEqual(new Set(['none']));
    const { problems } = await page.evaluate(chartReport);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('<bloc-chart-tip> shows a bar’s value and source in a tooltip reached by keyboard, and hides it with Escape', async () => {
    const page = await open(DESKTOP);
    const before = await page.locator('#trade-chart svg.chart-svg').innerHTML();
    // Tab from the paragraph the chart illustrates until focus reaches a bar.
    await page.locator('#trade-figures').focus();
    let onBar = false;
    for (let i = 0; i < 30 && !onBar; i++) {
      await page.keyboard.press('Tab');
      onBar = await page.evaluate(() => !!document.activeElement?.closest('#trade-chart .chart-mark'));
    }
    expect(onBar).toBe(true);
    const tip = page.locator('#trade-chart .chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const value = await page.evaluate(() => (document.activeElement as SVGGElement).dataset.tipValue);
    expect(await tip.textContent()).toContain(value!);
    expect(await tip.textContent()).toContain('Source: the article');
    // A screen reader hears the source as the bar's description, and the value once, in its name, not again.
    const described = await page.evaluate(() => document.activeElement!.getAttribute('aria-description'));
    expect(described).toMatch(/^Source: /);
    expect(described).not.toContain(value!);
    // Bars a reader can focus are not the parts of one image: the drawing is a group of them, named by its title.
    expect(await page.locator('#trade-chart svg.chart-svg').getAttribute('role')).toBe('group');
    // A screen reader names the bar by its value and period; the focus ring stands off the bar, in the focus colour.
    const named = await page.evaluate(() => document.activeElement!.getAttribute('aria-label'));
    expect(named).toContain(value!);
    expect(named).toContain(await page.evaluate(() => (document.activeElement as SVGGElement).dataset.tipLabel!));
    const ring = await page.evaluate(() => { const s = getComputedStyle(document.activeElement!); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset) }; });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.offset).toBeGreaterThanOrEqual(2);
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    const mark = await page.evaluate(() => (document.activeElement as SVGGElement).dataset.mark!);
    expect(await tipClearOfLabel(page)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await tip.textContent()).toContain('Source:');
    const next = await page.evaluate(() => (document.activeElement as SVGGElement).dataset.mark!);
    expect(next).not.toBe(mark);
    expect(await tipClearOfLabel(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    // The chart is never redrawn: showing tips leaves the markup as it was, and the marks are those the build wrote.
    const after = await page.locator('#trade-chart svg.chart-svg').innerHTML();
    expect(after).toBe(before);
    const drawn = (html: string) => (html.match(/<rect [^>]*>/g) ?? []).length + (html.match(/<text [^>]*>[^<]*/g) ?? []).join('|');
    expect(drawn(after)).toBe(drawn(loadPage()('#trade-chart svg.chart-svg').html()!));
    await page.context().close();
  });

  it('<bloc-chart-tip> shows the tooltip on a tap on a phone and on hover with a mouse, inside the screen', async () => {
    const page = await open(NARROW);
    const bar = page.locator('#trade-chart .chart-mark').last();
    await bar.tap();
    const tip = page.locator('#trade-chart .chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('$541M');
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(await tipClearOfLabel(page)).toBe(true);
    // A small scroll keeps it; scrolling on, a reader leaves it behind, and it goes.
    await page.evaluate(() => scrollBy(0, 40));
    await scrollSettled(page);
    expect(await tip.isVisible()).toBe(true);
    await page.evaluate(() => scrollBy(0, innerHeight / 2));
    await expect.poll(() => tip.isVisible()).toBe(false);
    // Back at the chart, a tap on the same bar, which kept the focus, brings its tip back, and Escape puts it away.
    await page.evaluate(() => scrollBy(0, -innerHeight / 2));
    await scrollSettled(page);
    await bar.tap();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await bar.tap();
    await expect.poll(() => tip.isVisible()).toBe(true);
    // A bar the keyboard reaches from far above is scrolled into view as it takes focus: its tip stays.
    await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); scrollTo(0, 0); });
    await scrollSettled(page);
    await bar.focus();
    await scrollSettled(page);
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.context().close();

    const desk = await open(DESKTOP);
    await desk.locator('#trade-chart .chart-mark').first().hover();
    await expect.poll(() => desk.locator('#trade-chart .chart-tip').textContent()).toContain('$400M');
    await desk.mouse.move(5, 5);
    await expect.poll(() => desk.locator('#trade-chart .chart-tip').isVisible()).toBe(false);
    await desk.context().close();
  });

  for (const [name, options, px] of [['320 px', NARROW, 16], ['390 px', PHONE, 16], ['320 px with 200 % text', NARROW, 32], ['390 px with 200 % text', PHONE, 32]] as const) {
    it(`<bloc-chart-tip> at ${name}: a tapped bar's tooltip is on the screen below the contents bar wherever the chart is on the screen`, async () => {
      const page = await openAtTextSize(browser, options, px);
      const marks = page.locator('#trade-chart .chart-mark');
      const problems: string[] = [];
      const { roof, vh } = await page.evaluate(() => ({ roof: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0, vh: innerHeight }));
      // The chart's top from just under the contents bar (the least room above a bar) down to low on the screen (the
      // least room below one), the bar tapped where it shows.
      for (const at of [0, 0.2, 0.4, 0.6, 0.8]) {
        for (let i = 0; i < await marks.count(); i++) {
          await page.locator('#trade-chart svg.chart-svg').evaluate((svg, y) => scrollTo({ top: svg.getBoundingClientRect().top + scrollY - y, behavior: 'instant' }), roof + at * (vh - roof));
          const bar = (await marks.nth(i).boundingBox())!;
          const y = Math.min(bar.y + bar.height / 2, bar.y + 20);
          if (y > vh - 4) continue;
          await page.touchscreen.tap(bar.x + bar.width / 2, y);
          const tip = page.locator('#trade-chart .chart-tip');
          await expect.poll(() => tip.isVisible()).toBe(true);
          const g = await tip.evaluate((t) => { const b = t.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, vw: innerWidth }; });
          if (g.top < roof - 0.5 || g.bottom > vh + 0.5 || g.left < 0 || g.right > g.vw) problems.push(`chart at ${at * 100} % down the screen, bar ${i}: its tooltip is not on the screen below the contents bar (${JSON.stringify(g)})`);
          if (px === 16 && at === 0 && !(await tipClearOfLabel(page))) problems.push(`bar ${i}: its tooltip covers a label`);
          await page.keyboard.press('Escape');
        }
      }
      // Scrolled on until only each bar's foot shows under the contents bar, the bar tapped there.
      for (let i = 0; i < await marks.count(); i++) {
        await marks.nth(i).evaluate((m, y) => scrollTo({ top: m.getBoundingClientRect().bottom + scrollY - y, behavior: 'instant' }), roof + 16);
        await page.touchscreen.tap((await marks.nth(i).boundingBox())!.x + 4, roof + 8);
        const tip = page.locator('#trade-chart .chart-tip');
        await expect.poll(() => tip.isVisible()).toBe(true);
        const g = await tip.evaluate((t) => { const b = t.getBoundingClientRect(); return { top: b.top, bottom: b.bottom }; });
        if (g.top < roof - 0.5 || g.bottom > vh + 0.5) problems.push(`bar ${i}, only its foot on the screen: its tooltip is not on the screen below the contents bar (${JSON.stringify(g)})`);
        await page.keyboard.press('Escape');
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('<bloc-chart-tip> fades the tooltip only when the reader has not asked for reduced motion', async () => {
    const durations: Record<string, string> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const page = await open({ ...DESKTOP, reducedMotion });
      await page.locator('#trade-chart .chart-mark').first().focus();
      durations[reducedMotion] = await page.locator('#trade-chart .chart-tip').evaluate((t) => getComputedStyle(t).transitionDuration);
      await page.context().close();
    }
    expect(durations.reduce!.split(',').every((d) => parseFloat(d) === 0)).toBe(true);
    expect(parseFloat(durations['no-preference']!)).toBeGreaterThan(0);
  });

  it('index.html with JavaScript off shows both charts with their numbers, captions and sources, and no dead tab stops', async () => {
    const page = await open({ ...DESKTOP, javaScriptEnabled: false });
    for (const id of CHARTS) {
      const fig = page.locator(`#${id}`);
      expect(await fig.locator('.figure-title').textContent()).toMatch(/\w/);
      expect(await fig.locator('.figure-source').textContent()).toMatch(/^Source:/);
      expect(await fig.locator('svg.chart-svg text.chart-value, .deal-value').allTextContents()).not.toHaveLength(0);
      expect(await fig.locator('.chart-mark[tabindex]').count()).toBe(0);
      await fig.locator('details.chart-table summary').click();
      expect(await fig.locator('details.chart-table table').isVisible()).toBe(true);
    }
    expect(await page.locator('#trade-chart svg.chart-svg').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the deal-size figure\'s bars', () => {
  it('every headline bar is drawn closed at its value: its end shows down its whole height, at 320 px dark and 1280 px light', async () => {
    for (const [options, scheme] of [[NARROW, 'dark'], [DESKTOP, 'light']] as const) {
      const page = await open({ ...options, colorScheme: scheme });
      const rows = page.locator('#deal-size-chart .deal-row[data-kind="headline"] svg.deal-bar rect.chart-bar');
      expect(await rows.count()).toBeGreaterThan(0);
      for (const rect of await rows.all()) {
        await rect.scrollIntoViewIfNeeded();
        const box = (await rect.boundingBox())!;
        // A strip two pixels either side of the bar's end, its full height: a row of it is inked where it differs from the page.
        const shot = PNG.sync.read(await page.screenshot({ clip: { x: box.x + box.width - 2, y: box.y, width: 4, height: box.height } }));
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number));
        let inked = 0;
        for (let y = 0; y < shot.height; y++) {
          let ink = false;
          for (let x = 0; x < shot.width && !ink; x++) {
            const i = (y * shot.width + x) * 4;
            ink = Math.abs(shot.data[i]! - bg[0]!) + Math.abs(shot.data[i + 1]! - bg[1]!) + Math.abs(shot.data[i + 2]! - bg[2]!) > 120;
          }
          if (ink) inked++;
        }
        expect(inked / shot.height, `${options.viewport!.width} ${scheme}: the end of a bar ${Math.round(box.width)} px long`).toBeGreaterThan(0.9);
      }
      await page.context().close();
    }
  });
});

describe('the tables behind the figures on a phone', () => {
  /** The mean brightness (0–255) of a strip of the screen `width` px wide inside the element's box at its `edge`. */
  async function edgeBrightness(page: Page, selector: string, edge: 'left' | 'right', width = 3, from = 0): Promise<number> {
    const box = (await page.locator(selector).boundingBox())!;
    const x = edge === 'left' ? box.x + from + 1 : box.x + box.width - width - 1;
    // The part of the box on the screen, below the phone's contents bar.
    const roof = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0);
    const top = Math.max(box.y, roof) + 8, bottom = Math.min(box.y + box.height, page.viewportSize()!.height) - 8;
    if (bottom <= top) throw new Error(`${selector}: not on the screen (${JSON.stringify(box)})`);
    const shot = PNG.sync.read(await page.screenshot({ clip: { x, y: top, width, height: Math.min(200, bottom - top) } }));
    let sum = 0;
    for (let i = 0; i < shot.data.length; i += 4) sum += (shot.data[i]! + shot.data[i + 1]! + shot.data[i + 2]!) / 3;
    return sum / (shot.data.length / 4);
  }

  it('the small tables fit a 320 px screen; a table wider than the screen shows a shadow at each edge it can scroll to, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [options, px] of [[NARROW, 16], [NARROW, 32]] as const) {
        const page = await openAtTextSize(browser, { ...options, colorScheme }, px);
        const tables = await page.evaluate(() => [...document.querySelectorAll('details.chart-table')].map((d) => {
          (d as HTMLDetailsElement).open = true;
          const s = d.querySelector('.chart-table-scroll')!;
          return { id: d.closest('figure')!.id, wide: s.scrollWidth > s.clientWidth + 1 };
        }));
        if (px === 16) expect(tables.filter((t) => t.wide && t.id !== 'trade-since-the-article').map((t) => t.id), colorScheme).toEqual([]);
        const wide = tables.filter((t) => t.wide);
        expect(wide.length, `${colorScheme} ${px}`).toBeGreaterThan(0);
        for (const { id } of wide) {
          const sel = `#${id} .chart-table-scroll`;
          const box = page.locator(sel);
          await box.evaluate((s) => { scrollTo({ top: s.getBoundingClientRect().top + scrollY - 100, behavior: 'instant' }); s.scrollLeft = 0; });
          // A shadow is what the box's own background adds at an edge: the same strip with that background taken away.
          // Where the rows' names stay at the left while the rest scrolls, the left edge is the names' right edge, and
          // its shadow theirs.
          const names = await box.evaluate((s) => {
            const th = s.querySelector<HTMLElement>('tbody th[scope="row"]');
            return th && getComputedStyle(th).position === 'sticky' ? th.getBoundingClientRect().right - s.getBoundingClientRect().left : 0;
          });
          const strip = (on: boolean) => box.evaluate((s, on) => {
            s.style.background = on ? '' : 'none';
            if (on) s.style.removeProperty('--color-scroll-shadow');
            else s.style.setProperty('--color-scroll-shadow', 'transparent');
          }, on);
          const shadow = async (edge: 'left' | 'right') => {
            const drawn = await edgeBrightness(page, sel, edge, 3, names);
            await strip(false);
            const bare = await edgeBrightness(page, sel, edge, 3, names);
            await strip(true);
            return Math.abs(drawn - bare) > 4;
          };
          // At the start: a shadow on the right, where more is, none on the left.
          expect(await shadow('right'), `${id} ${colorScheme} ${px}: no shadow where the table goes on`).toBe(true);
          expect(await shadow('left'), `${id} ${colorScheme} ${px}: a shadow before the table's start`).toBe(false);
          // At the end: the other way round.
          await box.evaluate((s) => { s.scrollLeft = s.scrollWidth; });
          expect(await shadow('left'), `${id} ${colorScheme} ${px}: no shadow where the table came from`).toBe(true);
          expect(await shadow('right'), `${id} ${colorScheme} ${px}: a shadow past the table's end`).toBe(false);
        }
        await page.context().close();
      }
    }
  });
});
