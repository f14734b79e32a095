import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, PHONE, NARROW, DESKTOP, openPage, openAtTextSize } from '../support/browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const open = (options: BrowserContextOptions, path = '/') => openPage(browser, options, path);

/**
 * How far below the top of the window the element with `id` sits, under whatever stays at the top of the screen
 * over it (the contents bar on a phone); negative when it is hidden under it. page.evaluate runs with the page's
 * own JavaScript off, too.
 */
const belowTheBar = (page: Page, id: string) => page.evaluate((id) => {
  const el = document.getElementById(id)!.getBoundingClientRect();
  const bar = document.querySelector('bloc-toc')!.getBoundingClientRect();
  const over = bar.top <= 0 && bar.bottom > 0 && bar.left < el.right && el.left < bar.right;
  return el.top - (over ? bar.bottom : 0);
}, id);

describe('article page in Chromium', () => {
  it('renders the article with JavaScript on and off', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open({ ...DESKTOP, javaScriptEnabled });
      expect(await page.locator('h1').textContent()).toContain('Pakistan, Russia teaming up');
      expect(await page.locator('[data-para]').count()).toBe(20);
      await expect(page.locator('nav.toc a').first().isVisible()).resolves.toBe(true);
      await page.context().close();
    }
  });

  it('does not scroll sideways at 320 px', async () => {
    const page = await open(NARROW);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.context().close();
  });

  it('keeps the words of its headings and note labels whole on a narrow screen with large text, clear of the Share and section links', async () => {
    for (const [options, px] of [[NARROW, 32], [PHONE, 32], [NARROW, 16], [PHONE, 16], [{ ...PHONE, viewport: { width: 360, height: 780 } }, 20], [{ viewport: { width: 768, height: 900 } }, 16], [DESKTOP, 16]] as const) {
      const page = await openAtTextSize(browser, options, px);
      const where = `${options.viewport!.width} px, ${px * 100 / 16} % text`;
      // At 320 px with 200 % text a note title's line holds about ten letters of its bold type, so a long word there
      // ("Abbottabad;") can only break: at a hyphen where the browser hyphenates (not this Chromium), else anywhere.
      const selector = options === NARROW && px === 32 ? '.headline, .section-heading, .note-kind' : '.headline, .section-heading, .note-kind, .note-title';
      const found = await page.evaluate((selector) => {
        const r = document.createRange();
        // Each word split between lines anywhere but after a hyphen: its letters' line tops differ.
        const broken = (el: Element) => {
          const out: string[] = [];
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent ?? '';
            for (const m of text.matchAll(/\S+/g)) {
              let top: number | undefined;
              for (let i = m.index; i < m.index + m[0].length; i++) {
                r.setStart(n, i); r.setEnd(n, i + 1);
                const box = r.getClientRects()[0];
                if (!box) continue;
                if (top !== undefined && box.top > top + 2 && !/[-‐–]/.test(text[i - 1]!)) out.push(`${el.className}: "${m[0]}" broken before "${text.slice(i)}"`);
                top = box.top;
              }
            }
          }
          return out;
        };
        const words = [...document.querySelectorAll(selector)].flatMap(broken);
        // The Share link's icon, and the section link as the keyboard shows it, against the words of their heading.
        const over: string[] = [];
        const covers = (h: Element, box: DOMRect, what: string) => {
          r.selectNodeContents(h);
          for (const line of r.getClientRects()) {
            if (line.left < box.right - 0.5 && box.left < line.right - 0.5 && line.top < box.bottom - 0.5 && box.top < line.bottom - 0.5) over.push(`${h.id}: ${what}`);
          }
        };
        for (const h of document.querySelectorAll(':is(.article-section, .epilogue) > .section-heading')) {
          covers(h, h.parentElement!.querySelector(':scope > .share .share-icon, :scope > .share-summary .share-icon')!.getBoundingClientRect(), 'Share');
          const link = h.parentElement!.querySelector<HTMLElement>(':scope > .section-link')!;
          link.focus({ focusVisible: true } as FocusOptions);
          if (getComputedStyle(link).opacity !== '0') covers(h, link.getBoundingClientRect(), 'the focused section link');
          if (document.documentElement.scrollWidth > document.documentElement.clientWidth) over.push(`${h.id}: the page scrolls sideways while its section link has focus`);
          link.blur();
        }
        return { words, over, sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth };
      }, selector);
      expect(found.words, where).toEqual([]);
      expect(found.over, `${where}: headings under their links`).toEqual([]);
      expect(found.sideways, where).toBe(0);
      await page.context().close();
    }
  });

  it('lands a deep link on its heading, fully in view, and marks it', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await open(options, '/#the-energy-corridor');
      await expect.poll(async () => Math.abs(await belowTheBar(page, 'the-energy-corridor')), { timeout: 10_000 }).toBeLessThan(60);
      expect(await belowTheBar(page, 'the-energy-corridor')).toBeGreaterThanOrEqual(0);
      const box = await page.locator('#the-energy-corridor').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(options.viewport!.height);
      expect(await page.locator('#the-energy-corridor').evaluate((h) => h.matches(':target'))).toBe(true);
      const bg = await page.locator('#the-energy-corridor').evaluate((h) => getComputedStyle(h).backgroundColor);
      expect(bg).not.toBe('rgba(0, 0, 0, 0)');
      await page.context().close();
    }
  });

  it('opens the contents on a phone and follows a link, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open({ ...PHONE, javaScriptEnabled });
      const link = page.locator('nav.toc a[href="#how-the-thaw-began"]');
      expect(await link.isVisible()).toBe(false);
      await page.locator('summary.toc-summary').click();
      expect(await link.isVisible()).toBe(true);
      await link.click();
      // page.evaluate also runs where the page's own JavaScript is off; waitForFunction does not.
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#how-the-thaw-began');
      await expect.poll(async () => Math.abs(await belowTheBar(page, 'how-the-thaw-began')), { timeout: 10_000 }).toBeLessThan(60);
      expect(await belowTheBar(page, 'how-the-thaw-began')).toBeGreaterThanOrEqual(0);
      // The list closes behind the reader where scripts run; without them it stays open where it is, in the page.
      if (javaScriptEnabled) expect(await link.isVisible()).toBe(false);
      await page.context().close();
    }
  });

  for (const [name, options, px] of [['320 px, 200 % text', NARROW, 32], ['390 px, 200 % text', PHONE, 32], ['1280 px, 200 % text', DESKTOP, 32]] as const) {
    it(`every entry of the contents, the epilogue's included, stays inside its link and the list at ${name}`, async () => {
      const page = await openAtTextSize(browser, options, px);
      await page.evaluate(() => { document.querySelector<HTMLDetailsElement>('.toc-details')!.open = true; });
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        const lists = document.querySelector<HTMLElement>('.toc-lists')!;
        if (lists.scrollWidth > lists.clientWidth + 1) out.push(`the list scrolls sideways: ${lists.scrollWidth} px in ${lists.clientWidth}`);
        for (const a of document.querySelectorAll<HTMLAnchorElement>('nav.toc a[data-toc-link]')) {
          const box = a.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(a);
          for (const r of range.getClientRects()) {
            if (r.width > 0 && (r.right > box.right + 0.5 || r.right > innerWidth)) out.push(`${a.textContent?.trim()}: its words run to ${Math.round(r.right)}, past its link (${Math.round(box.right)}) or the screen (${innerWidth})`);
          }
        }
        return [...new Set(out)];
      });
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('keeps the contents open beside the text on a wide screen and marks the current section, end matter included', async () => {
    const page = await open(DESKTOP, '/#how-the-thaw-began');
    expect(await page.locator('nav.toc a[href="#trade-on-the-rise"]').isVisible()).toBe(true);
    await page.waitForFunction(() => document.querySelector('nav.toc a[aria-current="true"]')?.getAttribute('href') === '#how-the-thaw-began');
    // Every entry, the author's note, the epilogue and the end matter included, is marked when its heading is read.
    for (const href of await page.locator('nav.toc a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      await page.evaluate((id) => {
        const h = document.getElementById(id)!;
        scrollTo({ top: h.getBoundingClientRect().top + scrollY - innerHeight / 4, behavior: 'instant' });
      }, href.slice(1));
      await expect.poll(() => page.evaluate(() => document.querySelector('nav.toc a[aria-current="true"]')?.getAttribute('href')), { message: href }).toBe(href);
    }
    // Its heading is a label there, not a stop for the keyboard: the list cannot be closed beside the text.
    expect(await page.locator('summary.toc-summary').evaluate((s) => { (s as HTMLElement).focus(); return document.activeElement === s; })).toBe(false);
    await page.context().close();
  });

  it('makes the contents\' heading a label beside the text without JavaScript too: no stop for the keyboard, no "collapsed"', async () => {
    const page = await open({ ...DESKTOP, javaScriptEnabled: false });
    expect(await page.locator('nav.toc a[href="#trade-on-the-rise"]').isVisible()).toBe(true);
    expect(await page.locator('.toc-summary #toc-title').isVisible()).toBe(true);
    const focusable = await page.locator('summary.toc-summary').evaluate((s) => { (s as HTMLElement).focus(); return document.activeElement === s; });
    expect(focusable).toBe(false);
    const tree = await page.locator('nav.toc').ariaSnapshot();
    expect(tree).toMatch(/^- navigation "Contents":/);
    expect(tree).toContain('link "How the thaw began"');
    expect(tree).not.toMatch(/expanded|collapsed|button/);
    await page.context().close();
  });

  it('closes the contents over the text when focus leaves them, where they open over the text', async () => {
    for (const options of [PHONE, { viewport: { width: 768, height: 1000 } }]) {
      const page = await open(options);
      await page.locator('summary.toc-summary').focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('.toc-details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      const links = await page.locator('nav.toc a').count();
      for (let i = 0; i <= links; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('nav.toc'))).toBeNull();
      await expect.poll(() => page.locator('.toc-details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await page.context().close();
    }
  });

  it('sets the footer in the text\'s column at every width', async () => {
    for (const width of [320, 768, 1024, 1280, 1600]) {
      const page = await open({ viewport: { width, height: 900 } });
      const g = await page.evaluate(() => {
        const text = document.querySelector('[data-para]')!.getBoundingClientRect();
        const lines = [...document.querySelectorAll('.site-footer p')].map((p) => p.getBoundingClientRect());
        return { text: [text.left, text.right], lines: lines.map((l) => [l.left, l.right]) };
      });
      expect(g.lines.length, `${width}`).toBeGreaterThan(0);
      for (const [left, right] of g.lines) {
        expect(Math.abs(left! - g.text[0]!), `${width}: the footer starts at ${left}, the text at ${g.text[0]}`).toBeLessThan(1);
        expect(right!, `${width}`).toBeLessThanOrEqual(g.text[1]! + 1);
      }
      await page.context().close();
    }
  });

  it('shows a visible focus ring and a skip link that moves focus to the article', async () => {
    const page = await open(DESKTOP);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    const outline = await skip.evaluate((a) => getComputedStyle(a).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core with no violations in ${colorScheme} mode`, async () => {
      for (const options of [PHONE, DESKTOP]) {
        const page = await open({ ...options, colorScheme });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.context().close();
      }
    });
  }
});
