import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, url, DESKTOP, NARROW, PHONE, openAtTextSize } from '../support/browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function open(options: Parameters<Browser['newContext']>[0], path = '/', clipboard = true): Promise<Page> {
  const context = await browser.newContext(options);
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url()).origin });
  const page = await context.newPage();
  await page.goto(url(path), { waitUntil: 'load' });
  return page;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** A page whose clipboard refuses to be written, as in-app browsers and locked-down machines do. */
async function openRefusingClipboard(options: Parameters<Browser['newContext']>[0]): Promise<Page> {
  const context: BrowserContext = await browser.newContext(options);
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  const page = await context.newPage();
  await page.goto(url('/'), { waitUntil: 'load' });
  return page;
}

/**
 * Selects the words `quote` inside the element with id `id`, as a reader dragging over them
 * would. The words are found in the author's text, so the range may span editorial insertions.
 */
async function select(page: Page, id: string, quote: string) {
  await page.evaluate(([id, quote]) => {
    const p = document.getElementById(id)!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; from: number }[] = [];
    let text = '';
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (n.parentElement?.closest('[data-editorial]')) continue;
      nodes.push({ node: n, from: text.length });
      text += n.data;
    }
    const at = text.indexOf(quote);
    if (at < 0) throw new Error(`"${quote}" not found in #${id}`);
    const locate = (offset: number, end: boolean) => {
      const hit = nodes.findLast((x) => (end ? x.from < offset : x.from <= offset))!;
      return [hit.node, offset - hit.from] as const;
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + quote.length, true));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, [id, quote] as const);
}

describe('sharing in Chromium', () => {
  it('the one share panel: each section’s Share link fills it in, Copy link puts its card URL on the clipboard and says so', async () => {
    const page = await open(DESKTOP);
    const ids = await page.locator('section[data-section]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.section!));
    expect(ids.length).toBeGreaterThanOrEqual(7);
    const panel = page.locator('#share-panel');
    for (const id of ids) {
      const link = page.locator(`a[data-share-target="${id}"]`);
      // Before it is pressed, the link says it opens the panel, and that the panel is closed.
      expect([await link.getAttribute('aria-controls'), await link.getAttribute('aria-expanded')]).toEqual(['share-panel', 'false']);
      await link.click();
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      const title = await page.locator(`section[data-section="${id}"] h2`).textContent();
      // The epilogue is the editors' own part, and the panel says so; every other part is a section of the article.
      const kind = await page.locator(`section[data-section="${id}"]`).evaluate((e) => (e.hasAttribute('data-epilogue') ? 'epilogue' : 'section'));
      expect((await page.locator('#share-panel-title').textContent())?.replace(/\s+/g, ' ')).toBe(`Share the ${kind} “${title}”`);
      const expected = await page.locator(`[data-share-links="${id}"]`).getAttribute('data-url');
      expect(expected).toMatch(new RegExp(`^https?://[^/]+/s/${id}/$`));
      expect(new URL(expected!).pathname).toBe(await link.getAttribute('href'));
      expect(await panel.locator('input[data-share-url]').inputValue()).toBe(expected);
      // The links shown are the section's, and only those.
      const shown = await panel.locator('ul[data-share-links]:visible').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.shareLinks));
      expect(shown).toEqual([id]);
      // Beside the link that opened it, and on the screen.
      const [p, l] = [(await panel.boundingBox())!, (await link.boundingBox())!];
      expect(p.y).toBeGreaterThanOrEqual(l.y + l.height - 1);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.width).toBeLessThanOrEqual(DESKTOP.viewport!.width);
      const copy = panel.getByRole('button', { name: 'Copy link' });
      const status = panel.locator('[data-share-status]');
      // The live region is in the accessibility tree before its message comes, empty or not: one made with its
      // message may go unread.
      expect(await status.evaluate((s) => [s.textContent, getComputedStyle(s).display])).toEqual(['', 'block']);
      await copy.click();
      await expect.poll(() => clipboard(page)).toBe(expected);
      expect(await status.getAttribute('role')).toBe('status');
      await expect.poll(() => status.textContent()).toBe('Link copied to the clipboard.');
      // Said again on a second copy: emptied, then written, and in the tree throughout.
      await status.evaluate((s) => {
        const states: string[][] = [];
        (window as unknown as { statusStates: string[][] }).statusStates = states;
        new MutationObserver(() => states.push([s.textContent ?? '', getComputedStyle(s).display, getComputedStyle(s).visibility]))
          .observe(s, { childList: true, characterData: true, subtree: true });
      });
      await copy.click();
      const states = () => page.evaluate(() => (window as unknown as { statusStates: string[][] }).statusStates);
      await expect.poll(async () => (await states()).map(([text]) => text)).toEqual(['', 'Link copied to the clipboard.']);
      expect((await states()).every(([, display, visibility]) => display !== 'none' && visibility === 'visible')).toBe(true);
      // Escape closes the panel and gives focus back to the link that opened it.
      await page.keyboard.press('Escape');
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(false);
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
      await expect.poll(() => link.getAttribute('aria-expanded')).toBe('false');
    }
    // The article's own button shares the article's canonical URL.
    await page.locator('button[data-share-target="article"]').click();
    await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
    expect((await page.locator('#share-panel-title').textContent())?.replace(/\s+/g, ' ')).toBe('Share this article');
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => clipboard(page)).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
    await page.context().close();
  });

  it('the share panel opens at the foot of the screen on a phone, within reach of the thumb', async () => {
    const page = await open(PHONE);
    await page.locator('a[data-share-target="the-energy-corridor"]').tap();
    const panel = page.locator('#share-panel');
    await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
    const box = (await panel.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(PHONE.viewport!.height);
    expect(Math.round(box.width)).toBe(PHONE.viewport!.width);
    await panel.getByRole('button', { name: 'Close' }).tap();
    await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(false);
    await page.context().close();
  });

  it('the share panel keeps "Close" beside its title at 320 px, the title wrapping, and not on a line of its own', async () => {
    const page = await open(NARROW);
    await page.locator('a[data-share-target="trade-on-the-rise"]').tap();
    const panel = page.locator('#share-panel');
    await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
    const { close, firstLine, title } = await panel.evaluate((p) => {
      const t = p.querySelector('.share-panel-title')!;
      const range = document.createRange();
      range.selectNodeContents(t);
      return { close: p.querySelector('.share-panel-close')!.getBoundingClientRect().toJSON(), firstLine: range.getClientRects()[0]!.toJSON(), title: t.getBoundingClientRect().toJSON() };
    });
    // The title's words need more than one line here: "Close" sits level with the first, to the right of the words.
    expect(title.height).toBeGreaterThan(firstLine.height * 1.5);
    expect(close.top).toBeLessThan(firstLine.bottom);
    expect(close.left).toBeGreaterThanOrEqual(title.right - 0.5);
    await page.context().close();
  });

  for (const [name, options, px] of [['320 px, 150 % text', NARROW, 24], ['320 px, 200 % text', NARROW, 32], ['390 px, 200 % text', PHONE, 32]] as const) {
    it(`the share panel fits the screen at ${name}: every control inside it, none cut off, nothing to scroll sideways`, async () => {
      const page = await openAtTextSize(browser, options, px);
      await page.evaluate(() => document.querySelector<HTMLButtonElement>('button[popovertarget="share-panel"]')!.click());
      const panel = page.locator('#share-panel');
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      const problems = await panel.evaluate((p) => {
        const out: string[] = [];
        const frame = p.getBoundingClientRect();
        if (p.scrollWidth > p.clientWidth + 1) out.push(`the panel scrolls sideways: ${p.scrollWidth} px of content in ${p.clientWidth}`);
        if (frame.left < -0.5 || frame.right > innerWidth + 0.5) out.push(`the panel runs past the screen: ${Math.round(frame.left)}–${Math.round(frame.right)} of ${innerWidth}`);
        for (const el of p.querySelectorAll<HTMLElement>('button:not([hidden]), a, input, .share-panel-title')) {
          const r = el.getBoundingClientRect();
          if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5) out.push(`${el.textContent?.trim() || el.localName} runs out of the panel: ${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(frame.left)}–${Math.round(frame.right)}`);
          if (el.scrollWidth > el.clientWidth + 1 && el.localName !== 'input') out.push(`${el.textContent?.trim()} is cut off`);
        }
        return out;
      });
      expect(problems).toEqual([]);
      // A section's panel too, its title's words whole: "Close" goes under a title that has no room beside it.
      await page.keyboard.press('Escape');
      const broken = await page.evaluate(async () => {
        const link = [...document.querySelectorAll<HTMLAnchorElement>('a[data-share-target]')].find((a) => a.closest('section')!.querySelector('h2')!.textContent!.includes('Afghanistan'))!;
        link.click();
        await new Promise(requestAnimationFrame);
        const title = document.querySelector('#share-panel .share-panel-title')!;
        const out: string[] = [];
        const texts = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
        for (let text = texts.nextNode() as Text | null; text; text = texts.nextNode() as Text | null) {
          for (const m of text.data.matchAll(/\S+/g)) {
            const r = document.createRange();
            r.setStart(text, m.index);
            r.setEnd(text, m.index + m[0].length);
            if (new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size > 1) out.push(m[0]);
          }
        }
        return { title: title.textContent!, out };
      });
      expect(broken.title).toMatch(/Afghanistan/);
      expect(broken.out).toEqual([]);
      await page.context().close();
    });
  }

  it('the share panel on a phone turned on its side fits the screen\'s height, scrolling inside for the rest', async () => {
    const page = await open({ ...PHONE, viewport: { width: 844, height: 390 } });
    const link = page.locator('a[data-share-target="trade-on-the-rise"]');
    await link.evaluate((a) => scrollBy({ top: a.getBoundingClientRect().top - innerHeight / 2, behavior: 'instant' }));
    await link.tap();
    const panel = page.locator('#share-panel');
    await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
    const box = (await panel.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(390 + 0.5);
    // Its last link is reached by scrolling inside it.
    const last = panel.locator('[data-share-links]:visible a').last();
    await last.scrollIntoViewIfNeeded();
    const l = (await last.boundingBox())!;
    const p = (await panel.boundingBox())!;
    expect(l.y).toBeGreaterThanOrEqual(p.y - 0.5);
    expect(l.y + l.height).toBeLessThanOrEqual(p.y + p.height + 0.5);
    await page.context().close();
  });

  it('the share panel opens beside its control on a tablet and a desktop, clear of the screen\'s edges', async () => {
    for (const width of [768, 1024, 1280]) {
      const page = await open({ viewport: { width, height: 900 } });
      for (const opener of ['button[popovertarget="share-panel"]', 'a[data-share-target="the-energy-corridor"]']) {
        await page.locator(opener).first().evaluate((el) => { el.scrollIntoView({ block: 'center', behavior: 'instant' }); (el as HTMLElement).click(); });
        const panel = page.locator('#share-panel');
        await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
        const box = (await panel.boundingBox())!;
        expect(box.x, `${width} ${opener}`).toBeGreaterThanOrEqual(8);
        expect(box.x + box.width, `${width} ${opener}`).toBeLessThanOrEqual(width - 8);
        await page.keyboard.press('Escape');
        await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(false);
      }
      await page.context().close();
    }
  });

  it('Copy link falls back to selecting the link when the clipboard refuses', async () => {
    const page = await openRefusingClipboard(DESKTOP);
    const context = page.context();
    await page.locator('a[data-share-target="trade-on-the-rise"]').click();
    const panel = page.locator('#share-panel');
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => panel.locator('[data-share-status]').textContent()).toMatch(/link is selected: press (Ctrl\+C|⌘C)/);
    const selected = await page.evaluate(() => {
      const f = document.activeElement as HTMLInputElement;
      return f.value.slice(f.selectionStart!, f.selectionEnd!);
    });
    expect(selected).toMatch(/\/s\/trade-on-the-rise\/$/);
    await context.close();
  });

  it('Copy link on a touch screen, where the clipboard refuses, says to touch and hold the link: a phone has no Ctrl key', async () => {
    const page = await openRefusingClipboard(PHONE);
    const context = page.context();
    await page.locator('a[data-share-target="trade-on-the-rise"]').tap();
    const panel = page.locator('#share-panel');
    await panel.getByRole('button', { name: 'Copy link' }).tap();
    await expect.poll(() => panel.locator('[data-share-status]').textContent()).toMatch(/link is selected: touch and hold it/);
    expect(await panel.locator('[data-share-status]').textContent()).not.toMatch(/Ctrl|⌘/);
    // The field that holds the link stays inside the screen: nothing to scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('the share panel marks as expanded only the control that opened it, and closes when focus leaves it', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await open(options, '/', false);
      const panel = page.locator('#share-panel');
      const first = page.locator('a[data-share-target="the-threat-of-is"]');
      const second = page.locator('a[data-share-target="talks-in-moscow"]');
      await first.click();
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      // The state follows the panel's toggle event, which comes after the panel opens or closes: wait for it.
      await expect.poll(() => first.getAttribute('aria-expanded')).toBe('true');
      // Another section's Share, with the panel open: the first control is no longer the panel's, and the panel
      // moves beside the second.
      await second.click();
      await expect.poll(() => second.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => first.getAttribute('aria-expanded')).toBe('false');
      if (options === DESKTOP) {
        const [p, l] = await Promise.all([panel.boundingBox(), second.boundingBox()]);
        expect(Math.abs(p!.y - (l!.y + l!.height)), 'the panel opens beside the link that opened it').toBeLessThan(p!.height + 60);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(false);
      await expect.poll(() => second.getAttribute('aria-expanded')).toBe('false');
      await second.click();
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      // Tab past the panel's last control: the panel closes instead of covering what has focus.
      const controls = await panel.locator('a:visible, button:visible, input:visible').count();
      await panel.locator('a:visible, button:visible, input:visible').first().focus();
      for (let i = 0; i < controls; i++) await page.keyboard.press('Tab');
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.closest('#share-panel'))).toBeNull();
      // The article's Share button closes the panel it opened, focus inside the panel or not.
      const article = page.locator('button[data-share-target="article"]');
      await article.scrollIntoViewIfNeeded();
      await article.click();
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      await panel.getByRole('button', { name: 'Copy link' }).focus();
      await article.click();
      await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(false);
      await page.context().close();
    }
  });

  it('without JavaScript: the article’s Share button opens the panel with plain links, and a section’s Share link leads through its card page', async () => {
    const page = await open({ ...DESKTOP, javaScriptEnabled: false }, '/', false);
    await page.locator('button[data-share-target="article"]').click();
    const panel = page.locator('#share-panel');
    await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(true);
    // No dead buttons: Copy and Share need a script and stay hidden; Close works without one.
    expect(await panel.locator('button:visible').evaluateAll((bs) => bs.map((b) => b.textContent?.trim()))).toEqual(['Close']);
    expect(await panel.locator('a[data-share-network]:visible').count()).toBe(6);
    expect(await panel.locator('input[data-share-url]').isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => panel.evaluate((p) => p.matches(':popover-open'))).toBe(false);
    await page.locator('a[data-share-target="trade-on-the-rise"]').click();
    await expect.poll(() => page.evaluate(() => location.href), { timeout: 10_000 }).toMatch(/\/#trade-on-the-rise$/);
    await page.context().close();
  });

  it('without JavaScript, a section\'s card page lands the reader on the section at once, not after a glide through the page above it', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await open({ ...options, javaScriptEnabled: false }, '/s/trade-on-the-rise/', false);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/\/#trade-on-the-rise$/);
      await page.waitForLoadState('load');
      // Where the heading is at the load event: in place, not at the top of a glide down the page. (No frame can be
      // awaited here: the page runs no script.)
      const [atLoad, height] = await page.evaluate(() => [document.getElementById('trade-on-the-rise')!.getBoundingClientRect().top, innerHeight]);
      expect(atLoad, `${options.viewport!.width}: the heading at the load event`).toBeGreaterThanOrEqual(0);
      expect(atLoad, `${options.viewport!.width}: the heading at the load event`).toBeLessThan(height! / 4);
      // Nor does a link followed inside the page glide: nothing would land it after the jump.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
      await page.context().close();
    }
  });

  it('the section self-link shows when it has keyboard focus and leads to the section', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await open(options, '/', false);
      const link = page.getByRole('link', { name: 'Link to section: How the thaw began' });
      await link.focus();
      expect(await link.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
      const box = await link.boundingBox();
      expect(box!.width).toBeGreaterThan(10);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#how-the-thaw-began');
      await page.context().close();
    }
  });

  it('an unseen section self-link takes no tap on a phone or tablet: a tap there lands on the heading, and the page stays', async () => {
    for (const options of [NARROW, PHONE, { ...PHONE, viewport: { width: 800, height: 1000 } }]) {
      const page = await open(options, '/', false);
      const w = options.viewport!.width;
      for (const link of await page.locator(':is(.article-section, .epilogue) > .section-link').all()) {
        await link.evaluate((a) => a.scrollIntoView({ block: 'center', behavior: 'instant' }));
        const seen = await link.evaluate((a) => getComputedStyle(a).opacity);
        const box = (await link.boundingBox())!;
        const before = await page.evaluate(() => [location.hash, scrollY]);
        const hit = await page.evaluate(([x, y]) => Boolean(document.elementFromPoint(x!, y!)!.closest('.section-link')), [box.x + box.width / 2, box.y + box.height / 2]);
        expect(seen, `${w}`).toBe('0');
        expect(hit, `${w}: ${await link.getAttribute('href')} takes the tap`).toBe(false);
        await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
        expect(await page.evaluate(() => [location.hash, scrollY]), `${w}: ${await link.getAttribute('href')}`).toEqual(before);
      }
      await page.context().close();
    }
  });

  it('Copy link to quote makes a text-fragment link that opens scrolled to the quote', async () => {
    const page = await open(DESKTOP);
    const quote = 'Trade volume that reached at $400 million last year swelled to $541 million current year.';
    await select(page, 'trade-figures', quote);
    const button = page.getByRole('button', { name: 'Copy link to quote' });
    await expect.poll(() => button.isVisible()).toBe(true);
    // The button sits by the selection.
    const [b, p] = await Promise.all([button.boundingBox(), page.locator('#trade-figures').boundingBox()]);
    expect(b!.y).toBeGreaterThan(p!.y);
    expect(b!.y).toBeLessThan(p!.y + p!.height + 60);
    await button.click();
    await expect.poll(() => page.locator('[data-quote-status]').textContent()).toBe('Link to the quote copied to the clipboard.');
    const link = await clipboard(page);
    expect(link).toMatch(/\/#:~:text=Trade%20volume%20that%20reached,%24541%20million%20current%20year\.$/);
    await page.context().close();

    // A fresh page, as a reader following the link would have.
    const target = new URL(link);
    const reader = await open(DESKTOP, `/${target.hash}`, false);
    await expect.poll(() => reader.evaluate(() => {
      const r = document.getElementById('trade-figures')!.getBoundingClientRect();
      return scrollY > 0 && r.top >= 0 && r.top < innerHeight;
    }), { timeout: 10_000 }).toBe(true);
    // The directive is consumed by the browser, not left in the address for scripts.
    expect(await reader.evaluate(() => location.hash)).toBe('');
    await reader.context().close();
  });

  it('Copy link to quote links words that also occur elsewhere on the page (the headline, a note, the timeline) to the reader\'s paragraph', async () => {
    // Each of these occurs first outside the paragraph it is selected in, or starts a paragraph that follows a note.
    // Each is linked by a text fragment, with words before it from its own paragraph, except where the paragraph has
    // none (its first words): then by the paragraph's own link, if the words are not the first of their kind on the page.
    const cases: [string, string, 'fragment' | 'either'][] = [
      ['north-waziristan-visit', 'As part of', 'either'],
      ['from-unipolarism-to-multipolarism', 'Asian bloc', 'fragment'],
      ['sochi-summit-and-kayani', 'Russia, Afghanistan, Pakistan and', 'fragment'],
      ['north-south-extension', 'Gas Pipeline', 'fragment'],
      // A selection with a space at either end links the words selected, not the word beyond the space.
      ['unanimous-approach-to-afghanistan', ' to address Afghan ', 'fragment'],
    ];
    const page = await open(PHONE);
    for (const [id, quote, kind] of cases) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await select(page, id, quote);
      const button = page.getByRole('button', { name: /Copy link to quote|Link copied/ });
      await expect.poll(() => button.isVisible()).toBe(true);
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await button.click();
      await expect.poll(() => clipboard(page)).not.toBe('');
      const link = new URL(await clipboard(page));
      if (link.hash.startsWith('#:~:text=')) {
        // The words linked are the words selected, nothing added at either end.
        const terms = link.hash.slice('#:~:text='.length).split(',').map(decodeURIComponent).filter((t) => !t.endsWith('-') && !t.startsWith('-'));
        expect(terms.join(' … '), id).toBe(quote.trim());
      } else {
        expect(kind, `${id}: ${link.hash}`).toBe('either');
        expect(link.hash, id).toBe(`#${id}`);
      }
      // A fresh page, as the reader following the link has: it opens at the paragraph, not elsewhere.
      const reader = await open(PHONE, `/${link.hash}`, false);
      await expect.poll(() => reader.evaluate((id) => {
        const r = document.getElementById(id)!.getBoundingClientRect();
        return scrollY > 0 && r.bottom > 0 && r.top < innerHeight;
      }, id), { timeout: 10_000, message: `${id}: ${link.hash}` }).toBe(true);
      await reader.context().close();
    }
    await page.context().close();
  });

  it('Copy link to quote, where the clipboard refuses on a phone, shows the link in a field inside the screen', async () => {
    const page = await openRefusingClipboard(PHONE);
    const context = page.context();
    await page.locator('#trade-figures').scrollIntoViewIfNeeded();
    // A word at the right end of a line: the offer opens centred under it, and the field is wider than the button.
    const word = await page.evaluate(() => {
      const p = document.getElementById('trade-figures')!;
      const text = p.firstChild as Text;
      for (const m of text.data.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(text, m.index);
        r.setEnd(text, m.index + m[0].length);
        if (r.getBoundingClientRect().right > 300) return m[0];
      }
      return undefined;
    });
    expect(word).toBeTruthy();
    await select(page, 'trade-figures', word!);
    const button = page.getByRole('button', { name: 'Copy link to quote' });
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.tap();
    const field = page.locator('[data-quote-url]');
    await expect.poll(() => field.isVisible()).toBe(true);
    const box = (await field.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('Copy link to quote keeps a selection that runs to the very start of the next paragraph to the words selected', async () => {
    // Dragging to the start of the next paragraph (or a triple click) ends the selection there, past a note and the
    // offer itself: the link is to the words of the first paragraph, and opens on it.
    const page = await open(PHONE);
    const [a, b] = await page.evaluate(() => {
      const paras = [...document.querySelectorAll<HTMLElement>('[data-para]')];
      const at = paras.findIndex((p) => p.id === 'north-waziristan-visit');
      return [paras[at]!.id, paras[at + 1]!.id];
    });
    await page.locator(`#${a}`).scrollIntoViewIfNeeded();
    await page.evaluate(([a, b]) => {
      const text = document.getElementById(a!)!.firstChild as Text;
      const r = document.createRange();
      r.setStart(text, text.data.indexOf('high-powered'));
      r.setEnd(document.getElementById(b!)!, 0);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    }, [a, b]);
    const button = page.getByRole('button', { name: 'Copy link to quote' });
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.tap();
    await expect.poll(() => clipboard(page)).toMatch(/#/);
    const link = new URL(await clipboard(page));
    // Every word of the link is the first paragraph's: none from the note after it, or from the offer.
    const own = (await page.locator(`#${a}`).textContent())!.replace(/\s+/g, ' ');
    const terms = link.hash.startsWith('#:~:text=') ? link.hash.slice('#:~:text='.length).split(',').map((t) => decodeURIComponent(t).replace(/^-|-$/g, '')) : [];
    for (const t of terms) expect(own, t).toContain(t);
    if (!terms.length) expect(link.hash).toBe(`#${a}`);
    const reader = await open(PHONE, `/${link.hash}`, false);
    await expect.poll(() => reader.evaluate((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return scrollY > 0 && r.bottom > 0 && r.top < innerHeight;
    }, a), { timeout: 10_000, message: link.hash }).toBe(true);
    await reader.context().close();
    await page.context().close();
  });

  it('Copy link to quote fits a 320 px screen with text at 200 %, copied too, and follows the selection when the phone turns', async () => {
    const page = await openAtTextSize(browser, { ...NARROW, permissions: ['clipboard-read', 'clipboard-write'] }, 32);
    await page.locator('#boot-model').scrollIntoViewIfNeeded();
    await select(page, 'boot-model', 'initial commercial proposal');
    const button = page.locator('[data-quote-copy]');
    await expect.poll(() => button.isVisible()).toBe(true);
    const inside = async () => {
      const b = (await button.boundingBox())!;
      const [width, scrollWidth] = await page.evaluate(() => [innerWidth, document.documentElement.scrollWidth]);
      return b.x >= 0 && b.x + b.width <= width + 0.5 && scrollWidth <= width;
    };
    expect(await inside()).toBe(true);
    await button.click();
    await expect.poll(() => button.evaluate((b) => b.hasAttribute('data-copied'))).toBe(true);
    expect(await inside()).toBe(true);
    // Turned, the words move: the button goes with them, under the end of the selection.
    await page.setViewportSize({ width: 640, height: 320 });
    await expect.poll(async () => {
      const end = await page.evaluate(() => { const r = [...getSelection()!.getRangeAt(0).getClientRects()].at(-1)!; return { bottom: r.bottom, right: r.right }; });
      const b = (await button.boundingBox())!;
      return Math.abs(b.y - (end.bottom + 6)) <= 2 && b.x <= end.right && end.right <= b.x + b.width + 8;
    }).toBe(true);
    await page.context().close();
  });

  it('Copy link to quote is the next Tab stop after selecting and is announced', async () => {
    const page = await open(DESKTOP);
    // Select by dragging, as a reader does: that also sets where Tab continues from.
    await page.locator('#boot-model').scrollIntoViewIfNeeded();
    await select(page, 'boot-model', 'initial commercial proposal');
    const { x1, y1, x2, y2 } = await page.evaluate(() => {
      const rects = getSelection()!.getRangeAt(0).getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      getSelection()!.removeAllRanges();
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    });
    await page.mouse.move(x1, y1);
    await page.mouse.down();
    await page.mouse.move(x2, y2, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('initial commercial proposal');
    await expect.poll(() => page.getByRole('button', { name: 'Copy link to quote' }).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-quote-copy]'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-quote-status]').textContent()).toBe('Link to the quote copied to the clipboard.');
    // Said once: the button the reader is on keeps its name, and shows the copy to the eye alone.
    const button = page.locator('[data-quote-copy]');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await expect.poll(() => button.evaluate((b) => getComputedStyle(b, '::after').content)).toContain('✓ copied');
    expect(await page.getByRole('button', { name: 'Copy link to quote', exact: true }).isVisible()).toBe(true);
    expect(await clipboard(page)).toMatch(/#:~:text=initial%20commercial%20proposal$/);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: /Copy link to quote|Link copied/ }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('boot-model');
    // The message goes with the offer, not left for a screen reader to find later.
    await expect.poll(() => page.locator('[data-quote-status]').textContent()).toBe('');
    await page.context().close();
  });

  it('Copy link to quote works from the keyboard alone, with the words selected by caret browsing', async () => {
    // Caret browsing (F7 in Chrome) lets a reader move a caret through the text and select with Shift.
    const caret = await launch(['--enable-caret-browsing']);
    try {
      const context = await caret.newContext(DESKTOP);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url()).origin });
      const page = await context.newPage();
      await page.goto(url('/'), { waitUntil: 'load' });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.matches('.skip-link'))).toBe(true);
      await page.keyboard.press('Enter');
      // Down through the header until the caret is in the author's first paragraph.
      let paragraph: string | undefined;
      for (let i = 0; i < 40 && !paragraph; i++) {
        await page.keyboard.press('ArrowDown');
        paragraph = await page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest<HTMLElement>('.article-body p[id]')?.id);
      }
      expect(paragraph).toBeTruthy();
      await page.keyboard.press('Home');
      for (let i = 0; i < 6; i++) await page.keyboard.press('Control+Shift+ArrowRight');
      const words = (await page.evaluate(() => String(getSelection()))).trim();
      expect(words.split(/\s+/).length).toBeGreaterThan(2);
      await expect.poll(() => page.getByRole('button', { name: 'Copy link to quote' }).isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.matches('[data-quote-copy]'))).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-quote-status]').textContent()).toBe('Link to the quote copied to the clipboard.');
      const link = decodeURIComponent(await page.evaluate(() => navigator.clipboard.readText()));
      expect(link).toContain(`#:~:text=${words}`);
    } finally {
      await caret.close();
    }
  });

  it('Copy link to quote falls back to the paragraph permalink where text fragments are unsupported', async () => {
    const context = await browser.newContext(DESKTOP);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url()).origin });
    await context.addInitScript(() => { delete (Document.prototype as { fragmentDirective?: unknown }).fragmentDirective; });
    const page = await context.newPage();
    await page.goto(url('/'), { waitUntil: 'load' });
    expect(await page.evaluate(() => 'fragmentDirective' in document)).toBe(false);
    await select(page, 'peace-for-cpec', 'sustainable economic vibes');
    await page.getByRole('button', { name: 'Copy link to quote' }).click();
    await expect.poll(() => clipboard(page)).toMatch(/\/#peace-for-cpec$/);
    await context.close();
  });

  it('arriving at /#<paragraph> scrolls it into view and moves focus to it', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await open(options, '/#north-south-extension', false);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('north-south-extension');
      const box = await page.locator('#north-south-extension').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(options.viewport!.height / 2);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('north-south-extension');
      await page.context().close();
    }
  });

  it('arriving by link flashes the target once, and not at all with reduced motion', async () => {
    const moving = await open({ ...DESKTOP, reducedMotion: 'no-preference' }, '/#peshawar-consulate', false);
    await expect.poll(() => moving.evaluate(() => document.activeElement?.id)).toBe('peshawar-consulate');
    expect(await moving.locator('#peshawar-consulate').evaluate((p) => p.getAnimations().map((a) => (a as CSSAnimation).animationName))).toEqual(['bloc-arrive']);
    await expect.poll(() => moving.locator('#peshawar-consulate').getAttribute('data-arrived'), { timeout: 10_000 }).toBeNull();
    await moving.context().close();

    const still = await open({ ...DESKTOP, reducedMotion: 'reduce' }, '/#peshawar-consulate', false);
    await expect.poll(() => still.evaluate(() => document.activeElement?.id)).toBe('peshawar-consulate');
    expect(await still.locator('#peshawar-consulate').evaluate((p) => [p.hasAttribute('data-arrived'), p.getAnimations().length])).toEqual([false, 0]);
    await still.context().close();
  });

  it('arriving at /#<event> focuses the event on the timeline', async () => {
    const page = await open(PHONE, '/#druzhba-2018', false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('druzhba-2018');
    const box = await page.locator('#druzhba-2018').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(PHONE.viewport!.height);
    await page.context().close();
  });

  it('following a link inside the page moves focus to the new target', async () => {
    const page = await open(DESKTOP, '/', false);
    await page.evaluate(() => { location.hash = '#common-interests'; });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('common-interests');
    await page.context().close();
  });

  it('a retired id moves the reader on to the id that replaced it', async () => {
    const page = await open(DESKTOP, '/', false);
    // Stands in for an entry in content/ids/redirects.yaml, which renders this anchor.
    await page.evaluate(() => {
      const old = Object.assign(document.createElement('span'), { id: 'old-trade-paragraph' });
      old.dataset.retiredTo = 'trade-figures';
      document.getElementById('trade-figures')!.prepend(old);
      location.hash = '#old-trade-paragraph';
    });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#trade-figures');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('trade-figures');
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core with a share panel open and a quote selected in ${colorScheme} mode`, async () => {
      for (const options of [PHONE, DESKTOP]) {
        const page = await open({ ...options, colorScheme });
        await page.locator('a[data-share-target="the-threat-of-is"]').click();
        await select(page, 'common-interests', 'common interests between Pakistan and Russia');
        await expect.poll(() => page.getByRole('button', { name: 'Copy link to quote' }).isVisible()).toBe(true);
        // Scoped to the sharing controls; the whole page is checked in page.test.ts.
        const results = await new AxeBuilder({ page }).include('bloc-share').include('a[data-share-target]').include('bloc-quote').include('.section-link').include('.para-link').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.context().close();
      }
    });
  }
});
