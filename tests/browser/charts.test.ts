import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, NARROW, DESKTOP, PHONE, openPage } from '../support/browser';
import { loadPage } from '../support/dist';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const open = (options: BrowserContextOptions, path = '/') => openPage(browser, options, path);

const CHARTS = ['trade-chart', 'deal-size-chart'];

/** The visible SVG of a figure, and its labels as the browser lays them out: none may overlap another or leave the SVG. */
function labelReport(id: string) {
  const svgs = [...document.querySelectorAll<SVGSVGElement>(`#${id} svg.chart-svg`)].filter((s) => s.getBoundingClientRect().width > 0);
  const svg = svgs[0]!;
  const frame = svg.getBoundingClientRect();
  const boxes = [...svg.querySelectorAll('text')].map((t) => ({ key: t.dataset.label!, r: t.getBoundingClientRect() }));
  const problems: string[] = [];
  for (const { key, r } of boxes) {
    if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 || r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5) problems.push(`${key} leaves the chart`);
  }
  // Glyph boxes include line spacing; shrink them a little so touching lines of text do not count.
  const inset = (r: DOMRect) => ({ l: r.left + 0.5, r: r.right - 0.5, t: r.top + r.height * 0.15, b: r.bottom - r.height * 0.15 });
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    const p = inset(a.r), q = inset(b.r);
    if (p.l < q.r && q.l < p.r && p.t < q.b && q.t < p.b) problems.push(`${a.key} overlaps ${b.key}`);
  }));
  return { size: svg.dataset.chartSize, visible: svgs.length, width: frame.width, problems };
}

/**
 * Whether a figure's open tooltip stays clear of every label drawn in the column of the bar it describes
 * (both measured in one frame, as the page may still be scrolling to the focused bar).
 */
const tipClearOfLabel = (page: Page, figure: string, mark: string) => page.evaluate(([fig, m]) => {
  const root = document.getElementById(fig!)!;
  const svg = [...root.querySelectorAll('svg.chart-svg')].find((x) => x.getBoundingClientRect().width > 0)!;
  const a = root.querySelector('.chart-tip')!.getBoundingClientRect();
  const bar = svg.querySelector(`[data-mark="${m}"]`)!.getBoundingClientRect();
  const inColumn = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect()).filter((b) => b.right > bar.left && b.left < bar.right);
  return inColumn.length > 0 && inColumn.every((b) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);
}, [figure, mark]);

describe('charts in Chromium', () => {
  for (const [name, options, size] of [['320 px', NARROW, 'narrow'], ['1280 px', DESKTOP, 'wide']] as const) {
    it(`index.html at ${name} shows the ${size} layout with every label inside and clear of the others`, async () => {
      const page = await open(options);
      for (const id of CHARTS) {
        const report = await page.evaluate(labelReport, id);
        expect(report).toMatchObject({ size, visible: 1, problems: [] });
        // Text is not shrunk below a readable size by the viewBox.
        const fontPx = await page.locator(`#${id} svg.chart-svg--${size} .chart-tick`).first().evaluate((t) => t.getBoundingClientRect().height);
        expect(fontPx).toBeGreaterThanOrEqual(10);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await page.context().close();
    });
  }

  it('index.html at 320 px opens the numbers tables without the page scrolling sideways', async () => {
    const page = await open(NARROW);
    for (const id of CHARTS) {
      await page.locator(`#${id} details.chart-table summary`).click();
      expect(await page.locator(`#${id} details.chart-table table`).isVisible()).toBe(true);
      const rows = await page.locator(`#${id} details.chart-table tbody tr`).allTextContents();
      for (const row of rows) expect(row).toMatch(/\$\d/);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.context().close();
  });

  it('charts.css paints the bars from the colour tokens, with a different palette in dark mode', async () => {
    const fills: Record<string, { bar: string; token: string; emphasis: string }> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open({ ...DESKTOP, colorScheme });
      fills[colorScheme] = await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.style.color = 'var(--chart-bar)';
        document.body.append(probe);
        const token = getComputedStyle(probe).color;
        const bar = getComputedStyle(document.querySelector('#trade-chart svg.chart-svg--wide .chart-mark .chart-bar')!).fill;
        const emphasis = getComputedStyle(document.querySelector('#trade-chart svg.chart-svg--wide .chart-bar--emphasis')!).fill;
        return { bar, token, emphasis };
      });
      expect(fills[colorScheme]!.bar).toBe(fills[colorScheme]!.token);
      await page.context().close();
    }
    expect(fills.light!.bar).not.toBe(fills.dark!.bar);
    expect(fills.light!.emphasis).not.toBe(fills.light!.bar);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core passes both figures in ${colorScheme} mode, tooltip open`, async () => {
      for (const options of [PHONE, DESKTOP]) {
        const page = await open({ ...options, colorScheme });
        await page.locator('#trade-chart .chart-mark:visible').last().focus();
        const results = await new AxeBuilder({ page }).include('#trade-chart').include('#deal-size-chart')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('print/charts.css prints the wide layout in black and white: outlined bars, the increase hatched, no tooltip or table', async () => {
    const page = await open({ ...DESKTOP, colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    for (const id of CHARTS) {
      const state = await page.evaluate((id) => {
        const fig = document.getElementById(id)!;
        const visible = [...fig.querySelectorAll<SVGSVGElement>('svg.chart-svg')].filter((s) => s.getBoundingClientRect().width > 0).map((s) => s.dataset.chartSize);
        const bar = getComputedStyle(fig.querySelector('svg.chart-svg--wide .chart-mark .chart-bar')!);
        const pattern = fig.querySelector('svg.chart-svg--wide .chart-pattern');
        const hatch = getComputedStyle(fig.querySelector('svg.chart-svg--wide .chart-hatch')!).stroke;
        const texts = [...fig.querySelectorAll('svg.chart-svg--wide text')].map((t) => getComputedStyle(t).fill);
        return {
          visible, stroke: bar.stroke, hatch, hasPattern: !!pattern, texts: [...new Set(texts)],
          table: getComputedStyle(fig.querySelector('.chart-table')!).display,
        };
      }, id);
      expect(state.visible).toEqual(['wide']);
      expect(state.stroke).toBe('rgb(0, 0, 0)');
      expect(state.hatch).toBe('rgb(0, 0, 0)');
      expect(state.hasPattern).toBe(true);
      for (const fill of state.texts) expect(['rgb(0, 0, 0)', 'rgb(51, 51, 51)']).toContain(fill);
      expect(state.table).toBe('none');
    }
    const report = await page.evaluate(labelReport, 'deal-size-chart');
    expect(report.problems).toEqual([]);
    await page.context().close();
  });

  it('<bloc-chart-tip> shows a bar’s value and source in a tooltip reached by keyboard, and hides it with Escape', async () => {
    const page = await open(DESKTOP);
    const before = await page.locator('#trade-chart svg.chart-svg--wide').innerHTML();
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
    const focused = await page.evaluate(() => document.activeElement!.getAttribute('aria-describedby'));
    expect(await tip.getAttribute('id')).toBe(focused);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.chart-bar')!).strokeWidth);
    expect(parseFloat(ring)).toBeGreaterThanOrEqual(2);
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    const mark = await page.evaluate(() => (document.activeElement as SVGGElement).dataset.mark!);
    expect(await tipClearOfLabel(page, 'trade-chart', mark)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await tip.textContent()).toContain('Source:');
    const next = await page.evaluate(() => (document.activeElement as SVGGElement).dataset.mark!);
    expect(next).not.toBe(mark);
    expect(await tipClearOfLabel(page, 'trade-chart', next)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    // The chart is never redrawn: showing tips leaves the markup as it was, and the marks are those the build wrote.
    const after = await page.locator('#trade-chart svg.chart-svg--wide').innerHTML();
    expect(after).toBe(before);
    const drawn = (html: string) => (html.match(/<rect [^>]*>/g) ?? []).length + (html.match(/<text [^>]*>[^<]*/g) ?? []).join('|');
    expect(drawn(after)).toBe(drawn(loadPage()('#trade-chart svg.chart-svg--wide').html()!));
    await page.context().close();
  });

  it('<bloc-chart-tip> shows the tooltip on a tap on a phone and on hover with a mouse, inside the screen', async () => {
    const page = await open(NARROW);
    const bar = page.locator('#deal-size-chart svg.chart-svg--narrow .chart-mark').first();
    await bar.tap();
    const tip = page.locator('#deal-size-chart .chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('$10bn');
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(await tipClearOfLabel(page, 'deal-size-chart', (await bar.getAttribute('data-mark'))!)).toBe(true);
    await page.context().close();

    const desk = await open(DESKTOP);
    await desk.locator('#trade-chart svg.chart-svg--wide .chart-mark').first().hover();
    await expect.poll(() => desk.locator('#trade-chart .chart-tip').textContent()).toContain('$400M');
    await desk.mouse.move(5, 5);
    await expect.poll(() => desk.locator('#trade-chart .chart-tip').isVisible()).toBe(false);
    await desk.context().close();
  });

  it('<bloc-chart-tip> fades the tooltip only when the reader has not asked for reduced motion', async () => {
    const durations: Record<string, string> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const page = await open({ ...DESKTOP, reducedMotion });
      await page.locator('#trade-chart svg.chart-svg--wide .chart-mark').first().focus();
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
      expect(await fig.locator('svg.chart-svg--wide').isVisible()).toBe(true);
      expect(await fig.locator('.figure-title').textContent()).toMatch(/\d/);
      expect(await fig.locator('.figure-source').textContent()).toMatch(/^Source:/);
      expect(await fig.locator('svg.chart-svg--wide text.chart-value').allTextContents()).not.toHaveLength(0);
      expect(await fig.locator('.chart-mark[tabindex]').count()).toBe(0);
      await fig.locator('details.chart-table summary').click();
      expect(await fig.locator('details.chart-table table').isVisible()).toBe(true);
    }
    await page.context().close();
  });
});
