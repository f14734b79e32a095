// What Chromium fetches first: the document and its stylesheets; no script competes with them (every script is in the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, url, PHONE } from '../support/browser';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { BROKEN_SITE } from '../support/gates';


let browser: Browser;
let broken: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  browser = await launch();
  broken = await serveStatic(BROKEN_SITE);
});
afterAll(async () => {
  await browser?.close(); await broken?.close();
});

interface Fetch { path: string; type: string; priority: string }

/** Every request a page makes until the network is idle, with the priority Chromium gave it. */
async function fetches(target: string): Promise<{ requests: Fetch[]; undefinedElements: string[] }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests: Fetch[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.push({ path: new URL(e.request.url).pathname, type: e.type ?? '', priority: e.request.initialPriority });
  });
  await page.goto(target, { waitUntil: 'networkidle' });
  const undefinedElements = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')]
    .map((el) => el.localName).filter((n) => n.startsWith('bloc-') && !customElements.get(n)))]);
  await context.close();
  return { requests, undefinedElements };
}

/** The article on a phone, loaded until the network is idle, and the path of every script it fetches. */
async function openRecordingScripts() {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
  await page.goto(url('/'), { waitUntil: 'networkidle' });
  return { context, page, scripts };
}

const scriptsAbove = (requests: Fetch[], levels: string[]) => requests.filter((r) => r.type === 'Script' && levels.includes(r.priority)).map((r) => `${r.path} (${r.priority})`);

describe('loading order in Chromium', () => {
  it('fetches(article) finds no script fetched (they are written into the page), and every enhancement defined but the quote\'s offer and the charts\' tooltips', async () => {
    const { requests, undefinedElements } = await fetches(url('/'));
    expect(requests.filter((r) => r.type === 'Script').map((r) => r.path)).toEqual([]);
    // The stylesheets the first paint waits for still go first.
    expect(requests.filter((r) => r.type === 'Stylesheet' && r.priority === 'VeryHigh').length).toBeGreaterThan(0);
    expect(undefinedElements.sort()).toEqual(['bloc-chart-tip', 'bloc-quote']);
  });

  it('a chart\'s tooltip is fetched when a bar is first focused, once, and opens on that bar; the bars are tab stops before it comes', async () => {
    const { context, page, scripts } = await openRecordingScripts();
    const bars = page.locator('#trade-chart [data-tip-value]');
    expect(await bars.evaluateAll((gs) => gs.map((g) => (g as SVGElement).tabIndex))).toEqual(Array((await bars.count())).fill(0));
    expect(scripts).toEqual([]);
    await bars.first().focus();
    const tip = page.locator('#trade-chart .chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(await bars.first().getAttribute('data-tip-value'));
    expect(scripts).toEqual([expect.stringMatching(/^\/_astro\/chartTip\.[\w-]+\.js$/)]);
    await bars.last().focus();
    await expect.poll(() => tip.textContent()).toContain(await bars.last().getAttribute('data-tip-value'));
    expect(scripts).toHaveLength(1);
    await context.close();
  });

  it('the quote\'s offer is fetched when the reader first selects words, once, and offers that very selection', async () => {
    const { context, page, scripts } = await openRecordingScripts();
    expect(scripts).toEqual([]);
    const select = (n: number) => page.evaluate((n) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelectorAll('.article-body [data-para]')[n]!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, n);
    const offered = () => page.getByRole('button', { name: 'Copy link to quote' }).isVisible();
    await select(0);
    await expect.poll(offered).toBe(true);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/_astro\/quote\.[\w-]+\.js$/);
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await expect.poll(offered).toBe(false);
    await select(1);
    await expect.poll(offered).toBe(true);
    expect(scripts).toHaveLength(1);
    await context.close();
  });

  it('a later module that failed to come is asked for again at the reader\'s next press or key, not at every step of a selection', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    let asked = 0, failing = true;
    await page.route(/\/_astro\/quote\.[\w-]+\.js$/, (r) => { asked++; return failing ? r.abort() : r.continue(); });
    await page.goto(url('/'), { waitUntil: 'networkidle' });
    // Each selection is one more selectionchange, dispatched before the promise resolves.
    const select = (n: number) => page.evaluate((n) => new Promise<void>((done) => {
      document.addEventListener('selectionchange', () => requestAnimationFrame(() => done()), { once: true });
      const range = document.createRange();
      range.selectNodeContents(document.querySelectorAll('.article-body [data-para]')[n]!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }), n);
    const failed = page.waitForEvent('requestfailed');
    await select(0);
    await failed;
    for (const n of [1, 2, 3]) await select(n);
    expect(asked).toBe(1);
    failing = false;
    await page.keyboard.press('Shift');
    await select(4);
    await expect.poll(() => page.getByRole('button', { name: 'Copy link to quote' }).isVisible()).toBe(true);
    expect(asked).toBe(2);
    await context.close();
  });

  it('a bar held down by a finger while the tooltip\'s module comes opens its tip on the lift, as a tap, and scrolling on puts it away', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route(/\/_astro\/chartTip\.[\w-]+\.js$/, async (r) => { await held; await r.continue(); });
    await page.goto(url('/'), { waitUntil: 'networkidle' });
    const bar = page.locator('#trade-chart [data-tip-value]').last();
    await bar.scrollIntoViewIfNeeded();
    const box = (await bar.boundingBox())!;
    const point = { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 20) };
    const cdp = await context.newCDPSession(page);
    const asked = page.waitForRequest(/chartTip/);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await asked;
    release();
    await page.evaluate(() => customElements.whenDefined('bloc-chart-tip'));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const tip = page.locator('#trade-chart .chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.evaluate(() => scrollBy(0, innerHeight / 2));
    await expect.poll(() => tip.isVisible()).toBe(false);
    await context.close();
  });

  it('the page\'s script lays nothing out while it runs: it writes before the first paint and measures after it', async () => {
    // A measurement in the script (a box, a scroll position) would force the whole page's style and layout inside
    // the script's task, before the first paint, where a phone feels it as a long freeze.
    const forced = async (target: string, init?: string) => {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      if (init) await page.addInitScript(init);
      const cdp = await context.newCDPSession(page);
      const events: { name: string; ts: number; dur?: number; ph: string; tid: number }[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
      await page.goto(target, { waitUntil: 'load' });
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      await context.close();
      const modules = events.filter((e) => e.name === 'v8.evaluateModule' && e.ph === 'X');
      expect(modules.length).toBeGreaterThan(0);
      return events.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ph === 'X'
        && modules.some((m) => m.tid === e.tid && e.ts >= m.ts && e.ts + (e.dur ?? 0) <= m.ts + (m.dur ?? 0))).map((e) => e.name);
    };
    // A measurement in the script forces layout on every load; on a busy machine a trace may now and then show one
    // that the script did not ask for (seen once in a full run beside two other browsers). So a dirty load is
    // measured once more, and the second must be clean: the measuring script below is caught every time.
    let seen: string[] = [];
    for (let run = 0; run < 2; run++) {
      seen = await forced(url('/'));
      if (seen.length === 0) break;
    }
    expect(seen).toEqual([]);
    // The same trace sees a measurement made while the script runs: here the contents measure the page on upgrade.
    const measuring = `const define = customElements.define.bind(customElements);
      customElements.define = (name, cls, options) => {
        if (name === 'bloc-toc') {
          const connected = cls.prototype.connectedCallback;
          cls.prototype.connectedCallback = function () { document.body.getBoundingClientRect(); return connected.call(this); };
        }
        return define(name, cls, options);
      };`;
    expect(await forced(url('/'), measuring)).toEqual(expect.arrayContaining(['UpdateLayoutTree', 'Layout']));
  });

  it('the page\'s script changes no rule over the page\'s large containers: a change there restyles the whole document', async () => {
    // Any rule that starts or stops applying to the root or a container of much of the page once the script has run
    // (html:has(bloc-toc:defined), an attribute the script sets on html) has Chromium restyle every element in it
    // after the first paint: measured at 390 px with the CPU slowed four times, a third of the page's style work.
    const matched = async (javaScriptEnabled: boolean, extra: string[] = []) => {
      const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(url('/'), { waitUntil: 'load' });
      // Read in the middle of the page, once the script has done what it does on load, when idle and as the reader scrolls.
      await page.locator('[data-section] > h2[id]').nth(3).scrollIntoViewIfNeeded();
      if (javaScriptEnabled) {
        await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(undefined), { timeout: 10_000 })));
        await page.waitForFunction(() => document.querySelector('bloc-toc [aria-current]') !== null);
      }
      const result = await page.evaluate((extra) => {
        const selectors: string[] = [...extra];
        const walk = (rules: CSSRuleList) => {
          for (const r of rules) {
            if (r instanceof CSSStyleRule) selectors.push(r.selectorText);
            if ('cssRules' in r) walk((r as CSSGroupingRule).cssRules);
          }
        };
        for (const sheet of document.styleSheets) walk(sheet.cssRules);
        const all = document.getElementsByTagName('*').length;
        const large = [...document.querySelectorAll('*')].filter((el) => el.getElementsByTagName('*').length > all / 4);
        const matches = (el: Element, sel: string) => { try { return el.matches(sel); } catch { return false; } };
        return { rules: selectors.length, containers: Object.fromEntries(large.map((el) => [`${el.localName}.${el.className}`, selectors.filter((sel) => matches(el, sel))])) };
      }, extra);
      await context.close();
      return result;
    };
    const withScript = await matched(true), without = await matched(false);
    expect(without.rules).toBeGreaterThan(100);
    expect(Object.keys(without.containers)).toEqual(expect.arrayContaining(['html.', 'body.', 'main.']));
    expect(withScript.containers).toEqual(without.containers);
    // The comparison sees a rule that applies to the root only once an element is defined.
    const bad = ['html:has(bloc-toc:defined)'];
    expect((await matched(true, bad)).containers['html.']).toContain(bad[0]);
    expect((await matched(false, bad)).containers['html.']).not.toContain(bad[0]);
  });

  it('fetches(brokenPage) catches scripts fetched at High priority', async () => {
    const { requests } = await fetches(new URL('/about/', broken.url).href);
    expect(scriptsAbove(requests, ['VeryHigh', 'High', 'Medium'])).toEqual(expect.arrayContaining(['/_astro/enhance.js (High)', '/_astro/shared.js (High)']));
  });
});

