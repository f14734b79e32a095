// The page holds up when the reader's browser is not the one it was designed in: JavaScript off or failing,
// 200 % zoom, a 24 px base font, forced colours (high contrast) and reduced motion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { launch, url, DESKTOP } from '../support/browser';
import { BROKEN_SITE, htmlPages, pageUrlPath } from '../support/gates';
import { serveStatic } from '../../scripts/lib/static-server.mjs';

/** Every page a reader stays on (redirect stubs move on at once), so pages added later are covered too. */
function readablePages(): string[] {
  const dist = inject('distDir');
  return htmlPages(dist)
    .filter((f) => !/<meta[^>]+http-equiv=["']?refresh/i.test(readFileSync(join(dist, f), 'utf8')))
    .map((f) => pageUrlPath(f));
}

let browser: Browser;
let broken: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  browser = await launch();
  broken = await serveStatic(BROKEN_SITE);
});
afterAll(async () => { await browser?.close(); await broken?.close(); });

async function open(options: BrowserContextOptions, path = '/', prepare?: (page: Page) => Promise<void>, base?: string): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto(base ? new URL(path, base).href : url(path), { waitUntil: 'load' });
  return page;
}

/**
 * What the reader must be able to see: the headline, every paragraph, every figure with a drawing in it,
 * the contents. `shown` lists the visible ones by position, so two runs of the same page compare.
 */
function content(page: Page) {
  return page.evaluate(() => {
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && Number(s.opacity) > 0;
    };
    // Decorative icons (aria-hidden) may differ: an enhanced control can replace a static key.
    const items = [...document.querySelectorAll('h1, [data-para], figure, figure svg:not([aria-hidden="true"]), nav.toc')];
    const label = (el: Element, i: number) => `${i}:${el.localName}${el.id ? `#${el.id}` : ''}.${el.getAttribute('class') ?? ''}`;
    // A drawing: an SVG, an image or a table, or a figure's HTML drawing (the timeline's year bands).
    const figuresWithoutDrawing = [...document.querySelectorAll('figure')]
      .filter((f) => ![...f.querySelectorAll('svg, img, table, [data-figure-drawing]')].some((g) => seen(g) && g.getBoundingClientRect().height > 40))
      .map((f) => f.id);
    return {
      count: items.length,
      shown: items.map((el, i) => (seen(el) ? label(el, i) : '')).filter(Boolean),
      essentialHidden: items.filter((el) => el.matches('h1, [data-para], figure, nav.toc') && !seen(el)).map(label),
      figuresWithoutDrawing,
    };
  });
}

/** Horizontal scrolling of the page, and text that is cut off by a box too small for it. */
function overflowAndClipping(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const clipped: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('.visually-hidden, .skip-link, svg, [hidden], details:not([open]) > :not(summary)')) continue;
      const s = getComputedStyle(el);
      if (s.display === 'none' || !el.textContent?.trim()) continue;
      // Text hidden on purpose for screen readers only (the 1 px clip pattern) is not clipped by accident.
      if (s.clipPath.startsWith('inset(50%') || (el.offsetWidth <= 1 && el.offsetHeight <= 1)) continue;
      const clips = /(hidden|clip)/.test(s.overflowX) || /(hidden|clip)/.test(s.overflowY);
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) clipped.push(`${el.localName}.${el.className}`);
      if (s.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) clipped.push(`${el.localName}.${el.className} (ellipsis)`);
    }
    // Chart labels must stay inside the drawing they belong to.
    for (const text of document.querySelectorAll('svg text')) {
      const svg = text.closest('svg')!.getBoundingClientRect();
      const r = text.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1) {
        clipped.push(`svg text "${text.textContent}" outside its chart`);
      }
    }
    return { overflow: doc.scrollWidth - doc.clientWidth, clipped, labels: document.querySelectorAll('svg text').length };
  });
}

describe('robust article page in Chromium', () => {
  it('open(page, javaScriptEnabled: false) shows every paragraph, figure and drawing that JavaScript shows', async () => {
    const on = await open(DESKTOP);
    const off = await open({ ...DESKTOP, javaScriptEnabled: false });
    const withJs = await content(on);
    const withoutJs = await content(off);
    expect(withoutJs.count).toBe(withJs.count);
    expect(withoutJs.count).toBeGreaterThan(20);
    expect(withoutJs.essentialHidden).toEqual([]);
    expect(withoutJs.figuresWithoutDrawing).toEqual([]);
    expect(withJs.shown.filter((x) => !withoutJs.shown.includes(x))).toEqual([]);
    await on.context().close();
    await off.context().close();
  });

  it('open(page) with every script failing still shows all the content', async () => {
    const errors: string[] = [];
    const working = await content(await open(DESKTOP));
    const page = await open(DESKTOP, '/', async (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      // Bundled scripts fail as they load, and inline ones fail when they register their element.
      await p.route('**/_astro/*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: "throw new Error('script failed on purpose');" }));
      await p.addInitScript(() => {
        customElements.define = () => { throw new Error('custom element failed on purpose'); };
      });
    });
    const failing = await content(page);
    expect(errors.length).toBeGreaterThan(0);
    expect(failing.essentialHidden).toEqual([]);
    expect(failing.figuresWithoutDrawing).toEqual([]);
    expect(working.shown.filter((x) => !failing.shown.includes(x))).toEqual([]);
    expect(await page.locator('nav.toc a').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('open(page) at 200 % zoom does not scroll sideways or clip text', async () => {
    const pages = readablePages();
    expect(pages).toEqual(expect.arrayContaining(['/', '/404.html']));
    for (const path of pages) {
      // A 1280 px window at 200 % zoom lays the page out in 640 CSS pixels.
      const page = await open({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }, path);
      const { overflow, clipped, labels } = await overflowAndClipping(page);
      if (path === '/') expect(labels).toBeGreaterThan(0);
      expect(overflow, path).toBe(0);
      expect(clipped, path).toEqual([]);
      await page.context().close();
    }
  });

  it('open(page) with a 24 px base font does not scroll sideways or clip text, and the text grows', async () => {
    const normal = await open({ viewport: { width: 390, height: 844 } });
    const large = await open({ viewport: { width: 390, height: 844 } }, '/', async (p) => {
      // The reader's own font-size setting, as the browser's preferences set it.
      const cdp = await p.context().newCDPSession(p);
      await cdp.send('Page.enable');
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 24 } });
    });
    const size = (p: Page) => p.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-para]')!).fontSize));
    expect(await large.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    expect(await size(large)).toBeGreaterThan((await size(normal)) * 1.3);
    const { overflow, clipped } = await overflowAndClipping(large);
    expect(overflow).toBe(0);
    expect(clipped).toEqual([]);
    await normal.context().close();
    await large.context().close();
    for (const path of readablePages().filter((p) => p !== '/')) {
      const other = await open({ viewport: { width: 390, height: 844 } }, path, async (p) => {
        const cdp = await p.context().newCDPSession(p);
        await cdp.send('Page.enable');
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 24 } });
      });
      const result = await overflowAndClipping(other);
      expect(result.overflow, path).toBe(0);
      expect(result.clipped, path).toEqual([]);
      await other.context().close();
    }
  });

  it('open(page) in forced-colors mode keeps focus visible, and text and chart marks distinct from the background', async () => {
    const page = await open(DESKTOP);
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { tag: document.activeElement!.localName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(focus.tag).toBe('a');
    expect(focus.style).not.toBe('none');
    expect(focus.width).toBeGreaterThanOrEqual(2);
    const invisible = await page.evaluate(() => {
      const bg = getComputedStyle(document.body).backgroundColor;
      const out: string[] = [];
      for (const el of document.querySelectorAll('svg text')) {
        const s = getComputedStyle(el);
        if (s.fill === 'none' || s.fill === bg || s.fillOpacity === '0' || s.opacity === '0') out.push(`svg text "${el.textContent}" fill ${s.fill}`);
      }
      // Bars, lines and points: each must show a fill or a stroke that differs from the background.
      for (const el of document.querySelectorAll('figure svg :is(rect, path, circle, line, polyline, polygon)')) {
        if (el.closest('defs, clipPath, mask, [aria-hidden="true"]:not(svg)')) continue;
        const s = getComputedStyle(el);
        const fill = s.fill !== 'none' && s.fill !== bg && s.fill !== 'rgba(0, 0, 0, 0)' && s.fillOpacity !== '0';
        const stroke = s.stroke !== 'none' && s.stroke !== bg && s.stroke !== 'rgba(0, 0, 0, 0)' && parseFloat(s.strokeWidth) > 0;
        const box = (el as SVGGraphicsElement).getBBox();
        if (box.width > 0 && box.height > 0 && !fill && !stroke) out.push(`${el.localName}.${el.getAttribute('class')} drawn in the background colour`);
      }
      for (const el of document.querySelectorAll<HTMLElement>('main p, main h1, main h2, main a, main li, main figcaption')) {
        const s = getComputedStyle(el);
        if (el.textContent?.trim() && s.color === bg) out.push(`${el.localName} text in the background colour`);
      }
      return { out, marks: document.querySelectorAll('figure svg text').length };
    });
    expect(invisible.marks).toBeGreaterThan(0);
    expect(invisible.out).toEqual([]);
    await page.context().close();
  });

  it('open(page) with reduced motion scrolls instantly and runs no animation', async () => {
    const page = await open({ ...DESKTOP, reducedMotion: 'reduce' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    await page.locator('nav.toc a').nth(3).click();
    const moving = await page.evaluate(() => {
      // A shade tied to the scroll position (a table's edge) is not a motion.
      const running = document.getAnimations().filter((a) => !(a.timeline instanceof ScrollTimeline)).map((a) => `${(a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? 'animation'} on ${(a.effect as KeyframeEffect)?.target?.localName}`);
      const styled = [...document.querySelectorAll('*')].filter((el) => {
        const s = getComputedStyle(el);
        const long = (v: string) => v.split(',').some((d) => parseFloat(d) > 0.01);
        return (s.animationName !== 'none' && long(s.animationDuration)) || long(s.transitionDuration) || s.scrollBehavior === 'smooth';
      }).map((el) => `${el.localName}.${el.getAttribute('class') ?? ''}`);
      return { running, styled };
    });
    expect(moving.running).toEqual([]);
    expect(moving.styled).toEqual([]);
    await page.context().close();
  });

  it('overflowAndClipping(page) catches sideways scrolling, clipped text and a label outside its chart on a broken page', async () => {
    const page = await open({ viewport: { width: 640, height: 450 } }, '/wide.html', undefined, broken.url);
    const { overflow, clipped } = await overflowAndClipping(page);
    expect(overflow).toBeGreaterThan(0);
    expect(clipped).toContain('p.clipped');
    expect(clipped.some((c) => c.includes('outside its chart'))).toBe(true);
    await page.context().close();
  });
});
