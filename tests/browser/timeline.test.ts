import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, BrowserContextOptions } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTimeline } from '../../src/schemas/timeline';
import { formatEventDate } from '../../src/lib/timeline/dates';
import { launch, url, PHONE, NARROW, DESKTOP, openPage, openAtTextSize, scrollSettled } from '../support/browser';
import { printPdf, squash } from '../support/pdf';
import { stripMarks, type Box } from '../support/strip';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const open = (options: BrowserContextOptions, path = '/') => openPage(browser, options, path);


/** The id of the list item holding the focused element. */
const focusedEvent = (page: Page) => page.evaluate(() => document.activeElement?.closest('#timeline li[data-event]')?.id ?? null);
const eventIds = (page: Page, visibleOnly = false) =>
  page.evaluate((v) => [...document.querySelectorAll<HTMLLIElement>('#timeline ol.timeline-list > li')].filter((li) => !v || !li.hidden).map((li) => li.id), visibleOnly);
const events = parseTimeline(readFileSync(resolve(import.meta.dirname, '../../content/data/timeline.yaml'), 'utf8'), 'content/data/timeline.yaml');
const enhanced = (page: Page) => page.waitForSelector('#timeline bloc-timeline[data-enhanced]', { state: 'attached' });
/** Whether an event's details show (open, or shown by :target without JavaScript). */
const bodyShown = (page: Page, id: string) => page.locator(`li#${id} .timeline-event-summary`).isVisible();

/**
 * The timeline as Chromium lays it out: for every event, how far its symbol's centre is from the middle of the
 * first line of its label, against that line's height; whether the symbol sits on the axis; and every symbol
 * or label that touches another event's symbol or label, or leaves the figure.
 */
function measureTimeline() {
  const figure = document.querySelector('figure#timeline')!.getBoundingClientRect();
  const problems: string[] = [];
  const rows = [...document.querySelectorAll<HTMLLIElement>('#timeline li[data-event]')].filter((li) => !li.hidden).map((li) => {
    const symbol = li.querySelector('svg[data-timeline-symbol]')!.getBoundingClientRect();
    const head = li.querySelector('summary')!;
    // The label's lines: the boxes of every piece of text a reader sees in the date and the title.
    const lines: DOMRect[] = [];
    const walker = document.createTreeWalker(head, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent!.trim() || n.parentElement!.closest('.visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      lines.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
    }
    const when = li.querySelector('.timeline-event-when')!;
    const lineHeight = parseFloat(getComputedStyle(when).lineHeight);
    const firstLine = when.getBoundingClientRect();
    const band = li.closest('#timeline li[data-year]')!;
    const axisX = band.getBoundingClientRect().left + parseFloat(getComputedStyle(band, '::before').left) + parseFloat(getComputedStyle(band, '::before').borderLeftWidth) / 2;
    return {
      id: li.id, symbol, lines, lineHeight, axisX,
      distance: Math.abs((symbol.top + symbol.bottom) / 2 - (firstLine.top + Math.min(firstLine.height, lineHeight) / 2)),
    };
  });
  const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  for (const r of rows) {
    if (r.distance > r.lineHeight) problems.push(`${r.id}: symbol ${r.distance.toFixed(1)} px from its label (line ${r.lineHeight} px)`);
    if (Math.abs((r.symbol.left + r.symbol.right) / 2 - r.axisX) > 1) problems.push(`${r.id}: symbol off the axis`);
    for (const box of [r.symbol, ...r.lines]) if (box.left < figure.left - 0.5 || box.right > figure.right + 0.5) problems.push(`${r.id}: leaves the figure (${Math.round(box.left)}–${Math.round(box.right)} px of ${Math.round(figure.left)}–${Math.round(figure.right)})`);
    for (const o of rows) {
      if (o === r) continue;
      if (hit(r.symbol, o.symbol)) problems.push(`${r.id} symbol × ${o.id} symbol`);
      if (o.lines.some((l) => hit(r.symbol, l))) problems.push(`${r.id} symbol × ${o.id} label`);
      if (r.lines.some((l) => o.lines.some((m) => hit(l, m)))) problems.push(`${r.id} label × ${o.id} label`);
    }
    if (r.lines.some((l) => hit(l, r.symbol))) problems.push(`${r.id}: its label runs over its own symbol`);
  }
  // Year labels on the strip: inside it and apart.
  const strip = document.querySelector('#timeline svg[data-timeline-strip]')!.getBoundingClientRect();
  const years = [...document.querySelectorAll<SVGTextElement>('#timeline .timeline-strip-year')].filter((t) => getComputedStyle(t).display !== 'none').map((t) => ({ year: t.textContent, r: t.getBoundingClientRect() }));
  years.forEach((y, i) => {
    if (y.r.left < strip.left - 0.5 || y.r.right > strip.right + 0.5) problems.push(`strip year ${y.year} leaves the strip`);
    years.slice(i + 1).forEach((z) => { if (hit(y.r, z.r)) problems.push(`strip years ${y.year} × ${z.year}`); });
  });
  return {
    count: rows.length, problems, years: years.length,
    leaders: document.querySelectorAll('figure#timeline .timeline-leader, figure#timeline path[data-leader]').length,
    maxDistance: Math.max(...rows.map((r) => r.distance)),
    titlePx: parseFloat(getComputedStyle(document.querySelector('.timeline-event-title')!).fontSize),
    yearPx: years[0] ? years[0].r.height : 0,
    // How far anything in the figure, caption included, reaches past its right edge (the rest of the page is other tests' business).
    overflow: Math.max(0, ...[...document.querySelectorAll('figure#timeline *')].filter((e) => e.checkVisibility())
      .map((e) => e.getBoundingClientRect().right - figure.right)),
  };
}

describe('timeline in Chromium', () => {
  for (const [name, options] of [['320 px', NARROW], ['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`sets every event beside its symbol on the axis at ${name}, ${colorScheme}, at 100 % and 200 % text: within a line, nothing crossing, nothing outside`, async () => {
        const sizes: Record<number, ReturnType<typeof measureTimeline>> = {};
        for (const px of [16, 32]) {
          const page = await openAtTextSize(browser, { ...options, colorScheme }, px);
          await page.locator('figure#timeline').scrollIntoViewIfNeeded();
          const m = await page.evaluate(measureTimeline);
          expect(m.count, `${px} px`).toBe(events.length);
          expect(m.problems, `${px} px`).toEqual([]);
          expect(m.leaders).toBe(0);
          expect(m.overflow, `${px} px`).toBeLessThanOrEqual(0.5);
          // Opened, every event's details stay inside the figure too.
          await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('figure#timeline details').forEach((d) => { d.open = true; }));
          const opened = await page.evaluate(measureTimeline);
          expect(opened.problems, `${px} px, opened`).toEqual([]);
          expect(opened.overflow, `${px} px, opened`).toBeLessThanOrEqual(0.5);
          expect(m.years, `${px} px`).toBeGreaterThanOrEqual(2);
          sizes[px] = m;
          await page.context().close();
        }
        // The labels follow the reader's text size.
        expect(sizes[32]!.titlePx).toBeGreaterThan(sizes[16]!.titlePx * 1.8);
        expect(sizes[32]!.yearPx).toBeGreaterThan(sizes[16]!.yearPx * 1.6);
      });
    }
  }

  it('shows every mark on both strips at every width from 320 px up, at 100 % and 200 % text: no symbol over another mark\'s symbol, bar or stem, each at its time and inside its strip', async () => {
    const problems = new Set<string>();
    let lowered = 0;
    const hit = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const [px, widest] of [[16, 1280], [32, 640]] as const) {
      const page = await openAtTextSize(browser, NARROW, px);
      for (let width = 320; width <= widest; width += 8) {
        await page.setViewportSize({ width, height: 640 });
        const found = (await page.evaluate(stripMarks)).map(({ figure, strip, marks }) => {
          const out: string[] = [];
          for (const m of marks) {
            if (Math.abs(m.start - m.x) > 1) out.push(`${figure} ${m.id}: ${(m.start - m.x).toFixed(1)} px from its time`);
            if (m.symbol.bottom > strip.bottom + 0.5 || (m.ink && m.ink.bottom > strip.bottom + 0.5)) out.push(`${figure} ${m.id}: below its strip`);
            for (const o of marks) {
              if (o === m) continue;
              if (hit(m.symbol, o.symbol) && marks.indexOf(m) < marks.indexOf(o)) out.push(`${figure} ${m.id} × ${o.id}`);
              if (o.ink && hit(m.symbol, o.ink)) out.push(`${figure} ${m.id} × ${o.id}'s line`);
            }
          }
          return { out, lowered: marks.filter((m) => m.lowered).length };
        });
        for (const f of found) for (const p of f.out) problems.add(`${p} at ${width} px, ${px} px text`);
        lowered = Math.max(lowered, ...found.map((f) => f.lowered));
      }
      await page.context().close();
    }
    expect([...problems].join('\n')).toBe('');
    // The strips are crowded enough that some marks do hang below the axis: the check above had lanes to look at.
    expect(lowered).toBeGreaterThan(0);
  });

  it('keeps each event title\'s disclosure cue on the line of its last word at every phone width, both timelines', async () => {
    const page = await open(PHONE);
    const strays = new Set<string>();
    for (let width = 300; width <= 520; width += 4) {
      await page.setViewportSize({ width, height: 844 });
      // The cue is the title's ::after: on a line of its own, it makes the title a line taller than its words.
      const found = await page.locator('.timeline-event-title').evaluateAll((titles) => titles.flatMap((t) => {
        const r = document.createRange();
        r.selectNodeContents(t);
        const words = [...r.getClientRects()].at(-1)!;
        const line = parseFloat(getComputedStyle(t).lineHeight);
        return t.getBoundingClientRect().bottom - words.bottom > line / 2 ? [t.closest('li')!.id] : [];
      }));
      for (const id of found) strays.add(`${id} at ${width} px`);
    }
    expect([...strays]).toEqual([]);
    await page.context().close();
  });

  it('bloc-timeline is one Tab stop for its events, the one last reached: the arrow keys move between them, and Tab moves on past the list', async () => {
    const page = await open(DESKTOP);
    await enhanced(page);
    const ids = await eventIds(page);
    const stops = () => page.locator('#timeline summary[data-timeline-head]').evaluateAll((ss) => ss.filter((s) => (s as HTMLElement).tabIndex === 0).map((s) => s.closest('li')!.id));
    expect(await stops()).toEqual([ids[0]]);
    // The filter's last box, then Tab: the first event; Tab again leaves the events (it does not walk all of them).
    await page.locator('#timeline [data-timeline-filter] input').last().focus();
    await page.keyboard.press('Tab');
    expect(await focusedEvent(page)).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await stops()).toEqual([ids[2]]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('summary[data-timeline-head]'))).toBeNull();
    // Back with Shift+Tab: the event the reader left.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedEvent(page)).toBe(ids[2]);
    // A kind filtered out takes its events' stop with it: the stop goes to the first event shown.
    const category = await page.locator(`li#${ids[2]}`).getAttribute('data-category');
    await page.locator(`#timeline [data-timeline-filter] input[value="${category}"]`).uncheck();
    const shown = await eventIds(page, true);
    await expect.poll(stops).toEqual([shown[0]]);
    // Shown again, the event the reader left has the stop back; the first one shown only stood in for it.
    await page.locator(`#timeline [data-timeline-filter] input[value="${category}"]`).check();
    await expect.poll(stops).toEqual([ids[2]]);
    // The filter says how the keys work.
    expect(await page.locator('#timeline [data-timeline-filter]').textContent()).toMatch(/arrow keys/);
    await page.context().close();
  });

  it('bloc-timeline gives the Tab stop back to the first event when a filter that hid it is undone, no event having been reached', async () => {
    const page = await open(DESKTOP);
    await enhanced(page);
    const ids = await eventIds(page);
    const stops = () => page.locator('#timeline summary[data-timeline-head]').evaluateAll((ss) => ss.filter((s) => (s as HTMLElement).tabIndex === 0).map((s) => s.closest('li')!.id));
    const box = page.locator(`#timeline [data-timeline-filter] input[value="${await page.locator(`li#${ids[0]}`).getAttribute('data-category')}"]`);
    await box.uncheck();
    await expect.poll(stops).toEqual([(await eventIds(page, true))[0]]);
    await box.check();
    await expect.poll(stops).toEqual([ids[0]]);
    await page.context().close();
  });

  it('bloc-timeline moves between events with the arrow keys, Home and End; Enter opens one, and its link leads to the paragraph and back', async () => {
    const page = await open(DESKTOP);
    await enhanced(page);
    const ids = await eventIds(page);
    await page.locator(`li#${ids[0]} summary`).focus();
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

    // The focused event is highlighted, with its tick on the strip, and its focus ring shows.
    const id = ids[1]!;
    expect(await page.locator(`li#${id}`).getAttribute('data-active')).toBe('');
    expect(await page.locator(`.timeline-strip-mark[data-event="${id}"]`).getAttribute('data-active')).toBe('');
    expect(await page.locator('#timeline [data-event][data-active]').count()).toBe(2);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');

    expect(await bodyShown(page, id)).toBe(false);
    await page.keyboard.press('Enter');
    expect(await bodyShown(page, id)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const link = page.locator(`li#${id} a[data-event-link]`);
    const paragraph = await link.getAttribute('href');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(paragraph);
    await expect.poll(() => page.evaluate((p) => Math.abs(document.getElementById(p.slice(1))!.getBoundingClientRect().top), paragraph!), { timeout: 10_000 }).toBeLessThan(60);
    // …and the paragraph's marker leads back to the event, opened.
    await page.locator(`${paragraph} a.event-marker[href="#${id}"]`).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${id}`);
    expect(await bodyShown(page, id)).toBe(true);
    await page.context().close();
  });

  it('bloc-timeline highlights an event and its tick on the strip when the pointer is over it', async () => {
    const page = await open(DESKTOP);
    await enhanced(page);
    const id = 'kayani-visit-2012';
    await page.locator(`li#${id} .timeline-event-title`).hover();
    expect(await page.locator(`li#${id}`).getAttribute('data-active')).toBe('');
    expect(await page.locator(`.timeline-strip-mark[data-event="${id}"]`).getAttribute('data-active')).toBe('');
    // The highlight fades in where motion is allowed, so read the colour once the fade has run.
    await expect.poll(() => page.locator(`li#${id}`).evaluate((li) => getComputedStyle(li).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await page.context().close();
  });

  it('bloc-timeline filters by category, keeps the choice in the URL, folds away empty years, and arrow keys skip hidden events', async () => {
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
    expect(await page.locator(`.timeline-strip-mark[data-event="${diplomacy[0]}"]`).evaluate((m) => m.classList.contains('is-filtered-out'))).toBe(true);
    expect(await page.locator('#timeline [data-timeline-status]').textContent()).toBe(`Showing ${all.length - diplomacy.length} of ${all.length} events.`);
    // The count is in sight, not only read out: with every kind unticked it is what the figure shows.
    for (const box of await page.locator('#timeline [data-timeline-filter] input').all()) await box.uncheck();
    await expect.poll(() => page.locator('#timeline [data-timeline-status]').textContent()).toBe(`Showing 0 of ${all.length} events.`);
    const shown = await page.locator('#timeline [data-timeline-status]').evaluate((p) => ({ height: p.getBoundingClientRect().height, clip: getComputedStyle(p).clipPath, color: getComputedStyle(p).color }));
    expect(shown.height).toBeGreaterThan(10);
    expect(shown.clip).toBe('none');
    // Every kind ticked again: a screen reader hears that all are shown (silence would leave the last count standing),
    // and the figure gives the line no room.
    for (const box of await page.locator('#timeline [data-timeline-filter] input').all()) await box.check();
    await expect.poll(() => page.locator('#timeline [data-timeline-status]').textContent()).toBe(`Showing all ${all.length} events.`);
    expect(await page.locator('#timeline [data-timeline-status]').evaluate((p) => p.getBoundingClientRect().height)).toBeLessThanOrEqual(1);

    // A fresh visit to the filtered URL shows the same selection; years with nothing shown fold away.
    await page.goto(url('/?cat=energy'), { waitUntil: 'load' });
    await enhanced(page);
    const energy = await page.evaluate(() => [...document.querySelectorAll<HTMLLIElement>('#timeline li[data-event][data-category="energy"]')].map((li) => li.id));
    expect(await eventIds(page, true)).toEqual(energy);
    const years = new Set(events.filter((e) => e.category === 'energy').map((e) => (e.start ?? e.date)!.slice(0, 4)));
    const shownYears = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#timeline li[data-year]')].filter((b) => b.checkVisibility()).map((b) => b.dataset.year));
    expect(new Set(shownYears)).toEqual(years);
    expect(await page.locator('#timeline [data-timeline-filter] input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['energy']);
    await page.locator(`li#${energy[0]} summary`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedEvent(page)).toBe(energy[1]);

    // Ticking every category again clears the parameter.
    const values = await page.locator('#timeline [data-timeline-filter] input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    for (const value of values) await page.locator(`#timeline [data-timeline-filter] input[value="${value}"]`).check();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('');
    expect(await eventIds(page, true)).toEqual(all);
    await page.context().close();
  });

  it('lands /#event-id on the event, in view, marked and opened, on a phone and a desktop, even when a filter hides it', async () => {
    for (const options of [PHONE, DESKTOP]) {
      for (const path of ['/#druzhba-2018', '/?cat=energy#druzhba-2018']) {
        const page = await open(options, path);
        await enhanced(page);
        const li = page.locator('li#druzhba-2018');
        expect(await li.isVisible(), path).toBe(true);
        // It lands at its scroll margin, below the phone's Contents bar (the page's scroll padding), give or take a few pixels.
        await expect.poll(() => li.evaluate((el) => Math.abs(el.getBoundingClientRect().top - parseFloat(getComputedStyle(el).scrollMarginTop) - (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0))), { timeout: 10_000 }).toBeLessThan(12);
        expect(await li.evaluate((el) => el.matches(':target'))).toBe(true);
        expect(await li.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
        expect(await li.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        expect(await page.locator('.timeline-strip-mark[data-event="druzhba-2018"][data-target]').count()).toBe(1);
        if (path.includes('cat=')) expect(await page.evaluate(() => new URL(location.href).searchParams.get('cat'))).toBe('defence,energy');
        await page.context().close();
      }
    }
  });

  it('a link followed in the page to an event the filter hides shows it and moves focus to it', async () => {
    const page = await open(DESKTOP, '/?cat=energy');
    await enhanced(page);
    expect(await page.locator('li#druzhba-2018').isVisible()).toBe(false);
    await page.locator('a.event-marker[href="#druzhba-2018"]').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('druzhba-2018');
    expect(await page.locator('li#druzhba-2018').isVisible()).toBe(true);
    await page.context().close();
  });

  it('Back from an event a link showed past the filter returns the reader to their place, with the filter they had; Forward to the event again', async () => {
    for (const options of [NARROW, PHONE]) {
      const w = options.viewport!.width;
      const page = await open(options, '/?cat=energy');
      await enhanced(page);
      const category = await page.locator('li#druzhba-2016').getAttribute('data-category');
      const marker = page.locator('a.event-marker[href="#druzhba-2016"]').first();
      await marker.evaluate((a) => scrollTo({ top: a.getBoundingClientRect().top + scrollY - innerHeight / 2, behavior: 'instant' }));
      await scrollSettled(page);
      const y = await page.evaluate(() => scrollY);
      await marker.tap();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#druzhba-2016');
      await scrollSettled(page);
      expect(await page.locator('li#druzhba-2016').isVisible(), `${w}: the event shown`).toBe(true);
      expect(await page.evaluate(() => new URLSearchParams(location.search).get('cat')), `${w}`).toContain(category);
      await page.goBack();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
      await scrollSettled(page);
      expect(await page.evaluate(() => location.search), `${w}`).toBe('?cat=energy');
      expect(Math.abs(await page.evaluate(() => scrollY) - y), `${w}: back at ${y}`).toBeLessThanOrEqual(2);
      expect(await page.locator(`#timeline [data-timeline-filter] input[value="${category}"]`).isChecked(), `${w}: the filter as it was`).toBe(false);
      expect(await page.locator('li#druzhba-2016').isVisible(), `${w}`).toBe(false);
      await page.goForward();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#druzhba-2016');
      await scrollSettled(page);
      expect(await page.locator('li#druzhba-2016').isVisible(), `${w}: forward`).toBe(true);
      const top = await page.evaluate(() => document.getElementById('druzhba-2016')!.getBoundingClientRect().top);
      expect(top, `${w}: forward`).toBeGreaterThanOrEqual(0);
      expect(top, `${w}: forward`).toBeLessThan(200);
      await page.context().close();
    }
  });

  it('an event opened low on a phone\'s screen scrolls into view as a note does, its title never under the Contents bar', async () => {
    for (const options of [NARROW, PHONE]) {
      const w = options.viewport!.width;
      const page = await open(options);
      await enhanced(page);
      const roof = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0);
      for (const id of ['sochi-summit-2010', 'druzhba-2016', 'offshore-pipeline-mou-2018']) {
        const head = page.locator(`li#${id} summary[data-timeline-head]`);
        await head.evaluate((h) => scrollBy({ top: h.getBoundingClientRect().bottom - (innerHeight - 12), behavior: 'instant' }));
        await scrollSettled(page);
        const y = await page.evaluate(() => scrollY);
        const box = (await head.boundingBox())!;
        await page.touchscreen.tap(box.x + 20, box.y + box.height / 2);
        await expect.poll(() => page.locator(`li#${id} details`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        await scrollSettled(page);
        const g = await page.locator(`li#${id} details`).evaluate((d) => { const r = d.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, vh: innerHeight }; });
        expect(await page.evaluate(() => scrollY), `${w}, ${id}: the page moved`).toBeGreaterThan(y);
        expect(g.top, `${w}, ${id}: its title below the bar`).toBeGreaterThanOrEqual(roof - 1);
        expect(g.bottom <= g.vh + 1 || Math.abs(g.top - roof) <= 1, `${w}, ${id}: all of it on the screen, or its title at the bar (${JSON.stringify(g)})`).toBe(true);
        await page.touchscreen.tap(box.x + 20, (await head.boundingBox())!.y + 10);
        await expect.poll(() => page.locator(`li#${id} details`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      }
      await page.context().close();
    }
  });

  it('reads and links without JavaScript: every event, the key, an event opened by its link, and markers in the text', async () => {
    const page = await open({ ...PHONE, javaScriptEnabled: false }, '/#salala-attack-2011');
    expect(await page.locator('#timeline [data-timeline-filter]').isVisible()).toBe(false);
    expect(await page.locator('#timeline [data-timeline-categories]').isVisible()).toBe(true);
    expect(await page.locator('#timeline svg[data-timeline-strip]').isVisible()).toBe(true);
    const ids = await eventIds(page, true);
    expect(ids.length).toBe(events.length);
    for (const id of ids) expect(await page.locator(`li#${id} .timeline-event-title`).isVisible(), id).toBe(true);
    // The event a link lands on shows what happened, though nothing opened it.
    expect(await bodyShown(page, 'salala-attack-2011')).toBe(true);
    expect(await bodyShown(page, 'kayani-visit-2012')).toBe(false);
    await page.locator('li#salala-attack-2011 a[data-event-link]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ties-kicked-off-in-2011');
    await page.locator('#ties-kicked-off-in-2011 a.event-marker[href="#parliamentary-review-2012"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#parliamentary-review-2012');
    expect(await bodyShown(page, 'parliamentary-review-2012')).toBe(true);
    await page.context().close();
  });

  it('respects reduced motion: no transitions on the timeline', async () => {
    const page = await open({ ...DESKTOP, reducedMotion: 'reduce' });
    const durations = await page.evaluate(() => [...document.querySelectorAll('#timeline li[data-event], .timeline-symbol')].map((el) => getComputedStyle(el).transitionDuration));
    expect(new Set(durations)).toEqual(new Set(['0s']));
    await page.context().close();
  });

  it('prints the timeline across the page in columns, every event shown whatever the filter, in black, no event split across pages', async () => {
    const page = await open(DESKTOP, '/?cat=energy');
    await enhanced(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#timeline svg[data-timeline-strip]').isVisible()).toBe(true);
    expect(await page.locator('#timeline [data-timeline-filter]').isVisible()).toBe(false);
    expect(await page.locator('#timeline [data-timeline-categories]').isVisible()).toBe(true);
    for (const e of events) expect(await page.locator(`li#${e.id} .timeline-event-summary`).isVisible(), e.id).toBe(true);
    // Columns across the page's width: events side by side, the last column reaching the figure's right edge.
    const columns = await page.evaluate(() => {
      const events = [...document.querySelectorAll('#timeline li[data-event]')].map((li) => li.getBoundingClientRect());
      const figure = document.querySelector('figure#timeline')!.getBoundingClientRect();
      return { lefts: new Set(events.map((r) => Math.round(r.left))).size, reach: (Math.max(...events.map((r) => r.right)) - figure.left) / figure.width };
    });
    expect(columns.lefts).toBeGreaterThanOrEqual(2);
    expect(columns.reach).toBeGreaterThan(0.9);
    const colours = await page.evaluate(() => [...document.querySelectorAll('#timeline li[data-event]')].map((li) => {
      const s = getComputedStyle(li.querySelector('.timeline-symbol')!);
      return { approximate: li.querySelector('.timeline-symbol--approximate') !== null, fill: s.fill, stroke: s.stroke, opacity: getComputedStyle(li).opacity };
    }));
    for (const c of colours) {
      expect(c.stroke).toBe('rgb(0, 0, 0)');
      expect(c.fill).toBe(c.approximate ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)');
      expect(c.opacity).toBe('1');
    }

    const pages = (await printPdf(page, 'A4')).pageTexts.map(squash);
    for (const e of events) {
      // The summary's first and last words share a page, with the date above them.
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
        // The landing glides where motion is allowed: the focus moves once it has come to rest, and axe looks after that.
        await scrollSettled(page);
        await page.locator('li#trade-growth-2017 summary').focus();
        await scrollSettled(page);
        const results = await new AxeBuilder({ page }).include('figure#timeline').include('#sochi-summit-and-kayani')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.context().close();
      }
    });
  }
});
