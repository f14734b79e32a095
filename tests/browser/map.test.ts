import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, NARROW, PHONE, DESKTOP, openPage, openAtTextSize } from '../support/browser';
import { contrastRatio } from '../support/contrast';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });


/**
 * Each panel as Chromium draws it: the label sets shown, and every label's real box, none outside the panel,
 * over another label, a point or the close-up's frame, no name nearer another place's dot than its own; the size labels
 * are set at against the page's small text.
 */
function mapReport() {
  const small = parseFloat(getComputedStyle(document.querySelector('#where-it-happened .map-key')!).fontSize);
  const problems: string[] = [];
  const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  // Glyph boxes include the line's leading; take the middle of each so touching lines do not count.
  const inset = (r: DOMRect) => new DOMRect(r.left + 0.5, r.top + r.height * 0.15, r.width - 1, r.height * 0.7);
  const panels = [...document.querySelectorAll<SVGSVGElement>('#where-it-happened svg[data-map-svg]')].map((svg) => {
    const id = svg.dataset.mapSvg!;
    const frame = svg.getBoundingClientRect();
    const sets = [...svg.querySelectorAll<SVGGElement>('g.map-labels')].filter((g) => getComputedStyle(g).display !== 'none');
    const texts = sets.flatMap((g) => [...g.querySelectorAll<SVGTextElement>('text')]).map((t) => ({ key: `${t.classList.contains('map-country-label') ? 'country' : 'place'} ${t.dataset.label}`, r: inset(t.getBoundingClientRect()), px: parseFloat(t.closest('g')!.getAttribute('font-size')!) * svg.getScreenCTM()!.a }));
    const points = [...svg.querySelectorAll<SVGCircleElement>('circle.map-point')].map((c) => ({ key: c.closest('a')!.dataset.place!, r: c.getBoundingClientRect() }));
    const box = svg.querySelector('rect.map-frame')?.getBoundingClientRect();
    const edges = box ? [new DOMRect(box.left, box.top - 0.5, box.width, 1), new DOMRect(box.left, box.bottom - 0.5, box.width, 1), new DOMRect(box.left - 0.5, box.top, 1, box.height), new DOMRect(box.right - 0.5, box.top, 1, box.height)] : [];
    for (const t of texts) {
      if (t.r.left < frame.left - 0.5 || t.r.right > frame.right + 0.5 || t.r.top < frame.top - 0.5 || t.r.bottom > frame.bottom + 0.5) problems.push(`${id}: ${t.key} leaves the panel`);
      for (const p of points) if (hit(t.r, p.r)) problems.push(`${id}: ${t.key} × point ${p.key}`);
      for (const e of edges) if (hit(t.r, e)) problems.push(`${id}: ${t.key} × the close-up's frame`);
      if (t.px < small - 0.5) problems.push(`${id}: ${t.key} set at ${t.px.toFixed(1)} px, under the small text's ${small} px`);
    }
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => { if (hit(a.r, b.r)) problems.push(`${id}: ${a.key} × ${b.key}`); }));
    // A place's name without a leader is nearer its own dot than any other: a reader pairs a name with the nearest dot.
    const leaders = sets.flatMap((g) => [...g.querySelectorAll('line.map-leader')].map((l) => l.getBoundingClientRect()));
    const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2] as const;
    const away = (r: DOMRect, [x, y]: readonly [number, number]) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    for (const g of sets.filter((x) => x.dataset.mode === 'names')) {
      for (const t of g.querySelectorAll<SVGTextElement>('text.map-place-label')) {
        const r = t.getBoundingClientRect();
        // A name with a leader (one ends at its box, the halo between) says which dot is its own.
        if (leaders.some((l) => l.left <= r.right + 4 && r.left <= l.right + 4 && l.top <= r.bottom + 4 && r.top <= l.bottom + 4)) continue;
        const own = points.find((p) => p.key === t.dataset.label);
        if (!own) continue;
        for (const q of points) if (q !== own && away(r, centre(q.r)) < away(r, centre(own.r))) problems.push(`${id}: the name "${t.textContent}" is nearer ${q.key}'s dot than its own`);
      }
    }
    const figure = svg.closest('.figure-body')!.getBoundingClientRect();
    return { id, sets: sets.length, labels: texts.length, points: points.length, px: Math.min(...texts.map((t) => t.px)), width: frame.width, figureWidth: figure.width };
  });
  // How far anything shown in the figure, caption included, reaches past its right edge.
  const edge = document.getElementById('where-it-happened')!.getBoundingClientRect().right;
  const shown = [...document.querySelectorAll('#where-it-happened *')].filter((e) => e.checkVisibility());
  return { panels, problems, small, overflow: Math.max(0, ...shown.map((e) => e.getBoundingClientRect().right - edge)) };
}

describe('locator map in Chromium', () => {
  for (const [name, options] of [['320 px', NARROW], ['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`shows one set of labels per panel at ${name}, ${colorScheme}, at 100 % and 200 % text: none overlapping, none under the small text's size`, async () => {
        const px: number[] = [];
        for (const text of [16, 32]) {
          const page = await openAtTextSize(browser, { ...options, colorScheme }, text);
          const report = await page.evaluate(mapReport);
          expect(report.problems, `${text} px`).toEqual([]);
          expect(report.overflow, `${text} px`).toBeLessThanOrEqual(0.5);
          for (const p of report.panels) {
            expect(p.sets, `${p.id} at ${text} px`).toBe(1);
            // Every place and every country the panel shows is labelled.
            expect(p.labels, p.id).toBeGreaterThan(p.points);
            // The panel is as wide as the figure, not held to a fixed width.
            expect(p.width).toBeCloseTo(p.figureWidth, 0);
          }
          px.push(Math.min(...report.panels.map((p) => p.px)));
          // With the list of places open, it stays inside the figure too.
          await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('#where-it-happened details').forEach((d) => { d.open = true; }));
          expect((await page.evaluate(mapReport)).overflow, `${text} px, list open`).toBeLessThanOrEqual(0.5);
          await page.context().close();
        }
        // The labels grow with the reader's text size.
        expect(px[1]).toBeGreaterThan(px[0]! * 1.5);
      });
    }
  }

  it('a place on the map leads to what happened there, which links to its paragraph and its event, and the event links back', async () => {
    const page = await openPage(browser, DESKTOP);
    await page.locator('#where-it-happened svg[data-map-svg="north-west-pakistan"] a.map-place[data-place="pabbi"] circle').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#where-it-happened-pabbi');
    const item = page.locator('#where-it-happened-pabbi');
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await item.evaluate((li) => li.matches(':target'))).toBe(true);
    const event = await item.locator('a.map-event-link').getAttribute('href');
    await item.locator('a.map-event-link').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(event);
    const back = page.locator(`li${event} a[data-map-link][href="#where-it-happened-pabbi"]`);
    await expect.poll(() => back.isVisible()).toBe(true);
    await back.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#where-it-happened-pabbi');
    await expect.poll(() => item.evaluate((li) => Math.abs(li.getBoundingClientRect().top)), { timeout: 10_000 }).toBeLessThan(80);
    await page.context().close();
  });

  it('opens a place linked to without JavaScript', async () => {
    const page = await openPage(browser, { ...PHONE, javaScriptEnabled: false }, '/#where-it-happened-cherat');
    expect(await page.locator('#where-it-happened-cherat').isVisible()).toBe(true);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core on the map in ${colorScheme} mode, the list open`, async () => {
      for (const options of [PHONE, DESKTOP]) {
        const page = await openPage(browser, { ...options, colorScheme }, '/#where-it-happened-moscow');
        // The list's summary in the middle of the screen, not under the phone's sticky Contents bar, which would
        // cover it where the link landed: axe judges a target by the part of it a reader can reach.
        await page.locator('#where-it-happened .map-places-summary').evaluate((s) => s.scrollIntoView({ block: 'center', behavior: 'instant' }));
        const results = await new AxeBuilder({ page }).include('#where-it-happened')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('tells apart the land the map names from the rest, and Russia and Pakistan from the other countries it names, on screen (light and dark) and on paper', async () => {
    for (const [colorScheme, media] of [['light', 'screen'], ['dark', 'screen'], ['light', 'print']] as const) {
      const page = await openPage(browser, { ...DESKTOP, colorScheme });
      await page.emulateMedia({ media });
      const fill = (sel: string) => page.locator(`#where-it-happened svg[data-map-svg] ${sel}`).first().evaluate((el) => getComputedStyle(el).fill);
      const [land, named, focus] = [await fill('.map-land'), await fill('.map-country:not(.map-country--focus)'), await fill('.map-country--focus')];
      // Countries are also outlined, so a step of 1.4 : 1 between the shades is enough to tell them apart at a glance.
      expect(contrastRatio(land, named), `${colorScheme} ${media}: other land ${land} against the countries named ${named}`).toBeGreaterThanOrEqual(1.4);
      expect(contrastRatio(named, focus), `${colorScheme} ${media}: the countries named ${named} against Russia and Pakistan ${focus}`).toBeGreaterThanOrEqual(1.4);
      await page.context().close();
    }
  });

  it('prints the panels side by side, in black, with their labels apart and the list of places', async () => {
    const page = await openPage(browser, { ...DESKTOP, colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    const report = await page.evaluate(mapReport);
    const tops = await page.evaluate(() => [...document.querySelectorAll('#where-it-happened svg[data-map-svg]')].map((s) => Math.round(s.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(report.problems.filter((p) => !p.includes('small text'))).toEqual([]);
    expect(await page.locator('#where-it-happened-moscow').isVisible()).toBe(true);
    const fills = await page.evaluate(() => [...document.querySelectorAll('#where-it-happened .map-place-label')].filter((t) => t.checkVisibility()).map((t) => getComputedStyle(t).fill));
    expect(new Set(fills)).toEqual(new Set(['rgb(0, 0, 0)']));
    await page.context().close();
  });
});
