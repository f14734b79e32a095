// What Chromium fetches first: the document and its stylesheets; no script competes with them (every script is in the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { launch, url, DESKTOP, PHONE, laidOut } from '../support/browser';
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

const scriptsAbove = (requests: Fetch[], levels: string[]) => requests.filter((r) => r.type === 'Script' && levels.includes(r.priority)).map((r) => `${r.path} (${r.priority})`);

describe('loading order in Chromium', () => {
  it('fetches(article) finds no script fetched above Low priority (they are written into the page), and every enhancement defined', async () => {
    const { requests, undefinedElements } = await fetches(url('/'));
    expect(scriptsAbove(requests, ['VeryHigh', 'High', 'Medium'])).toEqual([]);
    // The stylesheets the first paint waits for still go first.
    expect(requests.filter((r) => r.type === 'Stylesheet' && r.priority === 'VeryHigh').length).toBeGreaterThan(0);
    expect(undefinedElements).toEqual([]);
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
    expect(await forced(url('/'))).toEqual([]);
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

  it('fetches(brokenPage) catches scripts fetched at High priority', async () => {
    const { requests } = await fetches(new URL('/about/', broken.url).href);
    expect(scriptsAbove(requests, ['VeryHigh', 'High', 'Medium'])).toEqual(expect.arrayContaining(['/_astro/enhance.js (High)', '/_astro/shared.js (High)']));
  });
});

describe('blocks out of reach on a phone', () => {
  const BLOCKS = ['.article-section:nth-of-type(2)', '.article-section:last-of-type', '.epilogue', '.corrections-box', '.glossary'];
  const open = async (options: typeof PHONE, path: string) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto(url(path), { waitUntil: 'load' });
    return { page, close: () => context.close() };
  };
  const visibility = (page: Awaited<ReturnType<typeof open>>['page'], selectors: string[]) =>
    page.evaluate((sels) => sels.map((s) => getComputedStyle(document.querySelector(s)!).contentVisibility), selectors);

  it('wait for their layout until the reader nears them on a phone, on a fresh visit only, and never on a wide screen', async () => {
    const phone = await open(PHONE, '/');
    expect(await visibility(phone.page, ['.article-section:first-of-type'])).toEqual(['visible']);
    expect(await visibility(phone.page, BLOCKS)).toEqual(BLOCKS.map(() => 'auto'));
    // A reload puts the reader back at a remembered offset, which needs every block's true height.
    await phone.page.reload({ waitUntil: 'load' });
    expect(await visibility(phone.page, BLOCKS)).toEqual(BLOCKS.map(() => 'visible'));
    await phone.close();
    // What the accessibility checks use to measure every block (axe leaves a block it cannot measure unjudged).
    const checked = await open(PHONE, '/');
    await laidOut(checked.page);
    expect(await visibility(checked.page, BLOCKS)).toEqual(BLOCKS.map(() => 'visible'));
    await checked.close();
    // Without JavaScript nothing tells a fresh visit from a return, so every block is laid out.
    const plain = await open({ ...PHONE, javaScriptEnabled: false }, '/');
    expect(await visibility(plain.page, BLOCKS)).toEqual(BLOCKS.map(() => 'visible'));
    await plain.close();
    const wide = await open(DESKTOP, '/');
    expect(await visibility(wide.page, BLOCKS)).toEqual(BLOCKS.map(() => 'visible'));
    await wide.close();
  });

  it('clip nothing a reader needs: a focus ring on a block\'s edge, the quote button under a section\'s last line', async () => {
    for (const width of [390, 800]) {
      const { page, close } = await open({ viewport: { width, height: 900 } }, '/');
      // The Share link sits in the top right corner of its section; its focus ring stands outside the section's box.
      const share = page.locator('.article-section:nth-of-type(3) a.share');
      await share.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
      expect(await visibility(page, ['.article-section:nth-of-type(3)'])).toEqual(['auto']);
      const box = (await share.boundingBox())!;
      const clip = { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 };
      const shot = async () => PNG.sync.read(await page.screenshot({ clip }));
      const before = await shot();
      await share.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      expect(await share.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
      const after = await shot();
      const changed = (inBand: (x: number, y: number) => boolean) => {
        let n = 0;
        for (let y = 0; y < after.height; y++) for (let x = 0; x < after.width; x++) {
          const i = (y * after.width + x) * 4;
          if (inBand(x, y) && Math.abs(after.data[i]! - before.data[i]!) + Math.abs(after.data[i + 1]! - before.data[i + 1]!) + Math.abs(after.data[i + 2]! - before.data[i + 2]!) > 60) n++;
        }
        return n;
      };
      // The ring shows on all four sides, outside the link's own box.
      const sides = [changed((_, y) => y < 7), changed((x) => x >= after.width - 7), changed((_, y) => y >= after.height - 7), changed((x) => x < 7)];
      expect(sides.map((n) => n > 0), `width ${width}: ${sides}`).toEqual([true, true, true, true]);
      await close();
    }
    // The quote button appears under the selection; under a section's last line it stands below the section.
    const { page, close } = await open(PHONE, '/');
    const hit = await page.evaluate(async () => {
      const section = document.querySelector('.article-section:nth-of-type(2)')!;
      const paras = section.querySelectorAll(':scope > [data-para]');
      const last = paras[paras.length - 1]!;
      last.scrollIntoView({ block: 'center', behavior: 'instant' });
      const text = [...last.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).pop() as Text;
      const range = document.createRange();
      range.setStart(text, Math.max(0, text.length - 12));
      range.setEnd(text, text.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getComputedStyle(section).contentVisibility;
    });
    expect(hit).toBe('auto');
    const button = page.locator('[data-quote-copy]');
    await expect.poll(() => button.isVisible()).toBe(true);
    const low = await button.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const section = document.querySelector('.article-section:nth-of-type(2)')!.getBoundingClientRect();
      return { below: r.bottom > section.bottom, bottomHit: document.elementFromPoint(r.left + r.width / 2, r.bottom - 2) === b };
    });
    expect(low).toEqual({ below: true, bottomHit: true });
    await close();
  });

  it('give a reader who reloads the page back the paragraph they were reading', async () => {
    const { page, close } = await open(PHONE, '/');
    // The block of text under the reader's eyes: its first words.
    const atTop = () => page.evaluate(() => {
      for (let y = 120; y < innerHeight; y += 40) {
        const text = document.elementFromPoint(innerWidth / 2, y)?.closest('p, li, h2, h3, dt, dd, figcaption')?.textContent?.trim();
        if (text) return text.slice(0, 60);
      }
      return undefined;
    });
    // Read down to the corrections, a screen at a time, as a reader scrolls.
    for (;;) {
      const top = await page.evaluate(() => document.querySelector('.corrections-box')!.getBoundingClientRect().top);
      if (top < 300) break;
      await page.evaluate((by) => scrollBy({ top: by, behavior: 'instant' }), Math.min(700, top - 250));
    }
    const reading = await atTop();
    expect(reading).toBeTruthy();
    await page.reload({ waitUntil: 'load' });
    await expect.poll(atTop, { timeout: 10_000 }).toBe(reading);
    await close();
  });

  it('are all laid out when the page opens at a fragment, so that the link lands on its target, with or without JavaScript', async () => {
    // The last section, a verdict, the corrections and a glossary entry: each below blocks whose height was estimated.
    const targets = await (async () => {
      const { page, close } = await open(PHONE, '/');
      const ids = await page.evaluate(() => [
        document.querySelector('.article-section:last-of-type h2')!.id,
        document.querySelector('.epilogue [id].claim')?.id ?? document.querySelector('.epilogue h2')!.id,
        document.querySelector('.corrections-box h2')!.id,
        document.querySelector('.glossary [id^="glossary-"]:last-of-type')!.id,
      ]);
      await close();
      return ids;
    })();
    expect(targets.every(Boolean)).toBe(true);
    for (const javaScriptEnabled of [false, true]) {
      for (const id of targets) {
        const { page, close } = await open({ ...PHONE, javaScriptEnabled }, `/#${id}`);
        expect(await visibility(page, BLOCKS), id).toEqual(BLOCKS.map(() => 'visible'));
        // The browser's own jump (and, with JavaScript, the arrival's) glides the target to the top of the screen.
        await expect.poll(() => page.evaluate((target) => Math.round(document.getElementById(target)!.getBoundingClientRect().top), id), { timeout: 10_000 })
          .toSatisfy((top: number) => top >= 0 && top < 160);
        await close();
      }
    }
  });

  it('still let a text fragment land on its quote, though no element is the target', async () => {
    const { page, close } = await open(PHONE, '/');
    const last = await page.evaluate(() => document.querySelector('.article-section:last-of-type [data-para]:last-of-type')!.textContent!.trim().split(/\s+/).slice(0, 6).join(' '));
    await close();
    const quoted = await open(PHONE, `/#:~:text=${encodeURIComponent(last).replace(/-/g, '%2D')}`);
    await expect.poll(() => quoted.page.evaluate((words) => {
      const para = [...document.querySelectorAll('.article-section:last-of-type [data-para]')].find((p) => p.textContent!.trim().startsWith(words));
      const top = para?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < innerHeight;
    }, last), { timeout: 10_000 }).toBe(true);
    await quoted.close();
  });
});
