import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, BrowserContextOptions } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTimeline } from '../../src/schemas/timeline';
import { formatEventDate } from '../../src/lib/timeline/dates';
import { launch, url, PHONE, NARROW, DESKTOP, openPage } from '../support/browser';
import { printPdf, squash } from '../support/pdf';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const open = (options: BrowserContextOptions, path = '/') => openPage(browser, options, path);

/** The id of the list item holding the focused element. */
const focusedEvent = (page: Page) => page.evaluate(() => document.activeElement?.closest('li[data-event]')?.id ?? null);
const eventIds = (page: Page, visibleOnly = false) =>
  page.evaluate((v) => [...document.querySelectorAll<HTMLLIElement>('#timeline ol.timeline-list > li')].filter((li) => !v || !li.hidden).map((li) => li.id), visibleOnly);
const events = parseTimeline(readFileSync(resolve(import.meta.dirname, '../../content/data/timeline.yaml'), 'utf8'), 'content/data/timeline.yaml');
const enhanced = (page: Page) => page.waitForSelector('#timeline bloc-timeline[data-enhanced]', { state: 'attached' });

describe('timeline in Chromium', () => {
  it('bloc-timeline moves between events with the arrow keys, Home and End, and Enter follows the link to the paragraph', async () => {
    const page = await open(DESKTOP);
    await enhanced(page);
    const ids = await eventIds(page);
    const first = page.locator(`li#${ids[0]} a[data-event-link]`);
    await first.focus();
    expect(await focusedEvent(page)).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedEvent(page)).toBe(ids[1]);
    await page.keyboard.press('ArrowRight');
    expect(await focusedEvent(page)).toBe(ids[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedEvent(page)).toBe(ids[1]);
    await page.keyboard.press('End');
    expect(await focusedEvent(page)).toBe(ids.at(-1));
    await page.keyboard.press('ArrowDown');
    expect(await focusedEvent(page)).toBe(ids.at(-1));
    await page.keyboard.press('Home');
    expect(await focusedEvent(page)).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');

    // The focused event is highlighted in the list and in the chart, and its focus ring shows.
    const id = ids[1]!;
    expect(await page.locator(`li#${id}`).getAttribute('data-active')).toBe('');
    expect(await page.locator(`#timeline svg[data-timeline-svg="horizontal"] .timeline-mark[data-event="${id}"]`).getAttribute('data-active')).toBe('');
    expect(await page.locator('#timeline .timeline-mark[data-active]').count()).toBe(2);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).not.toBe('none');

    const paragraph = await page.locator(`li#${id} a[data-event-link]`).getAttribute('href');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(paragraph);
    await expect.poll(() => page.evaluate((p) => Math.abs(document.getElementById(p.slice(1))!.getBoundingClientRect().top), paragraph!), { timeout: 10_000 }).toBeLessThan(60);
    // …and the paragraph's marker leads back to the event.
    await page.locator(`${paragraph} a.event-marker[href="#${id}"]`).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${id}`);
    await page.context().close();
  });

  it('bloc-timeline highlights the list item when the pointer is over its mark in the chart', async () => {
    const page = await open(DESKTOP);
    await enhanced(page);
    const id = 'kayani-visit-2012';
    await page.locator(`#timeline svg[data-timeline-svg="horizontal"] .timeline-mark[data-event="${id}"] .timeline-label`).hover();
    expect(await page.locator(`li#${id}`).getAttribute('data-active')).toBe('');
    // The highlight fades in where motion is allowed, so read the colour once the fade has run.
    await expect.poll(() => page.locator(`li#${id}`).evaluate((li) => getComputedStyle(li).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await page.context().close();
  });

  it('bloc-timeline filters by category, keeps the choice in the URL, and arrow keys skip hidden events', async () => {
    const page = await open(DESKTOP, '/#timeline');
    await enhanced(page);
    expect(await page.locator('#timeline [data-timeline-filter]').isVisible()).toBe(true);
    expect(await page.locator('#timeline [data-timeline-categories]').isVisible()).toBe(false);
    const all = await eventIds(page);

    await page.locator('#timeline [data-timeline-filter] input[value="diplomacy"]').uncheck();
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('cat'))).toBe('defence,security,energy,trade');
    expect(await page.evaluate(() => location.hash)).toBe('#timeline');
    const diplomacy = await page.evaluate(() => [...document.querySelectorAll<HTMLLIElement>('#timeline li[data-event][data-category="diplomacy"]')].map((li) => li.id));
    expect(diplomacy.length).toBeGreaterThan(0);
    expect(await eventIds(page, true)).toEqual(all.filter((id) => !diplomacy.includes(id)));
    expect(await page.locator(`.timeline-mark[data-event="${diplomacy[0]}"]`).first().evaluate((m) => m.classList.contains('is-filtered-out'))).toBe(true);
    expect(await page.locator('#timeline [data-timeline-status]').textContent()).toBe(`Showing ${all.length - diplomacy.length} of ${all.length} events.`);

    // A fresh visit to the filtered URL shows the same selection.
    await page.goto(url('/?cat=energy'), { waitUntil: 'load' });
    await enhanced(page);
    const energy = await page.evaluate(() => [...document.querySelectorAll<HTMLLIElement>('#timeline li[data-event][data-category="energy"]')].map((li) => li.id));
    expect(await eventIds(page, true)).toEqual(energy);
    expect(await page.locator('#timeline [data-timeline-filter] input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['energy']);
    await page.locator(`li#${energy[0]} a[data-event-link]`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedEvent(page)).toBe(energy[1]);

    // Ticking every category again clears the parameter.
    const values = await page.locator('#timeline [data-timeline-filter] input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    for (const value of values) await page.locator(`#timeline [data-timeline-filter] input[value="${value}"]`).check();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('');
    expect(await eventIds(page, true)).toEqual(all);
    await page.context().close();
  });

  it('lands /#event-id on the event, in view and marked, on a phone and a desktop, even when a filter hides it', async () => {
    for (const options of [PHONE, DESKTOP]) {
      for (const path of ['/#druzhba-2018', '/?cat=energy#druzhba-2018']) {
        const page = await open(options, path);
        await enhanced(page);
        const li = page.locator('li#druzhba-2018');
        expect(await li.isVisible(), path).toBe(true);
        await expect.poll(() => li.evaluate((el) => Math.abs(el.getBoundingClientRect().top)), { timeout: 10_000 }).toBeLessThan(60);
        expect(await li.evaluate((el) => el.matches(':target'))).toBe(true);
        expect(await li.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
        expect(await page.locator('.timeline-mark[data-event="druzhba-2018"][data-target]').count()).toBe(2);
        if (path.includes('cat=')) expect(await page.evaluate(() => new URL(location.href).searchParams.get('cat'))).toBe('defence,energy');
        await page.context().close();
      }
    }
  });

  it('reads and links without JavaScript: the list, the key, chart marks that jump to the list, and markers in the text', async () => {
    const page = await open({ ...DESKTOP, javaScriptEnabled: false });
    expect(await page.locator('#timeline [data-timeline-filter]').isVisible()).toBe(false);
    expect(await page.locator('#timeline [data-timeline-categories]').isVisible()).toBe(true);
    expect(await page.locator('#timeline svg[data-timeline-svg="horizontal"]').isVisible()).toBe(true);
    const ids = await eventIds(page, true);
    expect(ids.length).toBeGreaterThanOrEqual(16);
    for (const id of ids) expect(await page.locator(`li#${id}`).isVisible(), id).toBe(true);

    await page.locator('#timeline svg[data-timeline-svg="horizontal"] .timeline-mark[data-event="salala-attack-2011"] .timeline-label').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#salala-attack-2011');
    await page.locator('li#salala-attack-2011 a[data-event-link]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ties-kicked-off-in-2011');
    await page.locator('#ties-kicked-off-in-2011 a.event-marker[href="#parliamentary-review-2012"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#parliamentary-review-2012');
    await page.context().close();
  });

  it('draws across on a desktop and down on phones, with no label overlapping another as Chromium sets the text', async () => {
    for (const [options, orientation] of [[NARROW, 'vertical'], [PHONE, 'vertical'], [DESKTOP, 'horizontal']] as const) {
      const page = await open(options);
      expect(await page.locator(`#timeline svg[data-timeline-svg="${orientation}"]`).isVisible()).toBe(true);
      expect(await page.locator(`#timeline svg[data-timeline-svg="${orientation === 'vertical' ? 'horizontal' : 'vertical'}"]`).isVisible()).toBe(false);
      const found = await page.evaluate((o) => {
        const boxes = [...document.querySelectorAll(`#timeline svg[data-timeline-svg="${o}"] .timeline-label`)].map((t) => ({ id: t.closest('[data-event]')!.getAttribute('data-event'), r: t.getBoundingClientRect() }));
        const svg = document.querySelector(`#timeline svg[data-timeline-svg="${o}"]`)!.getBoundingClientRect();
        const hits: string[] = [];
        boxes.forEach((a, i) => {
          if (a.r.left < svg.left - 0.5 || a.r.right > svg.right + 0.5) hits.push(`${a.id} outside`);
          boxes.slice(i + 1).forEach((b) => {
            if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) hits.push(`${a.id} × ${b.id}`);
          });
        });
        return { count: boxes.length, hits, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
      }, orientation);
      expect(found.count).toBeGreaterThanOrEqual(16);
      expect(found.hits).toEqual([]);
      expect(found.overflow).toBe(0);
      await page.context().close();
    }
  });

  it('respects reduced motion: no transitions on the timeline', async () => {
    const page = await open({ ...DESKTOP, reducedMotion: 'reduce' });
    const durations = await page.evaluate(() => [...document.querySelectorAll('li[data-event], .timeline-symbol')].map((el) => getComputedStyle(el).transitionDuration));
    expect(new Set(durations)).toEqual(new Set(['0s']));
    await page.context().close();
  });

  it('prints the timeline down the page, every event shown whatever the filter, in black, no event split across pages', async () => {
    const page = await open(DESKTOP, '/?cat=energy');
    await enhanced(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#timeline svg[data-timeline-svg="vertical"]').isVisible()).toBe(true);
    expect(await page.locator('#timeline svg[data-timeline-svg="horizontal"]').isVisible()).toBe(false);
    expect(await page.locator('#timeline [data-timeline-filter]').isVisible()).toBe(false);
    expect(await page.locator('#timeline [data-timeline-categories]').isVisible()).toBe(true);
    for (const e of events) expect(await page.locator(`li#${e.id}`).isVisible(), e.id).toBe(true);
    const colours = await page.evaluate(() => [...document.querySelectorAll('#timeline svg[data-timeline-svg="vertical"] .timeline-mark')].map((m) => {
      const s = getComputedStyle(m.querySelector('.timeline-symbol')!);
      return { approximate: m.classList.contains('timeline-mark--approximate'), fill: s.fill, stroke: s.stroke, opacity: getComputedStyle(m).opacity };
    }));
    for (const c of colours) {
      expect(c.stroke).toBe('rgb(0, 0, 0)');
      expect(c.fill).toBe(c.approximate ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)');
      expect(c.opacity).toBe('1');
    }

    const pages = (await printPdf(page, 'A4')).pageTexts.map(squash);
    for (const e of events) {
      // The summary is only in the list: its first and last words must share a page, with the date above them.
      const words = e.summary.split(' ');
      const head = squash(words.slice(0, 5).join(' ')), tail = squash(words.slice(-4).join(' '));
      const at = pages.findIndex((p) => p.includes(head));
      expect(at, e.id).toBeGreaterThanOrEqual(0);
      expect(pages[at]!.includes(tail), `${e.id} breaks across pages`).toBe(true);
      expect(pages[at]!.includes(squash(formatEventDate(e))), e.id).toBe(true);
    }
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core on the timeline and its markers in ${colorScheme} mode, filter shown`, async () => {
      for (const options of [PHONE, DESKTOP]) {
        // A filter on, one event arrived at by link and another focused: every state the list can show.
        const page = await open({ ...options, colorScheme }, '/?cat=energy,trade#offshore-pipeline-mou-2018');
        await enhanced(page);
        await page.locator('li#trade-growth-2017 a[data-event-link]').focus();
        const results = await new AxeBuilder({ page }).include('figure#timeline').include('#sochi-summit-and-kayani')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.context().close();
      }
    });
  }
});
