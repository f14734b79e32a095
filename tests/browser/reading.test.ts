// Reading on a phone (and a desktop): the author's words copy clean, notes open in place, definitions fit the
// screen, markers are targets a thumb can hit, and the page passes axe at every width in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, url, openAtTextSize, scrollSettled, PHONE, NARROW, DESKTOP } from '../support/browser';
import { readSource } from '../support/source';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const source = readSource();

async function open(options: BrowserContextOptions, path = '/'): Promise<Page> {
  const context = await browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url()).origin });
  const page = await context.newPage();
  await page.goto(url(path), { waitUntil: 'load' });
  return page;
}

describe('the author\'s words on the clipboard', () => {
  for (const [name, options] of [['a phone', PHONE], ['a desktop', DESKTOP]] as const) {
    it(`selecting each paragraph and copying it on ${name} copies exactly the author's paragraph`, async () => {
      const page = await open(options);
      const ids = await page.locator('[data-para]').evaluateAll((ps) => ps.map((p) => p.id));
      expect(ids).toHaveLength(source.paragraphs.length);
      const copied: string[] = [];
      for (const id of ids) {
        await page.evaluate((id) => {
          const range = document.createRange();
          range.selectNodeContents(document.getElementById(id)!);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
        }, id);
        await page.keyboard.press('ControlOrMeta+C');
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(copied.at(-1) ?? '');
        copied.push(await page.evaluate(() => navigator.clipboard.readText()));
      }
      expect(copied).toEqual(source.paragraphs);
      await page.context().close();
    });
  }
});

/** Selects from the start of paragraph `from` to the end of paragraph `to`, copies, and gives what the clipboard holds once it holds `last`. */
async function copyAcross(page: Page, from: string, to: string, last: string): Promise<string> {
  await page.evaluate(([a, b]) => {
    const r = document.createRange();
    r.setStartBefore(document.getElementById(a!)!.firstChild!);
    r.setEndAfter(document.getElementById(b!)!.lastChild!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  }, [from, to]);
  await page.keyboard.press('ControlOrMeta+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(last);
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('a selection across the article', () => {
  it('copying from a paragraph over the map and a section heading to a later paragraph gives words, not the map\'s labels or the heading\'s controls', async () => {
    const page = await open(PHONE);
    const ids = await page.locator('[data-para]').evaluateAll((ps) => ps.map((p) => p.id));
    // From the paragraph before the map to the first paragraph of the next section but one.
    const from = await page.locator('figure#where-it-happened').evaluate((f) => f.previousElementSibling!.closest('section')!.querySelector('[data-para]:last-of-type')!.id);
    const to = ids[ids.indexOf(from) + 3]!;
    const copied = await copyAcross(page, from, to, source.paragraphs[ids.indexOf(to)]!);
    expect(copied).toContain(source.paragraphs[ids.indexOf(from)]!);
    expect(copied).toContain('Where it happened');
    // The map's names and codes (its place numbers are also the notes' numbers, which the copy rightly holds).
    const labels = await page.locator('#where-it-happened svg text').evaluateAll((ts) => [...new Set(ts.map((t) => t.textContent!.trim()))].filter((t) => /\p{L}/u.test(t)));
    expect(labels.length).toBeGreaterThan(5);
    expect(copied.split('\n').map((l) => l.trim()).filter((l) => labels.includes(l))).toEqual([]);
    expect(copied).not.toMatch(/Share|Link to section/);
    await page.context().close();
  });
});

describe('a selection across a note', () => {
  for (const [name, options] of [['a phone', PHONE], ['a desktop', DESKTOP]] as const) {
    it(`copying two paragraphs with a note between them on ${name} gives the author's words, not the note's number, title or way back`, async () => {
      const page = await open(options);
      // The first note that stands between two of the author's paragraphs.
      const [from, to] = await page.evaluate(() => {
        for (const note of document.querySelectorAll<HTMLElement>('[data-note]')) {
          const before = note.previousElementSibling, after = note.nextElementSibling;
          if (before?.matches('[data-para]') && after?.matches('[data-para]')) return [before.id, after.id];
        }
        return [];
      });
      expect(from && to).toBeTruthy();
      const titles = await page.locator('.note-summary').evaluateAll((ss) => ss.map((s) => s.querySelector('.note-title')!.textContent!.trim()));
      const ids = await page.locator('[data-para]').evaluateAll((ps) => ps.map((p) => p.id));
      const copied = await copyAcross(page, from!, to!, source.paragraphs[ids.indexOf(to!)]!);
      expect(copied).toContain(source.paragraphs[ids.indexOf(from!)]!);
      expect(copied).not.toMatch(/Back to the text|note \d/);
      expect(titles.filter((t) => copied.includes(t))).toEqual([]);
      await page.context().close();
    });
  }
});

/** Every note on the page: its id, the paragraph it is for and where the edition put it on a wide screen. */
const notesOf = (page: Page) => page.locator('[data-note]').evaluateAll((els) => els.map((n) => ({
  id: (n as HTMLElement).dataset.note!, para: (n as HTMLElement).dataset.noteFor!, place: (n as HTMLElement).dataset.notePlace!,
})));

describe('the first screen', () => {
  it('at 390 × 844 the headline, the Share and Print buttons and the start of “What this edition found” are on the first screen', async () => {
    const page = await open(PHONE);
    const { height } = PHONE.viewport!;
    const top = (sel: string) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().top);
    const bottom = (sel: string) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().bottom);
    expect(await bottom('h1')).toBeLessThan(height);
    expect(await bottom('button[data-share-target="article"]')).toBeLessThan(height);
    await expect.poll(() => page.locator('[data-print-button]').isVisible()).toBe(true);
    expect(await bottom('[data-print-button]')).toBeLessThan(height);
    // The strip starts on the first screen: its title and its first item.
    expect(await bottom('#findings-title')).toBeLessThan(height);
    expect(await top('[data-finding]:first-child')).toBeLessThan(height);
    await page.context().close();
  });

  it('each item of “What this edition found” leads to where the page shows it', async () => {
    const page = await open(PHONE);
    const links = await page.locator('[data-finding] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const href of links) {
      await page.goto(url('/'), { waitUntil: 'load' });
      await page.locator(`[data-finding] a[href="${href}"]`).tap();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
      // The target is on screen (a note, opened).
      await expect.poll(() => page.locator(href).evaluate((el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.top < innerHeight; }), { message: href, timeout: 10_000 }).toBe(true);
    }
    await page.context().close();
  });
});

describe('the contents on a long page', () => {
  it('on a phone the Contents bar stays at the top once the reader has scrolled, opens over the text, and every link lands below it', async () => {
    const page = await open(PHONE);
    const bar = page.locator('bloc-toc');
    const barBox = async () => (await bar.boundingBox())!;
    const before = await barBox();
    // Far down the page, the bar is still there, at the top.
    await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' }));
    await expect.poll(async () => Math.round((await barBox()).y)).toBe(0);
    expect(Math.round((await barBox()).height)).toBe(Math.round(before.height));
    expect((await barBox()).height).toBeLessThanOrEqual(48);
    const targets = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(targets).toEqual(expect.arrayContaining(['#about-the-author', '#corrections-heading', '#glossary-heading']));
    for (const href of targets) {
      await page.locator('summary.toc-summary').tap();
      const link = page.locator(`nav.toc a[href="${href}"]`);
      await expect.poll(() => link.isVisible()).toBe(true);
      // The list opens over the text: nothing below it moves.
      await link.tap();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
      await expect.poll(() => link.isVisible()).toBe(false);
      const barBottom = (await barBox()).y + (await barBox()).height;
      // The page glides there; once it has arrived, the heading is in view and below the bar.
      await expect.poll(async () => (await page.locator(href).boundingBox())!.y, { message: href, timeout: 10_000 }).toBeLessThan(PHONE.viewport!.height - 40);
      await expect.poll(() => page.evaluate(() => new Promise((r) => { const y = scrollY; requestAnimationFrame(() => requestAnimationFrame(() => r(scrollY === y))); }))).toBe(true);
      expect((await page.locator(href).boundingBox())!.y, href).toBeGreaterThanOrEqual(barBottom - 1);
    }
    await page.context().close();
  });

  it('on a phone the open Contents list fits under the bar wherever the bar is, with the text at 200 % too, and goes when the page scrolls on under it', async () => {
    for (const [options, px] of [[NARROW, 32], [PHONE, 16]] as const) {
      const w = `${options.viewport!.width} px, ${px} px text`;
      const page = await openAtTextSize(browser, options, px);
      // At the very top, the bar sits below the site's header: the list takes the room left under it.
      await page.locator('summary.toc-summary').tap();
      const lists = page.locator('bloc-toc .toc-lists');
      await expect.poll(() => lists.isVisible()).toBe(true);
      const fit = await lists.evaluate((l) => { l.scrollTop = l.scrollHeight; const last = [...l.querySelectorAll('a')].at(-1)!.getBoundingClientRect(); return { bottom: l.getBoundingClientRect().bottom, last: last.bottom, vh: innerHeight }; });
      expect(fit.bottom, w).toBeLessThanOrEqual(fit.vh + 0.5);
      expect(fit.last, `${w}: the list's last link`).toBeLessThanOrEqual(fit.vh + 0.5);
      // A wheel or swipe over the list, at its end, does not scroll the page on (which would close it).
      const box = (await lists.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 1200);
      await expect.poll(() => lists.evaluate((l) => l.scrollTop + l.clientHeight >= l.scrollHeight - 1)).toBe(true);
      await scrollSettled(page);
      expect(await page.evaluate(() => scrollY), w).toBe(0);
      expect(await lists.isVisible(), `${w}: still open`).toBe(true);
      // Turned to landscape while open, at the top of the page: the list still ends at the foot of the screen.
      const { width, height } = options.viewport!;
      await page.setViewportSize({ width: height, height: width });
      await expect.poll(() => lists.evaluate((l) => Math.round(l.getBoundingClientRect().bottom - innerHeight)), { message: `${w}: turned` }).toBe(0);
      await page.setViewportSize({ width, height });
      await page.locator('summary.toc-summary').tap();
      await expect.poll(() => lists.isVisible()).toBe(false);
      // Far down, opened, then the page scrolled on under it: the list goes; a nudge of a few pixels keeps it.
      await page.evaluate(() => scrollTo({ top: 5000, behavior: 'instant' }));
      await scrollSettled(page);
      await page.locator('summary.toc-summary').tap();
      await expect.poll(() => lists.isVisible()).toBe(true);
      await page.evaluate(() => scrollBy({ top: 20, behavior: 'instant' }));
      await scrollSettled(page);
      expect(await lists.isVisible(), `${w}: a nudge`).toBe(true);
      await page.evaluate(() => scrollBy({ top: 300, behavior: 'instant' }));
      await expect.poll(() => lists.isVisible(), { message: w }).toBe(false);
      await page.context().close();
    }
  });

  it('on a phone a link to the section already in the address takes the reader there again', async () => {
    const page = await open(PHONE);
    const go = async () => {
      await page.locator('summary.toc-summary').tap();
      await page.locator('nav.toc a[href="#trade-on-the-rise"]').tap();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#trade-on-the-rise');
      await scrollSettled(page);
      return page.evaluate(() => document.getElementById('trade-on-the-rise')!.getBoundingClientRect().top);
    };
    const first = await go();
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(200);
    await page.evaluate(() => scrollBy({ top: -3000, behavior: 'instant' }));
    await scrollSettled(page);
    expect(Math.abs(await go() - first), 'the second time').toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it('on a phone no control the keyboard reaches is hidden under the Contents bar', async () => {
    const page = await open(PHONE);
    await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight / 3, behavior: 'instant' }));
    await page.locator('#north-waziristan-visit').focus();
    const hidden: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const r = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el.closest('bloc-toc')) return undefined;
        const box = el.getBoundingClientRect();
        const bar = document.querySelector('bloc-toc')!.getBoundingClientRect();
        return { what: `${el.localName}.${el.className}`, covered: box.bottom > 0 && box.top < bar.bottom - 1 };
      });
      if (r?.covered) hidden.push(r.what);
    }
    expect(hidden).toEqual([]);
    await page.context().close();
  });
});

describe('no layout shift', () => {
  for (const [name, options] of [['320 px', NARROW], ['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    it(`the page at ${name} shifts nothing as it loads, as its scripts run and as the reader scrolls down it`, async () => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { shifts: number[] }).shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) (window as unknown as { shifts: number[] }).shifts.push(e.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url('/'), { waitUntil: 'load' });
      await expect.poll(() => page.evaluate(() => customElements.get('bloc-toc') !== undefined && customElements.get('bloc-share') !== undefined)).toBe(true);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += options.viewport!.height) {
        await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), y);
        // Two frames drawn at each place, so that a shift there is reported. A frame that never comes is named, not
        // left to the test's own time limit.
        await page.waitForFunction(() => new Promise<boolean>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))), undefined, { timeout: 20_000 })
          .catch((e: Error) => { throw new Error(`no frame was drawn at ${y} of ${height} px within 20 s`, { cause: e }); });
      }
      expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
      await context.close();
    });
  }
});

describe('one quiet row of markers after a paragraph', () => {
  for (const [name, options] of [['320 px', NARROW], ['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    it(`each paragraph's markers at ${name} form one row on the line of its last word, with no year twice and no ¶ on a touch screen`, async () => {
      const page = await open(options);
      const rows = await page.locator('[data-para]').evaluateAll((ps) => ps.map((p) => {
        const marks = [...p.querySelectorAll<HTMLElement>('.para-marks a')].filter((a) => getComputedStyle(a).clipPath === 'none' && getComputedStyle(a).opacity !== '0');
        // The last character of the author's words, wherever it ends up on screen.
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let last: Text | undefined;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.trim() && !n.parentElement!.closest('[data-editorial]')) last = n as Text;
        const end = document.createRange();
        end.setStart(last!, last!.length - 1);
        end.setEnd(last!, last!.length);
        const word = end.getBoundingClientRect();
        const boxes = marks.map((a) => a.getBoundingClientRect());
        return {
          id: p.id,
          // The rows the markers make: tops more than a few pixels apart (a marker drawn half a pixel lower is on the same row).
          tops: boxes.map((b) => b.top).sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - all[i - 1]! > 4).map(Math.round),
          // The first marker sits on the line of the last word: their boxes share most of their height.
          onLastLine: boxes.length === 0 || (boxes[0]!.top < word.bottom && word.top < boxes[0]!.bottom && boxes[0]!.left >= word.right - 1),
          years: marks.filter((a) => a.dataset.year).map((a) => a.dataset.year),
          pilcrowShown: marks.some((a) => a.matches('.para-link')),
        };
      }));
      expect(rows.filter((r) => r.tops.length > 1).map((r) => `${r.id}: ${r.tops.join(', ')}`)).toEqual([]);
      expect(rows.filter((r) => !r.onLastLine).map((r) => r.id)).toEqual([]);
      expect(rows.filter((r) => new Set(r.years).size !== r.years.length).map((r) => `${r.id}: ${r.years.join(' ')}`)).toEqual([]);
      expect(rows.some((r) => r.years.length > 1)).toBe(true);
      // On a touch screen the ¶ stays out of the text; with a mouse it shows only over its paragraph.
      expect(rows.filter((r) => r.pilcrowShown).map((r) => r.id)).toEqual([]);
      await page.context().close();
    });
  }

  it('the ¶ link shows when the keyboard reaches it on a touch screen, and over its paragraph with a mouse', async () => {
    const phone = await open(PHONE);
    const link = phone.locator('#common-interests .para-link');
    await link.focus();
    await phone.keyboard.press('Shift+Tab');
    await phone.keyboard.press('Tab');
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    const box = (await link.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    await phone.context().close();
    const desktop = await open(DESKTOP);
    await desktop.locator('#common-interests').hover();
    await expect.poll(() => desktop.locator('#common-interests .para-link').evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    await desktop.context().close();
  });

  it('a one-line key before the first section says what the markers mean, in words for screen readers too', async () => {
    const page = await open(PHONE);
    const key = page.locator('[data-marks-key]');
    const first = await page.evaluate(() => {
      const key = document.querySelector('[data-marks-key]')!;
      const marker = document.querySelector('.para-marks a:is(.event-marker, .note-ref-link)')!;
      return key.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(first).toBeTruthy();
    const said = (await key.evaluate((k) => {
      const clone = k.cloneNode(true) as HTMLElement;
      // Each drawn sample is an image named in words.
      clone.querySelectorAll('[role="img"]').forEach((e) => e.replaceWith(e.getAttribute('aria-label') ?? ''));
      return clone.textContent ?? '';
    })).replace(/\s+/g, ' ').trim();
    expect(said).toMatch(/year .*timeline.*number .*note.*question mark .*word/);
    expect(said.split(/\s+/).length).toBeLessThan(30);
    await page.context().close();
  });
});

describe('back from a note to the text', () => {
  for (const [name, options] of [['390 px', PHONE], ['320 px', NARROW]] as const) {
    it(`"Back to the text" at ${name} returns to the note's number with the lines before it on screen, not only the paragraph's last line`, async () => {
      const page = await open(options);
      const notes = (await notesOf(page)).filter((n) => n.place !== 'margin');
      expect(notes.length).toBeGreaterThan(3);
      for (const { id, para } of notes) {
        const ref = page.locator(`#ref-${id}`);
        await ref.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
        await ref.tap();
        await expect.poll(() => page.locator(`#${id}`).isVisible()).toBe(true);
        await page.locator(`#${id} .note-back a`).tap();
        await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#ref-${id}`);
        await scrollSettled(page);
        const at = await page.evaluate(([id, para]) => {
          const bar = document.querySelector('bloc-toc')!.getBoundingClientRect().bottom;
          const ref = document.getElementById(`ref-${id}`)!.getBoundingClientRect();
          const p = document.getElementById(para!)!.getBoundingClientRect();
          return { bar, ref: ref.top, refBottom: ref.bottom, para: p.top, height: innerHeight };
        }, [id, para] as const);
        // The number on screen, below the contents bar; above it, the paragraph from its start or a quarter of the screen of it.
        expect(at.ref, id).toBeGreaterThanOrEqual(at.bar);
        expect(at.refBottom, id).toBeLessThanOrEqual(at.height);
        expect(at.ref - Math.max(at.bar, at.para), id).toBeGreaterThanOrEqual(Math.min(at.ref - at.para, at.height / 4) - 2);
      }
      await page.context().close();
    });
  }
});

describe('the reader\'s place', () => {
  it('Back to an address with a section in it returns where the reader was, not to the section\'s heading; Forward, a reload and Back from another page keep their places too', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await open(options, '/#friendship-drills');
      await scrollSettled(page);
      // Read on, far past the section the link pointed at, then follow a link inside the page.
      await page.evaluate(() => scrollTo({ top: document.getElementById('the-energy-corridor')!.getBoundingClientRect().top + scrollY + 300, behavior: 'instant' }));
      const y = await page.evaluate(() => scrollY);
      await page.locator('a[href="#offshore-pipeline"]').first().evaluate((a) => (a as HTMLAnchorElement).click());
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#offshore-pipeline');
      await scrollSettled(page);
      await page.goBack();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#friendship-drills');
      await scrollSettled(page);
      expect(Math.abs(await page.evaluate(() => scrollY) - y), `${options.viewport!.width}: back at ${y}`).toBeLessThanOrEqual(2);
      // Forward again: the link's target, as it was.
      await page.goForward();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#offshore-pipeline');
      await scrollSettled(page);
      const target = await page.evaluate(() => document.getElementById('offshore-pipeline')!.getBoundingClientRect().top);
      expect(target, `${options.viewport!.width}: forward`).toBeGreaterThanOrEqual(0);
      expect(target, `${options.viewport!.width}: forward`).toBeLessThan(200);
      // A reload, a little further on, returns there too (once the page has noted where the reader stopped).
      const y2 = await page.evaluate(() => { scrollBy({ top: 700, behavior: 'instant' }); return scrollY; });
      await expect.poll(() => page.evaluate(() => history.state?.y)).toBe(y2);
      await page.reload({ waitUntil: 'load' });
      await scrollSettled(page);
      expect(Math.abs(await page.evaluate(() => scrollY) - y2), `${options.viewport!.width}: reloaded at ${y2}`).toBeLessThanOrEqual(2);
      // So does Back from another page (a figure's data).
      const y3 = await page.evaluate(() => scrollY);
      await page.goto(url('/data/trade.json'));
      await page.goBack({ waitUntil: 'load' });
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#offshore-pipeline');
      await scrollSettled(page);
      // Chromium puts the page itself a few lines off there (47 px at 390 px) before the script runs: the same screen, a
      // tenth of it at most, not the section's heading thousands of pixels above.
      const height = options.viewport!.height;
      expect(Math.abs(await page.evaluate(() => scrollY) - y3), `${options.viewport!.width}: back from another page at ${y3}`).toBeLessThanOrEqual(height / 10);
      await page.context().close();
    }
  });

  /** Where the page keeps clear at the top (the contents bar), and the line just under it. */
  const roofOf = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0);
  const turn = async (page: Page, to: { width: number; height: number }) => { await page.setViewportSize(to); await scrollSettled(page); };

  for (const [name, options] of [['390 × 844', PHONE], ['320 × 640', NARROW]] as const) {
    it(`turning a ${name} phone keeps the line under the contents bar in the block it fell in, all down the page, and turning it back returns the block where it was`, async () => {
      const { width, height } = options.viewport!;
      const page = await open(options);
      // Blocks all down the page: the author's paragraphs, a note, the timeline, the epilogue's scorecard and
      // figures, the sources.
      const blocks = await page.evaluate(() => {
        const all = [...document.querySelectorAll('main p, main li, main h2, main h3')].filter((e) => (e as HTMLElement).offsetHeight > 40 && !e.closest('details:not([open]), [hidden]'));
        all.forEach((e, i) => e.setAttribute('data-turn', String(i)));
        return Array.from({ length: 8 }, (_, k) => Math.floor(((k + 0.5) / 8) * all.length));
      });
      for (const i of blocks) {
        const block = page.locator(`[data-turn="${i}"]`);
        const what = `${name}, block ${i} (${(await block.textContent())!.trim().slice(0, 30)})`;
        // The line under the bar a third of the way down the block.
        const roof = await roofOf(page);
        await block.evaluate((b, roof) => { const r = b.getBoundingClientRect(); scrollBy({ top: r.top + r.height / 3 - roof - 1, behavior: 'instant' }); }, roof);
        await scrollSettled(page);
        const before = (await block.boundingBox())!;
        await turn(page, { width: height, height: width });
        const turned = (await block.boundingBox())!;
        const line = (await roofOf(page)) + 1;
        expect(turned.y, `${what}: turned, the line still in it`).toBeLessThanOrEqual(line + 1);
        expect(turned.y + turned.height, `${what}: turned, the line still in it`).toBeGreaterThanOrEqual(line - 1);
        await turn(page, { width, height });
        expect(Math.abs((await block.boundingBox())!.y - before.y), `${what}: back where it was`).toBeLessThanOrEqual(3);
      }
      await page.context().close();
    });
  }

  it('turning a phone with the line under the contents bar in a gap between blocks keeps the next block as far below it', async () => {
    const page = await open(PHONE);
    const { width, height } = PHONE.viewport!;
    const roof = await roofOf(page);
    // Between two of the epilogue's verdicts, a gap no paragraph fills.
    const next = page.locator('[data-scorecard] > li').nth(3);
    await next.evaluate((b, roof) => {
      const gap = b.getBoundingClientRect().top - b.previousElementSibling!.getBoundingClientRect().bottom;
      scrollBy({ top: b.getBoundingClientRect().top - gap / 2 - roof - 1, behavior: 'instant' });
    }, roof);
    await scrollSettled(page);
    const before = (await next.boundingBox())!.y - roof;
    expect(before).toBeGreaterThan(0);
    await turn(page, { width: height, height: width });
    expect(Math.abs((await next.boundingBox())!.y - (await roofOf(page)) - before)).toBeLessThanOrEqual(3);
    await page.context().close();
  });

  it('turning a phone after a reload keeps the reader\'s place, not the place the reload returned to', async () => {
    const page = await open(PHONE);
    const { width, height } = PHONE.viewport!;
    const para = page.locator('p.para').nth(12);
    const roof = await roofOf(page);
    await para.evaluate((p, roof) => scrollBy({ top: p.getBoundingClientRect().top - roof - 1, behavior: 'instant' }), roof);
    await scrollSettled(page);
    await page.reload({ waitUntil: 'load' });
    await scrollSettled(page);
    const before = (await para.boundingBox())!.y;
    expect(Math.abs(before - roof - 1)).toBeLessThanOrEqual(3);
    await turn(page, { width: height, height: width });
    const turned = (await para.boundingBox())!;
    const line = (await roofOf(page)) + 1;
    expect(turned.y).toBeLessThanOrEqual(line + 1);
    expect(turned.y + turned.height).toBeGreaterThanOrEqual(line - 1);
    await page.context().close();
  });

  it('turning a phone while a link in the page is still gliding lands its target, and an open contents list stays open', async () => {
    const page = await open(PHONE);
    const { width, height } = PHONE.viewport!;
    // Deep in the page, the contents list open: turning keeps it open.
    await page.locator('p.para').nth(14).evaluate((p) => scrollBy({ top: p.getBoundingClientRect().top - 200, behavior: 'instant' }));
    await scrollSettled(page);
    const summary = page.locator('bloc-toc summary');
    await summary.tap();
    await expect.poll(() => page.locator('bloc-toc details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await turn(page, { width: height, height: width });
    expect(await page.locator('bloc-toc details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await turn(page, { width, height });
    // A section far up the page, chosen from the list: turned while the page glides there, the page lands it.
    const link = page.locator('bloc-toc a[href^="#"]').first();
    const id = (await link.getAttribute('href'))!.slice(1);
    const start = await page.evaluate(() => scrollY);
    await link.tap();
    await page.waitForFunction((start) => Math.abs(scrollY - start) > 50, start);
    await turn(page, { width: height, height: width });
    const target = await page.locator(`[id="${id}"]`).evaluate((t) => t.getBoundingClientRect().top);
    const roof = await roofOf(page);
    expect(target).toBeGreaterThanOrEqual(roof - 30);
    expect(target).toBeLessThanOrEqual(roof + 30);
    await page.context().close();
  });
});

describe('notes that open in place', () => {
  for (const [name, options, textPx] of [['390 px', PHONE, 16], ['320 px', NARROW, 16], ['390 px with the text at 200 %', PHONE, 32]] as const) {
    it(`a note number opens its note under the sentence with one tap at ${name}, the sentence kept on screen below the contents bar, and a second tap closes it`, async () => {
      const page = await openAtTextSize(browser, options, textPx);
      const notes = await notesOf(page);
      expect(notes.length).toBeGreaterThan(10);
      for (const { id, para } of notes) {
        const ref = page.locator(`#ref-${id}`);
        // The paragraph's last line in the middle of the screen, as a reader has it when they reach the number; with
        // large text, low on the screen, where a note taller than the screen must not push the number under the bar.
        const at = textPx === 16 ? 0.5 : 0.7;
        await ref.evaluate((a, at) => scrollBy({ top: a.getBoundingClientRect().top - innerHeight * at, behavior: 'instant' }), at);
        const before = (await ref.boundingBox())!;
        await ref.tap();
        const details = page.locator(`[data-note="${id}"] details`);
        await expect.poll(() => details.evaluate((d: HTMLDetailsElement) => d.open), { message: id }).toBe(true);
        expect(await page.locator(`#${id}`).isVisible(), id).toBe(true);
        // Where the note needs room, the page glides to make it: measure once it has come to rest.
        await scrollSettled(page);
        const after = (await ref.boundingBox())!;
        const note = (await page.locator(`[data-note="${id}"]`).boundingBox())!;
        const paragraph = (await page.locator(`#${para}`).boundingBox())!;
        const height = options.viewport!.height;
        // The number (the end of the sentence) is still on screen, below the contents bar, and the note starts
        // right under its paragraph.
        const bar = (await page.locator('bloc-toc').boundingBox())!;
        expect(after.y, `${id}, below the contents bar`).toBeGreaterThanOrEqual(Math.max(0, bar.y + bar.height - 1));
        expect(after.y + after.height, id).toBeLessThanOrEqual(height);
        expect(note.y, id).toBeGreaterThanOrEqual(paragraph.y + paragraph.height - 1);
        expect(note.y, id).toBeLessThan(height);
        // Nothing stands between the paragraph and the note but the notes before it on the same paragraph.
        const between = await page.locator(`[data-note="${id}"]`).evaluate((n) => {
          const kinds: string[] = [];
          for (let el = n.previousElementSibling; el && !el.matches('[data-para]'); el = el.previousElementSibling) {
            if (getComputedStyle(el).display !== 'none') kinds.push(el.matches(`[data-note-for="${(n as HTMLElement).dataset.noteFor}"]`) ? 'note' : el.localName);
          }
          return kinds;
        });
        expect(between.filter((k) => k !== 'note'), id).toEqual([]);
        // The address is not changed: the reader has not gone anywhere.
        expect(await page.evaluate(() => location.hash)).toBe('');
        // The toggle event that marks the number comes a moment after the note opens.
        await expect.poll(() => ref.getAttribute('aria-expanded'), { message: id }).toBe('true');
        expect(Math.abs(after.y - before.y) < 1 || after.y > 0, id).toBe(true);
        await ref.tap();
        await expect.poll(() => details.evaluate((d: HTMLDetailsElement) => d.open), { message: id }).toBe(false);
        await expect.poll(() => ref.getAttribute('aria-expanded'), { message: id }).toBe('false');
      }
      await page.context().close();
    });
  }

  it('a note in the margin, its text always shown, is an open disclosure and no Tab stop; folded again when the screen narrows', async () => {
    const page = await open(DESKTOP);
    const state = () => page.locator('[data-note-place="margin"]').evaluateAll((ns) => ns.map((n) => {
      const d = n.querySelector('details')!;
      return { note: (n as HTMLElement).dataset.note, open: d.open, tab: d.querySelector('summary')!.tabIndex };
    }));
    const wide = await state();
    expect(wide.length).toBeGreaterThan(3);
    expect(wide.filter((n) => !n.open || n.tab !== -1)).toEqual([]);
    // A screen reader hears the summary as expanded, which is what the screen shows.
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-note-place="margin"] summary' });
    expect(nodeIds).toHaveLength(wide.length);
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes.find((n) => !n.ignored)!;
      expect(node.properties?.find((p) => p.name === 'expanded')?.value.value, node.name?.value as string).toBe(true);
    }
    // Narrowed to a phone's width, each folds under its paragraph again and can be opened from the keyboard.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => (await state()).filter((n) => n.open || n.tab !== 0)).toEqual([]);
    await page.context().close();
  });

  it('a note number on a wide screen leads to its note in the margin, or opens a note folded in place', async () => {
    const page = await open(DESKTOP);
    const notes = await notesOf(page);
    expect(new Set(notes.map((n) => n.place))).toEqual(new Set(['margin', 'inline']));
    for (const { id, place } of notes) {
      const ref = page.locator(`#ref-${id}`);
      await ref.scrollIntoViewIfNeeded();
      await ref.click();
      if (place === 'margin') await expect.poll(() => page.evaluate(() => location.hash), { message: id }).toBe(`#${id}`);
      else await expect.poll(() => page.locator(`[data-note="${id}"] details`).evaluate((d: HTMLDetailsElement) => d.open), { message: id }).toBe(true);
      await expect.poll(() => page.locator(`#${id}`).isVisible(), { message: id }).toBe(true);
    }
    await page.context().close();
  });

  for (const [javaScriptEnabled, options, textPx, name] of [[true, PHONE, 16, '390 px'], [false, PHONE, 16, '390 px'], [true, NARROW, 32, '320 px with the text at 200 %']] as const) {
    it(`a link to /#note-… lands with the note open and its title in view below the contents bar, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${name}`, async () => {
      const probe = await open(PHONE);
      const notes = await notesOf(probe);
      await probe.context().close();
      for (const { id } of notes) {
        const page = await openAtTextSize(browser, { ...options, javaScriptEnabled }, textPx, url(`/#${id}`));
        const details = page.locator(`[data-note="${id}"] details`);
        await expect.poll(() => details.evaluate((d: HTMLDetailsElement) => d.open), { message: id }).toBe(true);
        // page.evaluate runs where the page's own JavaScript is off, too. Without it the contents bar is not sticky.
        const landed = (again: boolean) => page.evaluate(([id, again]) => {
          // The browser lands on the fragment again while the page settles, whenever its layout changes: that landing
          // must agree with the script's.
          if (again) document.getElementById(id)!.scrollIntoView({ block: 'start', behavior: 'instant' });
          const summary = document.querySelector(`[data-note="${id}"] summary`)!.getBoundingClientRect();
          const body = document.getElementById(id)!.getBoundingClientRect();
          const bar = document.querySelector('bloc-toc')!;
          const clear = getComputedStyle(bar).position === 'sticky' ? Math.max(0, bar.getBoundingClientRect().bottom - 1) : 0;
          return summary.top >= clear && body.top < innerHeight && body.height > 0;
        }, [id, again] as const);
        await expect.poll(() => landed(false), { message: id, timeout: 10_000 }).toBe(true);
        expect(await landed(true), `${id}, landed on by the browser again`).toBe(true);
        await page.context().close();
      }
    });
  }
});

describe('definitions that fit the screen', () => {
  for (const [name, options, px] of [['320 px', NARROW, 16], ['390 px', PHONE, 16], ['1280 px', DESKTOP, 16], ['320 px with the text at 200 %', NARROW, 32], ['390 px with the text at 200 %', PHONE, 32]] as const) {
    it(`every glossary definition at ${name} is wide enough to read, beside its term's line without covering it, and on screen`, async () => {
      const page = await openAtTextSize(browser, options, px);
      const { width: vw, height: vh } = options.viewport!;
      const terms = await page.locator('label.term').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.term!));
      expect(terms.length).toBeGreaterThan(5);
      const problems: string[] = [];
      for (const term of terms) {
        // With the term's line in the middle of the screen, and near its foot, where there is no room below.
        for (const at of [0.5, 0.9]) {
          const button = page.locator(`#term-${term}-button`);
          await button.evaluate((b, at) => scrollBy({ top: b.getBoundingClientRect().top - innerHeight * at, behavior: 'instant' }), at);
          await button.click();
          const pop = page.locator(`#term-${term}`);
          await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open'))).toBe(true);
          const g = await page.evaluate((term) => {
            const label = document.querySelector(`label[data-term="${term}"]`)!;
            const b = document.getElementById(`term-${term}-button`)!.getBoundingClientRect();
            const pop = document.getElementById(`term-${term}`)!;
            const p = pop.getBoundingClientRect();
            // Every line of the term's words and its button (at twice the text size on a phone they may take two or three).
            const lines = [...label.getClientRects(), b].filter((r) => r.width > 0);
            const lineTop = Math.min(...lines.map((r) => r.top)), lineBottom = Math.max(...lines.map((r) => r.bottom));
            // How much of the definition shows without scrolling it, against all of it.
            return { lineTop, lineBottom, left: p.left, right: p.right, top: p.top, bottom: p.bottom, width: p.width, shown: pop.offsetHeight, whole: pop.scrollHeight + pop.offsetHeight - pop.clientHeight };
          }, term);
          const where = `${term} at ${Math.round(at * 100)} % of the screen`;
          const minWidth = Math.min(320, vw - 32);
          if (g.width < minWidth - 0.5) problems.push(`${where}: ${g.width} px wide, under ${minWidth}`);
          // On the screen, and clear of its sides where the screen is wider than the definition.
          if (g.left < 0 || g.right > vw || g.top < 0 || g.bottom > vh) problems.push(`${where}: off screen (${JSON.stringify(g)})`);
          else if (g.left < Math.min(8, (vw - g.width) / 2) - 0.5 || g.right > vw - Math.min(8, (vw - g.width) / 2) + 0.5) problems.push(`${where}: flush against the side of the screen (${Math.round(g.left)}–${Math.round(g.right)} of ${vw})`);
          // A definition longer than its room scrolls inside, but shows at least 40 % of a screen of it at once.
          if (g.shown < Math.min(g.whole, 0.4 * vh) - 1) problems.push(`${where}: shows ${g.shown} px of its ${g.whole}`);
          const below = g.top >= g.lineBottom;
          const above = g.bottom <= g.lineTop;
          if (!below && !above) problems.push(`${where}: covers the line of its term (${JSON.stringify(g)})`);
          // Next to the term: it starts just under the line, or ends just above it.
          else if ((below ? g.top - g.lineBottom : g.lineTop - g.bottom) > 16) problems.push(`${where}: ${Math.round(below ? g.top - g.lineBottom : g.lineTop - g.bottom)} px away from its term`);
          await page.keyboard.press('Escape');
          await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open'))).toBe(false);
        }
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});

describe('a definition scrolled away', () => {
  it('a glossary definition stays with a small scroll, and goes once its term passes under the Contents bar, at 320 and 390 px', async () => {
    for (const options of [NARROW, PHONE]) {
      const w = options.viewport!.width;
      const page = await open(options);
      const button = page.locator('#term-cpec-button');
      const pop = page.locator('#term-cpec');
      await button.evaluate((b) => scrollBy({ top: b.getBoundingClientRect().top - innerHeight / 2, behavior: 'instant' }));
      await scrollSettled(page);
      await button.tap();
      await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      await page.evaluate(() => scrollBy({ top: 30, behavior: 'instant' }));
      await scrollSettled(page);
      expect(await pop.evaluate((p) => p.matches(':popover-open')), `${w}: a small scroll`).toBe(true);
      // The term under the bar: the definition would hang over the bar.
      await button.evaluate((b) => scrollBy({ top: b.getBoundingClientRect().top - 10, behavior: 'instant' }));
      await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open')), { message: `${w}` }).toBe(false);
      // Tapped while its line sits partly under the bar, then scrolled on: it goes too.
      const roof = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0);
      await button.evaluate((b, roof) => scrollBy({ top: b.closest('[data-term-group]')!.getBoundingClientRect().top - roof + 4, behavior: 'instant' }), roof);
      await scrollSettled(page);
      const at = (await button.boundingBox())!;
      await page.touchscreen.tap(at.x + at.width / 2, at.y + at.height - 6);
      await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open')), { message: `${w}: partly under the bar` }).toBe(true);
      await page.evaluate(() => scrollBy({ top: 60, behavior: 'instant' }));
      await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open')), { message: `${w}: scrolled on` }).toBe(false);
      await page.context().close();
    }
  });

  it('a glossary definition that opens above its term keeps clear of the Contents bar where there is room, at 320 px with text at 200 %', async () => {
    const page = await openAtTextSize(browser, NARROW, 32);
    const term = page.locator('label.term[data-term="lng"]');
    const pop = page.locator('#term-lng');
    // Low on the screen: too little room below for the definition, room enough above it under the bar.
    await term.evaluate((t) => scrollBy({ top: t.getBoundingClientRect().top - innerHeight * 0.7, behavior: 'instant' }));
    await scrollSettled(page);
    await term.tap();
    await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open'))).toBe(true);
    const [p, t, bar] = await Promise.all([pop.boundingBox(), term.boundingBox(), page.locator('bloc-toc').boundingBox()]);
    expect(bar!.y, 'the bar at the top of the screen').toBeLessThanOrEqual(0.5);
    expect(p!.y + p!.height, 'above its term').toBeLessThanOrEqual(t!.y + 0.5);
    expect(p!.y, 'under the bar, not over it').toBeGreaterThanOrEqual(bar!.y + bar!.height);
    await page.context().close();
  });
});

describe('targets a thumb can hit, and axe at every width', () => {
  for (const [name, options] of [['320 px', NARROW], ['390 px', PHONE], ['1280 px', DESKTOP]] as const) {
    it(`every marker and glossary button at ${name} is a 24 × 24 px target that overlaps no other`, async () => {
      const page = await open(options);
      const boxes = await page.locator('.para-marks a, .term-button').evaluateAll((els) => els
        .filter((el) => getComputedStyle(el).clipPath === 'none' && el.getClientRects().length > 0)
        .map((el) => { const r = el.getBoundingClientRect(); return { what: `${el.className} ${el.getAttribute('href') ?? el.id}`, x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height }; }));
      expect(boxes.length).toBeGreaterThan(40);
      expect(boxes.filter((b) => b.w < 24 || b.h < 24).map((b) => `${b.what}: ${b.w}×${b.h}`)).toEqual([]);
      const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1)
        .filter((b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5)
        .map((b) => `${a.what} / ${b.what}`));
      expect(overlaps).toEqual([]);
      await page.context().close();
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      it(`axe-core finds nothing at ${name} in ${colorScheme} mode, target size included`, async () => {
        const page = await open({ ...options, colorScheme });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        // The target-size rule ran (axe leaves out targets inside a line of text, such as the markers and the
        // glossary buttons: the test above measures those).
        expect(results.passes.find((r) => r.id === 'target-size')?.nodes.length ?? 0).toBeGreaterThan(10);
        await page.context().close();
      });
    }
  }
});
